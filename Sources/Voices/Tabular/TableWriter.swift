/// Writes tables as RFC 4180 CSV or as a JSON array of rows: the one CSV writer of Voices.
///
/// Every CSV Voices writes may be opened in a spreadsheet, so a field a spreadsheet would run
/// as a formula is neutralised here, for every output at once (see `neutralised(_:)`); the
/// readers of Voices' own sheets undo it with `restored(_:)`. Nothing else is trimmed,
/// padded or re-encoded beyond what the format needs.
public enum TableWriter {
  /// RFC 4180 CSV with CRLF line ends; fields quoted only when they must be, and neutralised
  /// against formula injection (`neutralised(_:)`).
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

  /// One CSV field: neutralised (`neutralised(_:)`), then quoted when it must be.
  public static func csvField(_ field: String) -> String {
    var field = field
    // On the bytes (no grapheme breaking); a leading or trailing space is quoted so that
    // readers that trim keep it.
    let (needsQuotes, formula) = field.withUTF8 { (Self.needsQuotes($0), FormulaGuard.isTriggered($0)) }
    guard needsQuotes || formula else { return field }
    let out = ByteBuffer(capacity: field.utf8.count + 8)
    field.withUTF8 { appendCSVField(utf8: $0, to: out) }
    return String(decoding: out.bytes, as: UTF8.self)
  }

  /// Appends a field given as UTF-8 bytes to `out` as `csvField` writes it (neutralised, and
  /// quoted when it must be); quotes are doubled on the bytes (Foundation's
  /// replacingOccurrences is slow on hot paths).
  static func appendCSVField(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: ByteBuffer) {
    let formula = FormulaGuard.isTriggered(bytes)
    guard formula || needsQuotes(bytes) else { return out.append(bytes) }
    let quoted = needsQuotes(bytes)
    if quoted { out.append(UInt8(ascii: "\"")) }
    if formula { out.append(UInt8(ascii: "'")) }
    guard quoted else { return out.append(bytes) }
    for byte in bytes {
      out.append(byte)
      if byte == UInt8(ascii: "\"") { out.append(byte) }
    }
    out.append(UInt8(ascii: "\""))
  }

  /// `field` as the CSV writer stores it against formula injection: with a single quote
  /// put before it when a spreadsheet could read it as a formula (`FormulaGuard`).
  public static func neutralised(_ field: String) -> String {
    var field = field
    return field.withUTF8(FormulaGuard.isTriggered) ? "'" + field : field
  }

  /// Undoes `neutralised(_:)`: for readers of sheets Voices wrote (review sheets, codebooks)
  /// that a person may have saved back as CSV. Only the quote the writer added is removed, so
  /// a field that itself began with a quote reads back exactly.
  public static func restored(_ field: String) -> String {
    guard field.utf8.first == UInt8(ascii: "'") else { return field }
    let rest = String(field.dropFirst())
    var probe = rest
    return probe.withUTF8(FormulaGuard.isTriggered) ? rest : field
  }

  private static func needsQuotes(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    if b.first == UInt8(ascii: " ") || b.last == UInt8(ascii: " ") { return true }
    // A tab is quoted too, so that readers that guess the delimiter keep the field whole.
    for c in b where c == UInt8(ascii: ",") || c == UInt8(ascii: "\"") || c == 10 || c == 13 || c == 9 { return true }
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
