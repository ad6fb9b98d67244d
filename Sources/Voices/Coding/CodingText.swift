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
    guard text.utf8.count >= 4, text.contains("@SQ@") else {
      return analyzer.analyze(text).tokens.map { token(from: $0, offsets: nil) }
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
    return analyzer.analyze(String(repaired)).tokens.map { token(from: $0, offsets: offsets) }
  }

  private static func token(from t: Token, offsets: [Int]?) -> CodingToken {
    var start = t.span.scalars.lowerBound, end = t.span.scalars.upperBound
    if let offsets {
      // The end maps through the last scalar of the token, so a token ending in @SQ@ (never
      // the case: ' is inside words) could not be cut short.
      start = offsets[min(start, offsets.count - 1)]
      end = end > 0 ? offsets[min(end - 1, offsets.count - 1)] + 1 : 0
    }
    return CodingToken(start: start, end: end, form: t.text, stem: t.stem, clause: t.clause, isNegator: t.isNegator)
  }

  /// The text between two scalar offsets of `tokens(of:)`.
  static func slice(_ text: String, start: Int, end: Int) -> String {
    let scalars = text.unicodeScalars
    guard start >= 0, start <= end, let a = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
          let b = scalars.index(a, offsetBy: end - start, limitedBy: scalars.endIndex) else { return "" }
    return String(scalars[a..<b])
  }
}
