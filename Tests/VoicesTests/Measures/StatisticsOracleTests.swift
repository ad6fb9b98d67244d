import Foundation
import Testing

@testable import Voices

/// Values computed by scipy 1.17.1 and statsmodels 0.15.0 (`scripts/statistics-oracle`),
/// committed in Fixtures/statistics/oracle.json.
struct StatisticsOracle: Decodable {
  struct NormalRow: Decodable { let x, cdf, sf: Double }
  struct QuantileRow: Decodable { let p, x: Double }
  struct LogGammaRow: Decodable { let x, value: Double }
  struct GammaRow: Decodable { let a, x, p, q: Double }
  struct BetaRow: Decodable { let a, b, x, value: Double }
  struct ChiRow: Decodable { let df, x, cdf, sf: Double }
  struct TRow: Decodable { let df, x, cdf: Double }
  struct TQuantileRow: Decodable { let df, p, x: Double }
  struct Special: Decodable {
    let normal: [NormalRow]
    let normalQuantile: [QuantileRow]
    let logGamma: [LogGammaRow]
    let regularizedGamma: [GammaRow]
    let regularizedBeta: [BetaRow]
    let chiSquare: [ChiRow]
    let studentT: [TRow]
    let studentTQuantile: [TQuantileRow]
  }
  struct WilsonRow: Decodable {
    let k, n: Int
    let confidence, lower, upper, ccLower, ccUpper: Double
  }
  struct DifferenceRow: Decodable {
    let k1, n1, k2, n2: Int
    let confidence, lower, upper: Double
    let z, p: Double?
  }
  struct TrendRow: Decodable {
    let successes, bases: [Int]
    let scores: [Double]?
    let statistic, p, linearByLinearZ: Double
  }
  struct FitRow: Decodable {
    let observed: [Int]
    let proportions: [Double]
    let statistic, p: Double
    let df: Int
    let residuals, adjustedResiduals: [Double]
  }
  struct PairedRow: Decodable {
    let name: String
    let before, after: [Double]
    let meanDifference, lower, upper, t, tP: Double
    let improved, same, worse: Int
    let wilcoxonStatistic, wilcoxonP: Double
  }
  struct WeightRow: Decodable {
    let weights: [Double]
    let designEffect, effectiveBase: Double
  }
  let special: Special
  let wilson: [WilsonRow]
  let difference: [DifferenceRow]
  let trend: [TrendRow]
  let goodnessOfFit: [FitRow]
  let paired: [PairedRow]
  let weighting: [WeightRow]

  static func load() throws -> StatisticsOracle {
    let data = try Data(contentsOf: TestPaths.fixture("statistics/oracle.json"))
    return try JSONDecoder().decode(StatisticsOracle.self, from: data)
  }
}

/// |got - want| <= tolerance × max(|want|, floor): relative, with an absolute floor near 0.
func close(_ got: Double?, _ want: Double, _ tolerance: Double = 1e-9, floor: Double = 1e-300)
  -> Bool
{
  guard let got else { return false }
  if got == want { return true }
  return abs(got - want) <= tolerance * max(abs(want), floor)
}

@Suite("Statistics against scipy and statsmodels") struct StatisticsOracleTests {
  let oracle: StatisticsOracle

  init() throws { oracle = try StatisticsOracle.load() }

  @Test("normal CDF, survival and quantile")
  func normal() {
    for row in oracle.special.normal {
      #expect(close(Normal.cdf(row.x), row.cdf, 1e-12), "cdf(\(row.x))")
      #expect(close(Normal.survival(row.x), row.sf, 1e-12), "sf(\(row.x))")
    }
    for row in oracle.special.normalQuantile {
      #expect(close(Normal.quantile(row.p), row.x, 1e-12, floor: 1e-12), "ppf(\(row.p))")
    }
  }

