import Foundation

/// Byte-level helpers for the cells of every row: they run millions of times on a big export,
/// so they avoid Foundation's `NSString` paths and allocate only when the text changes.
enum CellText {
  /// The text without ASCII spaces, tabs and line breaks at either end; the same string (no
  /// copy) when there is nothing to trim.
  static func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last else { return text }
    guard isSpace(first) || isSpace(last) else { return text }
    guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
    return String(text[start...end])
  }

  /// The bytes without ASCII spaces, tabs and line breaks at either end.
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, isSpace(bytes[start]) { start += 1 }
    while end > start, isSpace(bytes[end - 1]) { end -= 1 }
    return start == 0 && end == bytes.count ? bytes : UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// Whether the bytes are all whitespace as `Character.isWhitespace` has it (Unicode spaces
  /// such as U+00A0 included); nothing at all counts as blank.
  static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in bytes {
      if byte >= 0x80 { return String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace) }
      if !isSpace(byte) { return false }
    }
    return true
  }

  @inline(__always) static func isSpace(_ byte: UInt8) -> Bool {
    byte == 32 || byte == 9 || byte == 10 || byte == 13 || byte == 11 || byte == 12
  }

  /// SmartSurvey's API writes an apostrophe as `@SQ@`; this puts it back.
  static func smartSurveyApostrophes(_ text: String) -> String {
    let hasAt = text.utf8.withContiguousStorageIfAvailable { buffer in
      buffer.baseAddress.map { memchr($0, Int32(UInt8(ascii: "@")), buffer.count) != nil } ?? false
    } ?? text.utf8.contains(UInt8(ascii: "@"))
    guard hasAt else { return text }
    let marker = Array("@SQ@".utf8)
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == marker[0], i + marker.count <= bytes.count, bytes[i..<(i + marker.count)].elementsEqual(marker) {
        out.append(UInt8(ascii: "'"))
        i += marker.count
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }
}
