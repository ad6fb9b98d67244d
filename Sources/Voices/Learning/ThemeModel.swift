import Foundation

/// A multi-label theme coder learned from human-coded comments.
///
/// One logistic regression per theme (one-vs-rest) on TF-IDF features of words and word pairs.
/// `predict` gives every theme's probability; `assign` applies the thresholds chosen by
/// cross-validation; `uncertainty` says how close a comment sits to those thresholds, so a review
/// loop can show people the comments the model is least sure of first.
public struct ThemeModel: Equatable, Sendable {
  /// Provenance and cross-validated quality.
  public var card: ModelCard
  /// Theme ids, in model order.
  public var themes: [String]
  /// The threshold each theme's probability must reach to be assigned.
  public var thresholds: [Double]
  var vectorizer: Vectorizer
  var weights: [[Double]]
  var biases: [Double]

  /// One theme's score for one comment.
  public struct Score: Equatable, Sendable {
    public var theme: String
    public var probability: Double
    public var threshold: Double
    public var assigned: Bool { probability >= threshold }
    /// 1 when the probability sits on the threshold, 0 at certainty (0 or 1).
    public var closeness: Double {
      let room = probability >= threshold ? 1 - threshold : threshold
      return room > 0 ? max(0, 1 - abs(probability - threshold) / room) : 0
    }
  }

  /// Every theme's probability for `text`, in model order.
  public func predict(_ text: String) -> [(theme: String, probability: Double)] {
    let p = probabilities(vectorizer.transform(text))
    return zip(themes, p).map { (theme: $0, probability: $1) }
  }

  /// The themes whose probability reaches their threshold, in model order.
  public func assign(_ text: String) -> [String] {
    scores(text).filter(\.assigned).map(\.theme)
  }

  /// Probability, threshold and decision for every theme.
  public func scores(_ text: String) -> [Score] {
    let p = probabilities(vectorizer.transform(text))
    return themes.indices.map { Score(theme: themes[$0], probability: p[$0], threshold: thresholds[$0]) }
  }

  /// How unsure the model is about `text`: the largest `closeness` over themes (0 … 1).
  public func uncertainty(_ text: String) -> Double {
    scores(text).map(\.closeness).max() ?? 0
  }

  /// Indices of `texts`, most uncertain first (ties by position), at most `count` of them.
  public func leastCertain(_ texts: [String], count: Int) -> [Int] {
    let u = texts.map(uncertainty)
    return Array(texts.indices.sorted { u[$0] != u[$1] ? u[$0] > u[$1] : $0 < $1 }.prefix(max(0, count)))
  }

  func probabilities(_ x: SparseVector) -> [Double] {
    themes.indices.map { j in
      let z = weights[j].withUnsafeBufferPointer { x.dot($0) } + biases[j]
      return LogisticRegression.sigmoid(z)
    }
  }
}
