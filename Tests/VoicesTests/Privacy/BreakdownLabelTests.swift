import Foundation
import Testing
@testable import Voices

/// Typed answers in a breakdown column never become published group labels; `voices add`
/// does not draft a comment column as a breakdown.
@Suite("Free text as breakdown labels") struct BreakdownLabelTests {
  static let typed = ["Jack Smith has Angelman syndrome and goes to Hillside Primary", "Tube fed, DOB 3/4/2015"]

  @Test("values that look like free text are grouped; options stay", arguments: [
    ("Jack Smith has Angelman syndrome and goes to Hillside Primary", true), ("Tube fed, DOB 3/4/2015", true),
    ("Lives with nan at 14 Church Road", true), ("she goes to St Mary's C of E First School and it is far", true),
    ("North Dorset", false), ("Sensory impairment (hearing, vision or multi-sensory)", false), ("5-10", false),
    ("Social, emotional and mental health (SEMH)", false), ("Prefer not to say", false), ("Purbeck", false), ("16-18", false),
  ])
  func freeText(_ pair: (String, Bool)) {
    #expect(BreakdownLabels.looksLikeFreeText(pair.0, redactor: Redactor()) == pair.1)
  }

  @Test("a report on a workspace with typed localities prints none of them, in any format")
  func reports() throws {
    let comments = (0..<60).map { "We are still waiting for speech therapy, comment \($0)." }
    let root = try PrivacyPipeline.workspace(comments, localities: ["North", "South", "East"] + Self.typed)
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    let run = try VoicesRun.run(["report", "all", root.path, "--out", out.path], environment: ["SOURCE_DATE_EPOCH": "1767225600"])
    #expect(run.status == 0, "\(run.stderr)")
    var sawOther = false
    for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where !name.hasSuffix(".xlsx") {
      let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
      for word in ["Jack", "Angelman", "Hillside", "Tube fed", "3/4/2015"] { #expect(!text.contains(word), "\(name) holds \(word)") }
      if text.contains(BreakdownLabels.other) || text.contains("Other (free text)") { sawOther = true }
    }
    #expect(sawOther)
  }

  func table(_ rows: [[String]]) -> Table {
    Table(file: "t.csv", records: rows.enumerated().map { Record(row: $0.offset + 1, fields: $0.element) })
  }

  @Test("a comment column with few distinct long answers is drafted as free text, not a breakdown")
  func drafting() {
    let answers = ["We have waited two years for speech therapy and nobody calls us back.",
                   "The school has been brilliant and the SENCo really listens to us.",
                   "Nobody explains how the EHCP process works or who we should ask."]
    var rows = [["ID", "Support received", "Anything else you want to tell us?"]]
    for i in 0..<30 { rows.append(["r\(i)", ["EHCP", "SEN support", "None"][i % 3], answers[i % 3]]) }
    let draft = ManifestDrafter.draft(table(rows), file: "exports/parent-carer-survey-2025.csv")
    #expect(draft.manifest.breakdowns.map(\.column) == ["Support received"])
    #expect(draft.manifest.freeText.map(\.column) == ["Anything else you want to tell us?"])
  }
}
