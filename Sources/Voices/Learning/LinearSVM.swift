import Foundation

/// A linear support vector machine: L2-regularised squared hinge loss, fitted by dual
/// coordinate descent.
///
/// The method of LIBLINEAR's default solver (Hsieh et al., "A dual coordinate descent method
/// for large-scale linear SVM", ICML 2008), as scikit-learn's `LinearSVC` runs it: minimises
/// `½‖w‖² + Σ Cᵢ max(0, 1 − yᵢ(w·xᵢ + b))²`, the bias learned as the weight of a constant
/// feature 1 (so it is regularised too, as in LIBLINEAR). On sparse TF-IDF text it needs a few
/// passes over the comments, far fewer operations than logistic regression by L-BFGS.
/// Comments are visited in an order shuffled by a fixed generator, so a fit is deterministic.
enum LinearSVM {
  /// Fits weights to rows of `x`; returns a model whose `probability` is not yet calibrated
  /// (see `PlattScaling`): its weights give the decision value `w·x + b`.
  ///
  /// - Parameters:
  ///   - c: The cost of a margin violation (larger fits the training comments more closely).
  ///   - balanced: Weight each class by `n / (2 · its count)`, as scikit-learn's "balanced".
  ///   - tolerance: Stop when the projected gradients' spread falls below this.
  ///   - maximumPasses: At most this many passes over the comments.
  /// - Complexity: O(passes × non-zeros of `x`).
  static func fit(_ x: SparseMatrix, labels: [Bool], c: Double, balanced: Bool = false,
                  tolerance: Double = 0.1, maximumPasses: Int = 1000) -> LogisticRegression {
    let rows = x.rows, columns = x.columns
    let positives = labels.filter { $0 }.count
    var cPositive = c, cNegative = c
    if balanced, positives > 0, positives < rows {
      cPositive = c * Double(rows) / (2 * Double(positives))
      cNegative = c * Double(rows) / (2 * Double(rows - positives))
    }
    var w = [Double](repeating: 0, count: columns)
    var b = 0.0
    var alpha = [Double](repeating: 0, count: rows)
    var diagonal = [Double](repeating: 0, count: rows)  // ½Cᵢ⁻¹ of the squared hinge's dual
    var qii = [Double](repeating: 0, count: rows)
    var order = Array(0..<rows)
    x.rowStarts.withUnsafeBufferPointer { starts in
      x.values.withUnsafeBufferPointer { vals in
        for i in 0..<rows {
          diagonal[i] = 0.5 / (labels[i] ? cPositive : cNegative)
          var sq = 1.0  // the bias feature
          for k in starts[i]..<starts[i + 1] { sq += vals[k] * vals[k] }
          qii[i] = sq + diagonal[i]
        }
      }
    }
    var generator = SplitMix64(seed: 0x5EED)
    x.rowStarts.withUnsafeBufferPointer { starts in
      x.indices.withUnsafeBufferPointer { idx in
        x.values.withUnsafeBufferPointer { vals in
          w.withUnsafeMutableBufferPointer { w in
            for _ in 0..<maximumPasses {
              // Fisher-Yates with a fixed generator: the same order on every machine.
              for i in stride(from: rows - 1, to: 0, by: -1) {
                order.swapAt(i, Int(generator.next() % UInt64(i + 1)))
              }
              var highest = -Double.infinity, lowest = Double.infinity
              for i in order {
                let y = labels[i] ? 1.0 : -1.0
                var z = b
                for k in starts[i]..<starts[i + 1] { z += vals[k] * w[Int(idx[k])] }
                let g = y * z - 1 + diagonal[i] * alpha[i]
                let projected = alpha[i] == 0 ? min(g, 0) : g
                highest = max(highest, projected)
                lowest = min(lowest, projected)
                guard abs(projected) > 1e-12 else { continue }
                let old = alpha[i]
                alpha[i] = max(old - g / qii[i], 0)
                let d = (alpha[i] - old) * y
                for k in starts[i]..<starts[i + 1] { w[Int(idx[k])] += d * vals[k] }
                b += d
              }
              if highest - lowest <= tolerance { break }
            }
          }
        }
      }
    }
    return LogisticRegression(weights: w, bias: b)
  }
}

/// Turns a theme's decision values into probabilities: `σ(a·s + b)` fitted to out-of-fold
/// decision values by Platt's method (his smoothed targets, Newton steps on the log loss), so
/// one threshold means the same for every theme and a probability can be shown to people.
struct PlattScaling: Equatable, Sendable {
  var a: Double
  var b: Double

  static let identity = PlattScaling(a: 1, b: 0)

  func probability(_ score: Double) -> Double { LogisticRegression.sigmoid(a * score + b) }

  /// Fits the two numbers to scores and labels (identity when one class is missing).
  static func fit(scores: [Double], labels: [Bool]) -> PlattScaling {
    let positives = Double(labels.filter { $0 }.count), negatives = Double(labels.count) - positives
    guard positives > 0, negatives > 0 else { return .identity }
    let hi = (positives + 1) / (positives + 2), lo = 1 / (negatives + 2)
    let t = labels.map { $0 ? hi : lo }
    var a = 1.0, b = 0.0
    func loss(_ a: Double, _ b: Double) -> Double {
      var sum = 0.0
      for (s, ti) in zip(scores, t) {
        let z = a * s + b
        sum += ti * LogisticRegression.logLoss(margin: z) + (1 - ti) * LogisticRegression.logLoss(margin: -z)
      }
      return sum
    }
    var current = loss(a, b)
    for _ in 0..<100 {
      var gA = 0.0, gB = 0.0, hAA = 1e-12, hAB = 0.0, hBB = 1e-12
      for (s, ti) in zip(scores, t) {
        let p = LogisticRegression.sigmoid(a * s + b)
        let d = p - ti, v = p * (1 - p)
        gA += d * s; gB += d
        hAA += v * s * s; hAB += v * s; hBB += v
      }
      let det = hAA * hBB - hAB * hAB
      guard det > 0 else { break }
      let dA = -(hBB * gA - hAB * gB) / det, dB = -(hAA * gB - hAB * gA) / det
      var step = 1.0, improved = false
      while step >= 1e-10 {
        let next = loss(a + step * dA, b + step * dB)
        if next < current { a += step * dA; b += step * dB; improved = current - next > 1e-12 * max(1, current); current = next; break }
        step /= 2
      }
      if !improved || (abs(gA) < 1e-9 && abs(gB) < 1e-9) { break }
    }
    return PlattScaling(a: a, b: b)
  }
}

/// A small, fast, fixed pseudo-random generator (Steele, Lea and Flood's SplitMix64).
fileprivate struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
