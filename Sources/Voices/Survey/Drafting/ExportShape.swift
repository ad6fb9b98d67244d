import Foundation

/// Whether a table is a survey export at all: a header of at least two columns over rows of
/// answers. A README, a notes file or a sheet that defines the questions (rather than
/// answering them) reads as a table too, and would otherwise become a manifest of nonsense.
enum ExportShape {
  /// Extensions of documents that are never survey exports, whatever their bytes look like.
  static let documents: Set<String> = ["md", "markdown", "doc", "docx", "pdf", "odt", "rtf", "html", "htm", "json", "xml", "pptx", "ppt", "zip"]

  /// Why a file is not a survey export from its name alone, or `nil`.
  static func refusal(fileName: String) -> String? {
    let ext = (fileName as NSString).pathExtension.lowercased()
    guard documents.contains(ext) else { return nil }
    return "a document (.\(ext)), not a survey export; Voices reads the CSV or XLSX file a survey tool downloads"
  }

  /// Why the table is not a survey export, or `nil` when it may be one.
  ///
  /// - Parameters:
  ///   - table: The table as read.
  ///   - header: Its header as the layout reads it.
  static func refusal(_ table: Table, header: ExportHeader) -> String? {
    let rows = table.rows
    func blank(_ row: [String]) -> Bool { row.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    guard rows.contains(where: { !blank($0) }) else { return "the file is empty" }
    if let definitions = questionDefinitions(rows) { return definitions }
    let data = rows.dropFirst(header.headerRows).filter { !blank($0) }
    let named = header.names.filter { !$0.hasPrefix("column ") }
    if named.count < 2 {
      let prose = rows.filter { !blank($0) && $0.filter { !$0.allSatisfy(\.isWhitespace) }.count <= 1 }.count
      return "the header has \(named.count) named column\(named.count == 1 ? "" : "s") and \(prose) of \(rows.count) lines hold a single field: this looks like a text document, not a survey export (one column per question, one row per response)"
    }
    guard !data.isEmpty else { return "there are no responses under the header (\(header.headerRows) header row\(header.headerRows == 1 ? "" : "s"), no rows after it)" }
    return nil
  }

  /// A sheet that lists questions: a header cell names a column id or a question, and a column
  /// below holds spreadsheet column letters (`A`, `F`, `AC`) that point into another sheet.
  static func questionDefinitions(_ rows: [[String]]) -> String? {
    let top = rows.prefix(6)
    guard let headerIndex = top.firstIndex(where: { row in
      row.contains { cell in
        let key = ColumnName.normalised(cell)
        return key.hasPrefix("column id") || key == "question" || key.hasPrefix("question number") || key.hasPrefix("question text")
          || key.hasPrefix("title of the question")
      }
    }) else { return nil }
    let below = rows.dropFirst(headerIndex + 1)
    let width = below.map(\.count).max() ?? 0
    for column in 0..<width {
      let values = below.compactMap { column < $0.count ? CellText.trimmed($0[column]) : nil }.filter { !$0.isEmpty }
      guard values.count >= 2 else { continue }
      let letters = values.filter { $0.count <= 3 && $0.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) } }.count
      if letters * 10 >= values.count * 7 {
        return "row \(headerIndex + 1) names \"\(CellText.trimmed(rows[headerIndex].first { !$0.isEmpty } ?? ""))\" and the rows below point at spreadsheet columns (\(values.prefix(3).joined(separator: ", "))): a sheet that defines questions, not one of responses"
      }
    }
    return nil
  }
}
