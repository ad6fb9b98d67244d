import Foundation

/// Binary logistic regression with an L2 penalty on the weights (not the intercept).
///
/// Minimises `C · Σ sᵢ log(1 + exp(−yᵢ(w·xᵢ + b))) + ½‖w‖²`, the objective of scikit-learn's
/// `LogisticRegression(C=…, penalty="l2")` with the lbfgs solver, divided through by `C · Σ sᵢ`
/// so the tolerance does not depend on the number of comments. `sᵢ` is 1, or with balanced
/// class weights `n / (2 · count of the class of i)`.
struct LogisticRegression: Equatable, Sendable {
  var weights: [Double]
  var bias: Double

  struct Settings: Codable, Equatable, Sendable {
    /// Inverse regularisation strength (larger fits the training comments more closely).
    var c: Double = 10
    /// Weight the rarer class up so both classes count equally.
    var balancedClassWeights = false
    var maximumIterations = 500
  }

  /// The probability that a comment with features `x` has the theme.
  func probability(_ x: SparseVector) -> Double {
    LogisticRegression.sigmoid(decisionValue(x))
  }

  /// `w·x + b`.
  func decisionValue(_ x: SparseVector) -> Double {
    weights.withUnsafeBufferPointer { x.dot($0) } + bias
  }

  @inline(__always) static func sigmoid(_ z: Double) -> Double {
    z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
  }

  /// log(1 + exp(−m)), without overflow.
  @inline(__always) static func logLoss(margin m: Double) -> Double {
    m > 0 ? log1p(exp(-m)) : -m + log1p(exp(m))
  }

  /// Fits weights to rows of `x` with the given labels.
  ///
  /// - Returns: The model and the number of L-BFGS iterations taken.
  /// - Complexity: O(iterations × non-zeros of `x`).
  static func fit(_ x: SparseMatrix, labels: [Bool], settings: Settings) -> (model: LogisticRegression, iterations: Int) {
    let rows = x.rows, columns = x.columns
    let positives = labels.filter { $0 }.count
    var sampleWeight = [Double](repeating: 1, count: rows)
    if settings.balancedClassWeights, positives > 0, positives < rows {
      let wPos = Double(rows) / (2 * Double(positives)), wNeg = Double(rows) / (2 * Double(rows - positives))
      for i in 0..<rows { sampleWeight[i] = labels[i] ? wPos : wNeg }
    }
    let totalWeight = sampleWeight.reduce(0, +)
    let penalty = 1 / (settings.c * totalWeight)
    let sign = labels.map { $0 ? 1.0 : -1.0 }
    var residual = [Double](repeating: 0, count: rows)

    let solver = LBFGS(maximumIterations: settings.maximumIterations)
    let result = x.rowStarts.withUnsafeBufferPointer { starts in
      x.indices.withUnsafeBufferPointer { idx in
        x.values.withUnsafeBufferPointer { vals in
          solver.minimise(from: [Double](repeating: 0, count: columns + 1)) { theta, gradient in
            let b = theta[columns]
            var loss = 0.0
            for i in 0..<rows {
              var z = b
              for k in starts[i]..<starts[i + 1] { z += vals[k] * theta[Int(idx[k])] }
              let m = sign[i] * z
              loss += sampleWeight[i] * logLoss(margin: m)
              // d/dz of log(1+exp(-y z)) = -y σ(-y z)
              residual[i] = -sign[i] * sigmoid(-m) * sampleWeight[i] / totalWeight
            }
            var squared = 0.0
            for j in 0..<columns { gradient[j] = penalty * theta[j]; squared += theta[j] * theta[j] }
            var gBias = 0.0
            for i in 0..<rows {
              let r = residual[i]
              gBias += r
              for k in starts[i]..<starts[i + 1] { gradient[Int(idx[k])] += r * vals[k] }
            }
            gradient[columns] = gBias
            return loss / totalWeight + 0.5 * penalty * squared
          }
        }
      }
    }
    var weights = result.x
    let bias = weights.removeLast()
    return (LogisticRegression(weights: weights, bias: bias), result.iterations)
  }
}
