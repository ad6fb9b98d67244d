/// One worksheet to write: a header row made of the columns' headers, then the data rows.
///
/// Review sheets are meant to be read and edited by people in Excel, so a sheet can freeze its
/// header row, put an auto-filter on it, wrap long text and offer drop-down lists.
public struct XLSXSheet: Equatable, Sendable {
  /// The tab name: 1 to 31 characters, none of `[ ] : * ? / \`, not starting or ending with
  /// an apostrophe, unique (ignoring case) within the workbook.
  public var name: String
  /// The columns, left to right; their headers form row 1.
  public var columns: [XLSXColumn]
  /// The data rows, written from row 2. A row may be shorter than `columns` (the rest is
  /// empty) but not longer.
  public var rows: [[XLSXCell]]
  /// Keeps row 1 in view while scrolling (a frozen pane below the header).
  public var freezeHeader: Bool
  /// Puts Excel's filter buttons on the header row.
  public var autoFilter: Bool
  /// Drop-down lists on cells.
  public var validations: [XLSXValidation]
  /// Hides the tab (it can still be unhidden in Excel); at least one sheet must stay visible.
  public var hidden: Bool

  public init(
    name: String, columns: [XLSXColumn], rows: [[XLSXCell]], freezeHeader: Bool = true, autoFilter: Bool = true,
    validations: [XLSXValidation] = [], hidden: Bool = false
  ) {
    self.name = name
    self.columns = columns
    self.rows = rows
    self.freezeHeader = freezeHeader
    self.autoFilter = autoFilter
    self.validations = validations
    self.hidden = hidden
  }
}

/// One column of a sheet: its header text, its width and whether its cells wrap.
public struct XLSXColumn: Equatable, Sendable {
  public var header: String
  /// The width in Excel's units (characters of the default font); nil to size the column to
  /// its longest line, between `XLSXColumn.automaticWidths`.
  public var width: Double?
  /// Wraps the column's text within the width (for free-text answers).
  public var wrap: Bool

  /// The range automatic widths are clamped to: narrow columns stay clickable and long
  /// answers do not push everything else off screen.
  public static let automaticWidths: ClosedRange<Double> = 8...60

  public init(header: String, width: Double? = nil, wrap: Bool = false) {
    self.header = header
    self.width = width
    self.wrap = wrap
  }
}

/// The value of one cell.
public enum XLSXCell: Equatable, Sendable {
  /// Text, stored as a shared string exactly as given (spaces, newlines and emoji kept).
  case text(String)
  /// A finite number.
  case number(Double)
  /// TRUE or FALSE.
  case bool(Bool)
  /// Nothing: no cell is written.
  case empty
}

/// A drop-down list on the cells of one column: Excel's list data validation.
///
/// Short lists of plain options are written inline (`"Agree,Disagree"`). Excel cannot quote
/// inside an inline list and caps it at 255 characters, so a list with an option holding a
/// comma or quote, with leading or trailing spaces, or longer than that, is written to a hidden
/// sheet (`Lists`) and referenced as a range (`Lists!$A$1:$A$17`).
public struct XLSXValidation: Equatable, Sendable {
  /// The column, counted from 0 as in `XLSXSheet.columns`.
  public var columnIndex: Int
  /// Sheet row numbers as Excel shows them (row 1 is the header); nil for every data row.
  public var rows: ClosedRange<Int>?
  /// The allowed values, in drop-down order.
  public var options: [String]
  /// Whether an empty cell is allowed (an unreviewed row).
  public var allowBlank: Bool
  /// A note shown when a cell is selected (at most 255 characters).
  public var prompt: String?
  /// The message shown when a typed value is not in the list (at most 255 characters); Excel
  /// shows its own when nil. Either way other values are refused.
  public var errorMessage: String?

  public init(
    columnIndex: Int, rows: ClosedRange<Int>? = nil, options: [String], allowBlank: Bool = true, prompt: String? = nil,
    errorMessage: String? = nil
  ) {
    self.columnIndex = columnIndex
    self.rows = rows
    self.options = options
    self.allowBlank = allowBlank
    self.prompt = prompt
    self.errorMessage = errorMessage
  }
}
