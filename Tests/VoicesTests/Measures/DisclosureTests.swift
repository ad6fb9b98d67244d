import Foundation
import Testing
@testable import Voices

/// `count` rows answering `label` in `area` with `need`.
private func rows(_ cells: [(area: String, need: String, label: String, count: Int)]) -> [[String]] {
  [["Area", "Need", "Trust"]] + cells.flatMap { c in Array(repeating: [c.area, c.need, c.label], count: c.count) }
}

private func twoFieldExport(wave: String = "2025", _ rows: [[String]]) throws -> SurveyExport {
  try export("""
    {"source": "parent-carer-survey", "wave": "\(wave)", "file": "\(wave).csv", "respondentGroup": "parent carers",
     "breakdowns": [{"field": "locality", "column": "Area"}, {"field": "need", "column": "Need"}],
     "measures": [{"measure": "trust", "column": "Trust", "scale": "agreement-5"}]}
    """, rows, name: wave)
}

/// A workspace with big groups, a group of 2 positive answers and a group of 3 people.
private func linkedExport() throws -> SurveyExport {
  try twoFieldExport(rows([
    ("North", "Autism", "Agree", 30), ("North", "Autism", "Disagree", 25),
    ("North", "SEMH", "Agree", 12), ("North", "SEMH", "Disagree", 14),
    ("South", "Autism", "Agree", 20), ("South", "Autism", "Disagree", 18),
    ("South", "SEMH", "Agree", 2), ("South", "SEMH", "Disagree", 22),
    ("East", "Autism", "Agree", 2), ("East", "SEMH", "Disagree", 1),
  ]))
}

@Suite("Disclosure: one decision for every published number") struct DisclosureTests {
  @Test("a group is hidden the same way whichever breakdown asks for it, and whole")
  func sameAcrossLevels() throws {
    let load = workspaceLoad([try linkedExport()])
    let byLocality = MeasureAnalysis(load, by: ["locality"], policy: .standard)
    let byPair = MeasureAnalysis(load, by: ["locality", "need"], policy: .standard)
    let byPairReversed = MeasureAnalysis(load, by: ["need", "locality"], policy: .standard)
    func hidden(_ a: MeasureAnalysis) -> Set<String> {
      Set(a.estimates.filter { $0.published.base.isSuppressed }.map { LinkedSuppression.canonical($0.group).description })
    }
    #expect(hidden(byLocality).contains("locality=East"))
    #expect(hidden(byPair) == hidden(byPairReversed))
    // A hidden locality hides every locality-and-need group inside it.
    #expect(hidden(byPair).contains("locality=East, need=Autism"))
    for e in byPair.estimates where e.published.base.isSuppressed {
      #expect(e.published.positive.isSuppressed && e.published.percent == nil && e.published.mean == nil)
    }
    // Never exactly one hidden group in a sum with a shown total.
    for a in [byLocality, byPair] {
      let groups = a.estimates.filter { !$0.group.isEveryone }
      #expect(groups.filter { $0.published.base.isSuppressed }.count != 1)
    }
    // South & SEMH has 2 positive answers: hidden, with a partner of 5+ each way in its locality.
    let southSEMH = try #require(byPair.estimates.first { $0.group.description == "locality=South, need=SEMH" })
    #expect(southSEMH.published.base.isSuppressed)
    let partners = byPair.estimates.filter { $0.group.values.first?.value == "South" && $0.published.base.isSuppressed && $0 != southSEMH }
    #expect(partners.contains { $0.tally.positive >= 5 && $0.tally.base - $0.tally.positive >= 5 })
  }

  @Test("breakdown groups publish no distribution or mean; everyone's distribution is checked against n without Don't know")
  func distributions() throws {
    let e = try twoFieldExport(rows([
      ("North", "Autism", "Strongly disagree", 2), ("North", "Autism", "Disagree", 7), ("North", "Autism", "Neither agree nor disagree", 11),
      ("North", "Autism", "Agree", 20), ("North", "Autism", "Strongly agree", 10), ("North", "Autism", "Don't know", 3),
    ]))
    let analysis = MeasureAnalysis(workspaceLoad([e]), by: ["locality"], policy: .standard)
    let all = try #require(analysis.estimates.first { $0.group.isEveryone })
    #expect(all.published.base == .shown(50))
    // Strongly disagree (2) is hidden, and so is another count of the not-positive answers, so
    // 50 - (shown) never gives it back; Don't know (3) is hidden on its own.
    #expect(all.published.distribution[0] == .suppressed)
    #expect(all.published.distribution[0...2].filter(\.isSuppressed).count >= 2)
    #expect(all.published.distribution[5] == .suppressed)
    #expect(all.published.mean == nil)
    let north = try #require(analysis.estimates.first { !$0.group.isEveryone })
    #expect(north.published.distribution.isEmpty && north.published.mean == nil)
  }

  @Test("no share on a base below the minimum, 0% and 100% included; a complete distribution has its mean")
  func smallBases() throws {
    let e = try twoFieldExport(rows([("North", "Autism", "Agree", 9), ("South", "Autism", "Agree", 10), ("South", "Autism", "Disagree", 10)]))
    let analysis = MeasureAnalysis(workspaceLoad([e]), by: ["locality"], policy: .standard)
    let north = try #require(analysis.estimates.first { $0.group.description == "locality=North" })
    #expect(north.published.percent == nil)
    let all = try #require(analysis.estimates.first { $0.group.isEveryone })
    #expect(all.published.percent != nil)
    #expect(all.published.mean != nil)
  }

