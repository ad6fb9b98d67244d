/// Transcodes UTF-16 (after its byte order mark) to UTF-8 bytes, chunk by chunk.
///
/// A chunk may end in the middle of a code unit or between the two halves of a surrogate
/// pair; both are carried to the next chunk. A lone surrogate or an odd number of bytes is an
/// error naming its byte offset in the file and the line it is on.
struct UTF16Transcoder {
  let bigEndian: Bool
  let file: String
  /// Offset in the file of the next byte to be fed (the BOM counts).
  private var offset: Int
  private var carriedByte: UInt8?
  private var pendingHigh: UInt16?
  private var pendingHighOffset = 0
  /// Physical line of the next character, for error locations.
  private var line = 1
  private var previousWasCR = false

  init(bigEndian: Bool, file: String, startOffset: Int) {
    self.bigEndian = bigEndian
    self.file = file
    self.offset = startOffset
  }

  /// Appends the UTF-8 form of `bytes` to `out`.
  ///
  /// - Throws: `CSVError.invalidUTF16` for a lone surrogate.
  mutating func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) throws {
    out.reserveCapacity(out.count + bytes.count * 3 / 2 + 4)
    var i = 0
    let n = bytes.count
    if let carried = carriedByte, n > 0 {
      carriedByte = nil
      let unit = bigEndian ? UInt16(carried) << 8 | UInt16(bytes[0]) : UInt16(bytes[0]) << 8 | UInt16(carried)
      try take(unit, at: offset - 1, into: &out)
      i = 1
    }
    while i + 1 < n {
      let unit = bigEndian
        ? UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
        : UInt16(bytes[i + 1]) << 8 | UInt16(bytes[i])
      try take(unit, at: offset + i, into: &out)
      i += 2
    }
    if i < n { carriedByte = bytes[i] }
    offset += n
  }

  /// Ends the input.
  ///
  /// - Throws: `CSVError.invalidUTF16` if a byte or a high surrogate is left over.
  func finish() throws {
    if pendingHigh != nil {
      throw CSVError.invalidUTF16(
        at: SourceLocation(file: file, row: line), byteOffset: pendingHighOffset,
        reason: "a high surrogate ends the file without its low half")
    }
    if carriedByte != nil {
      throw CSVError.invalidUTF16(
        at: SourceLocation(file: file, row: line), byteOffset: offset - 1,
        reason: "the file has an odd number of bytes")
    }
  }

  private mutating func take(_ unit: UInt16, at unitOffset: Int, into out: inout [UInt8]) throws {
    if let high = pendingHigh {
      guard unit >= 0xDC00, unit <= 0xDFFF else {
        throw CSVError.invalidUTF16(
          at: SourceLocation(file: file, row: line), byteOffset: pendingHighOffset,
          reason: "a high surrogate is not followed by a low surrogate")
      }
      pendingHigh = nil
      let scalar = 0x10000 + (UInt32(high - 0xD800) << 10 | UInt32(unit - 0xDC00))
      out.append(0xF0 | UInt8(scalar >> 18))
      out.append(0x80 | UInt8((scalar >> 12) & 0x3F))
      out.append(0x80 | UInt8((scalar >> 6) & 0x3F))
      out.append(0x80 | UInt8(scalar & 0x3F))
      previousWasCR = false
      return
    }
    switch unit {
    case 0..<0x80:
      let b = UInt8(unit)
      if b == 0x0A {
        if !previousWasCR { line += 1 }
        previousWasCR = false
      } else if b == 0x0D {
        line += 1
        previousWasCR = true
      } else {
        previousWasCR = false
      }
      out.append(b)
      return
    case 0x80..<0x800:
      out.append(0xC0 | UInt8(unit >> 6))
      out.append(0x80 | UInt8(unit & 0x3F))
    case 0xD800...0xDBFF:
      pendingHigh = unit
      pendingHighOffset = unitOffset
    case 0xDC00...0xDFFF:
      throw CSVError.invalidUTF16(
        at: SourceLocation(file: file, row: line), byteOffset: unitOffset,
        reason: "a low surrogate has no high surrogate before it")
    default:
      out.append(0xE0 | UInt8(unit >> 12))
      out.append(0x80 | UInt8((unit >> 6) & 0x3F))
      out.append(0x80 | UInt8(unit & 0x3F))
    }
    previousWasCR = false
  }
}
