/// A table of formatted values with its caption: written as HTML, Markdown or CSV.
///
/// Every chart has one (WCAG: a chart needs a text alternative that carries all its data), and
/// reports use it for plain tables too. Cells keep both the text a reader sees ("45%",
/// "suppressed") and, where there is one, the number behind it, so the CSV beside a report holds
/// numbers a spreadsheet can use while the page holds formatted text.
struct DataTable: Equatable, Sendable {
  /// One cell: display text and, for numeric cells, the value behind it.
  struct Cell: Equatable, Sendable, ExpressibleByStringLiteral {
    var text: String
    /// The number shown, for machine-readable output; `nil` for text and suppressed cells.
    var number: Double?
    /// Right-aligned with tabular figures when true.
    var isNumeric: Bool

    init(_ text: String, number: Double? = nil, isNumeric: Bool? = nil) {
      self.text = text
      self.number = number
      self.isNumeric = isNumeric ?? (number != nil)
    }

    init(stringLiteral value: String) { self.init(value) }

    /// A numeric cell shown as text (e.g. "suppressed") but aligned with the numbers.
    static func numericText(_ text: String) -> Cell { Cell(text, isNumeric: true) }
    /// A percentage in points, formatted by `NumberFormatting.percent`.
    static func percent(_ points: Double, decimals: Int = 0) -> Cell {
      Cell(NumberFormatting.percent(points, decimals: decimals), number: points)
    }
    /// A whole count with thousands separators.
    static func count(_ value: Int) -> Cell { Cell(NumberFormatting.count(value), number: Double(value)) }
  }

  var caption: String
  /// Column headings; the first column holds row headings (`<th scope="row">`).
  var columns: [String]
  var rows: [[Cell]]
  /// Notes shown under the table (e.g. what "suppressed" means).
  var notes: [String] = []

  init(caption: String, columns: [String], rows: [[Cell]], notes: [String] = []) {
    self.caption = caption
    self.columns = columns
    self.rows = rows
    self.notes = notes
  }

  /// The table as HTML: `<caption>`, `<th scope="col">` headings, a `<th scope="row">` per row,
  /// numeric cells right-aligned. Wrapped in a focusable region so a wide table can scroll
  /// sideways on a phone and still be reached by keyboard.
  func html(id: String) -> String {
    // A table of more than three columns is "wide": printed across the page, never in a column.
    let wide = columns.count > 3 ? " wide" : ""
    var out = "<div class=\"table-wrap\(wide)\" role=\"region\" tabindex=\"0\" aria-labelledby=\"\(id)-caption\">\n"
    out += "<table id=\"\(id)\">\n<caption id=\"\(id)-caption\">\(HTMLEscaping.text(caption))</caption>\n<thead>\n<tr>"
    for (i, column) in columns.enumerated() {
      let numeric = i > 0 && rows.contains { i < $0.count && $0[i].isNumeric }
      out += "<th scope=\"col\"\(numeric ? " class=\"num\"" : "")>\(HTMLEscaping.text(column))</th>"
    }
    out += "</tr>\n</thead>\n<tbody>\n"
    for row in rows {
      out += "<tr>"
      for (i, cell) in row.enumerated() {
        let text = HTMLEscaping.text(cell.text)
        if i == 0 {
          out += "<th scope=\"row\">\(text)</th>"
        } else {
          out += cell.isNumeric ? "<td class=\"num\">\(text)</td>" : "<td>\(text)</td>"
        }
      }
      out += "</tr>\n"
    }
    out += "</tbody>\n</table>\n</div>\n"
    for note in notes { out += "<p class=\"note\">\(HTMLEscaping.text(note))</p>\n" }
    return out
  }

  /// The table for the CSV file beside a report: numbers as plain numbers, other cells as shown.
  var csv: CSVTable {
    CSVTable(header: columns, rows: rows.map { $0.map { $0.number.map(NumberFormatting.plain) ?? $0.text } })
  }

  /// The table as a Markdown block (caption in bold above it, notes below).
  var markdown: MarkdownDocument.Block {
    .table(caption: caption, header: columns, rows: rows.map { $0.map(\.text) },
           rightAligned: columns.indices.map { i in i > 0 && rows.contains { i < $0.count && $0[i].isNumeric } },
           notes: notes)
  }
}
