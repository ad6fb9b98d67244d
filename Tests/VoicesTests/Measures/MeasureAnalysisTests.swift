import Foundation
import Testing
@testable import Voices

/// A workspace load built from rows in memory.
func workspaceLoad(_ exports: [SurveyExport], registry: MeasureRegistry = MeasureRegistry(measures: [])) -> SurveyCollection {
  SurveyCollection(exports: exports, diagnostics: [], registry: registry)
}

/// `count` rows answering `label` in `area`.
func answers(_ pairs: [(area: String, label: String, count: Int)]) -> [[String]] {
  [["Area", "Trust"]] + pairs.flatMap { pair in Array(repeating: [pair.area, pair.label], count: pair.count) }
}

func trustExport(wave: String, label: String? = "I have confidence in the support", _ rows: [[String]]) throws -> SurveyExport {
  let labelJSON = label.map { ", \"label\": \"\($0)\"" } ?? ""
  return try export("""
    {"source": "parent-carer-survey", "wave": "\(wave)", "file": "\(wave).csv", "respondentGroup": "parent carers",
     "breakdowns": [{"field": "locality", "column": "Area"}],
     "measures": [{"measure": "trust", "column": "Trust", "scale": "agreement-5"\(labelJSON)}]}
    """, rows, name: wave)
}

@Suite("Measure analysis") struct MeasureAnalysisTests {
  @Test("estimate: base, positive, Wilson interval (Newcombe 1998 single-proportion example 81/263)")
  func estimate() throws {
    let e = try trustExport(wave: "2025", answers([("North", "Agree", 81), ("North", "Disagree", 182)]))
    let analysis = MeasureAnalysis(workspaceLoad([e]), policy: .standard)
    let estimate = try #require(analysis.estimates.first)
    #expect(estimate.tally.base == 263)
    #expect(estimate.published.positive == .shown(81))
    #expect(abs((estimate.published.lower ?? 0) - 0.2553) < 5e-5)
    #expect(abs((estimate.published.upper ?? 0) - 0.3662) < 5e-5)
  }

  @Test("a change whose interval excludes zero is reported with its size (Newcombe 1998 example a: 56/70 vs 48/80)")
  func change() throws {
    let a = try trustExport(wave: "2023", answers([("North", "Agree", 48), ("North", "Disagree", 32)]))
    let b = try trustExport(wave: "2025", answers([("North", "Agree", 56), ("North", "Disagree", 14)]))
    let analysis = MeasureAnalysis(workspaceLoad([a, b]), policy: .standard)
    let change = try #require(analysis.changes.first)
    #expect(abs((change.difference?.lower ?? 0) - 0.0524) < 5e-5)
    #expect(abs((change.difference?.upper ?? 0) - 0.3339) < 5e-5)
    #expect(change.verdict == "up 20 points (95% interval all above zero)")
  }

  @Test("a small change is no clear change whatever its point estimate")
  func noise() throws {
    let a = try trustExport(wave: "2023", answers([("North", "Agree", 20), ("North", "Disagree", 30)]))
    let b = try trustExport(wave: "2025", answers([("North", "Agree", 26), ("North", "Disagree", 24)]))
    let change = try #require(MeasureAnalysis(workspaceLoad([a, b]), policy: .standard).changes.first)
    #expect(change.verdict == "no clear change (95% interval includes zero)")
  }

  @Test("reworded questions are flagged and not compared; trend tests stop at the break")
  func reworded() throws {
    let rows = answers([("North", "Agree", 30), ("North", "Disagree", 30)])
    let exports = [try trustExport(wave: "2021", label: "I have confidence", rows), try trustExport(wave: "2023", label: "I have confidence", rows),
                   try trustExport(wave: "2025", label: "I trust and have confidence", rows)]
    let analysis = MeasureAnalysis(workspaceLoad(exports), policy: .standard)
    #expect(analysis.changes.map { $0.comparabilityBreak == nil } == [true, false])
    #expect(analysis.changes[1].verdict.hasPrefix("not compared: the question's wording changed between 2023"))
    #expect(analysis.trends.first?.test == nil)
  }

  @Test("a trend across three comparable waves")
  func trend() throws {
    let exports = try [(20, 80), (30, 70), (45, 55)].enumerated().map { i, pair in
      try trustExport(wave: "\(2021 + 2 * i)", answers([("North", "Agree", pair.0), ("North", "Disagree", pair.1)]))
    }
    let trend = try #require(MeasureAnalysis(workspaceLoad(exports), policy: .standard).trends.first)
    #expect((trend.test?.p ?? 1) < 0.001)
    #expect(trend.verdict.hasPrefix("rising across 2021 to 2025"))
  }

