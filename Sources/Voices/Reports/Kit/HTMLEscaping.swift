/// Escaping for text placed in HTML and SVG, so nothing a respondent wrote can become markup.
///
/// Quotes from free text reach the page; a comment containing `<script>` must show as those
/// characters and never run. Both functions escape `&`, `<`, `>`, `"` and `'`, so the same
/// output is safe in element content and in a quoted attribute value alike; control characters
/// other than tab and newline (which have no place in a report) are dropped.
enum HTMLEscaping {
  /// `text` made safe for element content.
  static func text(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      case let s where s.value < 0x20 || (0x7f...0x9f).contains(s.value): continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// `value` made safe inside a double-quoted attribute; newlines and tabs become spaces.
  static func attribute(_ value: String) -> String {
    text(value).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
  }

  /// A fragment identifier made from a heading: lower-case ASCII letters, digits and hyphens.
  static func slug(_ text: String) -> String {
    var out = ""
    var hyphen = false
    for scalar in text.lowercased().unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        if hyphen, !out.isEmpty { out += "-" }
        out.unicodeScalars.append(scalar)
        hyphen = false
      } else {
        hyphen = true
      }
    }
    return out.isEmpty ? "section" : out
  }
}
