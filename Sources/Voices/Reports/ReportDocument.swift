import Foundation

/// One report page in every format: the HTML page, and the Markdown, CSV and JSON written
/// beside it from the same document, so the four never disagree.
///
/// The Markdown carries the text and every table (a chart becomes its data table); the CSV
/// stacks every table, each under its caption; the JSON holds every table with numbers as
/// numbers, the quotes and the provenance.
struct ReportDocument: Sendable {
  var page: HTMLDocument
  /// Machine-readable facts added to the JSON beside the page (e.g. the quote rule).
  var extraJSON: [(String, JSONValue)] = []
  /// Records written to the CSV after the page's tables (e.g. the theme pack's every coded
  /// comment, which the page only samples); made only when the CSV is written.
  var csvRecords: (@Sendable () -> [[String]])?

  init(_ page: HTMLDocument, extraJSON: [(String, JSONValue)] = []) {
    self.page = page
    self.extraJSON = extraJSON
  }

  func html() -> String { page.render() }

  /// A table of the page with the heading of the section it sits in.
  struct PlacedTable {
    var section: String
    var table: DataTable
  }

  /// Every table in page order, figures' data tables captioned "Figure N: ..." as on the page.
  var tables: [PlacedTable] {
    var out: [PlacedTable] = []
    var figures = 0
    func walk(_ section: HTMLDocument.Section) {
      for block in section.blocks {
        switch block {
        case .table(let t): out.append(PlacedTable(section: section.heading, table: t))
        case .figure(let f) where !f.chart.hasValues: out.append(PlacedTable(section: section.heading, table: f.dataTable))
        case .figure(let f):
          figures += 1
          var t = f.dataTable
          t.caption = "Figure \(figures): \(t.caption)"
          out.append(PlacedTable(section: section.heading, table: t))
        default: break
        }
      }
      section.subsections.forEach(walk)
    }
    page.sections.forEach(walk)
    return out
  }

  /// The Markdown version.
  func markdown() -> String {
    var doc = MarkdownDocument()
    doc.append(.heading(level: 1, text: page.title))
    if let summary = page.summary { doc.append(.paragraph(summary)) }
    if let warning = page.warning { doc.append(.trusted("**Warning:** " + MarkdownDocument.inline(warning))) }
    var figures = 0
    func walk(_ section: HTMLDocument.Section, level: Int) {
      doc.append(.heading(level: level, text: section.heading))
      for block in section.blocks {
        switch block {
        case .paragraph(let runs): doc.append(.trusted(Self.markdown(runs)))
        case .list(let items, let ordered):
          doc.append(.trusted(items.enumerated().map { (ordered ? "\($0.offset + 1). " : "- ") + Self.markdown($0.element) }.joined(separator: "\n")))
        case .quote(let text, let attribution): doc.append(.quote(text, attribution: attribution))
        case .richQuote(let runs, let attribution):
          var lines = Self.markdown(runs).split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
          if let attribution { lines += [">", "> — " + MarkdownDocument.inline(attribution)] }
          doc.append(.trusted(lines.joined(separator: "\n")))
        case .keyFigures(let items): doc.append(.list(items.map { "\($0.value) \($0.label)" }))
        case .table(let t): doc.append(t.markdown)
        case .figure(let f) where !f.chart.hasValues:
          doc.append(.paragraph(f.emptySentence))
          doc.append(f.dataTable.markdown)
        case .figure(let f):
          figures += 1
          f.markdown(number: figures).forEach { doc.append($0) }
        case .note(let text): doc.append(.paragraph(text))
        }
      }
      for child in section.subsections { walk(child, level: level + 1) }
    }
    page.sections.forEach { walk($0, level: 2) }
    page.provenance?.markdown.forEach { doc.append($0) }
    return doc.render()
  }

  /// Inline runs as Markdown: respondent text escaped, emphasis and highlights in bold.
  static func markdown(_ runs: [HTMLDocument.Inline]) -> String {
    runs.map { run in
      switch run {
      case .text(let t): MarkdownDocument.inline(t)
      case .strong(let t), .mark(let t): strong(t)
      case .link(let t, let href): "[" + MarkdownDocument.inline(t) + "](" + href.replacingOccurrences(of: ")", with: "%29") + ")"
      }
    }.joined()
  }

  /// `**text**` with surrounding spaces moved outside the markers (CommonMark needs the
  /// closing `**` right after a non-space).
  static func strong(_ t: String) -> String {
    let core = t.trimmingCharacters(in: .whitespaces)
    guard !core.isEmpty else { return t }
    let lead = t.prefix { $0 == " " }, trail = String(t.reversed().prefix { $0 == " " })
    return lead + "**" + MarkdownDocument.inline(core) + "**" + trail
  }

  /// Every table stacked: a row with the caption, the header, the rows, a blank row.
  func csv() -> String {
    var rows: [[String]] = [[page.title]]
    if let warning = page.warning { rows.append(["Warning: " + warning]) }
    rows.append([])
    for placed in tables {
      let csv = placed.table.csv
      rows.append([placed.table.caption])
      rows.append(csv.header)
      rows += csv.rows
      for note in placed.table.notes { rows.append(["Note: " + note]) }
      rows.append([])
    }
    if let csvRecords { rows += csvRecords() }
    return TableWriter.csv(rows)
  }

  /// Title, warning, every table (numbers as numbers, suppressed cells as text), every quote,
  /// the extra facts and the provenance.
  func json() -> String {
    var quotes: [JSONValue] = []
    func walk(_ section: HTMLDocument.Section) {
      for block in section.blocks {
        switch block {
        case .quote(let text, let attribution):
          quotes.append(.object([("section", .string(section.heading)), ("text", .string(text)), ("attribution", .optional(attribution))]))
        case .richQuote(let runs, let attribution):
          quotes.append(.object([("section", .string(section.heading)), ("text", .string(runs.map(\.plain).joined())),
                                 ("attribution", .optional(attribution))]))
        default: break
        }
      }
      section.subsections.forEach(walk)
    }
    page.sections.forEach(walk)
    let tableValues: [JSONValue] = tables.map { placed in
      .object([
        ("section", .string(placed.section)),
        ("caption", .string(placed.table.caption)),
        ("columns", .array(placed.table.columns.map(JSONValue.string))),
        ("rows", .array(placed.table.rows.map { row in .array(row.map { cell in cell.number.map(JSONValue.number) ?? .string(cell.text) }) })),
        ("notes", .array(placed.table.notes.map(JSONValue.string))),
      ])
    }
    var members: [(String, JSONValue)] = [("title", .string(page.title)), ("summary", .optional(page.summary)),
                                          ("warning", .optional(page.warning))]
    members += extraJSON
    members += [("tables", .array(tableValues)), ("quotes", .array(quotes)), ("provenance", page.provenance?.json ?? .null)]
    return JSONValue.object(members).render()
  }
}