  @Test("suppression: a small group is hidden, and so is another so it cannot be recovered from the total")
  func secondary() throws {
    let e = try trustExport(wave: "2025", answers([("North", "Agree", 30), ("North", "Disagree", 30), ("South", "Agree", 20),
                                                   ("South", "Disagree", 25), ("West", "Agree", 2), ("West", "Disagree", 1)]))
    let analysis = MeasureAnalysis(workspaceLoad([e]), by: ["locality"], policy: .standard)
    let west = try #require(analysis.estimates.first { $0.group.description == "locality=West" })
    #expect(west.published.base == .suppressed)
    #expect(west.published.isSuppressed)
    let hiddenBases = analysis.estimates.filter { !$0.group.isEveryone && $0.published.base.isSuppressed }
    #expect(hiddenBases.count >= 2)
    let json = MeasuresOutput.json(analysis)
    #expect(!json.contains("\"n\": 3,"))
  }

  @Test("property: no published output reveals a count below the threshold", arguments: 0..<40)
  func neverLeaks(_ seed: Int) throws {
    var random = SeededRandom(seed: UInt64(seed))
    let areas = ["A", "B", "C", "D"], labels = ["Strongly disagree", "Disagree", "Agree", "Strongly agree", "Don't know"]
    var pairs: [(area: String, label: String, count: Int)] = []
    for area in areas { for label in labels { pairs.append((area, label, random.next(upTo: random.next(upTo: 2) == 0 ? 4 : 30))) } }
    let e = try trustExport(wave: "2025", answers(pairs))
    let policy = SuppressionPolicy.standard
    let analysis = MeasureAnalysis(workspaceLoad([e]), by: ["locality"], policy: policy)
    for estimate in analysis.estimates {
      let p = estimate.published
      for cell in [p.base, p.positive] + p.distribution {
        if case .shown(let n) = cell { #expect(n == 0 || n >= policy.minimumCount) }
      }
      if p.percent != nil {
        #expect(estimate.tally.base >= policy.minimumBase)
        // A zero is published (it discloses nothing about a small group); 1 to k-1 never is.
        for count in [estimate.tally.positive, estimate.tally.base - estimate.tally.positive] {
          #expect(count == 0 || count >= policy.minimumCount, "\(estimate.group): \(estimate.tally.positive) of \(estimate.tally.base)")
        }
      }
    }
    // Every group line: never exactly one hidden base among the groups when the total is shown.
    let groups = analysis.estimates.filter { !$0.group.isEveryone }
    #expect(groups.filter { $0.published.base.isSuppressed }.count != 1)
  }

  @Test("NHS rule: counts 1 to 7 shown as *, others rounded to 5")
  func nhs() throws {
    let e = try trustExport(wave: "2025", answers([("North", "Agree", 23), ("North", "Disagree", 6)]))
    let estimate = try #require(MeasureAnalysis(workspaceLoad([e]), policy: .nhs).estimates.first)
    #expect(estimate.published.base == .rounded(30))
    #expect(estimate.published.positive == .rounded(25))
    #expect(estimate.published.distribution[1] == .suppressed)
  }
}

/// SplitMix64: a small seeded generator so property tests are repeatable.
struct SeededRandom {
  var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func next(upTo bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

@Suite("Weighting and representativeness") struct WeightingTests {
  func load() throws -> SurveyCollection {
    // North answers 80% positive, South 20%; the sample is 75% North, the population 50/50.
    let e = try trustExport(wave: "2025", answers([("North", "Agree", 60), ("North", "Disagree", 15), ("South", "Agree", 5), ("South", "Disagree", 20)]))
    var load = workspaceLoad([e])
    load.population = [PopulationProfile(field: "locality", title: "Children by locality", source: "test", appliesTo: nil,
                                         shares: ["North": 0.5, "South": 0.5], weight: true)]
    return load
  }

  @Test("post-stratified share equals the population mix of the cell shares; the interval uses the effective base")
  func weighted() throws {
    let analysis = MeasureAnalysis(try load(), policy: .standard)
    let w = try #require(analysis.weighted.first)
    #expect(abs(w.percent - 0.5) < 1e-12)
    // Weights 2/3 (North, 75 people) and 2 (South, 25): n_eff = 100² / (75·4/9 + 25·4) = 75.
    #expect(abs(w.effectiveBase - 75) < 1e-9)
    #expect(abs(w.designEffect - 100.0 / 75.0) < 1e-9)
    let unweighted = try #require(analysis.estimates.first?.interval)
    #expect(w.upper - w.lower > unweighted.upper - unweighted.lower)
  }

  @Test("representativeness names the under-represented group")
  func representativeness() throws {
    let r = try #require(MeasureAnalysis(try load(), policy: .standard).representativeness.first)
    #expect(r.underRepresented == ["South"])
    #expect(r.rows.map(\.observed) == [75, 25])
    #expect((r.test?.p ?? 1) < 0.001)
  }
}