  @Test("log-gamma, incomplete gamma and incomplete beta")
  func specialFunctions() {
    for row in oracle.special.logGamma {
      #expect(close(SpecialFunctions.logGamma(row.x), row.value, 1e-10, floor: 1e-3), "lgamma(\(row.x))")
    }
    for row in oracle.special.regularizedGamma {
      #expect(close(SpecialFunctions.regularizedGammaP(row.a, row.x), row.p, 1e-9), "P(\(row.a), \(row.x))")
      #expect(close(SpecialFunctions.regularizedGammaQ(row.a, row.x), row.q, 1e-9), "Q(\(row.a), \(row.x))")
    }
    for row in oracle.special.regularizedBeta {
      #expect(
        close(SpecialFunctions.regularizedBeta(row.x, row.a, row.b), row.value, 1e-9),
        "I(\(row.x); \(row.a), \(row.b)) = \(SpecialFunctions.regularizedBeta(row.x, row.a, row.b)) vs \(row.value)")
    }
  }

  @Test("chi-square and Student t distributions")
  func distributions() {
    for row in oracle.special.chiSquare {
      #expect(close(ChiSquare.cdf(row.x, degreesOfFreedom: row.df), row.cdf, 1e-9), "chi2.cdf(\(row.x), \(row.df))")
      #expect(close(ChiSquare.survival(row.x, degreesOfFreedom: row.df), row.sf, 1e-9), "chi2.sf(\(row.x), \(row.df))")
    }
    for row in oracle.special.studentT {
      let got = StudentT.cdf(row.x, degreesOfFreedom: row.df)
      #expect(close(got, row.cdf, 1e-9), "t.cdf(\(row.x), \(row.df)) = \(got) vs \(row.cdf)")
    }
    for row in oracle.special.studentTQuantile {
      let got = StudentT.quantile(row.p, degreesOfFreedom: row.df)
      #expect(close(got, row.x, 1e-9), "t.ppf(\(row.p), \(row.df)) = \(got) vs \(row.x)")
    }
  }

  @Test("Wilson intervals match statsmodels proportion_confint(method='wilson')")
  func wilson() throws {
    for row in oracle.wilson {
      let interval = try #require(try Proportion(row.k, of: row.n).wilsonInterval(confidence: row.confidence))
      #expect(close(interval.lower, row.lower, 1e-9, floor: 1e-12), "\(row.k)/\(row.n) @\(row.confidence)")
      #expect(close(interval.upper, row.upper, 1e-9, floor: 1e-12), "\(row.k)/\(row.n) @\(row.confidence)")
      let cc = try #require(
        try Proportion(row.k, of: row.n).wilsonInterval(confidence: row.confidence, continuityCorrected: true))
      #expect(close(cc.lower, row.ccLower, 1e-9, floor: 1e-12), "cc \(row.k)/\(row.n)")
      #expect(close(cc.upper, row.ccUpper, 1e-9, floor: 1e-12), "cc \(row.k)/\(row.n)")
    }
  }

  @Test("Newcombe intervals and z tests match statsmodels")
  func differences() throws {
    for row in oracle.difference {
      let d = try #require(
        try ProportionDifference.between(
          Proportion(row.k1, of: row.n1), Proportion(row.k2, of: row.n2), confidence: row.confidence))
      let label = "\(row.k1)/\(row.n1) vs \(row.k2)/\(row.n2) @\(row.confidence)"
      #expect(close(d.lower, row.lower, 1e-9, floor: 1e-12), "\(label) lower \(d.lower)")
      #expect(close(d.upper, row.upper, 1e-9, floor: 1e-12), "\(label) upper \(d.upper)")
      if let z = row.z, let p = row.p {
        #expect(close(d.z, z, 1e-9), "\(label) z")
        #expect(close(d.zTestP, p, 1e-9), "\(label) p")
      } else {
        #expect(d.z == nil && d.zTestP == nil, "\(label) has no test")
      }
    }
  }

  @Test("Cochran-Armitage trend matches the hand formula and statsmodels' linear-by-linear z")
  func trend() throws {
    for row in oracle.trend {
      let test = try TrendTest.cochranArmitage(successes: row.successes, bases: row.bases, scores: row.scores)
      #expect(close(test.statistic, row.statistic, 1e-9))
      #expect(close(test.p, row.p, 1e-9))
      let n = Double(row.bases.reduce(0, +))
      #expect(close(test.statistic * (n - 1) / n, row.linearByLinearZ * row.linearByLinearZ, 1e-9))
      #expect(test.degreesOfFreedom == 1)
    }
  }

  @Test("goodness of fit matches scipy.stats.chisquare")
  func goodnessOfFit() throws {
    for row in oracle.goodnessOfFit {
      let fit = try GoodnessOfFit.test(observed: row.observed, shares: row.proportions)
      #expect(close(fit.statistic, row.statistic, 1e-9))
      #expect(close(fit.p, row.p, 1e-9))
      #expect(fit.degreesOfFreedom == row.df)
      for i in row.residuals.indices {
        #expect(close(fit.residuals[i], row.residuals[i], 1e-9, floor: 1e-3))
        #expect(close(fit.adjustedResiduals[i], row.adjustedResiduals[i], 1e-9, floor: 1e-3))
      }
    }
  }

  @Test("paired t interval and Wilcoxon signed-rank match scipy defaults")
  func paired() throws {
    for row in oracle.paired {
      let result = try #require(try PairedComparison.compare(before: row.before, after: row.after))
      #expect(close(result.meanDifference, row.meanDifference, 1e-9, floor: 1e-12), "\(row.name)")
      #expect(close(result.lower, row.lower, 1e-9, floor: 1e-12), "\(row.name) lower")
      #expect(close(result.upper, row.upper, 1e-9, floor: 1e-12), "\(row.name) upper")
      #expect(result.improved == row.improved && result.same == row.same && result.worse == row.worse)
      #expect(close(result.t, row.t, 1e-9), "\(row.name) t")
      #expect(close(result.p, row.tP, 1e-9, floor: 1e-300), "\(row.name) t-test p \(result.p ?? -1) vs \(row.tP)")
      let w = try #require(result.wilcoxon)
      #expect(w.statistic == row.wilcoxonStatistic, "\(row.name) W")
      #expect(close(w.p, row.wilcoxonP, 1e-9), "\(row.name) p \(w.p) vs \(row.wilcoxonP) via \(w.method)")
    }
  }

  @Test("Kish design effect and effective base")
  func weighting() throws {
    for row in oracle.weighting {
      #expect(close(try Weighting.designEffect(row.weights), row.designEffect, 1e-12))
      #expect(close(try Weighting.effectiveBase(row.weights), row.effectiveBase, 1e-12))
    }
  }
}
