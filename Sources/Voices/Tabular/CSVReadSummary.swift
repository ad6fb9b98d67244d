/// What streaming a CSV file found out about it, besides its records.
public struct CSVReadSummary: Sendable, Equatable {
  /// The delimiter and quote used (given by the caller or sniffed).
  public var dialect: CSVDialect
  /// The encoding the bytes were read in.
  public var encoding: TextEncoding
  /// How many records were read, blank-line records included.
  public var recordCount: Int
  /// Notes that did not stop the read, such as a Windows-1252 fallback.
  public var warnings: [ReadWarning]

  public init(dialect: CSVDialect, encoding: TextEncoding, recordCount: Int, warnings: [ReadWarning]) {
    self.dialect = dialect
    self.encoding = encoding
    self.recordCount = recordCount
    self.warnings = warnings
  }
}
