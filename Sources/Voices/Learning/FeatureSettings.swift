/// How comments become feature vectors: recorded in the model card and the model file.
public struct FeatureSettings: Codable, Equatable, Sendable {
  /// The word analyzer (see `FeatureText`); always the one this build has when training.
  public var analyzer: String
  /// Whether adjacent word pairs are features as well as single words.
  public var wordPairs: Bool
  /// A feature must occur in at least this many training comments.
  public var minimumDocumentFrequency: Int
  /// Term frequency weighted as `1 + ln(tf)` rather than `tf`.
  public var sublinearTermFrequency: Bool

  public init(
    wordPairs: Bool = true,
    minimumDocumentFrequency: Int = 2, sublinearTermFrequency: Bool = true
  ) {
    self.analyzer = FeatureText.analyzerName
    self.wordPairs = wordPairs
    self.minimumDocumentFrequency = minimumDocumentFrequency
    self.sublinearTermFrequency = sublinearTermFrequency
  }
}
