/// The small-number rule every output follows, so nobody in a small group can be identified.
///
/// Set in `workspace.json` as `"suppression": {"minimumCount": 5, "minimumBase": 10}` or
/// `"suppression": {"preset": "nhs"}`; every output states the rule it applied
/// (`description`).
public struct SuppressionPolicy: Codable, Sendable, Equatable, CustomStringConvertible {
  public enum Rule: String, Codable, Sendable {
    /// Counts below `minimumCount` hidden; percentages, means and residuals on bases below
    /// `minimumBase` hidden; groups hidden whole, decided over every breakdown level at once
    /// (`LinkedSuppression`), so a hidden count cannot be worked out from totals.
    case threshold
    /// NHS Digital's statistical disclosure rule: counts of 1 to 7 shown as `*`, other counts
    /// rounded to the nearest 5, percentages from the true counts rounded to a whole percent.
    case nhs
  }

  public var rule: Rule
  /// Smallest count published (threshold rule).
  public var minimumCount: Int
  /// Smallest base on which a percentage is published.
  public var minimumBase: Int

  public init(rule: Rule = .threshold, minimumCount: Int = 5, minimumBase: Int = 10) {
    self.rule = rule
    self.minimumCount = minimumCount
    self.minimumBase = minimumBase
  }

  public static let standard = SuppressionPolicy()
  public static let nhs = SuppressionPolicy(rule: .nhs, minimumCount: 8, minimumBase: 10)

  enum CodingKeys: String, CodingKey { case preset, minimumCount, minimumBase }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let preset = try c.decodeIfPresent(String.self, forKey: .preset)
    switch preset {
    case nil, "threshold":
      self.init(rule: .threshold,
                minimumCount: try c.decodeIfPresent(Int.self, forKey: .minimumCount) ?? 5,
                minimumBase: try c.decodeIfPresent(Int.self, forKey: .minimumBase) ?? 10)
    case "nhs":
      self = .nhs
      if let base = try c.decodeIfPresent(Int.self, forKey: .minimumBase) { minimumBase = base }
    case let other?:
      throw DecodingError.dataCorruptedError(forKey: .preset, in: c,
        debugDescription: "unknown suppression preset \"\(other)\"; use \"threshold\" or \"nhs\"")
    }
    guard minimumCount >= 1, minimumBase >= 1 else {
      throw DecodingError.dataCorruptedError(forKey: .minimumCount, in: c, debugDescription: "thresholds must be at least 1")
    }
  }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    if rule == .nhs { try c.encode("nhs", forKey: .preset) }
    try c.encode(minimumCount, forKey: .minimumCount)
    try c.encode(minimumBase, forKey: .minimumBase)
  }

  /// The rule in words, printed once with every output (each table notes it once).
  public var description: String {
    switch rule {
    case .threshold:
      "counts below \(minimumCount) are not shown, nor percentages, means or other statistics of fewer than \(minimumBase) answers; a group is shown whole or hidden whole, decided across every breakdown at once so that no hidden count can be worked out from totals or from another breakdown; answer distributions and means are given for everyone only"
    case .nhs:
      "NHS statistical rule: counts of 1 to 7 are shown as *, other counts are rounded to the nearest 5; percentages are worked out from the true counts and given to a whole percent, and not shown for fewer than \(minimumBase) answers or beside a *"
    }
  }
}
