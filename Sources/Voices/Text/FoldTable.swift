import Foundation
import Synchronization

/// How each non-ASCII scalar folds, precomputed for U+0080..U+2FFF, U+FB00..U+FB06 and
/// U+FF00..U+FFEF; other scalars are classified on the fly from their Unicode properties.
///
/// The table is built a block of 256 scalars at a time, the first time a scalar of the block
/// is folded, once per process: an entry costs a Foundation decomposition (about 10,000
/// instructions), and a text uses few blocks (Latin-1, general punctuation), where building
/// the whole table up front took 20 ms and held up every thread that met an accent meanwhile.
/// A block, once built, is published through an atomic pointer and never changes, so folding
/// takes no lock.
enum FoldTable {
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

  /// The folding of one block's scalars, `range`.
  private final class Block: Sendable {
    let range: ClosedRange<UInt32>
    let kinds: [Kind]
    let uppercase: [Bool]
    /// Start of each entry's bytes; entry i ends at i + 1.
    let offsets: [Int32]
    let bytes: [UInt8]

    init(_ range: ClosedRange<UInt32>) {
      var kinds: [Kind] = [], uppercase: [Bool] = [], offsets: [Int32] = [], bytes: [UInt8] = []
      for value in range {
        offsets.append(Int32(bytes.count))
        guard let scalar = Unicode.Scalar(value) else {
          kinds.append(.separator)
          uppercase.append(false)
          continue
        }
        let (kind, folded) = FoldTable.classify(scalar)
        kinds.append(kind)
        uppercase.append(scalar.properties.isUppercase || scalar.properties.generalCategory == .titlecaseLetter)
        bytes.append(contentsOf: folded)
      }
      offsets.append(Int32(bytes.count))
      (self.range, self.kinds, self.uppercase, self.offsets, self.bytes) = (range, kinds, uppercase, offsets, bytes)
    }
  }

  /// The blocks' scalars: U+0080..U+2FFF in blocks of 256 (the first from U+0080), then the
  /// two small ranges as a block each.
  private static let blockRanges: [ClosedRange<UInt32>] =
    (0..<48).map { UInt32(max(0x80, $0 << 8))...UInt32($0 << 8 | 0xFF) } + [0xFB00...0xFB06, 0xFF00...0xFFEF]

  /// Which block holds `value`, if any.
  @inline(__always)
  private static func blockNumber(_ value: UInt32) -> Int? {
    if value < 0x3000 { return Int(value >> 8) }
    if value >= 0xFB00, value <= 0xFB06 { return 48 }
    if value >= 0xFF00, value <= 0xFFEF { return 49 }
    return nil
  }

  /// Each block once built (retained for the life of the process), else nil.
  private nonisolated(unsafe) static let built: UnsafeMutablePointer<Atomic<UnsafeRawPointer?>> = {
    let slots = UnsafeMutablePointer<Atomic<UnsafeRawPointer?>>.allocate(capacity: blockRanges.count)
    for i in blockRanges.indices { (slots + i).initialize(to: Atomic(nil)) }
    return slots
  }()
  /// Held while a block is built, so that each is built once.
  private static let building = Mutex(())

  /// Block `number`, built if it is not yet.
  private static func block(_ number: Int) -> Block {
    if let built = built[number].load(ordering: .acquiring) {
      return Unmanaged<Block>.fromOpaque(built).takeUnretainedValue()
    }
    return building.withLock { _ in
      if let built = built[number].load(ordering: .acquiring) {
        return Unmanaged<Block>.fromOpaque(built).takeUnretainedValue()
      }
      let block = Block(blockRanges[number])
      built[number].store(UnsafeRawPointer(Unmanaged.passRetained(block).toOpaque()), ordering: .releasing)
      return block
    }
  }

  /// Folds one non-ASCII scalar into `out`.
  static func fold(_ value: UInt32, scalarIndex: Int32, into out: inout NormalizedText) {
    if let number = blockNumber(value) {
      let block = block(number)
      let i = Int(value - block.range.lowerBound)
      let bytes = block.bytes[Int(block.offsets[i])..<Int(block.offsets[i + 1])]
      append(block.kinds[i], bytes, uppercase: block.uppercase[i], scalarIndex: scalarIndex, into: &out)
      return
    }
    guard let scalar = Unicode.Scalar(value) else {
      out.append(UInt8(ascii: " "), from: scalarIndex, uppercase: false)
      return
    }
    let (kind, folded) = Self.classifyByProperties(scalar)
    append(kind, folded, uppercase: scalar.properties.isUppercase, scalarIndex: scalarIndex, into: &out)
  }

  /// Writes what a scalar of `kind` folds to (`bytes`, for `.emit`) into `out`.
  private static func append(_ kind: Kind, _ bytes: some Sequence<UInt8>, uppercase: Bool, scalarIndex: Int32,
                             into out: inout NormalizedText) {
    switch kind {
    case .emit: for b in bytes { out.append(b, from: scalarIndex, uppercase: uppercase) }
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
