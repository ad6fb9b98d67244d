import Foundation

extension AgreementReport.Coder {
  /// Reads one coder's file: a header, then one row per comment with its id and its themes.
  ///
  /// - Parameters:
  ///   - table: The file as read by `CSVReader` or `TableReader`.
  ///   - name: The coder's name in the report (usually the file name).
  ///   - idColumn: The header of the comment id.
  ///   - labelsColumn: The header of the themes, joined by `separator`; blank means no theme.
  /// - Throws: `AgreementError` for a missing column, a blank id or an id coded twice.
  public init(
    table: Table, name: String, idColumn: String = "id", labelsColumn: String = "themes", separator: Character = ";"
  ) throws {
    guard let header = table.records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
      throw AgreementError.emptyFile(file: table.file)
    }
    func column(_ name: String) throws -> Int {
      guard let i = header.firstIndex(of: name) else {
        throw AgreementError.missingColumn(file: table.file, name: name, available: header)
      }
      return i
    }
    let idIndex = try column(idColumn), labelIndex = try column(labelsColumn)
    var themes: [String: Set<String>] = [:]
    var firstRow: [String: Int] = [:]
    for record in table.records.dropFirst() {
      let fields = record.fields
      if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
      let id = idIndex < fields.count ? fields[idIndex].trimmingCharacters(in: .whitespaces) : ""
      guard !id.isEmpty else { throw AgreementError.blankID(at: SourceLocation(file: table.file, row: record.row, column: idIndex + 1)) }
      if let first = firstRow[id] {
        throw AgreementError.duplicateID(at: SourceLocation(file: table.file, row: record.row, column: idIndex + 1), id: id, firstRow: first)
      }
      firstRow[id] = record.row
      let cell = labelIndex < fields.count ? fields[labelIndex] : ""
      themes[id] = Set(cell.split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
    self.init(name: name, themes: themes)
  }
}
