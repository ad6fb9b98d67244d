import Foundation

/// `successes` of `base`: the count behind every share the toolkit reports.
public struct Proportion: Equatable, Sendable {
  public let successes: Int
  public let base: Int

  /// - Throws: `StatisticsError.invalidCount` unless 0 <= successes <= base.
  public init(_ successes: Int, of base: Int) throws {
    guard successes >= 0, base >= 0, successes <= base else {
      throw StatisticsError.invalidCount(successes: successes, base: base)
    }
    self.successes = successes
    self.base = base
  }

  /// The observed share, or `nil` when there is no base (never NaN).
  public var estimate: Double? { base == 0 ? nil : Double(successes) / Double(base) }

  /// The Wilson score interval (Wilson 1927, JASA 22:209-212; Newcombe 1998, "Two-sided
  /// confidence intervals for the single proportion", Stat Med 17:857-872, method 3, or
  /// method 4 with the continuity correction of Fleiss 1981).
  ///
  /// Chosen over the textbook Wald interval because it never leaves [0, 1], is not
  /// zero-width at 0 or n, and keeps close to its nominal coverage with the small bases of
  /// participation work.
  ///
  /// - Parameters:
  ///   - confidence: The two-sided level, default 0.95.
  ///   - continuityCorrected: Newcombe's method 4 instead of method 3.
  /// - Returns: The interval, or `nil` when `base` is 0: there is nothing to estimate.
  /// - Throws: `StatisticsError.invalidConfidence` unless 0 < confidence < 1.
  public func wilsonInterval(confidence: Double = 0.95, continuityCorrected: Bool = false) throws
    -> WilsonInterval?
  {
    guard confidence > 0, confidence < 1 else { throw StatisticsError.invalidConfidence(confidence) }
    guard base > 0 else { return nil }
    let z = Normal.twoSidedCritical(confidence: confidence)
    let n = Double(base), k = Double(successes), z2 = z * z
    let p = k / n, q = 1 - p
    var lower: Double, upper: Double
    if !continuityCorrected {
      (lower, upper) = wilsonBounds(z: z)
    } else {
      let denominator = 2 * (n + z2)
      lower = successes == 0 ? 0
        : (2 * n * p + z2 - 1 - z * (z2 - 2 - 1 / n + 4 * p * (n * q + 1)).squareRoot()) / denominator
      upper = successes == base ? 1
        : (2 * n * p + z2 + 1 + z * (z2 + 2 - 1 / n + 4 * p * (n * q - 1)).squareRoot()) / denominator
      lower = max(0, lower)
      upper = min(1, upper)
    }
    return WilsonInterval(
      estimate: p, lower: lower, upper: upper, confidence: confidence,
      continuityCorrected: continuityCorrected)
  }
}

extension Proportion {
  /// The Wilson score bounds for the critical value `z` (1.959964 for 95%), clamped to [0, 1]
  /// and exact at 0 and `base`. `ProportionDifference` calls it for any `z` to find the
  /// confidence level at which Newcombe's interval just reaches zero.
  ///
  /// - Precondition: `base > 0`.
  func wilsonBounds(z: Double) -> (lower: Double, upper: Double) {
    let n = Double(base), k = Double(successes), z2 = z * z
    let centre = (k + z2 / 2) / (n + z2)
    let half = z / (n + z2) * (k * (n - k) / n + z2 / 4).squareRoot()
    let lower = successes == 0 ? 0 : centre - half
    let upper = successes == base ? 1 : centre + half
    return (max(0, lower), min(1, upper))
  }
}

/// A share with its Wilson score interval.
public struct WilsonInterval: Equatable, Sendable {
  public let estimate: Double
  public let lower: Double
  public let upper: Double
  public let confidence: Double
  public let continuityCorrected: Bool

  /// Upper minus lower: how much the data leave open.
  public var width: Double { upper - lower }
}
