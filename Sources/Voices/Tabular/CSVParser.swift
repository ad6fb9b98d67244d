/// The byte-level CSV state machine, fed one chunk at a time.
///
/// It keeps its state between chunks (a field, a quote, a CR/LF pair may straddle a boundary),
/// so memory stays proportional to one record. A record's fields are gathered as bytes, end to
/// end, and handed on as a `RawRecord`: no field becomes a `String` here, so a reader that needs
/// a few columns of a wide export pays for those alone.
///
/// Rules, in the order a reader meets them:
/// - LF, CRLF and a lone CR each end a line and (outside quotes) a record; `Record.row` is the
///   physical line the record starts on.
/// - A line with nothing on it is a record with one empty field, `[""]`, so the layer above can
///   count and report blank rows. The line end before the end of the file does not start
///   another record.
/// - A field opening with the quote byte is quoted: it may hold delimiters and line ends, and a
///   doubled quote stands for one quote. After the closing quote only a delimiter, a line end
///   or the end of the file may follow; anything else is `CSVError.textAfterClosingQuote`.
/// - A quote inside an unquoted field (`5" screen`) is kept literally, as Excel does.
/// - Fields are never trimmed; rows keep the number of fields they have.
/// - A NUL byte is an error (`CSVError.nulByte`).
struct CSVParser {
  /// How field bytes become text.
  enum FieldEncoding { case utf8, windows1252 }

  private enum State { case fieldStart, unquoted, quoted, quoteSeen }

  // Byte classes in the lookup tables.
  private static let plain: UInt8 = 0
  private static let delimiterClass: UInt8 = 1
  private static let quoteClass: UInt8 = 2
  private static let crClass: UInt8 = 3
  private static let lfClass: UInt8 = 4
  private static let nulClass: UInt8 = 5

  let file: String
  let dialect: CSVDialect
  let limits: ReadLimits
  let fieldEncoding: FieldEncoding

  /// Classes of bytes that stop the scan of an unquoted field (the quote does not).
  private let unquotedTable: [UInt8]
  /// Classes of bytes that stop the scan of a quoted field.
  private let quotedTable: [UInt8]

  private var state = State.fieldStart
  /// The current record's field bytes so far, end to end (doubled quotes undone), including
  /// the unfinished field's bytes carried from earlier chunks. (A parser is used in place,
  /// never copied, so owning the buffer by reference is safe.)
  private let bytes = ByteBuffer()
  /// Where each finished field of the current record ends in `bytes`.
  private var ends: [Int] = []
  /// Where the unfinished field starts in `bytes`.
  private var currentFieldStart = 0
  /// The record transcoded to UTF-8, for Windows-1252 input.
  private var decoded: [UInt8] = []
  private var decodedEnds: [Int] = []
  /// Physical line of the next byte.
  private(set) var line = 1
  private var recordLine = 1
  private var fieldLine = 1
  /// The previous chunk ended with a CR; an LF first in this chunk belongs to it.
  private var skipLineFeed = false
  private(set) var recordCount = 0

  init(file: String, dialect: CSVDialect, limits: ReadLimits, fieldEncoding: FieldEncoding) {
    self.file = file
    self.dialect = dialect
    self.limits = limits
    self.fieldEncoding = fieldEncoding
    var unquoted = [UInt8](repeating: Self.plain, count: 256)
    unquoted[Int(dialect.delimiter)] = Self.delimiterClass
    unquoted[0x0D] = Self.crClass
    unquoted[0x0A] = Self.lfClass
    unquoted[0] = Self.nulClass
    var quoted = [UInt8](repeating: Self.plain, count: 256)
    quoted[Int(dialect.quote)] = Self.quoteClass
    quoted[0x0D] = Self.crClass
    quoted[0x0A] = Self.lfClass
    quoted[0] = Self.nulClass
    unquotedTable = unquoted
    quotedTable = quoted
  }

