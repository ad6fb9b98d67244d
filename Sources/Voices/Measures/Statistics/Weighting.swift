import Foundation

/// Survey weights: how much they cost in precision, and two ways to make them.
public enum Weighting {
  /// Kish's (1965) design effect from unequal weighting, 1 + CV² of the weights, where CV
  /// uses the population standard deviation; equal to n Σw² / (Σw)².
  ///
  /// - Returns: `nil` for no weights. - Throws: `.invalidWeight` for a weight <= 0 or not finite.
  public static func designEffect(_ weights: [Double]) throws -> Double? {
    guard let n = try effectiveBase(weights) else { return nil }
    return Double(weights.count) / n
  }

  /// Kish's effective base n_eff = (Σw)² / Σw²: the simple random sample size that would give
  /// the same precision. Use it, not the raw count, for the base of a weighted interval.
  public static func effectiveBase(_ weights: [Double]) throws -> Double? {
    try validate(weights)
    guard !weights.isEmpty else { return nil }
    let sum = weights.reduce(0, +)
    let sumSquares = weights.reduce(0) { $0 + $1 * $1 }
    return sum * sum / sumSquares
  }

  /// Post-stratification weights (Holt and Smith 1979): each respondent in cell c gets
  /// πc N / nc, so weighted cell shares equal the population shares and weights average 1.
  ///
  /// - Parameters:
  ///   - sampleCounts: Respondents per cell.
  ///   - populationShares: Population share per cell (rescaled to sum to 1).
  /// - Returns: One weight per cell; a cell with no respondents and no population gets 0.
  /// - Throws: `.emptyCell(margin: 0, ...)` when a cell has people in the population but no
  ///   respondents: no weight can stand in for them.
  public static func postStratificationWeights(sampleCounts: [Int], populationShares: [Double])
    throws -> [Double]
  {
    guard sampleCounts.count == populationShares.count else {
      throw StatisticsError.lengthMismatch(expected: populationShares.count, found: sampleCounts.count)
    }
    let shareTotal = populationShares.reduce(0, +)
    guard shareTotal > 0, populationShares.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
      throw StatisticsError.invalidProportions(populationShares)
    }
    let n = Double(sampleCounts.reduce(0, +))
    return try sampleCounts.indices.map { c in
      let share = populationShares[c] / shareTotal
      if sampleCounts[c] <= 0 {
        if share > 0 { throw StatisticsError.emptyCell(margin: 0, category: c) }
        return 0
      }
      return share * n / Double(sampleCounts[c])
    }
  }

  static func validate(_ weights: [Double]) throws {
    if let i = weights.firstIndex(where: { !($0 > 0) || !$0.isFinite }) {
      throw StatisticsError.invalidWeight(index: i, value: weights[i])
    }
  }
}
