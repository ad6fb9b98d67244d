import Foundation

/// The change between two independent shares (this wave against last, one group against
/// another), with Newcombe's interval and a two-proportion z test.
public struct ProportionDifference: Equatable, Sendable {
  /// p1 - p2.
  public let estimate: Double
  public let lower: Double
  public let upper: Double
  public let confidence: Double
  /// The pooled two-proportion z statistic, or `nil` when the pooled share is 0 or 1
  /// (everyone or no one said yes in both groups, so there is no spread to test against).
  public let z: Double?
  /// Two-sided p-value of `z`.
  public let p: Double?

  /// Compares `first` with `second` (difference = first - second).
  ///
  /// Interval: Newcombe's hybrid score interval (Newcombe 1998, "Interval estimation for the
  /// difference between independent proportions: comparison of eleven methods", Stat Med
  /// 17:873-890, method 10), built from the two Wilson intervals (l1, u1) and (l2, u2):
  /// d - √((p1 - l1)² + (u2 - p2)²) to d + √((u1 - p1)² + (p2 - l2)²). It keeps close to
  /// nominal coverage for small bases and never leaves [-1, 1].
  ///
  /// Test: z = (p1 - p2) / √(p̄(1 - p̄)(1/n1 + 1/n2)) with the pooled share p̄, two-sided p
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
    let lower = d - ((a.estimate - a.lower) * (a.estimate - a.lower)
      + (b.upper - b.estimate) * (b.upper - b.estimate)).squareRoot()
    let upper = d + ((a.upper - a.estimate) * (a.upper - a.estimate)
      + (b.estimate - b.lower) * (b.estimate - b.lower)).squareRoot()
    let n1 = Double(first.base), n2 = Double(second.base)
    let pooled = Double(first.successes + second.successes) / (n1 + n2)
    var z: Double? = nil, p: Double? = nil
    if pooled > 0, pooled < 1 {
      let se = (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
      let zValue = d / se
      z = zValue
      p = min(1, 2 * Normal.survival(abs(zValue)))
    }
    return ProportionDifference(
      estimate: d, lower: max(-1, lower), upper: min(1, upper), confidence: confidence, z: z, p: p)
  }
}
