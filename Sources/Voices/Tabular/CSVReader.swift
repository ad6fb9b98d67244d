import Foundation

/// Reads CSV files as survey tools export them, byte for byte.
///
/// It detects the encoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM, Windows-1252 when
/// the bytes are not valid UTF-8) and, unless given, the delimiter (comma, semicolon or tab).
/// Records keep their fields exactly as written and the line they start on; see `CSVParser`
/// for the rules, including blank lines (a record `[""]`), stray quotes (kept inside unquoted
/// fields, an error after a closing quote) and NUL bytes (an error).
public enum CSVReader {
  /// Reads a whole CSV file into a table.
  ///
  /// - Parameters:
  ///   - url: The file to read.
  ///   - file: The name used in diagnostics; `url.path` if nil.
  ///   - dialect: The delimiter and quote; sniffed from the first 64 KiB if nil.
  ///   - limits: Bounds on field size and fields per record.
  /// - Returns: Every record, with any warnings (such as a Windows-1252 fallback).
  /// - Throws: `CSVError`, with the file, line and field where reading stopped.
  public static func read(
    contentsOf url: URL, file: String? = nil, dialect: CSVDialect? = nil,
    limits: ReadLimits = .standard
  ) throws -> Table {
    try read(contentsOf: url, file: file, dialect: dialect, limits: limits,
             chunkSize: CSVByteSource.defaultChunkSize).table
  }

  /// Reads CSV text already in memory.
  ///
  /// - Parameters:
  ///   - bytes: The file's bytes, BOM and all.
  ///   - file: The name used in diagnostics.
  ///   - dialect: The delimiter and quote; sniffed if nil.
  ///   - limits: Bounds on field size and fields per record.
  /// - Throws: `CSVError`.
  public static func read(
    bytes: [UInt8], file: String, dialect: CSVDialect? = nil, limits: ReadLimits = .standard
  ) throws -> Table {
    try read(bytes: bytes, file: file, dialect: dialect, limits: limits, chunkSize: Int.max).table
  }

  /// Streams a CSV file record by record without holding it in memory.
  ///
  /// The file is read in 1 MiB chunks; memory stays proportional to the largest record. A file
  /// without a BOM is first scanned once for UTF-8 validity, so a Windows-1252 file is decoded
  /// as such from its first record.
  ///
  /// - Parameters:
  ///   - url: The file to read.
  ///   - file: The name used in diagnostics; `url.path` if nil.
  ///   - dialect: The delimiter and quote; sniffed from the first 64 KiB if nil.
  ///   - limits: Bounds on field size and fields per record.
  ///   - body: Called with each record in order; an error it throws ends the read.
  /// - Returns: The dialect, encoding, record count and warnings.
  /// - Throws: `CSVError`, or whatever `body` throws.
  /// - Complexity: O(n) in the file's size; memory O(chunk + one record).
  @discardableResult
  public static func forEachRecord(
    contentsOf url: URL, file: String? = nil, dialect: CSVDialect? = nil,
    limits: ReadLimits = .standard, _ body: (Record) throws -> Void
  ) throws -> CSVReadSummary {
    try forEachRecord(contentsOf: url, file: file, dialect: dialect, limits: limits,
                      chunkSize: CSVByteSource.defaultChunkSize, body)
  }

  /// Streams a CSV file as `forEachRecord` does, handing each record over as bytes (see
  /// `RawRecord`) for readers that make text of only some fields.
  ///
  /// - Parameter restartable: Whether the caller can throw away what `body` was given and read
  ///   again. Then a file without a byte order mark is checked for UTF-8 as it is parsed, not
  ///   in a pass of its own before (one read of the file instead of two), and a file that turns
  ///   out not to be UTF-8 ends the read with `CSVReader.NotUTF8`: read it again with
  ///   `restartable` false, which decodes it as Windows-1252 from the first record.
  @discardableResult
  static func forEachRawRecord(
    contentsOf url: URL, file: String? = nil, dialect: CSVDialect? = nil,
    limits: ReadLimits = .standard, chunkSize: Int = CSVByteSource.defaultChunkSize,
    restartable: Bool = false, _ body: (RawRecord) throws -> Void
  ) throws -> CSVReadSummary {
    var source = try CSVByteSource(contentsOf: url, file: file ?? url.path, chunkSize: chunkSize)
    defer { source.closeFile() }
    return try stream(&source, dialect: dialect, limits: limits, restartable: restartable, body)
  }

