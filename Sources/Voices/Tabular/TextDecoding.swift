/// The character encoding a text file was read in.
///
/// The CSV reader detects it: a byte order mark decides first; without one, bytes that are
/// valid UTF-8 are UTF-8 and anything else is read as Windows-1252 (what Excel on Windows
/// writes when it saves "CSV" rather than "CSV UTF-8").
public enum TextEncoding: String, Sendable, Equatable, CustomStringConvertible {
  case utf8
  case utf16LE
  case utf16BE
  case windows1252

  public var description: String {
    switch self {
    case .utf8: "UTF-8"
    case .utf16LE: "UTF-16 LE"
    case .utf16BE: "UTF-16 BE"
    case .windows1252: "Windows-1252"
    }
  }
}

/// Byte-level helpers shared by the text readers: byte order marks and Windows-1252.
enum TextDecoding {
  /// What the first bytes of a file say about its encoding.
  enum ByteOrderMark: Equatable {
    case utf8, utf16LE, utf16BE

    /// Number of bytes the mark occupies.
    var length: Int { self == .utf8 ? 3 : 2 }
  }

  /// The byte order mark at the start of `head`, if any.
  ///
  /// `head` should hold at least the first three bytes of the file (fewer only if the file is
  /// shorter).
  static func byteOrderMark(in head: [UInt8]) -> ByteOrderMark? {
    if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { return .utf8 }
    if head.count >= 2, head[0] == 0xFF, head[1] == 0xFE { return .utf16LE }
    if head.count >= 2, head[0] == 0xFE, head[1] == 0xFF { return .utf16BE }
    return nil
  }

  /// Unicode scalar of each byte 0x80...0x9F in Windows-1252.
  ///
  /// The five bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1
  /// control with the same value, as the WHATWG Encoding Standard does (Python's `cp1252`
  /// raises for them instead). Reading never fails on them; the text keeps an invisible control
  /// character a later stage can flag.
  static let windows1252High: [UInt32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
  ]

  /// UTF-8 encoding of every byte 0x80...0xFF read as Windows-1252, precomputed so that
  /// decoding a field is a table lookup per byte.
  static let windows1252UTF8: [[UInt8]] = (0x80...0xFF).map { byte -> [UInt8] in
    let scalarValue = byte < 0xA0 ? windows1252High[byte - 0x80] : UInt32(byte)
    guard let scalar = Unicode.Scalar(scalarValue) else { return [0xEF, 0xBF, 0xBD] }
    return Array(String(Character(scalar)).utf8)
  }

  /// Transcodes a record's Windows-1252 field bytes to UTF-8.
  ///
  /// - Parameters:
  ///   - bytes: The fields' bytes end to end; `ends` says where each field ends.
  ///   - out: Receives the UTF-8 bytes; `outEnds` where each field ends in them. Both are
  ///     reusable buffers, so a hot loop allocates once.
  static func windows1252ToUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ ends: [Int], into out: inout [UInt8], ends outEnds: inout [Int]) {
    out.removeAll(keepingCapacity: true)
    outEnds.removeAll(keepingCapacity: true)
    out.reserveCapacity(bytes.count * 3)
    let table = windows1252UTF8
    var field = 0
    for (i, b) in bytes.enumerated() {
      while field < ends.count, ends[field] == i {
        outEnds.append(out.count)
        field += 1
      }
      if b < 0x80 { out.append(b) } else { out.append(contentsOf: table[Int(b) - 0x80]) }
    }
    while field < ends.count {
      outEnds.append(out.count)
      field += 1
    }
  }

  /// Counts physical lines ending before `end` in `bytes`: LF, CRLF and a lone CR each end one.
  ///
  /// - Parameters:
  ///   - previousWasCR: Carried across chunks: whether the byte before `bytes` was a CR.
  static func countLineEnds(
    in bytes: UnsafeBufferPointer<UInt8>, upTo end: Int, previousWasCR: inout Bool
  ) -> Int {
    var count = 0
    var i = 0
    while i < end {
      let b = bytes[i]
      if b == 0x0A {
        if !previousWasCR { count += 1 }
        previousWasCR = false
      } else if b == 0x0D {
        count += 1
        previousWasCR = true
      } else {
        previousWasCR = false
      }
      i += 1
    }
    return count
  }
}
