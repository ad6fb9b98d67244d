/// Why a workbook could not be written: the sheets asked for something Excel would refuse or
/// "repair" on opening. Checked before any byte is written, so nothing half-made reaches disk.
///
/// Cells are named as Excel names them, `'Review sheet'!C5`, so a message points at the place.
public enum XLSXWriteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The workbook has no sheets.
  case noSheets
  /// Every sheet is hidden; Excel needs one visible tab.
  case noVisibleSheet
  /// A sheet name Excel does not allow; `reason` says which rule it breaks.
  case badSheetName(String, reason: String)
  /// Two sheets share a name (Excel compares names ignoring case).
  case duplicateSheetName(String)
  /// A sheet has more columns than Excel's 16,384.
  case tooManyColumns(sheet: String, count: Int, limit: Int)
  /// A sheet has more rows (header included) than Excel's 1,048,576.
  case tooManyRows(sheet: String, count: Int, limit: Int)
  /// A data row has more cells than the sheet has columns.
  case rowTooLong(sheet: String, row: Int, cells: Int, columns: Int)
  /// A number cell holds NaN or an infinity, which a workbook cannot store.
  case nonFiniteNumber(cell: String)
  /// A text cell is longer than Excel's 32,767 characters per cell.
  case textTooLong(cell: String, limit: Int)
  /// A column width is not between 0 and 255.
  case badColumnWidth(sheet: String, column: Int, width: Double)
  /// A drop-down list cannot be written as asked; `detail` says why.
  case badValidation(sheet: String, detail: String)
  /// The ZIP container could not be built.
  case archive(ZIPWriteError)

  public var description: String {
    switch self {
    case .noSheets:
      "cannot write a workbook with no sheets"
    case .noVisibleSheet:
      "cannot write a workbook whose sheets are all hidden; Excel needs one visible sheet"
    case .badSheetName(let name, let reason):
      "sheet name \"\(name)\" \(reason)"
    case .duplicateSheetName(let name):
      "two sheets are named \"\(name)\"; Excel needs sheet names that differ (ignoring case)"
    case .tooManyColumns(let sheet, let count, let limit):
      "sheet \"\(sheet)\" has \(count) columns; Excel allows at most \(limit)"
    case .tooManyRows(let sheet, let count, let limit):
      "sheet \"\(sheet)\" has \(count) rows; Excel allows at most \(limit)"
    case .rowTooLong(let sheet, let row, let cells, let columns):
      "sheet \"\(sheet)\" row \(row) has \(cells) cells but the sheet has \(columns) columns"
    case .nonFiniteNumber(let cell):
      "\(cell): a workbook cannot store NaN or infinity; write text or leave the cell empty"
    case .textTooLong(let cell, let limit):
      "\(cell): text is longer than Excel's limit of \(limit) characters per cell"
    case .badColumnWidth(let sheet, let column, let width):
      "sheet \"\(sheet)\" column \(column + 1) has width \(width); Excel widths run from 0 to 255"
    case .badValidation(let sheet, let detail):
      "sheet \"\(sheet)\": drop-down list \(detail)"
    case .archive(let error):
      error.description
    }
  }
}
