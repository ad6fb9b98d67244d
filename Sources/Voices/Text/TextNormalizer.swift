import Foundation

/// Folds free text into the form the tokenizer reads, keeping a map back to the original.
///
/// Per Unicode scalar of the original:
/// - ASCII letters are lowercased (the original case is kept as a flag per byte, because
///   `SEND` and `send`, `EP` and `ep` mean different things).
/// - Letters with diacritics lose them (`café` → `cafe`, `É` → `e`); compatibility forms are
///   decomposed (fullwidth `Ａ` → `a`, `ﬁ` → `fi`, `²` → `2`); `ß` → `ss`, `æ` → `ae`,
///   `œ` → `oe`, `ø` → `o`, `ł` → `l`, `đ` → `d`, `þ` → `th`.
/// - Combining marks are dropped and their span is added to the letter before them, so a
///   decomposed `e` + U+0301 still slices back to the whole accented letter.
/// - Curly and modifier apostrophes (`’ ‘ ʼ ´ \` ′`) become `'`; curly double quotes `"`;
///   every dash and the minus sign `-`; non-breaking and other spaces ` `; the ellipsis `...`;
///   zero-width characters vanish.
/// - Other letters and digits (Greek, Cyrillic, CJK, ...) are kept lowercased as UTF-8;
///   anything else (emoji, symbols) becomes a space.
///
/// The folding is per scalar (a table for U+0080..U+2FFF and the fullwidth block, from
/// Foundation's compatibility decomposition, built a block at a time as text needs it), so it
/// costs one table lookup per non-ASCII scalar and never reorders text: every output byte
/// knows the original scalar it came from.
public struct TextNormalizer: Sendable, Equatable {
  public init() {}

  /// Folds `text`; see the type's discussion for what changes.
  ///
  /// - Complexity: O(n) in the UTF-8 length of `text`.
  public func normalize(_ text: String) -> NormalizedText {
    var out = NormalizedText()
    normalize(text, into: &out)
    return out
  }

  /// The same, into `out`, reusing its buffers (no allocation once they are large enough).
  func normalize(_ text: String, into out: inout NormalizedText) {
    var text = text
    text.withUTF8 { normalize(utf8: $0, into: &out) }
  }

  /// The same for text given as UTF-8 bytes (which must be valid UTF-8).
  func normalize(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout NormalizedText) {
    if Self.isASCII(bytes) {
      Self.foldASCII(bytes, into: &out)
    } else {
      out.removeAll()
      fold(bytes, into: &out)
    }
  }

  private static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    var high: UInt8 = 0
    for b in p { high |= b }
    return high < 0x80
  }

  /// The common case, all-ASCII text: one byte out per byte in, offsets the identity (kept
  /// implicit, `isIdentity`).
  private static func foldASCII(_ p: UnsafeBufferPointer<UInt8>, into out: inout NormalizedText) {
    let n = p.count
    out.removeAll(keepingBytes: true)
    out.isIdentity = true
    // Copied whole (a memcpy) twice over what the last text left, the folded copy then folded
    // in place; the original bytes answer `isUppercase(_:)`, so no flag is written per byte.
    out.original.replaceSubrange(out.original.indices, with: p)
    out.folded.replaceSubrange(out.folded.indices, with: p)
    out.folded.withUnsafeMutableBufferPointer { folded in
      for i in 0..<n {
        let b = folded[i]
        folded[i] = b &- UInt8(ascii: "A") < 26 ? b | 0x20 : b == UInt8(ascii: "`") ? UInt8(ascii: "'") : b
      }
    }
  }

  private func fold(_ p: UnsafeBufferPointer<UInt8>, into out: inout NormalizedText) {
    var i = 0
    var scalarIndex: Int32 = 0
    let n = p.count
    out.folded.reserveCapacity(n)
    out.sourceStart.reserveCapacity(n)
    out.sourceEnd.reserveCapacity(n)
    out.uppercase.reserveCapacity(n)
    out.scalarUTF8Offsets.reserveCapacity(n + 1)
    while i < n {
      let b0 = p[i]
      out.scalarUTF8Offsets.append(i)
      if b0 < 0x80 {
        if b0 >= UInt8(ascii: "A"), b0 <= UInt8(ascii: "Z") {
          out.append(b0 | 0x20, from: scalarIndex, uppercase: true)
        } else if b0 == UInt8(ascii: "`") {
          out.append(UInt8(ascii: "'"), from: scalarIndex, uppercase: false)
        } else {
          out.append(b0, from: scalarIndex, uppercase: false)
        }
        i += 1
      } else {
        // Decode one scalar; the String guarantees valid UTF-8.
        var value: UInt32
        var length: Int
        if b0 < 0xE0 {
          value = UInt32(b0 & 0x1F)
          length = 2
        } else if b0 < 0xF0 {
          value = UInt32(b0 & 0x0F)
          length = 3
        } else {
          value = UInt32(b0 & 0x07)
          length = 4
        }
        var k = 1
        while k < length, i + k < n {
          value = (value << 6) | UInt32(p[i + k] & 0x3F)
          k += 1
        }
        FoldTable.fold(value, scalarIndex: scalarIndex, into: &out)
        i += length
      }
      scalarIndex += 1
    }
    out.scalarUTF8Offsets.append(n)
  }
}

