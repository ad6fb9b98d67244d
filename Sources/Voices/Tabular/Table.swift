/// One record of a table exactly as read: its fields, untrimmed, and where it starts.
public struct Record: Equatable, Sendable {
  /// 1-based line (CSV) or row number (XLSX) on which the record starts.
  public var row: Int
  public var fields: [String]

  public init(row: Int, fields: [String]) {
    self.row = row
    self.fields = fields
  }
}

/// A note a reader makes about a file that does not stop it being read, such as
/// "not valid UTF-8, read as Windows-1252".
public struct ReadWarning: Equatable, Sendable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(location: SourceLocation, message: String) {
    self.location = location
    self.message = message
  }

  public var description: String { "\(location): warning: \(message)" }
}

/// A table of string cells read from a CSV file or one XLSX sheet, with no header handling.
///
/// Rows keep the length they had in the file: a ragged row is kept ragged so that the layer
/// above can report it, never silently padded or cut.
public struct Table: Equatable, Sendable {
  /// The name used in diagnostics (usually the file's path as the user gave it).
  public var file: String
  public var records: [Record]
  public var warnings: [ReadWarning]

  public init(file: String, records: [Record], warnings: [ReadWarning] = []) {
    self.file = file
    self.records = records
    self.warnings = warnings
  }

  /// The fields of every record, for callers that do not need locations.
  public var rows: [[String]] { records.map(\.fields) }
}
