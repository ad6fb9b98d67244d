import Foundation
import Testing

@testable import Voices

@Suite("Statistics: published examples and properties") struct StatisticsPublishedTests {
  /// Newcombe (1998) "Interval estimation for the difference between independent
  /// proportions: comparison of eleven methods", Stat Med 17:873-890, Table II, method 10,
  /// examples (a)-(h), to the 4 decimals printed. Values as transcribed in:
  /// capeconomics/mergeron-extra tests/test_proportions_tests.py @ 3eaac5338ad55a8fcf4da4e1422096d15cfeab1b
  /// ("Examples from Newcombe (1998), Table II", all eight);
  /// m-Py/propint tests/testthat/test_Two_Independent_Props_CI.R @ 58ae0592 ((a), (b));
  /// PeteLaud/ratesci tests/testthat/test3.R @ 08a8e3e6 ((d), "Newcombe RD example (d)").
  @Test(
    "Newcombe 1998 Table II, method 10",
    arguments: [
      (56, 70, 48, 80, 0.0524, 0.3339),
      (9, 10, 3, 10, 0.1705, 0.8090),
      (6, 7, 2, 7, 0.0582, 0.8062),
      (5, 56, 0, 29, -0.0381, 0.1926),
      (0, 10, 0, 20, -0.1611, 0.2775),
      (0, 10, 0, 10, -0.2775, 0.2775),
      (10, 10, 0, 20, 0.6791, 1.0000),
      (10, 10, 0, 10, 0.6075, 1.0000),
    ])
  func newcombeTableII(_ c: (Int, Int, Int, Int, Double, Double)) throws {
    let d = try #require(try ProportionDifference.between(Proportion(c.0, of: c.1), Proportion(c.2, of: c.3)))
    #expect(abs(d.lower - c.4) < 0.00005 + 1e-12, "lower \(d.lower)")
    #expect(abs(d.upper - c.5) < 0.00005 + 1e-12, "upper \(d.upper)")
  }

  /// Newcombe (1998) "Two-sided confidence intervals for the single proportion", Stat Med
  /// 17:857-872, method 3 (Wilson score): 81/263 -> 0.2553 to 0.3662, 15/148 -> 0.0624 to
  /// 0.1605; as transcribed in m-Py/propint tests/testthat/test_Single_Proportion_CI.R @ 58ae0592.
  @Test("Newcombe 1998 single proportion, method 3", arguments: [
    (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605),
  ])
  func wilsonPublished(_ c: (Int, Int, Double, Double)) throws {
    let w = try #require(try Proportion(c.0, of: c.1).wilsonInterval())
    #expect(abs(w.lower - c.2) < 0.00005)
    #expect(abs(w.upper - c.3) < 0.00005)
  }

  @Test("no base gives no interval, never NaN")
  func noBase() throws {
    #expect(try Proportion(0, of: 0).estimate == nil)
    #expect(try Proportion(0, of: 0).wilsonInterval() == nil)
    #expect(try Proportion(0, of: 0).wilsonInterval(continuityCorrected: true) == nil)
    #expect(try ProportionDifference.between(Proportion(0, of: 0), Proportion(3, of: 10)) == nil)
    #expect(throws: StatisticsError.invalidCount(successes: 5, base: 3)) { try Proportion(5, of: 3) }
    #expect(throws: StatisticsError.invalidConfidence(1)) { try Proportion(1, of: 3).wilsonInterval(confidence: 1) }
  }

  @Test("intervals hold the estimate, stay in [0, 1] and narrow as n grows at fixed p")
  func intervalProperties() throws {
    for cc in [false, true] {
      for n in 1...120 {
        for k in 0...n {
          let w = try #require(try Proportion(k, of: n).wilsonInterval(continuityCorrected: cc))
          #expect(w.lower >= 0 && w.upper <= 1 && w.lower <= w.estimate && w.estimate <= w.upper)
        }
      }
      for (k, n) in [(1, 4), (3, 10), (1, 2)] {
        var width = 2.0
        for scale in 1...40 {
          let w = try #require(try Proportion(k * scale, of: n * scale).wilsonInterval(continuityCorrected: cc))
          #expect(w.width < width)
          width = w.width
        }
      }
    }
    for (a, b, c, d) in [(3, 7, 9, 12), (0, 5, 5, 5), (40, 100, 20, 90)] {
      let diff = try #require(try ProportionDifference.between(Proportion(a, of: b), Proportion(c, of: d)))
      #expect(diff.lower <= diff.estimate && diff.estimate <= diff.upper)
      #expect(diff.lower >= -1 && diff.upper <= 1)
    }
  }

  @Test(
    "verdict comes from the interval alone",
    arguments: [
      (56, 70, 48, 80, "up 20 points (95% interval all above zero)"),
      (48, 80, 56, 70, "down 20 points (95% interval all below zero)"),
      (6, 10, 4, 10, "no clear change (95% interval includes zero)"),
      (33, 47, 41, 52, "no clear change (95% interval includes zero)"),
      (5, 56, 0, 29, "no clear change (95% interval includes zero)"),
      (10, 10, 0, 20, "up 100 points (95% interval all above zero)"),
      (5010, 10000, 4870, 10000, "up 1 point (95% interval all above zero)"),
      (504_000, 1_000_000, 500_000, 1_000_000, "up less than 1 point (95% interval all above zero)"),
    ])
  func verdicts(_ c: (Int, Int, Int, Int, String)) throws {
    let d = try #require(try ProportionDifference.between(Proportion(c.0, of: c.1), Proportion(c.2, of: c.3)))
    #expect(ChangeVerdict(d).description == c.4)
  }