/// Folded text plus, for every folded byte, the original scalars it came from.
public struct NormalizedText: Sendable, Equatable {
  /// The folded text as UTF-8 (mostly lowercase ASCII).
  public internal(set) var folded: [UInt8] = []
  /// Whether every folded byte came from the original byte at the same offset (ASCII text):
  /// then the three offset arrays below stay empty and offsets are the identity.
  var isIdentity = false
  /// Per folded byte: index of the first original scalar it came from.
  var sourceStart: [Int32] = []
  /// Per folded byte: index one past the last original scalar it came from (combining marks
  /// that were dropped after it included).
  var sourceEnd: [Int32] = []
  /// Per folded byte: whether the original letter was uppercase (empty for ASCII text, whose
  /// `original` bytes say it; read through `isUppercase(_:)`).
  var uppercase: [Bool] = []
  /// The original bytes, for ASCII text only.
  var original: [UInt8] = []
  /// UTF-8 offset of every original scalar, plus the total length at the end.
  var scalarUTF8Offsets: [Int] = []

  /// The folded text as a `String` (for tests and display).
  public var string: String { String(decoding: folded, as: UTF8.self) }

  /// Whether folded byte `j` came from an uppercase letter.
  @inline(__always)
  func isUppercase(_ j: Int) -> Bool {
    isIdentity ? original[j] &- UInt8(ascii: "A") < 26 : uppercase[j]
  }

  /// The original span of folded bytes `range` (non-empty).
  @inline(__always)
  func span(of range: Range<Int>) -> TextSpan {
    isIdentity ? TextSpan(scalars: range, utf8: range) : mappedSpan(of: range)
  }

  private func mappedSpan(of range: Range<Int>) -> TextSpan {
    let lo = Int(sourceStart[range.lowerBound])
    var hi = lo
    for j in range { hi = max(hi, Int(sourceEnd[j])) }
    return TextSpan(scalars: lo..<hi, utf8: scalarUTF8Offsets[lo]..<scalarUTF8Offsets[hi])
  }

  /// Empties every buffer, keeping their storage (`keepingBytes`: all but `folded` and
  /// `original`, which the caller replaces whole).
  mutating func removeAll(keepingBytes: Bool = false) {
    isIdentity = false
    // Emptying an array that is already empty still costs a call; ASCII text leaves four
    // of these empty, comment after comment.
    if !keepingBytes, !folded.isEmpty { folded.removeAll(keepingCapacity: true) }
    if !sourceStart.isEmpty { sourceStart.removeAll(keepingCapacity: true) }
    if !sourceEnd.isEmpty { sourceEnd.removeAll(keepingCapacity: true) }
    if !uppercase.isEmpty { uppercase.removeAll(keepingCapacity: true) }
    if !keepingBytes, !original.isEmpty { original.removeAll(keepingCapacity: true) }
    if !scalarUTF8Offsets.isEmpty { scalarUTF8Offsets.removeAll(keepingCapacity: true) }
  }

  @inline(__always)
  mutating func append(_ byte: UInt8, from scalar: Int32, uppercase: Bool) {
    folded.append(byte)
    sourceStart.append(scalar)
    sourceEnd.append(scalar + 1)
    self.uppercase.append(uppercase)
  }

  /// A dropped combining mark: the previous folded byte's span grows to cover it.
  @inline(__always)
  mutating func extendLast(through scalar: Int32) {
    guard let last = sourceEnd.indices.last else { return }
    sourceEnd[last] = scalar + 1
  }
}
