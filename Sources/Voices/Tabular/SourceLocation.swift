/// Where a value came from: the file, the 1-based row and the 1-based column.
///
/// For CSV, `row` is the physical line on which the record starts (a quoted field can span
/// lines, so record 10 may start on line 14); for XLSX it is the sheet's row number as Excel
/// shows it. A `column` of 0 means "the whole row"; a `row` of 0 means "the whole file".
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  public var file: String
  public var row: Int
  public var column: Int

  public init(file: String, row: Int, column: Int = 0) {
    self.file = file
    self.row = row
    self.column = column
  }

  public var description: String {
    if row <= 0 { return file }
    return column > 0 ? "\(file):\(row):\(column)" : "\(file):\(row)"
  }
}

extension SourceLocation {
  /// The spreadsheet letter of a 1-based column number: 1 is `A`, 27 is `AA`.
  public static func columnLetters(_ column: Int) -> String {
    guard column > 0 else { return "" }
    var n = column
    var letters: [Character] = []
    while n > 0 {
      let r = (n - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
      n = (n - 1) / 26
    }
    return String(letters.reversed())
  }
}