  /// A restartable read met bytes that are not UTF-8 (see `forEachRawRecord`).
  struct NotUTF8: Error {}

  // MARK: - Internal forms with a chunk size, for tests

  static func forEachRecord(
    contentsOf url: URL, file: String?, dialect: CSVDialect?, limits: ReadLimits,
    chunkSize: Int, _ body: (Record) throws -> Void
  ) throws -> CSVReadSummary {
    try forEachRawRecord(contentsOf: url, file: file, dialect: dialect, limits: limits, chunkSize: chunkSize) {
      try body($0.record())
    }
  }

  static func read(
    contentsOf url: URL, file: String?, dialect: CSVDialect?, limits: ReadLimits, chunkSize: Int
  ) throws -> (table: Table, summary: CSVReadSummary) {
    var records: [Record] = []
    var budget = TableBudget(limits: limits)
    let summary = try forEachRecord(
      contentsOf: url, file: file, dialect: dialect, limits: limits, chunkSize: chunkSize
    ) { records.append(try kept($0, file: file ?? url.path, budget: &budget)) }
    return (Table(file: file ?? url.path, records: records, warnings: summary.warnings), summary)
  }

  static func read(
    bytes: [UInt8], file: String, dialect: CSVDialect?, limits: ReadLimits, chunkSize: Int
  ) throws -> (table: Table, summary: CSVReadSummary) {
    var source = CSVByteSource(bytes: bytes, file: file, chunkSize: chunkSize)
    var records: [Record] = []
    var budget = TableBudget(limits: limits)
    let summary = try stream(&source, dialect: dialect, limits: limits) {
      records.append(try kept($0.record(), file: file, budget: &budget))
    }
    return (Table(file: file, records: records, warnings: summary.warnings), summary)
  }

  /// `record`, once counted against the limits on a whole table's cells and text.
  private static func kept(_ record: Record, file: String, budget: inout TableBudget) throws -> Record {
    switch budget.add(record) {
    case nil: return record
    case .cells: throw CSVError.tooManyCells(at: SourceLocation(file: file, row: record.row), limit: budget.limits.maximumCells)
    case .text: throw CSVError.tooMuchText(at: SourceLocation(file: file, row: record.row), limit: budget.limits.maximumTextBytes)
    }
  }

  // MARK: - Pipeline