  /// Parses one chunk, calling `emit` for every record it completes.
  mutating func consume(
    _ chunk: UnsafeBufferPointer<UInt8>, _ emit: (RawRecord) throws -> Void
  ) throws {
    let n = chunk.count
    guard n > 0 else { return }
    var i = 0
    var runStart = 0
    if skipLineFeed {
      skipLineFeed = false
      // The LF of a CRLF split by the chunk boundary: the line is already counted. After a
      // record-ending CR it is dropped; inside quotes it is field content.
      if chunk[0] == 0x0A {
        i = 1
        if state != .quoted { runStart = 1 }
      }
    }
    let quote = dialect.quote
    let unquotedTable = self.unquotedTable
    let quotedTable = self.quotedTable
    try unquotedTable.withUnsafeBufferPointer { uc in
      try quotedTable.withUnsafeBufferPointer { qc in
        scan: while i < n {
          switch state {
          case .fieldStart:
            fieldLine = line
            if chunk[i] == quote {
              state = .quoted
              i += 1
              runStart = i
            } else {
              state = .unquoted
              runStart = i
            }

          case .unquoted:
            i = Self.skipPlain(chunk, from: i, stop: dialect.delimiter, classes: uc)
            if i == n { break scan }
            let cls = uc[Int(chunk[i])]
            if cls == Self.delimiterClass {
              try finishField(chunk, runStart, i)
              i += 1
              state = .fieldStart
            } else if cls == Self.nulClass {
              throw nulError()
            } else {
              try finishField(chunk, runStart, i)
              try endRecord(emit)
              i = endLine(chunk, at: i)
            }

          case .quoted:
            i = Self.skipPlain(chunk, from: i, stop: quote, classes: qc)
            if i == n { break scan }
            let cls = qc[Int(chunk[i])]
            if cls == Self.quoteClass {
              i += 1
              state = .quoteSeen
            } else if cls == Self.lfClass {
              line += 1
              i += 1
            } else if cls == Self.crClass {
              line += 1
              i += 1
              if i < n {
                if chunk[i] == 0x0A { i += 1 }
              } else {
                skipLineFeed = true
              }
            } else {
              throw nulError()
            }

          case .quoteSeen:
            // The quote is at i - 1, or (i == 0) it ended the previous chunk and the field's
            // bytes before it are already in `bytes`.
            let b = chunk[i]
            if b == quote {
              if i > 0 {
                try append(chunk, runStart, i)  // keeps the first quote of the pair
              } else {
                try append(quote)
              }
              i += 1
              runStart = i
              state = .quoted
              continue scan
            }
            let end = i > 0 ? i - 1 : 0
            let start = i > 0 ? runStart : 0
            let cls = uc[Int(b)]
            if cls == Self.delimiterClass {
              try finishField(chunk, start, end)
              i += 1
              state = .fieldStart
            } else if cls == Self.crClass || cls == Self.lfClass {
              try finishField(chunk, start, end)
              try endRecord(emit)
              i = endLine(chunk, at: i)
            } else if cls == Self.nulClass {
              throw nulError()
            } else {
              throw CSVError.textAfterClosingQuote(
                at: SourceLocation(file: file, row: line, column: ends.count + 1))
            }
          }
        }
      }
    }
    // Carry the unfinished field into the next chunk.
    switch state {
    case .fieldStart: break
    case .unquoted, .quoted: try append(chunk, runStart, n)
    case .quoteSeen: try append(chunk, runStart, n - 1)
    }
  }

  /// Ends the input, completing or rejecting the last record.
  mutating func finish(_ emit: (RawRecord) throws -> Void) throws {
    switch state {
    case .quoted:
      throw CSVError.unterminatedQuote(
        at: SourceLocation(file: file, row: fieldLine, column: ends.count + 1))
    case .unquoted, .quoteSeen:
      try endField()
      try endRecord(emit)
    case .fieldStart:
      // After a delimiter the empty last field counts; after a line end nothing is pending.
      if !ends.isEmpty {
        try endField()
        try endRecord(emit)
      }
    }
    state = .fieldStart
  }

  // MARK: - Steps

