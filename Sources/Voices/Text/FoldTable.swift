import Foundation

/// How each non-ASCII scalar folds, precomputed once for U+0080..U+2FFF, U+FB00..U+FB06 and
/// U+FF00..U+FFEF; other scalars are classified on the fly from their Unicode properties.
struct FoldTable: Sendable {
  enum Kind: UInt8 {
    /// Emit the entry's bytes.
    case emit
    /// A combining mark: emit nothing, widen the previous byte's span.
    case mark
    /// Emit nothing (zero-width characters, format controls).
    case ignore
    /// Emit one space.
    case separator
  }

  static let shared = FoldTable()

  private static let ranges: [ClosedRange<UInt32>] = [0x80...0x2FFF, 0xFB00...0xFB06,
                                                       0xFF00...0xFFEF]
  private var kinds: [[Kind]] = []
  private var uppercase: [[Bool]] = []
  private var offsets: [[Int32]] = []  // start of each entry's bytes; entry i ends at i + 1
  private var bytes: [UInt8] = []

  private init() {
    for range in Self.ranges {
      var k: [Kind] = []
      var u: [Bool] = []
      var o: [Int32] = []
      k.reserveCapacity(range.count)
      for value in range {
        o.append(Int32(bytes.count))
        guard let scalar = Unicode.Scalar(value) else {
          k.append(.separator)
          u.append(false)
          continue
        }
        let (kind, folded) = Self.classify(scalar)
        k.append(kind)
        u.append(scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter)
        bytes.append(contentsOf: folded)
      }
      o.append(Int32(bytes.count))
      kinds.append(k)
      uppercase.append(u)
      offsets.append(o)
    }
  }

  /// Folds one non-ASCII scalar into `out`.
  func fold(_ value: UInt32, scalarIndex: Int32, into out: inout NormalizedText) {
    for (r, range) in Self.ranges.enumerated() where range.contains(value) {
      let i = Int(value - range.lowerBound)
      switch kinds[r][i] {
      case .emit:
        let upper = uppercase[r][i]
        for j in Int(offsets[r][i])..<Int(offsets[r][i + 1]) {
          out.append(bytes[j], from: scalarIndex, uppercase: upper)
        }
      case .mark: out.extendLast(through: scalarIndex)
      case .ignore: break
      case .separator: out.append(UInt8(ascii: " "), from: scalarIndex, uppercase: false)
      }
      return
    }
    guard let scalar = Unicode.Scalar(value) else {
      out.append(UInt8(ascii: " "), from: scalarIndex, uppercase: false)
      return
    }
    let (kind, folded) = Self.classifyByProperties(scalar)
    switch kind {
    case .emit:
      let upper = scalar.properties.isUppercase
      for b in folded { out.append(b, from: scalarIndex, uppercase: upper) }
    case .mark: out.extendLast(through: scalarIndex)
    case .ignore: break
    case .separator: out.append(UInt8(ascii: " "), from: scalarIndex, uppercase: false)
    }
  }

  /// Explicit foldings that decomposition does not give (or gives differently).
  private static func override(_ value: UInt32) -> (Kind, [UInt8])? {
    switch value {
    case 0x2018, 0x2019, 0x201A, 0x201B, 0x02BC, 0x02B9, 0x00B4, 0x2032, 0xFF07:
      return (.emit, Array("'".utf8))
    case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0xFF02:
      return (.emit, Array("\"".utf8))
    case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x00AD:
      return value == 0x00AD ? (.ignore, []) : (.emit, Array("-".utf8))
    case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0x1680:
      return (.separator, [])
    case 0x2028, 0x2029, 0x0085:
      return (.emit, Array("\n".utf8))
    case 0x200B...0x200D, 0x2060, 0xFEFF, 0x200E, 0x200F:
      return (.ignore, [])
    case 0x2026: return (.emit, Array("...".utf8))
    case 0x00DF, 0x1E9E: return (.emit, Array("ss".utf8))
    case 0x00E6, 0x00C6: return (.emit, Array("ae".utf8))
    case 0x0153, 0x0152: return (.emit, Array("oe".utf8))
    case 0x00F8, 0x00D8: return (.emit, Array("o".utf8))
    case 0x0142, 0x0141: return (.emit, Array("l".utf8))
    case 0x0111, 0x0110, 0x00F0, 0x00D0: return (.emit, Array("d".utf8))
    case 0x00FE, 0x00DE: return (.emit, Array("th".utf8))
    case 0x0131: return (.emit, Array("i".utf8))
    default: return nil
    }
  }

  private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Table entry: compatibility-decompose, drop marks, lowercase; keep ASCII results, keep
  /// other letters and digits as lowercase UTF-8, turn the rest into separators.
  private static func classify(_ scalar: Unicode.Scalar) -> (Kind, [UInt8]) {
    if let fixed = override(scalar.value) { return fixed }
    if isMark(scalar) { return (.mark, []) }
    if scalar.properties.generalCategory == .format { return (.ignore, []) }
    let decomposed = String(Character(scalar)).decomposedStringWithCompatibilityMapping
    var kept = String.UnicodeScalarView()
    for s in decomposed.unicodeScalars where !isMark(s) { kept.append(s) }
    let lowered = String(kept).lowercased()
    if !lowered.isEmpty, lowered.unicodeScalars.allSatisfy({ $0.isASCII }) {
      // Letters, digits and punctuation that decompose to ASCII (fullwidth forms, ligatures,
      // superscripts); a decomposition to only spaces is a separator.
      if lowered.utf8.allSatisfy({ $0 == UInt8(ascii: " ") }) { return (.separator, []) }
      return (.emit, Array(lowered.utf8))
    }
    return classifyByProperties(scalar)
  }

  /// For scalars outside the table: letters and digits are kept lowercased, the rest are
  /// separators (emoji, symbols, punctuation of other scripts).
  static func classifyByProperties(_ scalar: Unicode.Scalar) -> (Kind, [UInt8]) {
    if isMark(scalar) { return (.mark, []) }
    let p = scalar.properties
    if p.generalCategory == .format || p.generalCategory == .control { return (.ignore, []) }
    if p.isAlphabetic || p.numericType == .decimal {
      return (.emit, Array(p.lowercaseMapping.utf8))
    }
    return (.separator, [])
  }
}