  /// Detects the encoding, sniffs the dialect and parses, chunk by chunk.
  static func stream(
    _ source: inout CSVByteSource, dialect: CSVDialect?, limits: ReadLimits, restartable: Bool = false,
    _ body: (RawRecord) throws -> Void
  ) throws -> CSVReadSummary {
    let file = source.file
    var head: [UInt8] = []
    while head.count < 3, let chunk = try source.next() { head.append(contentsOf: chunk) }

    var encoding = TextEncoding.utf8
    var warnings: [ReadWarning] = []
    var transcoder: UTF16Transcoder?
    /// Checks UTF-8 chunk by chunk as the parser reads (restartable reads only).
    var validator: UTF8Validator?
    switch TextDecoding.byteOrderMark(in: head) {
    case .utf8:
      head.removeFirst(3)
    case .utf16LE:
      encoding = .utf16LE
      transcoder = UTF16Transcoder(bigEndian: false, file: file, startOffset: 2)
      head.removeFirst(2)
    case .utf16BE:
      encoding = .utf16BE
      transcoder = UTF16Transcoder(bigEndian: true, file: file, startOffset: 2)
      head.removeFirst(2)
    case nil where restartable:
      validator = UTF8Validator()
    case nil:
      if let bad = try firstInvalidUTF8(&source, head: head) {
        encoding = .windows1252
        let (line, byte) = try lineAndByte(at: bad, in: &source)
        let hex = String(byte, radix: 16, uppercase: true)
        warnings.append(ReadWarning(
          location: SourceLocation(file: file, row: line),
          message: "not valid UTF-8 (first invalid byte 0x\(hex) at byte offset \(bad)); read the whole file as Windows-1252"))
      }
      try source.rewind()
      head = []
    }

    var chunks = DecodedChunks(source: source, head: head, transcoder: transcoder)
    defer { source = chunks.source }

    var prefix: [[UInt8]] = []
    let chosen: CSVDialect
    if let dialect {
      chosen = dialect
    } else {
      var sample: [UInt8] = []
      var ended = false
      while sample.count < CSVDialect.sniffByteLimit {
        guard let chunk = try chunks.next() else {
          ended = true
          break
        }
        prefix.append(chunk)
        sample.append(contentsOf: chunk.prefix(CSVDialect.sniffByteLimit - sample.count))
      }
      chosen = sample.withUnsafeBufferPointer { CSVDialect.sniff($0, isComplete: ended) }
    }

    var parser = CSVParser(
      file: file, dialect: chosen, limits: limits,
      fieldEncoding: encoding == .windows1252 ? .windows1252 : .utf8)
    func parse(_ chunk: UnsafeBufferPointer<UInt8>) throws {
      if validator != nil, validator!.feed(chunk) != nil { throw NotUTF8() }
      try parser.consume(chunk, body)
    }
    for chunk in prefix {
      try chunk.withUnsafeBufferPointer { try parse($0) }
    }
    prefix = []
    while let chunk = try chunks.next() {
      try chunk.withUnsafeBufferPointer { try parse($0) }
    }
    if validator?.finish() != nil { throw NotUTF8() }
    try parser.finish(body)
    return CSVReadSummary(
      dialect: chosen, encoding: encoding, recordCount: parser.recordCount, warnings: warnings)
  }

  /// Scans the whole source (starting with `head`, already read) for UTF-8 validity.
  private static func firstInvalidUTF8(_ source: inout CSVByteSource, head: [UInt8]) throws -> Int? {
    var validator = UTF8Validator()
    if let bad = head.withUnsafeBufferPointer({ validator.feed($0) }) { return bad }
    while let chunk = try source.next() {
      if let bad = chunk.withUnsafeBufferPointer({ validator.feed($0) }) { return bad }
    }
    return validator.finish()
  }

  /// The physical line holding byte `offset`, and that byte.
  private static func lineAndByte(at offset: Int, in source: inout CSVByteSource) throws -> (Int, UInt8) {
    try source.rewind()
    var line = 1
    var seen = 0
    var previousWasCR = false
    while let chunk = try source.next() {
      let local = offset - seen
      if local < chunk.count {
        line += chunk.withUnsafeBufferPointer {
          TextDecoding.countLineEnds(in: $0, upTo: local, previousWasCR: &previousWasCR)
        }
        return (line, chunk[local])
      }
      line += chunk.withUnsafeBufferPointer {
        TextDecoding.countLineEnds(in: $0, upTo: $0.count, previousWasCR: &previousWasCR)
      }
      seen += chunk.count
    }
    return (line, 0)
  }
}

/// The source's chunks as UTF-8 (or, for Windows-1252, raw) bytes: the already-read head
/// first, then the rest, through the UTF-16 transcoder when there is one.
private struct DecodedChunks {
  var source: CSVByteSource
  var head: [UInt8]?
  var transcoder: UTF16Transcoder?

  init(source: CSVByteSource, head: [UInt8], transcoder: UTF16Transcoder?) {
    self.source = source
    self.head = head.isEmpty ? nil : head
    self.transcoder = transcoder
  }

  mutating func next() throws -> [UInt8]? {
    while true {
      let raw: [UInt8]
      if let pending = head {
        head = nil
        raw = pending
      } else if let chunk = try source.next() {
        raw = chunk
      } else {
        try transcoder?.finish()
        return nil
      }
      guard var utf16 = transcoder else { return raw }
      var out: [UInt8] = []
      try raw.withUnsafeBufferPointer { try utf16.transcode($0, into: &out) }
      transcoder = utf16
      if !out.isEmpty { return out }
    }
  }
}