  /// The index of the first byte from `start` that is not plain in `classes` (or the chunk's
  /// end): `stop` (the delimiter or the quote), CR, LF or NUL.
  ///
  /// Sixteen bytes are tested at a time while none of them can stop the scan; most of an
  /// export's bytes are long comments, where a byte-at-a-time loop was the parser's main cost.
  @inline(__always)
  private static func skipPlain(_ chunk: UnsafeBufferPointer<UInt8>, from start: Int, stop: UInt8,
                                classes: UnsafeBufferPointer<UInt8>) -> Int {
    let n = chunk.count
    var i = start
    if let base = chunk.baseAddress {
      let raw = UnsafeRawPointer(base)
      let stops = SIMD16<UInt8>(repeating: stop)
      let cr = SIMD16<UInt8>(repeating: 0x0D), lf = SIMD16<UInt8>(repeating: 0x0A), nul = SIMD16<UInt8>(repeating: 0)
      while i + 16 <= n {
        let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
        if any((v .== stops) .| (v .== cr) .| (v .== lf) .| (v .== nul)) { break }
        i += 16
      }
    }
    while i < n, classes[Int(chunk[i])] == plain { i += 1 }
    return i
  }

  /// Consumes the line end at `i` (CR, LF or CRLF) and starts the next record.
  private mutating func endLine(_ chunk: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    var i = index
    let wasCR = chunk[i] == 0x0D
    i += 1
    line += 1
    if wasCR {
      if i < chunk.count {
        if chunk[i] == 0x0A { i += 1 }
      } else {
        skipLineFeed = true
      }
    }
    recordLine = line
    state = .fieldStart
    return i
  }

  private func nulError() -> CSVError {
    .nulByte(at: SourceLocation(file: file, row: line, column: ends.count + 1))
  }

  private func tooLarge() -> CSVError {
    .fieldTooLarge(
      at: SourceLocation(file: file, row: fieldLine, column: ends.count + 1),
      limit: limits.maximumFieldBytes)
  }

  /// Adds `chunk[start..<end]` to the unfinished field.
  private mutating func append(_ chunk: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws {
    guard end > start else { return }
    guard bytes.count - currentFieldStart + (end - start) <= limits.maximumFieldBytes else { throw tooLarge() }
    bytes.append(UnsafeBufferPointer(rebasing: chunk[start..<end]))
  }

  private mutating func append(_ byte: UInt8) throws {
    guard bytes.count - currentFieldStart + 1 <= limits.maximumFieldBytes else { throw tooLarge() }
    bytes.append(byte)
  }

  /// Completes the current field with `chunk[start..<end]`.
  private mutating func finishField(_ chunk: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) throws {
    try append(chunk, start, end)
    try endField()
  }

  /// Completes the current field with the bytes gathered so far.
  private mutating func endField() throws {
    guard ends.count < limits.maximumFieldsPerRecord else {
      throw CSVError.tooManyFields(
        at: SourceLocation(file: file, row: recordLine, column: limits.maximumFieldsPerRecord + 1),
        limit: limits.maximumFieldsPerRecord)
    }
    ends.append(bytes.count)
    currentFieldStart = bytes.count
  }

  private mutating func endRecord(_ emit: (RawRecord) throws -> Void) throws {
    recordCount += 1
    defer {
      bytes.removeAll()
      ends.removeAll(keepingCapacity: true)
      currentFieldStart = 0
    }
    let utf8 = bytes.bytes
    if fieldEncoding == .windows1252, utf8.contains(where: { $0 >= 0x80 }) {
      TextDecoding.windows1252ToUTF8(utf8, ends, into: &decoded, ends: &decodedEnds)
      try decoded.withUnsafeBufferPointer { b in
        try decodedEnds.withUnsafeBufferPointer { e in try emit(RawRecord(row: recordLine, bytes: b, ends: e)) }
      }
    } else {
      try ends.withUnsafeBufferPointer { e in try emit(RawRecord(row: recordLine, bytes: utf8, ends: e)) }
    }
  }
}
