/// How comments become feature vectors: recorded in the model card and the model file.
public struct FeatureSettings: Codable, Equatable, Sendable {
  /// Which words a comment is split into.
  public enum Analyzer: String, Codable, Sendable, CaseIterable {
    /// Voices' text pipeline: normalised, spelling-folded, Porter2 stems, abbreviations.
    case voicesStems = "voices-stems"
    /// Lowercased ASCII letter-and-digit runs of two or more (scikit-learn's default words).
    case asciiWords = "ascii-words"
  }

  public var analyzer: Analyzer
  /// Whether adjacent word pairs are features as well as single words.
  public var wordPairs: Bool
  /// A feature must occur in at least this many training comments.
  public var minimumDocumentFrequency: Int
  /// Term frequency weighted as `1 + ln(tf)` rather than `tf`.
  public var sublinearTermFrequency: Bool

  public init(
    analyzer: Analyzer = .voicesStems, wordPairs: Bool = true, minimumDocumentFrequency: Int = 2,
    sublinearTermFrequency: Bool = true
  ) {
    self.analyzer = analyzer
    self.wordPairs = wordPairs
    self.minimumDocumentFrequency = minimumDocumentFrequency
    self.sublinearTermFrequency = sublinearTermFrequency
  }
}
