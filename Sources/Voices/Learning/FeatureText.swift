/// The words a comment is turned into before counting features.
///
/// One small function so the analyzer can change in one place; the analyzer's name is in the
/// model card and the model file, so a model is always read with the analyzer it was trained
/// with.
enum FeatureText {
  private static let analyzer = TextAnalyzer()

  /// The words of `text`, in order, as `analyzer` sees them.
  static func words(_ text: String, analyzer kind: FeatureSettings.Analyzer) -> [String] {
    switch kind {
    case .voicesStems:
      // Text's tokens: folded, spelling-normalised, Porter2-stemmed, abbreviations canonical.
      // One-letter words ("a", "i") carry nothing and are dropped, as scikit-learn does.
      return analyzer.analyze(text).tokens.compactMap { token in
        token.kind == .word && token.stem.utf8.count < 2 ? nil : token.stem
      }
    case .asciiWords:
      return asciiWords(text)
    }
  }

  /// Runs of ASCII letters and digits, lowercased, two characters or longer: close to
  /// scikit-learn's default `token_pattern` on English text, for comparing like with like.
  static func asciiWords(_ text: String) -> [String] {
    var words: [String] = []
    var current: [UInt8] = []
    func flush() {
      if current.count >= 2 { words.append(String(decoding: current, as: UTF8.self)) }
      current.removeAll(keepingCapacity: true)
    }
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        current.append(byte)
      case UInt8(ascii: "A")...UInt8(ascii: "Z"):
        current.append(byte + 32)
      default:
        flush()
      }
    }
    flush()
    return words
  }

  /// Marks a character n-gram feature, so it never meets a word of the same letters.
  static let characterMark: Character = "\t"

  /// Character n-grams of `text`, `minimum` to `maximum` long, inside each word.
  ///
  /// A word is a run of letters and digits, lowercased, apostrophes dropped ("can't" is
  /// "cant"); it is padded with one space each side and cut into every n-gram of each length,
  /// a word shorter than `n` giving itself once (scikit-learn's `char_wb` rule). Each n-gram
  /// starts with `characterMark`.
  static func characterGrams(_ text: String, minimum: Int, maximum: Int) -> [String] {
    var grams: [String] = []
    var word: [Character] = [" "]
    func flush() {
      guard word.count > 1 else { return }
      word.append(" ")
      let length = word.count
      for n in minimum...maximum {
        var offset = 0
        repeat {
          var gram = String(characterMark)
          gram.append(contentsOf: word[offset..<min(offset + n, length)])
          grams.append(gram)
          offset += 1
        } while offset + n <= length
        if n >= length { break }
      }
      word = [" "]
    }
    for ch in text.lowercased() {
      if ch.isLetter || ch.isNumber {
        word.append(ch)
      } else if ch == "'" || ch == "\u{2019}" {
        continue
      } else {
        flush()
      }
    }
    flush()
    return grams
  }
}
