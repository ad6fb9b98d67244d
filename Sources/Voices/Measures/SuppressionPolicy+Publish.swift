/// How each kind of number is published under the workspace's small-number rule: the one place
/// that decides, so every output (the measures table, CSV and JSON, the four reports, theme
/// counts, participation counts, representativeness, before/after) follows the same preset.
///
/// - Threshold: a count of 1 to `minimumCount - 1` is hidden, other counts are exact; lines
///   with a published total get secondary suppression; a share, mean or residual is published
///   only on a base of at least `minimumBase` and only when the counts it stands on are shown.
/// - NHS: a count of 1 to 7 is `*`, every other non-zero count is rounded to the nearest 5 (on
///   its own, totals too); a share is worked out from the true counts and published rounded to
///   a whole percent, only on a base of at least `minimumBase` and when neither of its counts is
///   `*`; no intervals are published beside rounded figures (an exact interval gives the exact
///   counts back).
extension SuppressionPolicy {
  /// The smallest count published exactly as itself (threshold) or rounded (NHS): k.
  public var smallestShownCount: Int { rule == .nhs ? 8 : minimumCount }

  /// Whether a count is a small number (1 to k - 1); 0 is never small.
  public func isSmall(_ count: Int) -> Bool { count >= 1 && count < smallestShownCount }

  /// One count on its own (no total beside it).
  public func publish(_ count: Int) -> SuppressedCell {
    switch rule {
    case .nhs: NHSSuppression.apply(count)
    case .threshold: isSmall(count) ? .suppressed : .shown(count)
    }
  }

  /// Counts published beside their total, e.g. people by locality and everyone: under the
  /// threshold rule with secondary suppression so no hidden count is total minus the others.
  public func publish(line counts: [Int], total: Int) -> (cells: [SuppressedCell], total: SuppressedCell) {
    switch rule {
    case .nhs: return (NHSSuppression.apply(counts), NHSSuppression.apply(total))
    case .threshold: return thresholdRule.suppress(counts: counts, total: total)
    }
  }

  /// A share `positive / base` and its 95% Wilson interval, as far as it may be published.
  ///
  /// - Parameters:
  ///   - countsShown: Whether the counts the share stands on are published (a share beside a
  ///     hidden count gives the count back).
  /// - Returns: `nil` on a base below `minimumBase` (0% and 100% included) or when a count is
  ///   hidden; under NHS the share rounded to a whole percent, with no interval.
  public func publishShare(_ positive: Int, of base: Int, countsShown: Bool) -> PublishedShare? {
    guard countsShown, base >= minimumBase, base > 0, let interval = (try? Proportion(positive, of: base)).flatMap({ try? $0.wilsonInterval() }) ?? nil
    else { return nil }
    switch rule {
    case .threshold: return PublishedShare(value: interval.estimate, lower: interval.lower, upper: interval.upper)
    case .nhs: return PublishedShare(value: (interval.estimate * 100).rounded() / 100, lower: nil, upper: nil)
    }
  }

  /// A mean (or any statistic of a whole distribution) as far as it may be published: only on a
  /// base of at least `minimumBase` and only when no count of the distribution is hidden, since
  /// a mean beside n pins two hidden counts. Under NHS rounded to one decimal place.
  public func publishMean(_ mean: Double?, base: Int, distributionComplete: Bool) -> Double? {
    guard let mean, base >= minimumBase, distributionComplete else { return nil }
    return rule == .nhs ? (mean * 10).rounded() / 10 : mean
  }

  /// A difference between two published shares (proportions): exact under the threshold rule,
  /// to a whole percentage point under NHS.
  public func publishDifference(_ value: Double) -> Double {
    rule == .nhs ? (value * 100).rounded() / 100 : value
  }

  /// Whether a published cell stands for a count exactly (so sums over shown cells are exact).
  var isExact: Bool { rule == .threshold }

  var thresholdRule: SuppressionRule { SuppressionRule(minimumCount: minimumCount, minimumBase: minimumBase) }
}

/// A share as published: the value and, under the threshold rule, its 95% interval.
public struct PublishedShare: Sendable, Equatable {
  public var value: Double
  public var lower: Double?
  public var upper: Double?
}
