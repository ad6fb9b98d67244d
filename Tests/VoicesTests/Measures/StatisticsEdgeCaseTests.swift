import Foundation
import Testing

@testable import Voices

/// Checks that no output puts a verdict beside a number that contradicts it: a rise or fall has
/// an interval wholly on one side of zero and p < 0.05; no clear change has p >= 0.05; a change
/// not compared (or not known to be comparable) has no difference, interval or p at all.
func expectNoContradiction(_ analysis: MeasureAnalysis, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
  for change in analysis.changes {
    let where_ = "\(change.series) \(change.group) \(change.from)-\(change.to): \(change.verdict)"
    if change.isSuppressed || change.comparability != .comparable {
      #expect(change.difference == nil, "\(where_) carries a difference", sourceLocation: sourceLocation)
      continue
    }
    guard let d = change.difference else {
      #expect(change.verdict == "no answers to compare", "\(where_)", sourceLocation: sourceLocation)
      continue
    }
    let verdict = ChangeVerdict(d)
    #expect((d.p < 0.05) == verdict.isChange, "\(where_): p \(d.p)", sourceLocation: sourceLocation)
    if case .up = verdict { #expect(d.lower > 0 && d.estimate > 0, "\(where_)", sourceLocation: sourceLocation) }
    if case .down = verdict { #expect(d.upper < 0 && d.estimate < 0, "\(where_)", sourceLocation: sourceLocation) }
  }
  for trend in analysis.trends {
    if let test = trend.test {
      let moved = trend.verdict.hasPrefix("rising") || trend.verdict.hasPrefix("falling")
      #expect(moved == (test.p < 0.05), "\(trend.series) trend: \(trend.verdict)", sourceLocation: sourceLocation)
    } else if !trend.isSuppressed, trend.comparabilityBreak == nil {
      #expect(trend.untested != nil, "\(trend.series) trend untested without a reason: \(trend.verdict)", sourceLocation: sourceLocation)
    }
  }
  for pair in analysis.beforeAfter {
    guard let c = pair.comparison, let lower = c.lower, let upper = c.upper, let p = c.p else { continue }
    #expect((lower > 0 || upper < 0) == (p < 0.05), "\(pair.measure) before/after: p \(p)", sourceLocation: sourceLocation)
  }
  // The same in the JSON every other tool reads.
  let json = MeasuresOutput.json(analysis)
  let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], sourceLocation: sourceLocation)
  for row in object["changes"] as? [[String: Any]] ?? [] {
    let verdict = row["verdict"] as? String ?? ""
    if row["comparable"] as? Bool != true {
      for key in ["difference", "diff_ci_low", "diff_ci_high", "p_value"] {
        #expect(row[key] is NSNull, "not comparable but \(key) = \(row[key] ?? "missing"): \(verdict)", sourceLocation: sourceLocation)
      }
      #expect(row["not_compared_reason"] is String, "no reason given: \(verdict)", sourceLocation: sourceLocation)
    }
    if let p = row["p_value"] as? Double {
      let moved = verdict.hasPrefix("up") || verdict.hasPrefix("down")
      #expect(moved == (p < 0.05), "printed p \(p) beside \"\(verdict)\"", sourceLocation: sourceLocation)
    }
  }
}

/// A permissive policy, so that the smallest bases reach the statistics instead of being hidden.
let publishEverything = SuppressionPolicy(minimumCount: 1, minimumBase: 1)

func agreeRows(_ agree: Int, _ disagree: Int, other: [(String, Int)] = []) -> [[String]] {
  answers([("North", "Agree", agree), ("North", "Disagree", disagree)] + other.map { ("North", $0.0, $0.1) })
}

@Suite("Statistics edge cases: no verdict contradicts a number beside it") struct StatisticsEdgeCaseTests {
  @Test("0% to 100%: up 100 points with a tiny p")
  func zeroToAll() throws {
    let analysis = MeasureAnalysis(workspaceLoad([try trustExport(wave: "2023", agreeRows(0, 20)), try trustExport(wave: "2025", agreeRows(20, 0))]),
                                   policy: .standard)
    try expectNoContradiction(analysis)
    let change = try #require(analysis.changes.first)
    #expect(change.verdict == "up 100 points (95% interval all above zero)")
    #expect((change.difference?.p ?? 1) < 1e-6)
  }

