/// A self-contained, accessible HTML report page: one file, inline CSS and SVG, no script,
/// nothing fetched.
///
/// The skeleton is fixed so every report meets WCAG 2.2 AA the same way: `lang="en-GB"`, a skip
/// link, `<header>` with the one `<h1>`, a `<nav>` table of contents, `<main>`, and a `<footer>`
/// with provenance. Sections nest, and their headings follow from the nesting (h2, h3, …), so
/// levels are never skipped. All text passes through `HTMLEscaping`. Nothing varies between
/// runs: no clock is read, and ids come from headings and figure order.
struct HTMLDocument: Equatable, Sendable {
  /// A run of text within a paragraph.
  enum Inline: Equatable, Sendable, ExpressibleByStringLiteral {
    case text(String)
    case strong(String)
    case link(String, href: String)
    /// Highlighted words (`<mark>`), e.g. the evidence a theme was coded from; the highlight
    /// is also named in text by the page around it, so it is not only a colour.
    case mark(String)

    init(stringLiteral value: String) { self = .text(value) }

    var html: String {
      switch self {
      case .text(let t): HTMLEscaping.text(t)
      case .strong(let t): "<strong>\(HTMLEscaping.text(t))</strong>"
      case .link(let t, let href): "<a href=\"\(HTMLEscaping.attribute(href))\">\(HTMLEscaping.text(t))</a>"
      case .mark(let t): "<mark>\(HTMLEscaping.text(t))</mark>"
      }
    }

    var plain: String {
      switch self {
      case .text(let t), .strong(let t), .mark(let t): t
      case .link(let t, let href): "\(t) (\(href))"
      }
    }
  }

  enum Block: Equatable, Sendable {
    case paragraph([Inline])
    case list([[Inline]], ordered: Bool = false)
    /// A respondent's words, already anonymised by Privacy.
    case quote(String, attribution: String?)
    /// A respondent's words (already anonymised) with runs of their own, e.g. `.mark` evidence.
    case richQuote([Inline], attribution: String?)
    /// Headline numbers, each a value and what it counts.
    case keyFigures([(value: String, label: String)])
    case table(DataTable)
    case figure(ChartFigure)
    case note(String)

    static func paragraph(_ text: String) -> Block { .paragraph([.text(text)]) }

    static func == (lhs: Block, rhs: Block) -> Bool {
      switch (lhs, rhs) {
      case (.paragraph(let a), .paragraph(let b)): a == b
      case (.list(let a, let x), .list(let b, let y)): a == b && x == y
      case (.quote(let a, let x), .quote(let b, let y)): a == b && x == y
      case (.richQuote(let a, let x), .richQuote(let b, let y)): a == b && x == y
      case (.keyFigures(let a), .keyFigures(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.value == $1.value && $0.label == $1.label }
      case (.table(let a), .table(let b)): a == b
      case (.figure(let a), .figure(let b)): a == b
      case (.note(let a), .note(let b)): a == b
      default: false
      }
    }
  }

  struct Section: Equatable, Sendable {
    var heading: String
    var blocks: [Block]
    var subsections: [Section] = []
    /// The fragment id; made from the heading when `nil`.
    var id: String?
    /// Printed on a page of its own (a one-page summary): what follows starts a new page.
    var printsAlone = false

    init(_ heading: String, id: String? = nil, blocks: [Block], subsections: [Section] = []) {
      self.heading = heading
      self.id = id
      self.blocks = blocks
      self.subsections = subsections
    }
  }

  var title: String
  /// One sentence under the title saying what the report is.
  var summary: String?
  /// Who publishes it, shown in the header band.
  var publisher: String
  var sections: [Section]
  var provenance: Provenance?
  var language: String = "en-GB"
  /// A warning shown prominently under the title on every page view and print (e.g. that the
  /// data are synthetic).
  var warning: String?

  init(title: String, summary: String? = nil, publisher: String, sections: [Section], provenance: Provenance? = nil) {
    self.title = title
    self.summary = summary
    self.publisher = publisher
    self.sections = sections
    self.provenance = provenance
  }

