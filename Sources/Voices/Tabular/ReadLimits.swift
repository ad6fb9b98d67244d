/// Bounds every reader enforces so that a hostile or broken file ends in a clear error rather
/// than a crash, a hang or unbounded memory.
public struct ReadLimits: Sendable, Equatable {
  /// Largest single field or cell, in bytes.
  public var maximumFieldBytes: Int
  /// Largest number of fields in one record.
  public var maximumFieldsPerRecord: Int
  /// Largest uncompressed size of one ZIP entry, in bytes.
  public var maximumEntryBytes: Int
  /// Largest ratio of uncompressed to compressed size for one ZIP entry.
  public var maximumCompressionRatio: Int
  /// Largest total uncompressed size of every entry read from one archive, in bytes.
  public var maximumArchiveBytes: Int
  /// Deepest nesting of XML elements.
  public var maximumXMLDepth: Int
  /// Largest number of cells in one table or sheet, counting the empty cells a row is padded
  /// with up to its last value: a sheet's memory is its cells (16 bytes each, even empty), so
  /// one value at column XFD on each row must not cost 16,384 cells a row unseen.
  public var maximumCells: Int
  /// Largest total of decoded text in one table or sheet, in bytes, counting a shared string
  /// once per cell that shows it (each is a separate value to everything downstream).
  public var maximumTextBytes: Int

  public init(
    maximumFieldBytes: Int = 16 << 20,
    maximumFieldsPerRecord: Int = 16_384,
    maximumEntryBytes: Int = 1 << 30,
    maximumCompressionRatio: Int = 200,
    maximumArchiveBytes: Int = 2 << 30,
    maximumXMLDepth: Int = 256,
    maximumCells: Int = 4_000_000,
    maximumTextBytes: Int = 512 << 20
  ) {
    self.maximumFieldBytes = maximumFieldBytes
    self.maximumFieldsPerRecord = maximumFieldsPerRecord
    self.maximumEntryBytes = maximumEntryBytes
    self.maximumCompressionRatio = maximumCompressionRatio
    self.maximumArchiveBytes = maximumArchiveBytes
    self.maximumXMLDepth = maximumXMLDepth
    self.maximumCells = maximumCells
    self.maximumTextBytes = maximumTextBytes
  }

  public static let standard = ReadLimits()
}
