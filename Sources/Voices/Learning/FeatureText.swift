/// The words a comment is turned into before counting features.
///
/// Kept as one small function so the analyzer can change in one place. Interim analyzer
/// (`ascii-words`): runs of ASCII letters and digits, lowercased, two characters or longer
/// (the same words scikit-learn's default `token_pattern` keeps for English text); every other
/// byte separates words. It is recorded in the model card so a model is always read with the
/// analyzer it was trained with.
enum FeatureText {
  /// The name recorded in model cards for this analyzer.
  static let analyzerName = "ascii-words"

  /// The words of `text`, in order.
  static func words(_ text: String) -> [String] {
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
}