  @Test("100% in every wave: changes are no clear change (p = 1) and the trend says why it is not tested")
  func allPositive() throws {
    let exports = try ["2021", "2023", "2025"].map { try trustExport(wave: $0, agreeRows(30, 0)) }
    let analysis = MeasureAnalysis(workspaceLoad(exports), policy: .standard)
    try expectNoContradiction(analysis)
    #expect(analysis.changes.allSatisfy { $0.difference?.p == 1 })
    #expect(analysis.trends.first?.verdict == "no trend to test: every answer was positive in every wave")
    let none = try ["2021", "2023", "2025"].map { try trustExport(wave: $0, agreeRows(0, 30)) }
    #expect(MeasureAnalysis(workspaceLoad(none), policy: .standard).trends.first?.verdict == "no trend to test: no answer was positive in any wave")
  }

  @Test("n = 1 and n = 0 (only blanks and Don't know): no interval from nothing, no contradiction")
  func tinyBases() throws {
    let one = try trustExport(wave: "2023", agreeRows(1, 0))
    let empty = try trustExport(wave: "2025", agreeRows(0, 0, other: [("", 3), ("Don't know", 2)]))
    let analysis = MeasureAnalysis(workspaceLoad([one, empty, try trustExport(wave: "2027", agreeRows(0, 1))]), policy: publishEverything)
    try expectNoContradiction(analysis)
    #expect(analysis.estimates.first { $0.wave == "2025" }?.interval == nil)
    #expect(analysis.changes.map(\.verdict).contains("not shown: too few answers to publish") || analysis.changes.contains { $0.difference == nil })
    let pair = MeasureAnalysis(workspaceLoad([one, try trustExport(wave: "2025", agreeRows(0, 1))]), policy: publishEverything)
    try expectNoContradiction(pair)
    #expect(pair.changes.first?.verdict == "no clear change (95% interval includes zero)")
  }

  @Test("identical waves: no clear change, p = 1")
  func identical() throws {
    let analysis = MeasureAnalysis(workspaceLoad([try trustExport(wave: "2023", agreeRows(40, 60)), try trustExport(wave: "2025", agreeRows(40, 60))]),
                                   policy: .standard)
    try expectNoContradiction(analysis)
    #expect(analysis.changes.first?.difference?.p == 1)
    #expect(analysis.changes.first?.difference?.estimate == 0)
  }

  @Test("a wave with no wording recorded is not known to be comparable, in every format")
  func missingWording() throws {
    let analysis = MeasureAnalysis(workspaceLoad([try trustExport(wave: "2023", label: nil, agreeRows(10, 40)),
                                                  try trustExport(wave: "2025", agreeRows(30, 20))]), policy: .standard)
    try expectNoContradiction(analysis)
    let change = try #require(analysis.changes.first)
    #expect(change.difference == nil)
    #expect(change.verdict.hasPrefix("not known to be comparable: no question wording is recorded for 2023"))
    #expect(MeasuresOutput.csv(analysis).contains(",not known,\"no question wording is recorded for 2023"))
  }

  @Test("rewording by case, spacing or final punctuation only is the same question",
        arguments: ["I have confidence in the support.", "i have  confidence in the support", "I have confidence in the support?", " I have confidence in the support …"])
  func punctuationOnly(_ wording: String) throws {
    let analysis = MeasureAnalysis(workspaceLoad([try trustExport(wave: "2023", agreeRows(10, 40)),
                                                  try trustExport(wave: "2025", label: wording, agreeRows(30, 20))]), policy: .standard)
    try expectNoContradiction(analysis)
    #expect(analysis.changes.first?.comparability == .comparable)
  }

  @Test("a real rewording carries no difference, interval or p in JSON or CSV")
  func reworded() throws {
    let analysis = MeasureAnalysis(workspaceLoad([try trustExport(wave: "2023", agreeRows(10, 40)),
                                                  try trustExport(wave: "2025", label: "I trust the support", agreeRows(30, 20))]), policy: .standard)
    try expectNoContradiction(analysis)
    let csvRow = try #require(MeasuresOutput.csv(analysis).components(separatedBy: "\r\n").last { !$0.isEmpty })
    #expect(csvRow.hasPrefix("trust,,all,2023,2025,50,10,50,30,,,,,no,"))
  }
}
