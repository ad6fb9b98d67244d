import Foundation

/// The standard normal distribution.
enum Normal {
  /// P(Z <= x), from the complementary error function of the C library (accurate to a few
  /// ulps), so the lower tail keeps its relative accuracy down to about x = -38.
  static func cdf(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

  /// P(Z > x), computed directly rather than as `1 - cdf(x)`.
  static func survival(_ x: Double) -> Double { 0.5 * erfc(x / 2.0.squareRoot()) }

  /// The density φ(x).
  static func density(_ x: Double) -> Double { exp(-0.5 * x * x) / (2 * Double.pi).squareRoot() }

  /// The two-sided critical value z such that P(|Z| <= z) = `confidence`, e.g. 1.959964 for 0.95.
  static func twoSidedCritical(confidence: Double) -> Double {
    quantile(1 - (1 - confidence) / 2)
  }

  /// The quantile function Φ⁻¹(p).
  ///
  /// Wichura's algorithm AS 241 (PPND16, Applied Statistics 37:477-484, 1988), relative
  /// accuracy about 1e-16, followed by one Newton step on `erfc` that costs nothing and
  /// removes any remaining rounding drift.
  ///
  /// - Returns: the quantile; `-infinity` at 0, `+infinity` at 1, `.nan` outside [0, 1].
  static func quantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    let q = p - 0.5
    var x: Double
    if abs(q) <= 0.425 {
      let r = 0.180625 - q * q
      x = q * poly(a, r) / poly(b, r)
    } else {
      var r = q < 0 ? p : 1 - p
      r = (-log(r)).squareRoot()
      if r <= 5 {
        r -= 1.6
        x = poly(c, r) / poly(d, r)
      } else {
        r -= 5
        x = poly(e, r) / poly(f, r)
      }
      if q < 0 { x = -x }
    }
    // One Newton step on the tail that is small, to keep relative accuracy there.
    let phi = density(x)
    if phi > 0 {
      // F(x) - p, evaluated on whichever tail is small.
      let error = p < 0.5 ? cdf(x) - p : (1 - p) - survival(x)
      x -= error / phi
    }
    return x
  }

  private static func poly(_ coefficients: [Double], _ x: Double) -> Double {
    var result = 0.0
    for c in coefficients.reversed() { result = result * x + c }
    return result
  }

  private static let a: [Double] = [
    3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
    1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
    3.3430575583588128105e+4, 2.5090809287301226727e+3,
  ]
  private static let b: [Double] = [
    1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
    2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
    5.2264952788528545610e+3,
  ]
  private static let c: [Double] = [
    1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
    3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
    2.27238449892691845833e-2, 7.74545014278341407640e-4,
  ]
  private static let d: [Double] = [
    1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
    1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
    1.05075007164441684324e-9,
  ]
  private static let e: [Double] = [
    6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
    2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
    2.71155556874348757815e-5, 2.01033439929228813265e-7,
  ]
  private static let f: [Double] = [
    1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
    7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
    2.04426310338993978564e-15,
  ]
}

/// The chi-square distribution: P(df/2, x/2) and its complement.
enum ChiSquare {
  static func cdf(_ x: Double, degreesOfFreedom df: Double) -> Double {
    x <= 0 ? 0 : SpecialFunctions.regularizedGammaP(df / 2, x / 2)
  }

  /// The upper tail P(X > x): the p-value of a chi-square test.
  static func survival(_ x: Double, degreesOfFreedom df: Double) -> Double {
    x <= 0 ? 1 : SpecialFunctions.regularizedGammaQ(df / 2, x / 2)
  }
}

/// Student's t distribution.
enum StudentT {
  /// P(T <= x) from the incomplete beta function: the tail beyond |x| is
  /// ½ I_{ν/(ν+x²)}(ν/2, ½) (Abramowitz and Stegun 26.7.1).
  static func cdf(_ x: Double, degreesOfFreedom df: Double) -> Double {
    guard df > 0, !x.isNaN else { return .nan }
    if x == 0 { return 0.5 }
    let tail = lowerTail(-abs(x), df)
    return x < 0 ? tail : 1 - tail
  }

  /// P(T <= x) for x <= 0, computed so a small tail keeps its relative accuracy.
  private static func lowerTail(_ x: Double, _ df: Double) -> Double {
    if x.isInfinite { return 0 }
    let x2 = x * x
    // regularizedBeta itself switches to the symmetric form near 1, so this one expression
    // keeps relative accuracy both for far tails and for tails near one half.
    return 0.5 * SpecialFunctions.regularizedBeta(df / (df + x2), df / 2, 0.5)
  }

  /// The density of t with ν degrees of freedom.
  static func density(_ x: Double, degreesOfFreedom df: Double) -> Double {
    let logDensity = SpecialFunctions.logGamma((df + 1) / 2) - SpecialFunctions.logGamma(df / 2)
      - 0.5 * log(df * Double.pi) - (df + 1) / 2 * log1p(x * x / df)
    return exp(logDensity)
  }

  /// The quantile: the x with P(T <= x) = p.
  ///
  /// Closed forms for ν = 1 and ν = 2; otherwise inversion of `cdf` by safeguarded Newton
  /// iteration (Newton steps kept inside a bisection bracket, as `rtsafe` in *Numerical
  /// Recipes* 9.4), started from the normal quantile and solved on the lower tail so the
  /// answer keeps its relative accuracy far out.
  static func quantile(_ p: Double, degreesOfFreedom df: Double) -> Double {
    guard df > 0, p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p == 0.5 { return 0 }
    if p > 0.5 { return -lowerQuantile(1 - p, df) }
    return lowerQuantile(p, df)
  }

  /// Solves P(T <= x) = p for p < 0.5 (so x < 0).
  private static func lowerQuantile(_ p: Double, _ df: Double) -> Double {
    if df == 1 { return tan(Double.pi * (p - 0.5)) }
    if df == 2 { return (2 * p - 1) / (2 * p * (1 - p)).squareRoot() }
    // Bracket [lo, hi] with F(lo) < p <= F(hi); hi = 0 since F(0) = 0.5 > p.
    var hi = 0.0
    var lo = min(Normal.quantile(p), -1)
    while lowerTail(lo, df) > p { hi = lo; lo *= 2 }
    var x = max(lo, min(hi, Normal.quantile(p) * (1 + 1 / df)))
    for _ in 0..<200 {
      let fx = (x <= 0 ? lowerTail(x, df) : 1 - lowerTail(-x, df)) - p
      if fx > 0 { hi = x } else { lo = x }
      let step = fx / density(x, degreesOfFreedom: df)
      var next = x - step
      if !(next > lo && next < hi) || !next.isFinite { next = 0.5 * (lo + hi) }
      if abs(next - x) <= 1e-15 * max(1, abs(next)) { return next }
      x = next
    }
    return x
  }
}
