extension Scan {
  /// A Latin-1 or Latin Extended-A letter (U+00C0–U+017F) as its lower-case ASCII base
  /// letter(s), and whether it is upper case; other two-byte letters (Latin Extended-B) are
  /// kept as a marker that matches no listed name, and count as lower case.
  ///
  /// Names are listed in ASCII ("chloe", "renee", "zoe"); folding lets "Chloë", "Renée" and
  /// "Zoë" hash the same.
  static func fold(_ scalar: UInt32) -> (base: String, upper: Bool) {
    switch scalar {
    case 0xC0...0xDE:
      return (latin1[Int(scalar - 0xC0)], scalar != 0xD7)
    case 0xDF...0xFF:
      return (latin1[Int(scalar - 0xC0)], false)
    case 0x100...0x17F:
      return (extendedA(scalar), extendedAIsUpper(scalar))
    default:
      return ("\u{1}", false)
    }
  }

  /// U+00C0–U+00FF: À..Þ then ß..ÿ (× and ÷ are not letters and never reach here).
  static let latin1: [String] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "x", "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
  ]

  static func extendedA(_ s: UInt32) -> String {
    switch s {
    case 0x100...0x105: "a"
    case 0x106...0x10D: "c"
    case 0x10E...0x111: "d"
    case 0x112...0x11B: "e"
    case 0x11C...0x123: "g"
    case 0x124...0x127: "h"
    case 0x128...0x131: "i"
    case 0x132...0x133: "ij"
    case 0x134...0x135: "j"
    case 0x136...0x138: "k"
    case 0x139...0x142: "l"
    case 0x143...0x14B: "n"
    case 0x14C...0x151: "o"
    case 0x152...0x153: "oe"
    case 0x154...0x159: "r"
    case 0x15A...0x161: "s"
    case 0x162...0x167: "t"
    case 0x168...0x173: "u"
    case 0x174...0x175: "w"
    case 0x176...0x178: "y"
    case 0x179...0x17E: "z"
    default: "s"
    }
  }

  /// Upper case in Latin Extended-A: even code points, except in U+0139–U+0148 and
  /// U+0179–U+017E where the pairs start on odd ones; U+0178 (Ÿ) is upper.
  static func extendedAIsUpper(_ s: UInt32) -> Bool {
    if s == 0x138 || s == 0x149 || s == 0x17F { return false }
    if s == 0x178 { return true }
    if (0x139...0x148).contains(s) || (0x179...0x17E).contains(s) { return s % 2 == 1 }
    return s % 2 == 0
  }
}
