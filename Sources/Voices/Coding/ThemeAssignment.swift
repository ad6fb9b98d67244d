/// Why a theme was given to a comment: one stretch of the comment and the pattern that found it.
public struct Evidence: Sendable, Equatable, Hashable {
  /// Offsets into the original comment, in Unicode scalars (`TextSpan.scalars`),
  /// `start` inclusive, `end` exclusive.
  public var start: Int
  public var end: Int
  /// The pattern as written in the codebook.
  public var patternText: String
  /// The comment's text between `start` and `end`.
  public var matchedText: String

  public init(start: Int, end: Int, patternText: String, matchedText: String) {
    self.start = start
    self.end = end
    self.patternText = patternText
    self.matchedText = matchedText
  }
}

/// A theme given to a comment, with every stretch of text that earned it.
///
/// A theme given by a trained model rather than the rules has no stretch of text; its
/// evidence is the model's probability instead.
public struct ThemeAssignment: Sendable, Equatable {
  public var themeId: String
  public var evidence: [Evidence]
  /// The model's probability when a model, not the rules, gave the theme.
  public var modelProbability: Double?

  public init(themeId: String, evidence: [Evidence], modelProbability: Double? = nil) {
    self.themeId = themeId
    self.evidence = evidence
    self.modelProbability = modelProbability
  }
}
