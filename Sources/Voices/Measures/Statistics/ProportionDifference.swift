import Foundation

/// The change between two independent shares (this wave against last, one group against
/// another), with Newcombe's interval and the p-value that belongs to it.
public struct ProportionDifference: Equatable, Sendable {
  /// p1 - p2.
  public let estimate: Double
  public let lower: Double
  public let upper: Double
  public let confidence: Double
  /// The pooled two-proportion z statistic, or `nil` when the pooled share is 0 or 1
  /// (everyone or no one said yes in both groups, so there is no spread to test against).
  public let z: Double?
  /// Two-sided p-value of `z` (statsmodels `proportions_ztest`). Kept for comparison with
  /// other tools; never printed beside a verdict, because a different method can disagree
  /// with the interval near 0.05.
  public let zTestP: Double?
  /// The p-value of the interval itself: the smallest α at which Newcombe's 1 - α interval
  /// excludes zero (1 when the shares are equal). `p < 0.05` exactly when the 95% interval
  /// excludes zero, so a verdict read from the interval and this p never disagree; Holm and
  /// Benjamini-Hochberg adjust this p for the same reason.
  public let p: Double

  /// Compares `first` with `second` (difference = first - second).
  ///
  /// Interval: Newcombe's hybrid score interval (Newcombe 1998, "Interval estimation for the
  /// difference between independent proportions: comparison of eleven methods", Stat Med
  /// 17:873-890, method 10), built from the two Wilson intervals (l1, u1) and (l2, u2):
  /// d - √((p1 - l1)² + (u2 - p2)²) to d + √((u1 - p1)² + (p2 - l2)²). It keeps close to
  /// nominal coverage for small bases and never leaves [-1, 1].
  ///
  /// p: the interval inverted (a test-based p-value). The bound nearest zero moves towards
  /// zero as the critical value z grows (Wilson intervals nest), so there is one z* where it
  /// reaches zero, found by bisection; p = 2(1 - Φ(z*)).
  ///
  /// z test: z = (p1 - p2) / √(p̄(1 - p̄)(1/n1 + 1/n2)) with the pooled share p̄, two-sided p
  /// from the normal distribution (as statsmodels `proportions_ztest`), no continuity
  /// correction.
  ///
  /// - Returns: `nil` when either base is 0.
  /// - Throws: `StatisticsError.invalidConfidence`.
  public static func between(_ first: Proportion, _ second: Proportion, confidence: Double = 0.95)
    throws -> ProportionDifference?
  {
    guard let a = try first.wilsonInterval(confidence: confidence),
      let b = try second.wilsonInterval(confidence: confidence)
    else { return nil }
    let d = a.estimate - b.estimate
    let (lower, upper) = bounds(first, second, z: Normal.twoSidedCritical(confidence: confidence))
    let n1 = Double(first.base), n2 = Double(second.base)
    let pooled = Double(first.successes + second.successes) / (n1 + n2)
    var z: Double? = nil, zTestP: Double? = nil
    if pooled > 0, pooled < 1 {
      let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
      let zValue = d / se
      z = zValue
      zTestP = min(1, 2 * Normal.survival(abs(zValue)))
    }
    return ProportionDifference(
      estimate: d, lower: lower, upper: upper, confidence: confidence, z: z, zTestP: zTestP,
      p: intervalP(first, second))
  }

  /// Newcombe's bounds for the critical value `z`, clamped to [-1, 1].
  static func bounds(_ first: Proportion, _ second: Proportion, z: Double) -> (lower: Double, upper: Double) {
    let p1 = Double(first.successes) / Double(first.base), p2 = Double(second.successes) / Double(second.base)
    let (l1, u1) = first.wilsonBounds(z: z), (l2, u2) = second.wilsonBounds(z: z)
    let d = p1 - p2
    let lower = d - ((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2)).squareRoot()
    let upper = d + ((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2)).squareRoot()
    return (max(-1, lower), min(1, upper))
  }

  /// The two-sided p at which Newcombe's interval has zero on its bound.
  ///
  /// - Complexity: at most 200 bisection steps of two Wilson intervals each.
  static func intervalP(_ first: Proportion, _ second: Proportion) -> Double {
    let d = Double(first.successes) / Double(first.base) - Double(second.successes) / Double(second.base)
    guard d != 0 else { return 1 }
    /// How far the bound nearest zero still is from zero at `z`: positive while it excludes zero.
    func gap(_ z: Double) -> Double {
      let (lower, upper) = bounds(first, second, z: z)
      return d > 0 ? lower : -upper
    }
    var low = 0.0, high = 1.0
    while gap(high) > 0, high < 64 { low = high; high *= 2 }
    guard gap(high) <= 0 else { return 0 }
    for _ in 0..<200 {
      let middle = (low + high) / 2
      guard middle > low, middle < high else { break }
      if gap(middle) > 0 { low = middle } else { high = middle }
    }
    return min(1, 2 * Normal.survival((low + high) / 2))
  }
}
