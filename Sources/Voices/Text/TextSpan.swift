/// Where a token came from in the ORIGINAL text, as half-open ranges in two units.
///
/// - `scalars`: offsets in Unicode scalars (`text.unicodeScalars`), the unit to store and to
///   show (stable across encodings; JavaScript/Python-style "code point" offsets).
/// - `utf8`: offsets in UTF-8 bytes (`text.utf8`), the unit to slice with (`O(1)` on native
///   Swift strings; see ``AnalyzedText/surface(of:)``).
///
/// Both ranges cover exactly the characters the token was made from: for `don't` the token
/// `do` covers `do` and the token `not` covers `n't`; a canonical abbreviation made from
/// `education, health and care plan` covers the whole phrase; combining accents after a letter
/// (`e` + U+0301) are inside the span of the word they decorate.
public struct TextSpan: Hashable, Sendable, CustomStringConvertible {
  public var scalars: Range<Int>
  public var utf8: Range<Int>

  public init(scalars: Range<Int>, utf8: Range<Int>) {
    self.scalars = scalars
    self.utf8 = utf8
  }

  /// The smallest span covering both.
  public func union(_ other: TextSpan) -> TextSpan {
    TextSpan(
      scalars: min(scalars.lowerBound, other.scalars.lowerBound)
        ..< max(scalars.upperBound, other.scalars.upperBound),
      utf8: min(utf8.lowerBound, other.utf8.lowerBound)
        ..< max(utf8.upperBound, other.utf8.upperBound))
  }

  public var description: String { "\(scalars.lowerBound)..<\(scalars.upperBound)" }
}

extension String {
  /// The part of this string that `span` covers (by its UTF-8 offsets).
  ///
  /// Returns an empty substring when the span lies outside the string, rather than trapping.
  public func slice(_ span: TextSpan) -> Substring {
    let u = utf8
    guard span.utf8.lowerBound >= 0, span.utf8.upperBound <= u.count,
      let lo = u.index(u.startIndex, offsetBy: span.utf8.lowerBound, limitedBy: u.endIndex),
      let hi = u.index(lo, offsetBy: span.utf8.count, limitedBy: u.endIndex)
    else { return self[endIndex...] }
    return self[lo..<hi]
  }
}