  @Test("a large point change with an interval crossing zero is no clear change")
  func pointEstimateIgnored() {
    let d = ProportionDifference(estimate: 0.3, lower: -0.01, upper: 0.6, confidence: 0.95, z: nil, zTestP: nil, p: 0.5)
    #expect(ChangeVerdict(d) == .noClearChange)
    let e = ProportionDifference(estimate: 0.02, lower: 0.001, upper: 0.04, confidence: 0.95, z: nil, zTestP: nil, p: 0.5)
    #expect(ChangeVerdict(e) == .up(points: 2))
  }

  @Test("trend test rejects shapes it cannot test")
  func trendErrors() {
    #expect(throws: StatisticsError.tooFewGroups(found: 1, needed: 2)) {
      try TrendTest.cochranArmitage(successes: [3], bases: [10])
    }
    #expect(throws: StatisticsError.self) { try TrendTest.cochranArmitage(successes: [0, 0], bases: [10, 12]) }
    #expect(throws: StatisticsError.self) {
      try TrendTest.cochranArmitage(successes: [1, 2], bases: [10, 12], scores: [2023, 2023])
    }
  }

  @Test("goodness of fit names the most under-represented groups")
  func underRepresented() throws {
    let fit = try GoodnessOfFit.test(observed: [30, 14, 34, 45, 57, 20], shares: [0.2, 0.1, 0.2, 0.2, 0.2, 0.1])
    #expect(fit.mostUnderRepresented(limit: 2) == [0, 1])
  }

  @Test("Wilcoxon method follows scipy's auto choice")
  func wilcoxonMethods() throws {
    #expect(WilcoxonSignedRank.test(differences: [1, 2, 3, -4, 5])?.method == .exact)
    #expect(WilcoxonSignedRank.test(differences: [1, 1, 3, -4, 5])?.method == .exhaustivePermutation)
    #expect(WilcoxonSignedRank.test(differences: [0, 2, 3, -4, 5])?.method == .exhaustivePermutation)
    let ties = (1...20).map { Double($0 % 7) - 2 }
    #expect(WilcoxonSignedRank.test(differences: ties)?.method == .normalApproximation)
    #expect(WilcoxonSignedRank.test(differences: (1...51).map(Double.init))?.method == .normalApproximation)
    #expect(WilcoxonSignedRank.test(differences: [0, 0, 0]) == nil)
    #expect(try PairedComparison.compare(before: [], after: []) == nil)
  }

  @Test("post-stratification weights reproduce the population shares")
  func postStratification() throws {
    let counts = [40, 35, 25]
    let shares = [0.5, 0.3, 0.2]
    let w = try Weighting.postStratificationWeights(sampleCounts: counts, populationShares: shares)
    let total = zip(counts, w).reduce(0.0) { $0 + Double($1.0) * $1.1 }
    for c in counts.indices { #expect(abs(Double(counts[c]) * w[c] / total - shares[c]) < 1e-12) }
    #expect(abs(total - 100) < 1e-9)
    #expect(throws: StatisticsError.emptyCell(margin: 0, category: 1)) {
      try Weighting.postStratificationWeights(sampleCounts: [10, 0], populationShares: [0.5, 0.5])
    }
  }

  @Test("raking matches every margin, and says when it cannot")
  func raking() throws {
    // 2 x 3 sample (sex by age band) raked to independent margins.
    var categories: [[Int]] = []
    for (cell, count) in [((0, 0), 20), ((0, 1), 30), ((0, 2), 10), ((1, 0), 10), ((1, 1), 15), ((1, 2), 15)] {
      categories += Array(repeating: [cell.0, cell.1], count: count)
    }
    let targets = [[0.49, 0.51], [0.3, 0.45, 0.25]]
    let w = try Raking().weights(categories: categories, targets: targets)
    #expect(abs(w.reduce(0, +) - Double(categories.count)) < 1e-9)
    for (m, t) in targets.enumerated() {
      for c in t.indices {
        let share = zip(categories, w).filter { $0.0[m] == c }.reduce(0) { $0 + $1.1 } / Double(categories.count)
        #expect(abs(share - t[c]) < 1e-9)
      }
    }
    // Raking a saturated two-way table with one margin is post-stratification.
    let single = try Raking().weights(categories: categories.map { [$0[0]] }, targets: [[0.49, 0.51]])
    #expect(abs(single[0] - 0.49 * 100 / 60) < 1e-9)
    #expect(throws: StatisticsError.emptyCell(margin: 1, category: 2)) {
      try Raking().weights(categories: [[0, 0], [1, 1]], targets: [[0.5, 0.5], [0.3, 0.3, 0.4]])
    }
    // Margins that contradict each other (structural zeros) cannot converge.
    #expect(throws: StatisticsError.self) {
      try Raking(maximumIterations: 20).weights(
        categories: [[0, 0], [1, 1]], targets: [[0.5, 0.5], [0.9, 0.1]])
    }
  }
}
