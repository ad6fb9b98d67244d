import Foundation

/// Builds one export's responses record by record, so a reader can stream the export and no
/// table is held beside the responses.
///
/// The first `effectiveHeaderRows` records are the header; the manifest is resolved against
/// them once, then each later record becomes a response, a rejected row or a blank row, each
/// counted in the accounting.
struct SurveyExportBuilder {
  private let manifest: Manifest
  private let name: String
  private let file: String
  private let headerCount: Int
  private let spreadsheet: Bool
  private let keepingFreeText: Bool
  private var headers: [Record] = []
  private var plan: RowPlan?
  /// Set when the header could not be read: later records cannot be interpreted.
  private var headerless = false
  private var columns: [String] = []
  private var dataRows = 0
  private var accounting = RowAccounting()
  private var responses: [Response] = []
  private var diagnostics: [Diagnostic] = []
  private var interner = ResponseInterner()
  private let origin: ResponseOrigin
  private var dates = DateOrderEvidence()

  init(manifest: Manifest, name: String, file: String, keepingFreeText: Bool = true) {
    self.manifest = manifest
    self.keepingFreeText = keepingFreeText
    self.name = name
    self.file = file
    origin = ResponseOrigin(exportName: name, wave: manifest.wave, source: manifest.source, file: file)
    headerCount = manifest.effectiveHeaderRows
    spreadsheet = manifest.file.lowercased().hasSuffix(".xlsx")
  }

  /// Takes the next record of the export, in file order.
  mutating func add(_ record: RawRecord) {
    if let plan {
      addData(record, plan: plan)
    } else if !headerless {
      headers.append(record.record())
      if headers.count == headerCount { readHeader() }
    }
  }

  /// Takes the next record of the export, read as text (an XLSX sheet's row).
  mutating func add(_ record: Record) {
    RawRecord.withView(of: record) { add($0) }
  }

  /// The export, once every record has been added; `warnings` are the reader's, listed first.
  mutating func finish(warnings: [ReadWarning]) -> SurveyExport {
    if plan == nil, !headerless { readHeader() }
    var all = warnings.map { Diagnostic(.warning, at: $0.location, $0.message) }
    all += diagnostics
    if plan != nil {
      if dataRows == 0 {
        all.append(Diagnostic(.warning, at: SourceLocation(file: file, row: headerRow), "the export has a header but no responses"))
      }
      if let plan, let column = plan.submittedColumn,
         let warning = dates.apply(to: &responses, parsedAs: plan.dayOrder, setting: manifest.dateOrder?.timestampOrder,
                                   at: SourceLocation(file: file, row: headerRow), column: columns[column]) {
        all.append(warning)
      }
      SurveyLoader.removeDuplicates(&responses, accounting: &accounting, diagnostics: &all)
    }
    return SurveyExport(name: name, manifest: manifest, columns: columns, responses: responses,
                        accounting: accounting, diagnostics: all)
  }

  private var headerRow: Int { headers.first?.row ?? 1 }

  private mutating func readHeader() {
    columns = manifest.layout.columnNames(from: headers.map(\.fields))
    guard headers.count == headerCount, !columns.isEmpty else {
      headerless = true
      diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, row: 1),
        "the file has no header row; a \(manifest.layout.displayName) export starts with \(headerCount) header row\(headerCount == 1 ? "" : "s")"))
      return
    }
    var resolver = ColumnResolver(columns: columns, file: file, headerRow: headerRow)
    plan = RowPlan(manifest: manifest, resolver: &resolver, keepingFreeText: keepingFreeText)
    diagnostics += resolver.diagnostics
  }

  private mutating func addData(_ record: RawRecord, plan: RowPlan) {
    dataRows += 1
    accounting.read += 1
    // Made only for a diagnostic: a location per row retains and releases the file name.
    var location: SourceLocation { SourceLocation(file: file, row: record.row) }
    if (0..<record.count).allSatisfy({ CellText.isBlank(record[$0]) }) {
      accounting.reject("blank row")
      diagnostics.append(Diagnostic(.warning, at: location, "blank row skipped"))
      return
    }
    if record.count < columns.count, !spreadsheet {
      accounting.reject("too few fields")
      diagnostics.append(Diagnostic(.error, at: location,
        "expected \(columns.count) fields, found \(record.count); the row is not read (a missing separator or a line break outside quotes?)"))
      return
    }
    if record.count > columns.count, (columns.count..<record.count).contains(where: { !record[$0].isEmpty }) {
      accounting.reject("too many fields")
      diagnostics.append(Diagnostic(.error, at: location,
        "expected \(columns.count) fields, found \(record.count); values past column \(SourceLocation.columnLetters(columns.count)) would be lost, so the row is not read"))
      return
    }
    if let response = plan.response(from: record, origin: origin, diagnostics: &diagnostics, interner: &interner) {
      accounting.accepted += 1
      if let column = plan.submittedColumn, column < record.count { dates.note(record[column], response: responses.count) }
      responses.append(response)
    } else {
      accounting.reject("unreadable attendance")
    }
  }
}
