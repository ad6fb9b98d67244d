/// One measure in one wave for one group: the counts, the share positive with its Wilson
/// interval, and what of it may be published under the workspace's small-number rule.
public struct MeasureEstimate: Sendable, Equatable {
  public var tally: MeasureTally
  /// Share positive with its 95% Wilson interval; `nil` when the base is 0.
  public var interval: WilsonInterval?
  /// What may be published.
  public var published: Published

  /// The published view of an estimate: counts after suppression and whether the share (and
  /// its interval) may be shown.
  public struct Published: Sendable, Equatable {
    public var base: SuppressedCell
    public var positive: SuppressedCell
    /// The share to publish, its interval and the base it stands on, or `nil` when it is
    /// suppressed. Under the NHS rule it is computed from the rounded counts, with no interval.
    public var percent: Double?
    public var lower: Double?
    public var upper: Double?
    /// Per option of the scale then per non-substantive answer, as `distributionLabels`.
    /// Empty for a breakdown group: only the everyone row publishes its distribution.
    public var distribution: [SuppressedCell]
    /// The mean of the scale's values, when it may be published (everyone only, no hidden
    /// count in the distribution, a base of at least the minimum).
    public var mean: Double? = nil

    /// True when the share is not published.
    public var isSuppressed: Bool { percent == nil }
  }

  public var series: MeasureSeries { tally.series }
  public var wave: String { tally.wave }
  public var group: BreakdownGroup { tally.group }

  /// The labels of `published.distribution`: the scale's options, then the non-substantive
  /// answers seen, in name order.
  public var distributionLabels: [String] { tally.scale.labels + tally.nonSubstantive.keys.sorted() }

  /// The raw counts matching `distributionLabels`.
  public var distributionCounts: [Int] {
    tally.optionCounts + tally.nonSubstantive.keys.sorted().map { tally.nonSubstantive[$0] ?? 0 }
  }
}
