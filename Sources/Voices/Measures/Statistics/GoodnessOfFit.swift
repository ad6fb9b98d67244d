import Foundation

/// Pearson's chi-square goodness of fit: does who answered match who lives here?
public struct GoodnessOfFit: Equatable, Sendable {
  public let statistic: Double
  public let degreesOfFreedom: Int
  public let p: Double
  /// Eᵢ = N πᵢ.
  public let expected: [Double]
  /// Pearson residuals (Oᵢ - Eᵢ)/√Eᵢ; their squares sum to the statistic.
  public let residuals: [Double]
  /// Adjusted (standardised) residuals (Oᵢ - Eᵢ)/√(Eᵢ(1 - πᵢ)) (Haberman 1973): roughly
  /// standard normal under the null, so beyond ±2 marks a group that is clearly over- or
  /// under-represented.
  public let adjustedResiduals: [Double]

  /// Tests observed counts against expected shares (Pearson 1900), df = k - 1, as
  /// `scipy.stats.chisquare(observed, N * shares)`.
  ///
  /// - Parameters:
  ///   - observed: Counts per group.
  ///   - shares: Population shares per group; rescaled to sum to 1.
  /// - Throws: `StatisticsError` for mismatched lengths, fewer than 2 groups, negative counts,
  ///   a zero total, or shares that are negative or zero where the expected count is needed.
  public static func test(observed: [Int], shares: [Double]) throws -> GoodnessOfFit {
    guard observed.count == shares.count else {
      throw StatisticsError.lengthMismatch(expected: shares.count, found: observed.count)
    }
    guard observed.count >= 2 else {
      throw StatisticsError.tooFewGroups(found: observed.count, needed: 2)
    }
    let shareTotal = shares.reduce(0, +)
    guard shareTotal > 0, shares.allSatisfy({ $0 > 0 && $0.isFinite }) else {
      throw StatisticsError.invalidProportions(shares)
    }
    if let bad = observed.first(where: { $0 < 0 }) {
      throw StatisticsError.invalidCount(successes: bad, base: 0)
    }
    let n = Double(observed.reduce(0, +))
    guard n > 0 else { throw StatisticsError.noVariation("no one was counted") }
    let pi = shares.map { $0 / shareTotal }
    let expected = pi.map { $0 * n }
    var statistic = 0.0
    var residuals: [Double] = [], adjusted: [Double] = []
    for i in observed.indices {
      let gap = Double(observed[i]) - expected[i]
      statistic += gap * gap / expected[i]
      residuals.append(gap / expected[i].squareRoot())
      adjusted.append(gap / (expected[i] * (1 - pi[i])).squareRoot())
    }
    let df = observed.count - 1
    return GoodnessOfFit(
      statistic: statistic, degreesOfFreedom: df,
      p: ChiSquare.survival(statistic, degreesOfFreedom: Double(df)), expected: expected,
      residuals: residuals, adjustedResiduals: adjusted)
  }

  /// The groups with fewer people than expected, most under-represented first (by adjusted
  /// residual), at most `limit` of them.
  public func mostUnderRepresented(limit: Int = 3) -> [Int] {
    adjustedResiduals.indices
      .filter { adjustedResiduals[$0] < 0 }
      .sorted { adjustedResiduals[$0] < adjustedResiduals[$1] }
      .prefix(max(0, limit))
      .map { $0 }
  }
}
