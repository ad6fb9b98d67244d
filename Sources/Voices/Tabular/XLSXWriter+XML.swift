/// Byte-level XML output for the XLSX writer: escaping text and attributes, cell references and
/// numbers as Excel writes them.
extension XLSXWriter {
  /// Appends `text` as the content of a `<t>` element, on UTF-8 bytes.
  ///
  /// `&`, `<` and `>` become entities. Characters XML 1.0 cannot carry at all (C0 controls
  /// other than tab and line feed, U+FFFE, U+FFFF) are written as Excel's `_xHHHH_` escapes
  /// (ECMA-376 Part 1, 22.9.2.19 ST_Xstring), as Excel itself does; carriage return is escaped
  /// the same way (`_x000D_`) because an XML parser would turn a raw CR into a line feed. A
  /// literal `_x0041_` in the text has its underscore escaped as `_x005F_`, so readers that
  /// decode the escapes (Voices, Excel, openpyxl) give back exactly the original text.
  static func appendEscapedText(_ text: String, to out: inout [UInt8]) {
    let utf8 = text.utf8
    // Fast path for the common case: plain text without anything to escape.
    let needsWork = utf8.contains { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x5F || $0 == 0xEF }
    guard needsWork else {
      out.append(contentsOf: utf8)
      return
    }
    let bytes = Array(utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case 0x09, 0x0A: out.append(b)
      case 0x00..<0x20: appendExcelEscape(UInt32(b), to: &out)
      case UInt8(ascii: "_") where isExcelEscape(bytes, at: i): appendExcelEscape(0x5F, to: &out)
      // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
      case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
        appendExcelEscape(bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &out)
        i += 2
      default: out.append(b)
      }
      i += 1
    }
  }

  /// Appends `text` as element content with only `&`, `<` and `>` escaped: for formulas
  /// (`formula1`, defined names), which are plain strings to Excel, not `_xHHHH_`-escaped
  /// text. Callers keep control characters out of formulas.
  static func appendEscapedMarkup(_ text: String, to out: inout [UInt8]) {
    for b in text.utf8 {
      switch b {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      default: out.append(b)
      }
    }
  }

  /// Appends `text` as an attribute value (between double quotes).
  ///
  /// Tab, line feed and carriage return become character references, which survive attribute
  /// normalisation; other characters XML 1.0 cannot carry are dropped, since Excel does not
  /// decode `_xHHHH_` in attributes such as a drop-down's prompt.
  static func appendEscapedAttribute(_ text: String, to out: inout [UInt8]) {
    let bytes = Array(text.utf8)
    var i = 0
    while i < bytes.count {
      let b = bytes[i]
      switch b {
      case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
      case 0x09: out.append(contentsOf: "&#9;".utf8)
      case 0x0A: out.append(contentsOf: "&#10;".utf8)
      case 0x0D: out.append(contentsOf: "&#13;".utf8)
      case 0x00..<0x20: break
      case 0xEF where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
        i += 2  // U+FFFE / U+FFFF: not XML characters
      default: out.append(b)
      }
      i += 1
    }
  }

  /// Whether `text` must keep its leading or trailing white space with `xml:space="preserve"`.
  static func needsPreserve(_ text: String) -> Bool {
    guard let first = text.utf8.first, let last = text.utf8.last else { return false }
    func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
    return isSpace(first) || isSpace(last)
  }

  /// Whether `bytes[at...]` reads `_xHHHH_`, which a reader would decode.
  private static func isExcelEscape(_ bytes: [UInt8], at: Int) -> Bool {
    guard at + 6 < bytes.count, bytes[at + 1] == UInt8(ascii: "x") || bytes[at + 1] == UInt8(ascii: "X"),
      bytes[at + 6] == UInt8(ascii: "_")
    else { return false }
    return bytes[(at + 2)..<(at + 6)].allSatisfy { b in
      (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)
    }
  }

  private static let hexDigits = Array("0123456789ABCDEF".utf8)

  private static func appendExcelEscape(_ value: UInt32, to out: inout [UInt8]) {
    out.append(contentsOf: "_x".utf8)
    for shift in stride(from: 12, through: 0, by: -4) {
      out.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
    }
    out.append(UInt8(ascii: "_"))
  }

  /// The column's letters as Excel shows them: 0 is `A`, 25 `Z`, 26 `AA`, 16,383 `XFD`.
  static func columnLetters(_ index: Int) -> String {
    var n = index + 1
    var letters: [UInt8] = []
    while n > 0 {
      let digit = (n - 1) % 26
      letters.append(UInt8(ascii: "A") + UInt8(digit))
      n = (n - 1) / 26
    }
    return String(decoding: letters.reversed(), as: UTF8.self)
  }

  /// A cell reference such as `C5` for column index 2, row 5.
  static func cellReference(column: Int, row: Int) -> String {
    columnLetters(column) + String(row)
  }

  /// `name` as it must appear before `!` in a formula: quoted (`'Review sheet'`, apostrophes
  /// doubled) unless it is plain letters, digits and underscores not starting with a digit.
  static func formulaSheetName(_ name: String) -> String {
    let plain = name.utf8.allSatisfy { b in
      (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || (0x30...0x39).contains(b) || b == UInt8(ascii: "_")
    }
    if plain, let first = name.utf8.first, !(0x30...0x39).contains(first), !looksLikeCellReference(name) {
      return name
    }
    return "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// Whether a name such as `AB12` could be read as a cell reference, so must be quoted.
  private static func looksLikeCellReference(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    let letters = bytes.prefix { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    let rest = bytes.dropFirst(letters.count)
    return !letters.isEmpty && letters.count <= 3 && !rest.isEmpty && rest.allSatisfy { (0x30...0x39).contains($0) }
  }

  /// A finite number as the shortest text that reads back as the same `Double`: `42`, `0.1`,
  /// `1e-05`. Integers up to 2^53 are written without a decimal point, as Excel writes them.
  static func numberText(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return value.description
  }

  /// A width with at most two decimals: `30`, `12.5`.
  static func widthText(_ value: Double) -> String {
    let hundredths = (value * 100).rounded()
    return numberText(hundredths / 100)
  }
}
