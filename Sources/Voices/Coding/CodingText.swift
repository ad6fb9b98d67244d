/// The bridge between comment text and the engine's tokens: the Text module's analyser.
///
/// Tokens, stems (Porter2 after British/American spelling folding), canonical abbreviations
/// (`EHC plan` -> `EHCP`), clause indices and negation flags all come from `TextAnalyzer`;
/// patterns go through the same analyser, so a pattern word and a comment word meet as the
/// same stem. Offsets are Unicode scalar offsets into the ORIGINAL text (the Text module's
/// `TextSpan.scalars`, the unit to store and show).
///
/// SmartSurvey writes an apostrophe as `@SQ@`; comments read from its exports are already
/// repaired by the survey loader, but a plain CSV may still hold them, so they are read as `'`
/// here and offsets are mapped back to the text as given.
enum CodingText {
  static let analyzer = TextAnalyzer()

  static func tokens(of text: String) -> [CodingToken] {
    var cache = TextAnalyzer.WordCache()
    return tokens(of: text, cache: &cache)
  }

  /// The same, reusing a per-thread cache of analysed words.
  static func tokens(of text: String, cache: inout TextAnalyzer.WordCache) -> [CodingToken] {
    guard hasSmartSurveyQuote(text) else {
      return analyzer.analyze(text, cache: &cache).tokens.map { token(from: $0, offsets: nil) }
    }
    // Replace each @SQ@ by ' and remember, per scalar of the repaired text, its original offset.
    var repaired = String.UnicodeScalarView()
    var offsets: [Int] = []
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      if scalars[i] == "@", i + 3 < scalars.count, scalars[i + 1] == "S", scalars[i + 2] == "Q", scalars[i + 3] == "@" {
        repaired.append("'")
        offsets.append(i)
        i += 4
      } else {
        repaired.append(scalars[i])
        offsets.append(i)
        i += 1
      }
    }
    offsets.append(scalars.count)
    return analyzer.analyze(String(repaired), cache: &cache).tokens.map { token(from: $0, offsets: offsets) }
  }

  private static func token(from t: Token, offsets: [Int]?) -> CodingToken {
    var start = t.span.scalars.lowerBound, end = t.span.scalars.upperBound
    var utf8Start = t.span.utf8.lowerBound, utf8End = t.span.utf8.upperBound
    if let offsets {
      // Repaired text: recompute UTF-8 offsets from the mapped scalar offsets below.
      utf8Start = -1
      utf8End = -1
      // The end maps through the last scalar of the token, so a token ending in @SQ@ (never
      // the case: ' is inside words) could not be cut short.
      start = offsets[min(start, offsets.count - 1)]
      end = end > 0 ? offsets[min(end - 1, offsets.count - 1)] + 1 : 0
    }
    return CodingToken(start: start, end: end, utf8Start: utf8Start, utf8End: utf8End, form: t.text, stem: t.stem,
                       clause: t.clause, isNegator: t.isNegator, wordID: t.wordID)
  }

  /// Whether `text` holds `@SQ@`, by a byte scan (no Foundation bridging on the hot path).
  static func hasSmartSurveyQuote(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { b in
      guard b.count >= 4 else { return false }
      for i in 0...(b.count - 4) where b[i] == UInt8(ascii: "@") && b[i + 3] == UInt8(ascii: "@")
        && b[i + 1] == UInt8(ascii: "S") && b[i + 2] == UInt8(ascii: "Q") { return true }
      return false
    }
  }

  /// The text of a token span: by UTF-8 offsets when known (O(1)), else by scalar offsets.
  static func slice(_ text: String, from first: CodingToken, to last: CodingToken) -> String {
    if first.utf8Start >= 0, last.utf8End >= first.utf8Start {
      let u = text.utf8
      guard let a = u.index(u.startIndex, offsetBy: first.utf8Start, limitedBy: u.endIndex),
            let b = u.index(a, offsetBy: last.utf8End - first.utf8Start, limitedBy: u.endIndex) else { return "" }
      return String(text[a..<b])
    }
    return slice(text, start: first.start, end: last.end)
  }

  /// The text between two scalar offsets of `tokens(of:)`.
  static func slice(_ text: String, start: Int, end: Int) -> String {
    let scalars = text.unicodeScalars
    guard start >= 0, start <= end, let a = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
          let b = scalars.index(a, offsetBy: end - start, limitedBy: scalars.endIndex) else { return "" }
    return String(scalars[a..<b])
  }
}
