import Foundation

/// Matching of column names as a person types them in a manifest: case, runs of spaces,
/// curly quotes, dashes, an ellipsis typed as one character and non-breaking spaces do not
/// matter (spreadsheets autocorrect all of them).
enum ColumnName {
  static func normalised(_ name: String) -> String {
    if let ascii = asciiNormalised(name) { return ascii }
    var out = ""
    out.reserveCapacity(name.utf8.count)
    var pendingSpace = false
    for scalar in name.unicodeScalars {
      switch scalar {
      case " ", "\t", "\n", "\r", "\u{00A0}", "\u{2007}", "\u{202F}":
        pendingSpace = !out.isEmpty
      default:
        if pendingSpace { out.append(" "); pendingSpace = false }
        switch scalar {
        case "\u{2018}", "\u{2019}", "\u{201B}", "\u{02BC}", "`", "\u{00B4}": out.append("'")
        case "\u{201C}", "\u{201D}", "\u{201E}": out.append("\"")
        case "\u{2013}", "\u{2014}", "\u{2212}": out.append("-")
        case "\u{2026}": out.append("...")
        default: out.unicodeScalars.append(scalar)
        }
      }
    }
    return out.lowercased()
  }

  /// The fast path for plain ASCII text (nearly every answer label): lower case and single
  /// spaces on bytes; `nil` when the text has any other byte, so the full path handles it.
  static func asciiNormalised(_ name: String) -> String? {
    var out: [UInt8] = []
    out.reserveCapacity(name.utf8.count)
    var pendingSpace = false
    for byte in name.utf8 {
      guard byte < 0x80 else { return nil }
      if byte == 32 || byte == 9 || byte == 10 || byte == 13 {
        pendingSpace = !out.isEmpty
        continue
      }
      if pendingSpace { out.append(32); pendingSpace = false }
      out.append(byte == UInt8(ascii: "`") ? UInt8(ascii: "'") : (byte >= 65 && byte <= 90 ? byte + 32 : byte))
    }
    return String(decoding: out, as: UTF8.self)
  }
}