  @Test("NHS preset reaches changes, before/after pairs and shares (whole percent from the true counts)")
  func nhsEverywhere() throws {
    let a = try twoFieldExport(wave: "2023", rows([("North", "Autism", "Agree", 146), ("North", "Autism", "Disagree", 257)]))
    let b = try twoFieldExport(wave: "2025", rows([("North", "Autism", "Agree", 398), ("North", "Autism", "Disagree", 186)]))
    let analysis = MeasureAnalysis(workspaceLoad([a, b]), policy: .nhs)
    let first = try #require(analysis.estimates.first)
    #expect(first.published.positive == .rounded(145))
    #expect(first.published.percent == 0.36)
    #expect(first.published.lower == nil)
    let change = try #require(analysis.changes.first)
    #expect(change.publishedCounts == [.rounded(405), .rounded(145), .rounded(585), .rounded(400)])
    #expect(change.publishedDifference?.lower == nil)
    let text = MeasuresOutput.json(analysis)
    #expect(!text.contains("398") && !text.contains("403") && !text.contains("36.2"))
  }

  @Test("representativeness publishes no share, residual or chi-square beside a hidden count")
  func representativeness() throws {
    let e = try twoFieldExport(rows([("North", "Autism", "Agree", 40), ("North", "SEMH", "Agree", 30), ("North", "PMLD", "Agree", 2)]))
    var load = workspaceLoad([e])
    load.population = [PopulationProfile(field: "need", title: "Need", source: nil, appliesTo: nil,
                                         shares: ["Autism": 0.5, "SEMH": 0.4, "PMLD": 0.1], weight: true)]
    let analysis = MeasureAnalysis(load, policy: .standard)
    let r = try #require(analysis.representativeness.first)
    #expect(r.rows.contains { $0.published.isSuppressed })
    #expect(r.publishedTest == nil && r.rows.allSatisfy { $0.publishedShare == nil && $0.publishedResidual == nil })
    #expect(r.underRepresented.isEmpty)
    // The weighted share would give PMLD's positive count back: not published.
    #expect(analysis.weighted.allSatisfy { $0.isSuppressed })
    let json = MeasuresOutput.json(analysis)
    #expect(json.contains("\"chi_square\": null"))
  }
}

@Suite("Weights are trimmed to a stated cap") struct WeightTrimTests {
  @Test("a group needing more than the maximum weight is trimmed to it and named")
  func trimmed() throws {
    let e = try twoFieldExport(rows([("North", "Autism", "Agree", 60), ("North", "Autism", "Disagree", 40),
                                     ("North", "SEMH", "Agree", 6), ("North", "SEMH", "Disagree", 6)]))
    var load = workspaceLoad([e])
    load.population = [PopulationProfile(field: "need", title: "Need", source: nil, appliesTo: nil,
                                         shares: ["Autism": 0.5, "SEMH": 0.5], weight: true, maximumWeight: 3)]
    let analysis = MeasureAnalysis(load, policy: .standard)
    let w = try #require(analysis.weighted.first)
    // SEMH: 12 of 112 answers for half the population needs weight 0.5 * 112 / 12 = 4.67 > 3.
    #expect(w.trimmed == ["SEMH"])
    #expect(!w.isSuppressed)
    // Trimmed weights: Autism 0.56, SEMH 3: share = (60 * 0.56 + 6 * 3) / (100 * 0.56 + 12 * 3).
    #expect(abs(w.percent - (60 * 0.56 + 18) / (56 + 36)) < 1e-9)
    #expect(MeasuresOutput.json(analysis).contains("\"weights_trimmed\": [\"SEMH\"]"))
  }
}

@Suite("Population labels are checked") struct PopulationLabelTests {
  @Test("a profile whose answers match no respondent, or whose field no manifest has, is a warning")
  func unmatchedLabels() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("voices-population-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    _ = try WorkspaceInit.create(at: root.path, name: "Test")
    try Data("Area,Need,Trust\r\nNorth,Autism,Agree\r\nSouth,SEMH,Disagree\r\n".utf8).write(to: root.appendingPathComponent("exports/s.csv"))
    try Data("""
      {"source": "parent-carer-survey", "wave": "2025", "file": "exports/s.csv", "respondentGroup": "parent carers",
       "breakdowns": [{"field": "locality", "column": "Area"}, {"field": "need", "column": "Need"}],
       "measures": [{"measure": "trust-confidence", "column": "Trust", "scale": "agreement-5"}]}
      """.utf8).write(to: root.appendingPathComponent("manifests/s.json"))
    try Data("""
      {"profiles": [
        {"field": "need", "title": "Typo", "shares": {"Autistic": 0.5, "Social emotional": 0.5}},
        {"field": "need", "title": "One missing", "shares": {"Autism": 0.4, "SEMH": 0.4, "PMLD": 0.2}},
        {"field": "needs", "title": "Wrong field", "shares": {"Autism": 1}},
        {"field": "need", "title": "Good", "shares": {"Autism": 0.5, "SEMH": 0.5}}]}
      """.utf8).write(to: root.appendingPathComponent("population.json"))
    let load = try Workspace.open(root.path).load()
    let messages = load.diagnostics.filter { $0.location.file.hasSuffix("population.json") }.map(\.message)
    #expect(messages.count == 3)
    #expect(messages.contains { $0.contains("\"Typo\"") && $0.contains("none of its answers") && $0.contains("\"Social emotional\"") })
    #expect(messages.contains { $0.contains("\"One missing\"") && $0.contains("no respondent gave \"PMLD\"") })
    #expect(messages.contains { $0.contains("\"Wrong field\"") && $0.contains("no manifest") })
  }
}
