/// Writes a table back out exactly as read: as RFC 4180 CSV or as a JSON array of rows.
///
/// Used by `voices inspect` to show how Voices read a file, so nothing is trimmed, padded or
/// re-encoded beyond what the format needs.
public enum TableWriter {
  /// RFC 4180 CSV with CRLF line ends; fields quoted only when they must be.
  public static func csv(_ rows: [[String]]) -> String {
    var out = ""
    for row in rows {
      for (i, field) in row.enumerated() {
        if i > 0 { out += "," }
        out += csvField(field)
      }
      out += "\r\n"
    }
    return out
  }

  public static func csvField(_ field: String) -> String {
    // On the bytes (no grapheme breaking); a leading or trailing space is quoted so that
    // readers that trim keep it.
    let needsQuotes = field.utf8.withContiguousStorageIfAvailable(Self.needsQuotes)
      ?? Array(field.utf8).withUnsafeBufferPointer(Self.needsQuotes)
    guard needsQuotes else { return field }
    let out = ByteBuffer(capacity: field.utf8.count + 8)
    var field = field
    field.withUTF8 { appendCSVField(utf8: $0, to: out) }
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Appends a field given as UTF-8 bytes to `out` as a CSV field (quoted when `csvField`
  /// would quote it); quotes are doubled on the bytes (Foundation's replacingOccurrences is
  /// slow on hot paths).
  static func appendCSVField(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
    guard needsQuotes(bytes) else { return out.append(bytes) }
    out.append(UInt8(ascii: "\""))
    for byte in bytes {
      out.append(byte)
      if byte == UInt8(ascii: "\"") { out.append(byte) }
    }
    out.append(UInt8(ascii: "\""))
  }

  private static func needsQuotes(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    if b.first == UInt8(ascii: " ") || b.last == UInt8(ascii: " ") { return true }
    for c in b where c == UInt8(ascii: ",") || c == UInt8(ascii: "\"") || c == 10 || c == 13 { return true }
    return false
  }

  /// One JSON array of rows, each an array of strings, one row per line.
  public static func json(_ rows: [[String]]) -> String {
    var out = "[\n"
    for (r, row) in rows.enumerated() {
      out += "  ["
      for (i, field) in row.enumerated() {
        if i > 0 { out += ", " }
        out += jsonString(field)
      }
      out += r + 1 < rows.count ? "],\n" : "]\n"
    }
    return out + "]\n"
  }

  /// A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped.
  public static func jsonString(_ text: String) -> String {
    var out = ""
    appendJSONString(text, to: &out)
    return out
  }

  /// Appends `text` as a quoted JSON string to `out` (see ``jsonString(_:)``); text with
  /// nothing to escape, the usual case, is copied whole.
  static func appendJSONString(_ text: String, to out: inout String) {
    out += "\""
    defer { out += "\"" }
    // On the bytes when the string is contiguous (no generic iterator on the hot path).
    func needsEscape(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
      for c in b where c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { return true }
      return false
    }
    guard text.utf8.withContiguousStorageIfAvailable(needsEscape) ?? Array(text.utf8).withUnsafeBufferPointer(needsEscape) else {
      out += text
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let s where s.value < 0x20:
        let hex = String(s.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
  }
}
