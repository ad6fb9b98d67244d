/// A CSV file of a report's data: a header row and rows of strings, RFC 4180 with CRLF ends.
///
/// Field quoting is `TableWriter`'s, so Voices has one CSV writer.
struct CSVTable: Equatable, Sendable {
  var header: [String]
  var rows: [[String]]

  /// The file's text. A UTF-8 byte order mark is added only when asked for: Excel needs one to
  /// read "−" and accented names correctly, most other tools are better without.
  func render(byteOrderMark: Bool = false) -> String {
    (byteOrderMark ? "\u{FEFF}" : "") + TableWriter.csv([header] + rows)
  }
}
