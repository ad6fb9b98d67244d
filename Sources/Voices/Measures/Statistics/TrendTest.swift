import Foundation

/// The chi-square test for a linear trend in a share across ordered waves.
public struct TrendTest: Equatable, Sendable {
  /// The Cochran-Armitage chi-square (1 degree of freedom).
  public let statistic: Double
  public let degreesOfFreedom: Int
  public let p: Double
  /// The least-squares slope of share on score (share per unit of score; per year when the
  /// scores are years): its sign says which way the trend runs.
  public let slope: Double

  /// Cochran (1954) and Armitage (1955) test for trend in proportions, in the form R's
  /// `prop.trend.test` computes:
  /// χ² = [Σ tᵢ(xᵢ - nᵢp̄)]² / (p̄(1 - p̄)[Σ nᵢtᵢ² - (Σ nᵢtᵢ)²/N]), compared with χ²(1).
  ///
  /// It asks one question (is the share rising or falling steadily across waves?) and so
  /// has more power than the k - 1 degree-of-freedom test of "any difference".
  /// (Agresti's linear-by-linear M² is this statistic times (N - 1)/N.)
  ///
  /// - Parameters:
  ///   - successes: xᵢ per wave, in order.
  ///   - bases: nᵢ per wave.
  ///   - scores: tᵢ per wave; default 1, 2, ..., k. Wave years give unequal spacing its due.
  /// - Throws: `StatisticsError` for mismatched lengths, fewer than 2 waves, invalid counts,
  ///   equal scores or a pooled share of 0 or 1 (no variation to test).
  public static func cochranArmitage(successes: [Int], bases: [Int], scores: [Double]? = nil)
    throws -> TrendTest
  {
    guard successes.count == bases.count else {
      throw StatisticsError.lengthMismatch(expected: bases.count, found: successes.count)
    }
    guard successes.count >= 2 else {
      throw StatisticsError.tooFewGroups(found: successes.count, needed: 2)
    }
    let t = scores ?? (1...successes.count).map(Double.init)
    guard t.count == successes.count else {
      throw StatisticsError.lengthMismatch(expected: successes.count, found: t.count)
    }
    for (k, n) in zip(successes, bases) where k < 0 || n < 0 || k > n {
      throw StatisticsError.invalidCount(successes: k, base: n)
    }
    let x = successes.map(Double.init), n = bases.map(Double.init)
    let total = n.reduce(0, +)
    let pooled = x.reduce(0, +) / max(total, 1)
    guard total > 0, pooled > 0, pooled < 1 else {
      throw StatisticsError.noVariation("the pooled share is \(pooled)")
    }
    var numerator = 0.0, sumNT = 0.0, sumNT2 = 0.0
    for i in x.indices {
      numerator += t[i] * (x[i] - n[i] * pooled)
      sumNT += n[i] * t[i]
      sumNT2 += n[i] * t[i] * t[i]
    }
    let spread = sumNT2 - sumNT * sumNT / total
    guard spread > 1e-12 * max(1, sumNT2) else {
      throw StatisticsError.noVariation("every wave with people in it has the same score")
    }
    let statistic = numerator * numerator / (pooled * (1 - pooled) * spread)
    return TrendTest(
      statistic: statistic, degreesOfFreedom: 1,
      p: ChiSquare.survival(statistic, degreesOfFreedom: 1), slope: numerator / spread)
  }
}
