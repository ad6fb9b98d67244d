import Foundation

/// Raking: weights that match several population margins at once.
public struct Raking: Equatable, Sendable {
  /// Largest allowed |weighted share - target share| on any category of any margin.
  public var tolerance: Double = 1e-10
  /// Full passes over all margins before giving up.
  public var maximumIterations: Int = 100

  public init(tolerance: Double = 1e-10, maximumIterations: Int = 100) {
    self.tolerance = tolerance
    self.maximumIterations = maximumIterations
  }

  /// Iterative proportional fitting (Deming and Stephan 1940): scale the weights to match
  /// margin 1, then margin 2, ..., and repeat until every margin is within `tolerance`.
  ///
  /// - Parameters:
  ///   - categories: For each respondent, its category index on each margin
  ///     (`categories[respondent][margin]`).
  ///   - targets: For each margin, the population share of each category (rescaled to sum 1).
  ///   - initial: Starting (design) weights; default 1 each.
  /// - Returns: Weights scaled so they sum to the number of respondents (mean 1).
  /// - Throws: `.emptyCell` when a category with a positive target has no respondents,
  ///   `.notConverged` after `maximumIterations`, `.lengthMismatch` or `.invalidProportions`
  ///   for malformed input.
  public func weights(categories: [[Int]], targets: [[Double]], initial: [Double]? = nil) throws
    -> [Double]
  {
    let n = categories.count
    var w = initial ?? [Double](repeating: 1, count: n)
    guard w.count == n else { throw StatisticsError.lengthMismatch(expected: n, found: w.count) }
    try Weighting.validate(w)
    guard n > 0 else { return [] }
    let shares: [[Double]] = try targets.map { t in
      let total = t.reduce(0, +)
      guard total > 0, t.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
        throw StatisticsError.invalidProportions(t)
      }
      return t.map { $0 / total }
    }
    for row in categories {
      guard row.count == targets.count else {
        throw StatisticsError.lengthMismatch(expected: targets.count, found: row.count)
      }
      for (m, c) in row.enumerated() where c < 0 || c >= targets[m].count {
        throw StatisticsError.lengthMismatch(expected: targets[m].count, found: c + 1)
      }
    }
    for (m, t) in shares.enumerated() {
      var present = [Bool](repeating: false, count: t.count)
      for row in categories { present[row[m]] = true }
      if let c = t.indices.first(where: { t[$0] > 0 && !present[$0] }) {
        throw StatisticsError.emptyCell(margin: m, category: c)
      }
    }
    func gap() -> Double {
      let total = w.reduce(0, +)
      var worst = 0.0
      for (m, t) in shares.enumerated() {
        var sums = [Double](repeating: 0, count: t.count)
        for (i, row) in categories.enumerated() { sums[row[m]] += w[i] }
        for c in t.indices { worst = max(worst, abs(sums[c] / total - t[c])) }
      }
      return worst
    }
    var iterations = 0
    while gap() > tolerance {
      guard iterations < maximumIterations else {
        throw StatisticsError.notConverged(iterations: iterations, largestGap: gap())
      }
      iterations += 1
      for (m, t) in shares.enumerated() {
        let total = w.reduce(0, +)
        var sums = [Double](repeating: 0, count: t.count)
        for (i, row) in categories.enumerated() { sums[row[m]] += w[i] }
        for i in 0..<n {
          let c = categories[i][m]
          // A category with target 0 drives its people's weights to 0.
          w[i] *= sums[c] > 0 ? t[c] * total / sums[c] : 0
        }
      }
    }
    let total = w.reduce(0, +)
    return w.map { $0 * Double(n) / total }
  }
}