  /// The page: the same document always gives the same bytes.
  func render() -> String {
    var ids = IDAllocator()
    var figures = 0, tables = 0
    let planned = sections.map { plan($0, ids: &ids) }
    var body = ""
    var printed: [String] = []
    for section in planned { body += render(section, level: 2, figures: &figures, tables: &tables, printed: &printed) }
    if !printed.isEmpty {
      // On screen each figure's table is under its "Show the data"; on paper they are here.
      body += "<section class=\"print-only\" aria-labelledby=\"data-appendix\">\n<h2 id=\"data-appendix\">Appendix: the data behind the figures</h2>\n"
      body += printed.joined() + "</section>\n"
    }

    var out = "<!DOCTYPE html>\n<html lang=\"\(HTMLEscaping.attribute(language))\">\n<head>\n<meta charset=\"utf-8\">\n"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    out += "<meta name=\"generator\" content=\"Voices \(HTMLEscaping.attribute(Voices.version))\">\n"
    out += "<title>\(HTMLEscaping.text(title))</title>\n<style>\n\(Self.stylesheet)</style>\n</head>\n<body>\n"
    out += "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n"
    out += "<header>\n<div class=\"band\"><div class=\"wrap\"><p class=\"publisher\">\(HTMLEscaping.text(publisher))</p></div></div>\n"
    out += "<div class=\"wrap title-block\">\n<h1>\(HTMLEscaping.text(title))</h1>\n"
    if let summary { out += "<p class=\"lede\">\(HTMLEscaping.text(summary))</p>\n" }
    if let warning { out += "<p class=\"warning-banner\"><strong>Warning:</strong> \(HTMLEscaping.text(warning))</p>\n" }
    out += "</div>\n</header>\n<div class=\"wrap\">\n"
    out += "<nav class=\"contents\" aria-labelledby=\"contents-heading\">\n<h2 id=\"contents-heading\">Contents</h2>\n<ol>\n"
    for section in planned { out += tocEntry(section) }
    if provenance != nil { out += "<li><a href=\"#about-this-report\">About this report</a></li>\n" }
    out += "</ol>\n</nav>\n<main id=\"main\" tabindex=\"-1\">\n" + body + "</main>\n</div>\n"
    out += "<footer>\n<div class=\"wrap\">\n"
    if let provenance { out += provenance.html() }
    out += "</div>\n</footer>\n</body>\n</html>\n"
    return out
  }

  private struct Planned {
    var section: Section
    var id: String
    var children: [Planned]
  }

  /// Unique ids from headings: "themes", then "themes-2" for a second "Themes".
  private struct IDAllocator {
    var used: Set<String> = ["main", "contents-heading", "about-this-report", "data-appendix"]
    mutating func make(_ base: String) -> String {
      var id = base, n = 2
      while used.contains(id) { id = "\(base)-\(n)"; n += 1 }
      used.insert(id)
      return id
    }
  }

  private func plan(_ section: Section, ids: inout IDAllocator) -> Planned {
    let id = ids.make(section.id.map(HTMLEscaping.slug) ?? HTMLEscaping.slug(section.heading))
    return Planned(section: section, id: id, children: section.subsections.map { plan($0, ids: &ids) })
  }

  private func tocEntry(_ p: Planned) -> String {
    var out = "<li><a href=\"#\(p.id)\">\(HTMLEscaping.text(p.section.heading))</a>"
    if !p.children.isEmpty { out += "\n<ol>\n" + p.children.map(tocEntry).joined() + "</ol>\n" }
    return out + "</li>\n"
  }

  private func render(_ p: Planned, level: Int, figures: inout Int, tables: inout Int, printed: inout [String]) -> String {
    let h = min(level, 6)
    let alone = p.section.printsAlone ? " class=\"print-page\"" : ""
    var out = "<section\(alone) aria-labelledby=\"\(p.id)\">\n<h\(h) id=\"\(p.id)\">\(HTMLEscaping.text(p.section.heading))</h\(h)>\n"
    for block in p.section.blocks {
      switch block {
      case .paragraph(let runs): out += "<p>" + runs.map(\.html).joined() + "</p>\n"
      case .list(let items, let ordered):
        let tag = ordered ? "ol" : "ul"
        out += "<\(tag) class=\"list\">\n" + items.map { "<li>" + $0.map(\.html).joined() + "</li>\n" }.joined() + "</\(tag)>\n"
      case .quote(let text, let attribution):
        out += "<blockquote>\n<p>\(HTMLEscaping.text(text))</p>\n"
        if let attribution { out += "<p class=\"attribution\">\(HTMLEscaping.text(attribution))</p>\n" }
        out += "</blockquote>\n"
      case .richQuote(let runs, let attribution):
        out += "<blockquote>\n<p>" + runs.map(\.html).joined() + "</p>\n"
        if let attribution { out += "<p class=\"attribution\">\(HTMLEscaping.text(attribution))</p>\n" }
        out += "</blockquote>\n"
      case .keyFigures(let items):
        out += "<ul class=\"key-figures\">\n"
        for item in items {
          out += "<li><span class=\"key-value\">\(HTMLEscaping.text(item.value))</span> <span class=\"key-label\">\(HTMLEscaping.text(item.label))</span></li>\n"
        }
        out += "</ul>\n"
      case .table(let table):
        tables += 1
        out += table.html(id: "table-\(tables)")
      case .figure(let figure) where !figure.chart.hasValues:
        // Nothing to draw: say so, and keep the table that shows every value is suppressed.
        tables += 1
        out += "<p>\(HTMLEscaping.text(figure.emptySentence))</p>\n" + figure.dataTable.html(id: "table-\(tables)")
      case .figure(let figure):
        figures += 1
        out += figure.html(id: "figure-\(figures)", number: figures)
        printed.append(figure.printedTable(id: "figure-\(figures)", number: figures))
      case .note(let text): out += "<p class=\"note\">\(HTMLEscaping.text(text))</p>\n"
      }
    }
    for child in p.children { out += render(child, level: level + 1, figures: &figures, tables: &tables, printed: &printed) }
    return out + "</section>\n"
  }
}
