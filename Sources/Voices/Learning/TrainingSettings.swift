/// Choices for `ThemeModel.train`: features, regularisation, folds and thresholds.
public struct TrainingSettings: Codable, Equatable, Sendable {
  public var features: FeatureSettings
  /// Inverse L2 strength, as scikit-learn's `C`.
  public var c: Double
  public var balancedClassWeights: Bool
  public var maximumIterations: Int
  public var folds: Int
  /// Salts the fold hash; 0 gives the folds `scripts/baseline-nhs.py` uses.
  public var seed: UInt64
  public var thresholdRule: ThresholdRule
  /// Under `.perTheme`, themes with fewer training positives use the global threshold.
  public var perThemeMinimumPositives: Int

  public init(
    features: FeatureSettings = FeatureSettings(), c: Double = 30, balancedClassWeights: Bool = false,
    maximumIterations: Int = 500, folds: Int = 5, seed: UInt64 = 0, thresholdRule: ThresholdRule = .global,
    perThemeMinimumPositives: Int = 50
  ) {
    self.features = features
    self.c = c
    self.balancedClassWeights = balancedClassWeights
    self.maximumIterations = maximumIterations
    self.folds = folds
    self.seed = seed
    self.thresholdRule = thresholdRule
    self.perThemeMinimumPositives = perThemeMinimumPositives
  }

  var regression: LogisticRegression.Settings {
    LogisticRegression.Settings(c: c, balancedClassWeights: balancedClassWeights, maximumIterations: maximumIterations)
  }
}
