/// Why an `.xlsx` workbook, or one of its sheets, could not be read.
///
/// Damage to the ZIP container surfaces as `ZIPError` and damaged XML as `XMLError`; these
/// cases are about the workbook's own structure and cells.
public enum XLSXError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be opened or read.
  case unreadable(file: String, reason: String)
  /// A part every workbook needs (such as `xl/workbook.xml`) is missing.
  case missingPart(file: String, entry: String)
  /// The workbook lists no sheets.
  case noSheets(file: String)
  /// The requested sheet does not exist.
  case sheetNotFound(file: String, requested: SheetSelector, available: [String])
  /// A cell reference (`r="..."`) is not a valid A1 reference.
  case badCellReference(at: SourceLocation, reference: String)
  /// A row number is below 1 or beyond Excel's last row (1,048,576), or rows go backwards.
  case badRowNumber(at: SourceLocation, detail: String)
  /// A cell lies beyond `ReadLimits.maximumFieldsPerRecord` columns.
  case tooManyColumns(at: SourceLocation, limit: Int)
  /// A shared-string cell points past the end of the shared strings table.
  case sharedStringOutOfRange(at: SourceLocation, index: String, count: Int)
  /// A numeric cell does not hold a number.
  case badNumber(at: SourceLocation, text: String)
  /// A cell's text is larger than `ReadLimits.maximumFieldBytes`.
  case fieldTooLarge(at: SourceLocation, limit: Int)
  /// The sheet holds more than `ReadLimits.maximumCells` cells, counting the empty cells before
  /// each row's last value; `at` is the cell that crossed the limit.
  case tooManyCells(at: SourceLocation, limit: Int)
  /// The sheet's cells hold more than `ReadLimits.maximumTextBytes` of text in all.
  case tooMuchText(at: SourceLocation, limit: Int)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      "\(file): cannot read: \(reason)"
    case .missingPart(let file, let entry):
      "\(file): not an Excel workbook: it has no \(entry)"
    case .noSheets(let file):
      "\(file): the workbook has no sheets"
    case .sheetNotFound(let file, let requested, let available):
      Self.sheetNotFoundMessage(file: file, requested: requested, available: available)
    case .badCellReference(let at, let reference):
      "\(at): cell reference \"\(reference)\" is not a valid reference such as B7"
    case .badRowNumber(let at, let detail):
      "\(at): bad row number: \(detail)"
    case .tooManyColumns(let at, let limit):
      "\(at): cell lies beyond the limit of \(limit) columns"
    case .sharedStringOutOfRange(let at, let index, let count):
      "\(at): cell points to shared string \(index) but the workbook has \(count)"
    case .badNumber(let at, let text):
      "\(at): numeric cell holds \"\(text)\", which is not a number"
    case .fieldTooLarge(let at, let limit):
      "\(at): cell is larger than the limit of \(limit) bytes"
    case .tooManyCells(let at, let limit):
      "\(at): the sheet has more than \(limit) cells up to here, counting the empty cells before each row's last value (values far to the right on many rows?)"
    case .tooMuchText(let at, let limit):
      "\(at): the sheet's cells hold more than \(limit) bytes of text in all"
    }
  }

  private static func sheetNotFoundMessage(file: String, requested: SheetSelector, available: [String]) -> String {
    let names = available.map { "\"\($0)\"" }.joined(separator: ", ")
    switch requested {
    case .name(let name):
      return "\(file): sheet \"\(name)\" not found; sheets are \(names)"
    case .index(let index):
      let count = available.count == 1 ? "1 sheet" : "\(available.count) sheets"
      return "\(file): there is no sheet \(index); the workbook has \(count): \(names)"
    }
  }
}

/// Which sheet of a workbook to read: by its tab name, or by its position counted from 1 as a
/// person counts tabs.
public enum SheetSelector: Equatable, Sendable, CustomStringConvertible {
  case name(String)
  case index(Int)

  public var description: String {
    switch self {
    case .name(let name): "\"\(name)\""
    case .index(let index): "\(index)"
    }
  }
}
