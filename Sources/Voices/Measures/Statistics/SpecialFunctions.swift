import Foundation

/// The special functions under every p-value and interval in `Measures/Statistics`.
///
/// Written out here (not taken from a library) so each result is reproducible and every
/// method is named. Accuracy is checked against `scipy.special` in
/// `Tests/VoicesTests/Fixtures/statistics/oracle.json` to 1e-9 relative or better.
enum SpecialFunctions {
  /// The natural logarithm of the gamma function, for `x > 0`.
  ///
  /// Lanczos (1964) approximation with g = 7 and nine coefficients (the set published by
  /// Godfrey, as used in Press et al., *Numerical Recipes*, 3rd ed., 6.1); relative error about
  /// 1e-15 for the gamma function itself. Evaluated in logarithms so large arguments do not
  /// overflow.
  ///
  /// - Returns: `log Γ(x)`, or `.nan` when `x <= 0`.
  static func logGamma(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
    if x < 0.5 {
      // Reflection: Γ(x) Γ(1 - x) = π / sin(πx); for 0 < x < 0.5 the sine is positive.
      return log(Double.pi / sin(Double.pi * x)) - logGamma(1 - x)
    }
    let z = x - 1
    var series = lanczos[0]
    for i in 1..<lanczos.count { series += lanczos[i] / (z + Double(i)) }
    let t = z + lanczosG + 0.5
    return 0.5 * log(2 * Double.pi) + (z + 0.5) * log(t) - t + log(series)
  }

  private static let lanczosG = 7.0
  private static let lanczos: [Double] = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ]

  /// The regularised lower incomplete gamma function P(a, x) = γ(a, x) / Γ(a).
  ///
  /// Series expansion when `x < a + 1`, Legendre's continued fraction (modified Lentz) for
  /// the complement otherwise: Press et al., *Numerical Recipes*, 3rd ed., 6.2. Choosing the
  /// form that converges fast also keeps the small tail accurate instead of computing
  /// `1 - (something near 1)`.
  static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
    guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
    if x == 0 { return 0 }
    if x == .infinity { return 1 }
    return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x)
  }

  /// The regularised upper incomplete gamma function Q(a, x) = 1 - P(a, x), computed directly
  /// so a tiny upper tail keeps its relative accuracy.
  static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
    guard a > 0, x >= 0, !a.isNaN, !x.isNaN else { return .nan }
    if x == 0 { return 1 }
    if x == .infinity { return 0 }
    return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x)
  }

  private static func gammaSeries(_ a: Double, _ x: Double) -> Double {
    var ap = a
    var term = 1 / a
    var sum = term
    for _ in 0..<100_000 {
      ap += 1
      term *= x / ap
      sum += term
      if abs(term) < abs(sum) * 1e-17 { break }
    }
    return sum * exp(-x + a * log(x) - logGamma(a))
  }

  private static func gammaContinuedFraction(_ a: Double, _ x: Double) -> Double {
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1..<100_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return exp(-x + a * log(x) - logGamma(a)) * h
  }

  /// The regularised incomplete beta function I_x(a, b).
  ///
  /// Continued fraction (modified Lentz) with the symmetry I_x(a, b) = 1 - I_{1-x}(b, a)
  /// applied when `x > (a + 1) / (a + b + 2)`, so the fraction always converges quickly:
  /// Press et al., *Numerical Recipes*, 3rd ed., 6.4.
  static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
    guard a > 0, b > 0, x >= 0, x <= 1 else { return .nan }
    if x == 0 { return 0 }
    if x == 1 { return 1 }
    let logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x)
    if x < (a + 1) / (a + b + 2) {
      return exp(logFront) * betaContinuedFraction(x, a, b) / a
    }
    return 1 - exp(logFront) * betaContinuedFraction(1 - x, b, a) / b
  }

  private static func betaContinuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
    let tiny = 1e-300
    let qab = a + b, qap = a + 1, qam = a - 1
    var c = 1.0
    var d = 1 - qab * x / qap
    if abs(d) < tiny { d = tiny }
    d = 1 / d
    var h = d
    for m in 1..<100_000 {
      let m = Double(m), m2 = 2 * m
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      h *= d * c
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
      d = 1 + aa * d
      if abs(d) < tiny { d = tiny }
      c = 1 + aa / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return h
  }
}
