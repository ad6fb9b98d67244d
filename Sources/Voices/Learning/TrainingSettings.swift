/// Choices for `ThemeModel.train`: features, regularisation, folds and thresholds.
public struct TrainingSettings: Codable, Equatable, Sendable {
  /// The kind of linear model fitted per theme.
  public enum Classifier: String, Codable, Sendable, CaseIterable {
    /// Linear SVM (squared hinge, dual coordinate descent), its scores turned into
    /// probabilities by Platt scaling on out-of-fold scores: the default, faster and, with
    /// character n-grams, better on the NHS file (see docs/coding-quality.md).
    case linearSVM = "linear-svm"
    /// Logistic regression by L-BFGS.
    case logisticRegression = "logistic-regression"
  }

  public var features: FeatureSettings
  public var classifier: Classifier
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
    features: FeatureSettings = FeatureSettings(), classifier: Classifier = .linearSVM, c: Double? = nil, balancedClassWeights: Bool = false,
    maximumIterations: Int = 500, folds: Int = 5, seed: UInt64 = 0, thresholdRule: ThresholdRule = .global,
    perThemeMinimumPositives: Int = 50
  ) {
    self.features = features
    self.classifier = classifier
    self.c = c ?? classifier.defaultC
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

  /// Settings of a file written before the classifier was a choice: logistic regression.
  public init(from decoder: Decoder) throws {
    let k = try decoder.container(keyedBy: CodingKeys.self)
    features = try k.decode(FeatureSettings.self, forKey: .features)
    classifier = try k.decodeIfPresent(Classifier.self, forKey: .classifier) ?? .logisticRegression
    c = try k.decode(Double.self, forKey: .c)
    balancedClassWeights = try k.decode(Bool.self, forKey: .balancedClassWeights)
    maximumIterations = try k.decode(Int.self, forKey: .maximumIterations)
    folds = try k.decode(Int.self, forKey: .folds)
    seed = try k.decode(UInt64.self, forKey: .seed)
    thresholdRule = try k.decode(ThresholdRule.self, forKey: .thresholdRule)
    perThemeMinimumPositives = try k.decode(Int.self, forKey: .perThemeMinimumPositives)
  }
}

extension TrainingSettings.Classifier {
  /// The cost that did best in cross-validation on the NHS file: 0.5 for the SVM (with
  /// character n-grams), 30 for logistic regression (words and pairs).
  public var defaultC: Double {
    switch self {
    case .linearSVM: 0.5
    case .logisticRegression: 30
    }
  }
}
