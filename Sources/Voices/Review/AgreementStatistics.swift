/// Agreement between coders on theme presence: Cohen's kappa, precision/recall/F1 and
/// Krippendorff's alpha, as pure functions on label sets.
///
/// Counting (true and false positives and negatives per theme) is Coding's `CodingEvaluation`,
/// so there is one place that compares two codings. Every statistic that can be undefined is
/// `nil` then, never NaN: kappa when both coders give every comment the same answer, precision
/// when nothing was assigned, recall when there was nothing to find, alpha when only one value
/// was ever used. Values match scikit-learn and the `krippendorff` package (see
/// `scripts/agreement-oracle`).
public enum AgreementStatistics {
  /// Cohen's kappa for one theme's presence, from its two-by-two counts.
  ///
  /// κ = (pₒ − pₑ) / (1 − pₑ), with pₒ the share of comments where the coders agree and pₑ the
  /// agreement expected from each coder's own prevalence.
  ///
  /// - Parameters:
  ///   - score: Counts with A as reference and B as comparison.
  ///   - comments: How many comments both coders coded (the true negatives are the rest).
  /// - Returns: Kappa, or nil when pₑ = 1.
  public static func cohensKappa(_ score: CodingEvaluation.Score, comments: Int) -> Double? {
    guard comments > 0 else { return nil }
    let n = Double(comments)
    let tp = Double(score.truePositives), fp = Double(score.falsePositives), fn = Double(score.falseNegatives)
    let tn = n - tp - fp - fn
    let observed = (tp + tn) / n
    let a = (tp + fn) / n, b = (tp + fp) / n
    let expected = a * b + (1 - a) * (1 - b)
    guard expected < 1 else { return nil }
    return (observed - expected) / (1 - expected)
  }

  /// Precision of B against A, or nil when B assigned nothing.
  public static func precision(_ s: CodingEvaluation.Score) -> Double? {
    s.truePositives + s.falsePositives == 0 ? nil : s.precision
  }

  /// Recall of B against A, or nil when A assigned nothing.
  public static func recall(_ s: CodingEvaluation.Score) -> Double? {
    s.truePositives + s.falseNegatives == 0 ? nil : s.recall
  }

  /// F1 of B against A, or nil when neither used the theme.
  public static func f1(_ s: CodingEvaluation.Score) -> Double? {
    s.truePositives + s.falsePositives + s.falseNegatives == 0 ? nil : s.f1
  }

  /// Krippendorff's alpha for nominal values, with missing values.
  ///
  /// Built from the coincidence matrix: each unit with m ≥ 2 values adds 1/(m − 1) for every
  /// ordered pair of its values from different coders; α = 1 − (n − 1) · Σ_{c≠k} o_ck /
  /// Σ_{c≠k} n_c n_k. Units with fewer than two values are not pairable and count for nothing.
  ///
  /// - Parameter units: Per unit, each coder's value, or nil where the coder gave none.
  /// - Returns: Alpha, or nil when fewer than two values are pairable or only one value is used.
  /// - Complexity: O(units × coders²).
  public static func krippendorffAlpha<Value: Hashable>(nominal units: [[Value?]]) -> Double? {
    var index: [Value: Int] = [:]
    var coincidence: [[Double]] = []
    func slot(_ v: Value) -> Int {
      if let i = index[v] { return i }
      index[v] = coincidence.count
      for r in coincidence.indices { coincidence[r].append(0) }
      coincidence.append([Double](repeating: 0, count: coincidence.count + 1))
      return coincidence.count - 1
    }
    for unit in units {
      let values = unit.compactMap { $0 }.map(slot)
      let m = values.count
      guard m >= 2 else { continue }
      let weight = 1 / Double(m - 1)
      for i in 0..<m {
        for j in 0..<m where j != i { coincidence[values[i]][values[j]] += weight }
      }
    }
    let totals = coincidence.map { $0.reduce(0, +) }
    let n = totals.reduce(0, +)
    guard n > 1 else { return nil }
    var disagreement = 0.0, expected = 0.0
    for c in coincidence.indices {
      for k in coincidence.indices where k != c {
        disagreement += coincidence[c][k]
        expected += totals[c] * totals[k]
      }
    }
    guard expected > 0 else { return nil }
    return 1 - (n - 1) * disagreement / expected
  }
}
