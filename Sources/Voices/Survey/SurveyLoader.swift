import Foundation

/// Turns a table read from an export into responses, following the export's manifest.
///
/// Nothing is dropped silently: every data row ends up accepted, rejected (with a diagnostic
/// saying why) or a duplicate (with a note naming the submission kept), and
/// `RowAccounting.balances` holds for every export.
public enum SurveyLoader {
  /// Reads the responses of one export.
  ///
  /// - Parameters:
  ///   - table: The export exactly as read (header rows included).
  ///   - manifest: How its columns map to canonical fields.
  ///   - name: The manifest's name, used to build response ids.
  /// - Returns: The export's responses, accounting and diagnostics.
  public static func load(_ table: Table, manifest: Manifest, name: String) -> SurveyExport {
    var diagnostics = table.warnings.map { Diagnostic(.warning, at: $0.location, $0.message) }
    let headerCount = manifest.effectiveHeaderRows
    let headers = Array(table.records.prefix(headerCount))
    let columns = manifest.layout.columnNames(from: headers.map(\.fields))
    var export = SurveyExport(name: name, manifest: manifest, columns: columns, responses: [], accounting: RowAccounting(), diagnostics: [])
    let headerRow = headers.first?.row ?? 1
    guard table.records.count >= headerCount, !columns.isEmpty else {
      diagnostics.append(Diagnostic(.error, at: SourceLocation(file: table.file, row: 1),
        "the file has no header row; a \(manifest.layout.displayName) export starts with \(headerCount) header row\(headerCount == 1 ? "" : "s")"))
      export.diagnostics = diagnostics
      return export
    }
    var resolver = ColumnResolver(columns: columns, file: table.file, headerRow: headerRow)
    let plan = RowPlan(manifest: manifest, resolver: &resolver)
    diagnostics += resolver.diagnostics
    if table.records.count == headerCount {
      diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: table.file, row: headerRow), "the export has a header but no responses"))
    }
    let spreadsheet = manifest.file.lowercased().hasSuffix(".xlsx")
    var accounting = RowAccounting()
    var responses: [Response] = []
    responses.reserveCapacity(table.records.count - headerCount)
    for record in table.records.dropFirst(headerCount) {
      accounting.read += 1
      let location = SourceLocation(file: table.file, row: record.row)
      if record.fields.allSatisfy({ $0.allSatisfy(\.isWhitespace) }) {
        accounting.reject("blank row")
        diagnostics.append(Diagnostic(.warning, at: location, "blank row skipped"))
        continue
      }
      if record.fields.count < columns.count, !spreadsheet {
        accounting.reject("too few fields")
        diagnostics.append(Diagnostic(.error, at: location,
          "expected \(columns.count) fields, found \(record.fields.count); the row is not read (a missing separator or a line break outside quotes?)"))
        continue
      }
      if record.fields.count > columns.count, record.fields[columns.count...].contains(where: { !$0.isEmpty }) {
        accounting.reject("too many fields")
        diagnostics.append(Diagnostic(.error, at: location,
          "expected \(columns.count) fields, found \(record.fields.count); values past column \(SourceLocation.columnLetters(columns.count)) would be lost, so the row is not read"))
        continue
      }
      switch plan.response(from: record, location: location, name: name, diagnostics: &diagnostics) {
      case .some(let response):
        accounting.accepted += 1
        responses.append(response)
      case .none:
        accounting.reject("unreadable attendance")
      }
    }
    removeDuplicates(&responses, accounting: &accounting, diagnostics: &diagnostics)
    export.responses = responses
    export.accounting = accounting
    export.diagnostics = diagnostics
    return export
  }

  /// Keeps the latest submission of each respondent id (the later row when times tie or are
  /// missing) and counts the others as duplicates, each with a note naming the row kept.
  static func removeDuplicates(_ responses: inout [Response], accounting: inout RowAccounting, diagnostics: inout [Diagnostic]) {
    var latest: [String: Int] = [:]
    for (index, response) in responses.enumerated() {
      guard let id = response.respondentId else { continue }
      if let kept = latest[id] {
        let keptTime = responses[kept].submitted, time = response.submitted
        if let keptTime, let time, time < keptTime { continue }
      }
      latest[id] = index
    }
    guard latest.count < responses.lazy.filter({ $0.respondentId != nil }).count else { return }
    var kept: [Response] = []
    kept.reserveCapacity(latest.count)
    for (index, response) in responses.enumerated() {
      guard let id = response.respondentId, let keep = latest[id], keep != index else {
        kept.append(response)
        continue
      }
      accounting.accepted -= 1
      accounting.duplicates += 1
      let winner = responses[keep]
      diagnostics.append(Diagnostic(.note, at: response.location, value: id,
        "duplicate submission by the same respondent; kept the later one at row \(winner.location.row)\(winner.submitted.map { " (submitted \($0.iso))" } ?? "")"))
    }
    responses = kept
  }
}
