/// Limited-memory BFGS minimisation of a smooth function, deterministic and allocation-light.
///
/// Two-loop recursion over the last `memory` steps, with a backtracking (Armijo) line search
/// that starts from the full quasi-Newton step. Enough for the convex, smooth objective of L2
/// logistic regression; not a general-purpose optimiser.
struct LBFGS {
  var memory = 10
  var maximumIterations = 500
  /// Stop when the largest gradient component is at most this.
  var gradientTolerance = 1e-6
  /// Stop when the objective improves by less than this fraction of itself.
  var relativeTolerance = 1e-12

  struct Result {
    var x: [Double]
    var value: Double
    var iterations: Int
  }

  /// Minimises `objective`, which returns the value at `x` and writes the gradient into `gradient`.
  func minimise(
    from start: [Double],
    _ objective: (_ x: UnsafeBufferPointer<Double>, _ gradient: UnsafeMutableBufferPointer<Double>) -> Double
  ) -> Result {
    let n = start.count
    var x = start
    var g = [Double](repeating: 0, count: n)
    var f = x.withUnsafeBufferPointer { xp in g.withUnsafeMutableBufferPointer { objective(xp, $0) } }
    var sHistory: [[Double]] = [], yHistory: [[Double]] = [], rhoHistory: [Double] = []
    var direction = [Double](repeating: 0, count: n)
    var xNew = [Double](repeating: 0, count: n)
    var gNew = [Double](repeating: 0, count: n)
    var alpha = [Double](repeating: 0, count: memory)
    var iterations = 0

    while iterations < maximumIterations {
      if g.reduce(0, { max($0, abs($1)) }) <= gradientTolerance { break }
      iterations += 1
      // Two-loop recursion: direction = -H g.
      for i in 0..<n { direction[i] = -g[i] }
      let m = sHistory.count
      for j in stride(from: m - 1, through: 0, by: -1) {
        let a = rhoHistory[j] * dot(sHistory[j], direction)
        alpha[j] = a
        axpy(-a, yHistory[j], &direction)
      }
      if m > 0 {
        let gamma = dot(sHistory[m - 1], yHistory[m - 1]) / dot(yHistory[m - 1], yHistory[m - 1])
        for i in 0..<n { direction[i] *= gamma }
      } else {
        let norm = dot(g, g).squareRoot()
        if norm > 1 { for i in 0..<n { direction[i] /= norm } }
      }
      for j in 0..<m {
        let b = rhoHistory[j] * dot(yHistory[j], direction)
        axpy(alpha[j] - b, sHistory[j], &direction)
      }
      var slope = dot(g, direction)
      if slope >= 0 {  // not a descent direction: restart from steepest descent
        sHistory.removeAll(); yHistory.removeAll(); rhoHistory.removeAll()
        for i in 0..<n { direction[i] = -g[i] }
        slope = dot(g, direction)
      }
      // Backtracking line search (Armijo).
      var step = 1.0
      var fNew = f
      var accepted = false
      for _ in 0..<40 {
        for i in 0..<n { xNew[i] = x[i] + step * direction[i] }
        fNew = xNew.withUnsafeBufferPointer { xp in gNew.withUnsafeMutableBufferPointer { objective(xp, $0) } }
        if fNew <= f + 1e-4 * step * slope { accepted = true; break }
        step *= 0.5
      }
      guard accepted else { break }
      var s = [Double](repeating: 0, count: n), y = [Double](repeating: 0, count: n)
      for i in 0..<n { s[i] = xNew[i] - x[i]; y[i] = gNew[i] - g[i] }
      let sy = dot(s, y)
      if sy > 1e-12 {
        if sHistory.count == memory { sHistory.removeFirst(); yHistory.removeFirst(); rhoHistory.removeFirst() }
        sHistory.append(s); yHistory.append(y); rhoHistory.append(1 / sy)
      }
      let improvement = f - fNew
      swap(&x, &xNew)
      swap(&g, &gNew)
      f = fNew
      if improvement <= relativeTolerance * max(abs(f), 1) { break }
    }
    return Result(x: x, value: f, iterations: iterations)
  }

  @inline(__always) private func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in for i in 0..<ap.count { sum += ap[i] * bp[i] } } }
    return sum
  }

  @inline(__always) private func axpy(_ a: Double, _ x: [Double], _ y: inout [Double]) {
    x.withUnsafeBufferPointer { xp in y.withUnsafeMutableBufferPointer { yp in for i in 0..<xp.count { yp[i] += a * xp[i] } } }
  }
}
