import Foundation

/// The Wilcoxon signed-rank test (Wilcoxon 1945), two-sided, matching what
/// `scipy.stats.wilcoxon(after, before)` returns with its defaults in scipy 1.13 to 1.17
/// (checked against 1.17.1): `zero_method="wilcox"`, `correction=False`, `method="auto"`.
public struct WilcoxonSignedRank: Equatable, Sendable {
  /// How the p-value was found, following scipy's `method="auto"`.
  public enum Method: String, Equatable, Sendable {
    /// The exact null distribution of W+ (n <= 50 pairs, no zero differences, no ties).
    case exact
    /// All 2ⁿ sign flips enumerated (n <= 13 pairs with ties or zeros): scipy's
    /// `PermutationMethod()`, which is exhaustive, hence deterministic, at that size.
    case exhaustivePermutation
    /// Normal approximation with the tie correction, no continuity correction
    /// (more than 50 pairs, or 14 to 50 pairs with ties or zeros).
    case normalApproximation
  }

  /// min(W+, W-), as scipy reports for the two-sided test.
  public let statistic: Double
  /// The sum of ranks of the positive differences.
  public let positiveRankSum: Double
  public let p: Double
  /// Pairs with a non-zero difference (the ones ranked).
  public let nonZeroCount: Int
  public let method: Method

  /// Runs the test on after - before differences.
  ///
  /// Zero differences are dropped before ranking (Wilcoxon's own rule), but, as in scipy,
  /// they still count towards the n that chooses the method. Ties get average ranks.
  ///
  /// - Returns: `nil` when there are no non-zero differences.
  static func test(differences d: [Double]) -> WilcoxonSignedRank? {
    let nonZero = d.filter { $0 != 0 && !$0.isNaN }
    guard !nonZero.isEmpty else { return nil }
    let m = nonZero.count
    // Average ranks of |d|, doubled so they stay integers.
    let order = nonZero.indices.sorted { abs(nonZero[$0]) < abs(nonZero[$1]) }
    var doubledRank = [Int](repeating: 0, count: m)
    var tieCorrection = 0.0
    var hasTies = false
    var i = 0
    while i < m {
      var j = i
      while j + 1 < m, abs(nonZero[order[j + 1]]) == abs(nonZero[order[i]]) { j += 1 }
      let size = j - i + 1
      if size > 1 { hasTies = true }
      tieCorrection += Double(size * size * size - size)
      for k in i...j { doubledRank[order[k]] = (i + 1) + (j + 1) }  // 2 × average rank
      i = j + 1
    }
    var doubledPlus = 0
    for k in 0..<m where nonZero[k] > 0 { doubledPlus += doubledRank[k] }
    let totalDoubled = m * (m + 1)
    let plus = Double(doubledPlus) / 2
    let minus = Double(totalDoubled - doubledPlus) / 2
    let statistic = min(plus, minus)
    let zeros = d.count - m

    let method: Method
    if d.count > 50 {
      method = .normalApproximation
    } else if !hasTies && zeros == 0 {
      method = .exact
    } else if d.count <= 13 {
      method = .exhaustivePermutation
    } else {
      method = .normalApproximation
    }

    let p: Double
    switch method {
    case .exact, .exhaustivePermutation:
      // Null distribution of 2·W+ over all sign patterns: counts by subset-sum DP. Exact in
      // Double while 2^m < 2^53 (m <= 50 here).
      var counts = [Double](repeating: 0, count: totalDoubled + 1)
      counts[0] = 1
      var reach = 0
      for r in doubledRank {
        reach += r
        for s in stride(from: reach, through: r, by: -1) { counts[s] += counts[s - r] }
      }
      let all = pow(2.0, Double(m))
      var atMost = 0.0, atLeast = 0.0
      for s in 0...totalDoubled {
        if s <= doubledPlus { atMost += counts[s] }
        if s >= doubledPlus { atLeast += counts[s] }
      }
      p = min(1, 2 * min(atMost, atLeast) / all)
    case .normalApproximation:
      let n = Double(m)
      let mean = n * (n + 1) / 4
      let se = ((n * (n + 1) * (2 * n + 1) - tieCorrection / 2) / 24).squareRoot()
      let z = (plus - mean) / se
      p = min(1, 2 * Normal.cdf(-abs(z)))
    }
    return WilcoxonSignedRank(
      statistic: statistic, positiveRankSum: plus, p: p, nonZeroCount: m, method: method)
  }
}
