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
  /// The shortest and longest character n-grams taken inside each word (padded with a space at
  /// either end, as scikit-learn's `char_wb`); 0 for both: none. They carry misspellings,
  /// "cant" beside "can't" and word endings the stemmer leaves apart.
  public var characterMinimum: Int
  public var characterMaximum: Int

  /// Whether character n-grams are features.
  public var usesCharacters: Bool { characterMinimum > 0 && characterMaximum >= characterMinimum }

  public init(
    analyzer: Analyzer = .voicesStems, wordPairs: Bool = true, minimumDocumentFrequency: Int = 2,
    sublinearTermFrequency: Bool = true, characterMinimum: Int = 2, characterMaximum: Int = 5
  ) {
    self.analyzer = analyzer
    self.wordPairs = wordPairs
    self.minimumDocumentFrequency = minimumDocumentFrequency
    self.sublinearTermFrequency = sublinearTermFrequency
    self.characterMinimum = characterMinimum
    self.characterMaximum = characterMaximum
  }

  /// Settings of a file written before character n-grams existed read as "none".
  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    analyzer = try c.decode(Analyzer.self, forKey: .analyzer)
    wordPairs = try c.decode(Bool.self, forKey: .wordPairs)
    minimumDocumentFrequency = try c.decode(Int.self, forKey: .minimumDocumentFrequency)
    sublinearTermFrequency = try c.decode(Bool.self, forKey: .sublinearTermFrequency)
    characterMinimum = try c.decodeIfPresent(Int.self, forKey: .characterMinimum) ?? 0
    characterMaximum = try c.decodeIfPresent(Int.self, forKey: .characterMaximum) ?? 0
  }
}
