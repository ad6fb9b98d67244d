/// Fold assignment and threshold tuning, written down so a script can reproduce them exactly.
///
/// Folds: FNV-1a 64-bit of the UTF-8 bytes of a comment's id (offset basis XOR the seed, so
/// seed 0 is plain FNV-1a), modulo the number of folds. `scripts/baseline-nhs.py` uses the same
/// rule. A comment keeps its fold whatever else is in the file.
enum CrossValidation {
  /// The fold (0 ..< folds) of a comment id.
  static func fold(of id: String, folds: Int, seed: UInt64 = 0) -> Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
    for byte in id.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return Int(hash % UInt64(max(folds, 1)))
  }

  /// Candidate global thresholds: 0.05, 0.06, … 0.95 (each computed as an integer over 100).
  static let globalGrid: [Double] = (0...90).map { Double(5 + $0) / 100 }

  /// The global threshold that maximises micro-F1 over every (comment, theme) pair.
  ///
  /// - Parameters:
  ///   - probabilities: Per comment, one probability per theme.
  ///   - labels: Per comment, one flag per theme.
  /// - Returns: The best grid value; ties go to the one nearest 0.5, then the lower.
  static func globalThreshold(_ probabilities: [[Double]], _ labels: [[Bool]]) -> Double {
    var positives = 0
    for row in labels { for y in row where y { positives += 1 } }
    var best = -1.0, tied: [Double] = []
    for t in globalGrid {
      var tp = 0, predicted = 0
      for (row, ys) in zip(probabilities, labels) {
        for (p, y) in zip(row, ys) where p >= t {
          predicted += 1
          if y { tp += 1 }
        }
      }
      let d = predicted + positives
      let f = d == 0 ? 0 : 2 * Double(tp) / Double(d)
      if f > best { best = f; tied = [t] } else if f == best { tied.append(t) }
    }
    // Ties: the one nearest 0.5, then the lower (so separable data keeps a safe margin).
    return tied.min { (abs($0 - 0.5), $0) < (abs($1 - 0.5), $1) } ?? 0.5
  }

  /// The cut that maximises one theme's F1 (predict `p >= t`).
  ///
  /// - Returns: The midpoint between the chosen score and the next lower one (half the lowest
  ///   score if it is the last); ties go to the highest cut; 0.5 if no cut finds a positive.
  static func bestCut(_ probabilities: [Double], _ labels: [Bool]) -> Double {
    let order = probabilities.indices.sorted { probabilities[$0] > probabilities[$1] }
    let positives = labels.filter { $0 }.count
    var best = 0.0, bestThreshold = 0.5, tp = 0, k = 0
    let n = order.count
    while k < n {
      let v = probabilities[order[k]]
      while k < n, probabilities[order[k]] == v {
        if labels[order[k]] { tp += 1 }
        k += 1
      }
      let d = k + positives
      let f = d == 0 ? 0 : 2 * Double(tp) / Double(d)
      if f > best {
        best = f
        bestThreshold = k < n ? (v + probabilities[order[k]]) / 2 : v / 2
      }
    }
    return bestThreshold
  }

  /// Per-theme thresholds under a rule, tuned on the given predictions.
  static func thresholds(
    _ rule: ThresholdRule, minimumPositives: Int, probabilities: [[Double]], labels: [[Bool]], themes: Int
  ) -> [Double] {
    switch rule {
    case .fixed:
      return [Double](repeating: 0.5, count: themes)
    case .global:
      return [Double](repeating: globalThreshold(probabilities, labels), count: themes)
    case .perTheme:
      let global = globalThreshold(probabilities, labels)
      return (0..<themes).map { j in
        let ys = labels.map { $0[j] }
        guard ys.filter({ $0 }).count >= minimumPositives else { return global }
        return bestCut(probabilities.map { $0[j] }, ys)
      }
    }
  }
}

/// How a model turns probabilities into themes.
public enum ThresholdRule: String, Codable, Sendable, CaseIterable {
  /// 0.5 for every theme.
  case fixed
  /// One threshold for every theme, tuned on out-of-fold predictions to maximise micro-F1.
  case global
  /// Each theme with enough positives gets the cut maximising its own F1; others the global one.
  case perTheme = "per-theme"
}
