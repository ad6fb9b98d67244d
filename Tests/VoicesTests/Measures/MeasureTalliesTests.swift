import Foundation
import Testing
@testable import Voices

func export(_ json: String, _ rows: [[String]], name: String = "e") throws -> SurveyExport {
  SurveyLoader.load(table(rows), manifest: try manifest(json), name: name)
}

@Suite("Measure tallies") struct MeasureTalliesTests {
  let manifest2023 = """
    {"source": "parent-carer-survey", "wave": "2023", "file": "a.csv", "respondentGroup": "parent carers",
     "breakdowns": [{"field": "locality", "column": "Area"}],
     "measures": [{"measure": "trust", "column": "Trust", "scale": "agreement-5", "label": "I have confidence in the advice"}]}
    """
  let manifest2025 = """
    {"source": "parent-carer-survey", "wave": "2025", "file": "b.csv", "respondentGroup": "parent carers",
     "breakdowns": [{"field": "locality", "column": "Area"}],
     "measures": [{"measure": "trust", "column": "Trust", "scale": "agreement-5", "label": "I trust and have confidence in the advice"}]}
    """

  @Test("every answer lands in exactly one count; positive and base follow the scale")
  func counts() throws {
    let e = try export(manifest2023, [["Area", "Trust"], ["North", "Agree"], ["North", "Strongly agree"], ["South", "Disagree"],
                                      ["", "Don't know"], ["South", ""], ["North", "Maybe"]])
    let tallies = MeasureTallies([e], registry: MeasureRegistry(measures: []), by: ["locality"])
    let all = try #require(tallies.tallies.first { $0.group.isEveryone })
    #expect(all.optionCounts == [0, 1, 0, 1, 1])
    #expect(all.base == 3)
    #expect(all.positive == 2)
    #expect(all.nonSubstantive == ["Don't know": 1])
    #expect(all.blank == 1)
    #expect(all.unrecognised == 1)
    #expect(all.base + all.nonSubstantive.values.reduce(0, +) + all.blank + all.unrecognised == 6)
    #expect(all.mean == (4.0 + 5.0 + 2.0) / 3.0)
    let groups = tallies.tallies.filter { !$0.group.isEveryone }.map(\.group.description)
    #expect(groups == ["locality=North", "locality=Not known", "locality=South"])
  }

  @Test("the registry's positive labels override the scale's")
  func registryPositive() throws {
    let e = try export(manifest2023, [["Area", "Trust"], ["North", "Agree"], ["North", "Strongly agree"]])
    let registry = MeasureRegistry(measures: [MeasureDefinition(id: "trust", title: "Trust", scale: "agreement-5", positive: ["Strongly agree"])])
    let tally = try #require(MeasureTallies([e], registry: registry).tallies.first)
    #expect(tally.positive == 1)
  }

  @Test("a change of wording between waves is a comparability break; same wording is not")
  func comparability() throws {
    let a = try export(manifest2023, [["Area", "Trust"], ["North", "Agree"]])
    let b = try export(manifest2025, [["Area", "Trust"], ["North", "Agree"]])
    let tallies = MeasureTallies([a, b], registry: MeasureRegistry(measures: []))
    let series = MeasureSeries(measure: "trust")
    let reason = try #require(tallies.comparabilityBreak(series, from: "2023", to: "2025"))
    #expect(reason.contains("wording changed between 2023"))
    #expect(tallies.comparabilityBreak(series, from: "2023", to: "2023") == nil)
  }
}

extension MeasureTalliesTests {
  @Test("two exports of one wave are counted together, in any order, with the same result")
  func pooledWithinWave() throws {
    let a = try export(manifest2023, [["Area", "Trust"], ["North", "Agree"], ["South", "Don't know"]], name: "a")
    let b = try export(manifest2023, [["Area", "Trust"], ["North", "Agree"], ["North", ""], ["South", "Strongly agree"]], name: "b")
    let ab = MeasureTallies([a, b], registry: MeasureRegistry(measures: []), by: ["locality"])
    let ba = MeasureTallies([b, a], registry: MeasureRegistry(measures: []), by: ["locality"])
    #expect(ab.tallies == ba.tallies)
    let everyone = try #require(ab.tallies.first { $0.group.isEveryone })
    #expect(everyone.optionCounts == [0, 0, 0, 2, 1])
    #expect(everyone.nonSubstantive == ["Don't know": 1])
    #expect(everyone.blank == 1)
    #expect(ab.tallies.filter { !$0.group.isEveryone }.map(\.base) == [2, 1])
  }

  @Test("an export of the same wave on another scale: options matched by label, the rest unrecognised, none lost")
  func otherScaleWithinWave() throws {
    let a = try export(manifest2023, [["Area", "Trust"], ["North", "Agree"]], name: "a")
    let yesNo = manifest2023.replacingOccurrences(of: "agreement-5", with: "yes-partly-no")
    let b = try export(yesNo, [["Area", "Trust"], ["North", "Yes"], ["North", "No"]], name: "b")
    let tally = try #require(MeasureTallies([a, b], registry: MeasureRegistry(measures: [])).tallies.first)
    #expect(tally.optionCounts == [0, 0, 0, 1, 0])
    #expect(tally.unrecognised == 2)
  }

  @Test("the workspace load names a measure asked on two scales in one wave as an error")
  func scaleClashIsReported() throws {
    func manifest(_ file: String, _ scale: String) -> String {
      """
      {"manifestVersion": 1, "source": "other", "wave": "2025", "file": "exports/\(file)", "layout": "plain",
       "respondentGroup": "parent carers", "measures": [{"measure": "trust", "column": "Trust", "scale": "\(scale)"}]}
      """
    }
    let root = try temporaryWorkspace([
      "manifests/a.json": manifest("a.csv", "agreement-5"), "manifests/b.json": manifest("b.csv", "yes-partly-no"),
      "exports/a.csv": "Trust\nAgree\n", "exports/b.csv": "Trust\nYes\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let load = try Workspace.open(root.path).load()
    let error = try #require(load.diagnostics.first { $0.severity == .error })
    #expect(error.location.file.hasSuffix("manifests/b.json"))
    #expect(error.message.contains("\"trust\" is on the yes-partly-no scale here but on agreement-5 in a, the same wave (2025)"))
  }
}

@Suite("Participation counts") struct ParticipationCountsTests {
  @Test("survey responses count once; an events log counts attendance")
  func counts() throws {
    let survey = try export("""
      {"source": "annual-conversation", "wave": "2025", "file": "a.csv", "respondentGroupColumn": {"column": "Who"},
       "breakdowns": [{"field": "locality", "column": "Area"}]}
      """, [["Who", "Area"], ["Young person", "North"], ["Young person", "North"], ["Parent", "South"]])
    let events = try export("""
      {"source": "participation-event", "wave": "2025", "file": "e.csv", "respondentGroup": "young people",
       "attendance": "Attending", "breakdowns": [{"field": "locality", "column": "Area"}]}
      """, [["Event", "Area", "Attending"], ["Forum", "North", "12"], ["Forum", "North", "3"]])
    let counts = ParticipationCounts([survey, events])
    #expect(counts.rows.count == 3)
    let forum = try #require(counts.rows.first { $0.route == .participationEvent })
    #expect(forum.records == 2)
    #expect(forum.count == 15)
    #expect(forum.isAttendance)
    #expect(counts.totals(wave: "2025", by: \.locality).map { $0.1 } == [17, 1])
  }
}
