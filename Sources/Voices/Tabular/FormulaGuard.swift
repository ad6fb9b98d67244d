/// Which CSV fields a spreadsheet could run as a formula (CSV injection, OWASP).
///
/// Excel, LibreOffice and Google Sheets read a field starting with `=`, `+`, `-` or `@` as a
/// formula (`=HYPERLINK(...)`, `=cmd|' /C calc'!A0`, `@SUM(1,1)`), and some skip a leading
/// tab, carriage return, line feed or space first. OWASP's rule is to put a single quote
/// before such a field, which spreadsheets show as text. A field is triggered when, after any
/// leading single quotes and whitespace, it starts with one of `= + - @` (or their full-width
/// forms `＝ ＋ － ＠`, which some locales accept), or when it starts with a tab or carriage
/// return at all. Leading quotes are skipped so that the writer's rule can be undone exactly:
/// `'=x` (a field that already began with a quote) is written `''=x` and reads back `'=x`.
///
/// A plain number (`-12`, `-3.5`: a minus, digits and at most one point) is left alone: it is
/// not a formula, and report tables are full of negative changes.
enum FormulaGuard {
  static func isTriggered(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < b.count, b[i] == UInt8(ascii: "'") { i += 1 }
    if i < b.count, b[i] == 9 || b[i] == 13 { return true }
    // Skip whitespace (space, tab, CR, LF, no-break space U+00A0).
    while i < b.count {
      if b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13 { i += 1; continue }
      if b[i] == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { i += 2; continue }
      break
    }
    guard i < b.count else { return false }
    switch b[i] {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"): return true
    case UInt8(ascii: "-"): return !(i == 0 && isPlainNegativeNumber(b))
    case 0xEF:
      // U+FF0B ＋ (EF BC 8B), U+FF0D － (EF BC 8D), U+FF1D ＝ (EF BC 9D), U+FF20 ＠ (EF BC A0).
      guard i + 2 < b.count, b[i + 1] == 0xBC else { return false }
      return [0x8B, 0x8D, 0x9D, 0xA0].contains(b[i + 2])
    default: return false
    }
  }

  /// `-` then digits with at most one `.` among them, nothing else (the whole field).
  static func isPlainNegativeNumber(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard b.count >= 2, b[0] == UInt8(ascii: "-") else { return false }
    var digits = 0, points = 0
    for c in b.dropFirst() {
      if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { digits += 1 } else if c == UInt8(ascii: ".") { points += 1 } else { return false }
    }
    return digits > 0 && points <= 1 && b[b.count - 1] != UInt8(ascii: ".")
  }
}
