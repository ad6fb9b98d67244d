import Foundation

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

  /// The tokens of `text` (a fresh cache; for tests and one-off use).
  static func tokens(of text: String) -> [CodingToken] {
    var cache = WordCache()
    var scan = TextAnalyzer.Scan()
    var tokens: [CodingToken] = []
    self.tokens(of: text, into: &tokens, scan: &scan, cache: &cache)
    return tokens
  }

  /// The tokens of `text` into `tokens` (emptied first), reusing the caller's per-thread
  /// scan buffers and cache of analysed words, so a comment costs no allocation per word.
  static func tokens(of text: String, into tokens: inout [CodingToken], scan: inout TextAnalyzer.Scan,
                     cache: inout WordCache) {
    guard hasSmartSurveyQuote(text) else {
      analyzer.scan(text, into: &scan, cache: &cache)
      // The scan's tokens are the engine's; the old ones are the scan's next buffer (which it
      // empties).
      swap(&tokens, &scan.tokens)
      return
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
    analyzer.scan(String(repaired), into: &scan, cache: &cache)
    // Spans are worked out through the offsets when asked for (`Scan.span(from:to:)`).
    scan.givenScalarOffsets = offsets
    swap(&tokens, &scan.tokens)
  }

  /// The tokens of text given as UTF-8 bytes (valid UTF-8), as ``tokens(of:into:scan:cache:)``
  /// gives them for the same text as a `String`; no `String` is made unless it holds `@SQ@`.
  static func tokens(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, into tokens: inout [CodingToken], scan: inout TextAnalyzer.Scan,
                     cache: inout WordCache) {
    guard !hasSmartSurveyQuote(bytes) else {
      return self.tokens(of: String(decoding: bytes, as: UTF8.self), into: &tokens, scan: &scan, cache: &cache)
    }
    analyzer.scan(utf8: bytes, into: &scan, cache: &cache)
    swap(&tokens, &scan.tokens)
  }

  /// Whether `text` holds `@SQ@`.
  static func hasSmartSurveyQuote(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { hasSmartSurveyQuote($0) }
  }

  /// Whether the bytes hold `@SQ@`: `memchr` finds each `@` (rare in comments), so the
  /// check costs little next to reading the text once.
  static func hasSmartSurveyQuote(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard b.count >= 4, let base = b.baseAddress else { return false }
    var from = 0
    while from <= b.count - 4, let found = memchr(base + from, Int32(UInt8(ascii: "@")), b.count - 3 - from) {
      let at = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
      if b[at + 1] == UInt8(ascii: "S"), b[at + 2] == UInt8(ascii: "Q"), b[at + 3] == UInt8(ascii: "@") { return true }
      from = at + 1
    }
    return false
  }

  /// The text of a span: by UTF-8 offsets when known (O(1)), else by scalar offsets.
  static func slice(_ text: String, _ span: TextSpan) -> String {
    if span.utf8.lowerBound >= 0, span.utf8.upperBound >= span.utf8.lowerBound {
      let u = text.utf8
      guard let a = u.index(u.startIndex, offsetBy: span.utf8.lowerBound, limitedBy: u.endIndex),
            let b = u.index(a, offsetBy: span.utf8.count, limitedBy: u.endIndex) else { return "" }
      return String(text[a..<b])
    }
    return slice(text, start: span.scalars.lowerBound, end: span.scalars.upperBound)
  }

  /// The text between two scalar offsets of `tokens(of:)`.
  static func slice(_ text: String, start: Int, end: Int) -> String {
    let scalars = text.unicodeScalars
    guard start >= 0, start <= end, let a = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
          let b = scalars.index(a, offsetBy: end - start, limitedBy: scalars.endIndex) else { return "" }
    return String(scalars[a..<b])
  }
}
