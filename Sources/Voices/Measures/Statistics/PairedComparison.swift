import Foundation

/// Before and after scores from the same people (e.g. Takeover Challenge self-rated
/// confidence before and after the workshops).
public struct PairedComparison: Equatable, Sendable {
  public let count: Int
  /// Mean of after - before.
  public let meanDifference: Double
  /// Student t interval for the mean difference; `nil` with fewer than 2 pairs or when all
  /// differences are equal (no spread to build an interval from).
  public let lower: Double?
  public let upper: Double?
  public let confidence: Double
  /// The paired t statistic mean / (s/√n) and its two-sided p (`scipy.stats.ttest_rel`):
  /// the test that belongs to the t interval, so p < 0.05 exactly when the 95% interval
  /// excludes zero. `nil` when the interval is.
  public let t: Double?
  public let p: Double?
  /// People whose score went up, stayed the same, went down.
  public let improved: Int
  public let same: Int
  public let worse: Int
  /// The Wilcoxon signed-rank test, `nil` when every difference is zero.
  public let wilcoxon: WilcoxonSignedRank?

  public var shareImproved: Double { Double(improved) / Double(count) }
  public var shareSame: Double { Double(same) / Double(count) }
  public var shareWorse: Double { Double(worse) / Double(count) }

  /// Compares paired scores.
  ///
  /// The interval is mean ± t(1 - α/2, n - 1) s/√n (Student 1908), as
  /// `scipy.stats.ttest_rel(...).confidence_interval()`.
  ///
  /// - Returns: `nil` when there are no pairs.
  /// - Throws: `StatisticsError.lengthMismatch`, `.invalidConfidence`.
  public static func compare(before: [Double], after: [Double], confidence: Double = 0.95)
    throws -> PairedComparison?
  {
    guard before.count == after.count else {
      throw StatisticsError.lengthMismatch(expected: before.count, found: after.count)
    }
    guard confidence > 0, confidence < 1 else { throw StatisticsError.invalidConfidence(confidence) }
    guard !before.isEmpty else { return nil }
    let d = zip(after, before).map { $0 - $1 }
    let n = Double(d.count)
    let mean = d.reduce(0, +) / n
    var lower: Double? = nil, upper: Double? = nil, t: Double? = nil, p: Double? = nil
    if d.count >= 2 {
      let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
      if variance > 0 {
        let critical = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: n - 1)
        let standardError = (variance / n).squareRoot()
        lower = mean - critical * standardError
        upper = mean + critical * standardError
        let statistic = mean / standardError
        t = statistic
        p = min(1, 2 * StudentT.cdf(-abs(statistic), degreesOfFreedom: n - 1))
      }
    }
    return PairedComparison(
      count: d.count, meanDifference: mean, lower: lower, upper: upper, confidence: confidence, t: t, p: p,
      improved: d.filter { $0 > 0 }.count, same: d.filter { $0 == 0 }.count,
      worse: d.filter { $0 < 0 }.count, wilcoxon: WilcoxonSignedRank.test(differences: d))
  }
}
