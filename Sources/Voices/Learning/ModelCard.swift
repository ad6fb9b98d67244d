/// What a model was trained on, how, and how well it did in cross-validation.
///
/// Saved inside the model file so the evidence for a model's coding travels with it. Every
/// F1 here is from out-of-fold predictions: each comment is scored by a model that never saw
/// it, with thresholds tuned on the other folds' predictions (never on its own fold's labels).
public struct ModelCard: Codable, Equatable, Sendable {
  /// One theme's line in the card.
  public struct Theme: Codable, Equatable, Sendable {
    public var id: String
    /// Training comments coded with the theme.
    public var positives: Int
    /// The threshold the saved model uses.
    public var threshold: Double
    /// Cross-validated counts at the model's thresholds.
    public var truePositives: Int
    public var falsePositives: Int
    public var falseNegatives: Int
    /// Cross-validated scores at the model's thresholds; nil when undefined (nothing to find
    /// and nothing assigned).
    public var precision: Double?
    public var recall: Double?
    public var f1: Double?
    /// Cross-validated F1 at threshold 0.5.
    public var f1AtHalf: Double?
  }

  /// Scores across themes under each threshold rule.
  public struct Scores: Codable, Equatable, Sendable {
    public var microF1AtHalf: Double
    public var microF1GlobalThreshold: Double
    public var microF1PerThemeThresholds: Double
    /// Micro-F1 under the rule the model uses.
    public var microF1: Double
    /// Mean of per-theme F1 under the model's rule, over themes used by coders or model.
    public var macroF1: Double
  }

  public var voicesVersion: String
  /// ISO 8601, UTC.
  public var created: String
  public var trainingFile: String
  /// SHA-256 of the training file's bytes, lowercase hex.
  public var trainingDataSHA256: String
  public var rowsRead: Int
  public var commentsUsed: Int
  public var dropped: [TrainingSet.DroppedRows]
  public var excludedThemes: [String]
  public var features: FeatureSettings
  public var vocabularySize: Int
  public var settings: TrainingSettings
  public var foldRule: String
  public var scores: Scores
  public var themes: [Theme]
}
