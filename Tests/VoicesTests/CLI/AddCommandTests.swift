import Foundation
import Testing
@testable import Voices

/// `voices add` and `voices remove` as an officer types them, including the usual slips.
@Suite("voices add and remove") struct AddCommandTests {
  @Test("a mistyped command gets a did-you-mean", arguments: [("valdate", "validate"), ("reprot", "report"), ("remvoe", "remove")])
  func didYouMean(_ typed: String, _ meant: String) throws {
    let run = try VoicesRun.run([typed])
    #expect(run.status == 2)
    #expect(run.stderr.contains("did you mean `voices \(meant)`?"), "\(run.stderr)")
  }

  @Test("add with the workspace first says the arguments are swapped; the right order works; remove undoes it")
  func swappedThenRemove() throws {
    let (folder, workspace) = try SeriesCarryOverTests.exampleCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let export = folder.appendingPathComponent("parent-carer-survey-2026.csv")
    try FileManager.default.copyItem(at: workspace.root.appendingPathComponent("exports/parent-carer-survey-2025.csv"), to: export)
    let swapped = try VoicesRun.run(["add", workspace.root.path, export.path])
    #expect(swapped.status == 2)
    #expect(swapped.stderr.contains("the arguments are the other way round"), "\(swapped.stderr)")

    let added = try VoicesRun.run(["add", export.path, workspace.root.path], environment: ["NO_COLOR": "1"])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdout.contains("series parent-carer-survey: the mapping of manifests/parent-carer-survey-2025.json (wave 2025) carried over"))
    #expect(added.stdout.contains("Q5        measure trust-confidence (as in 2025)"))
    let quiet = try VoicesRun.run(["add", export.path, workspace.root.path, "--replace", "--quiet"], environment: ["NO_COLOR": "1"])
    #expect(quiet.status == 0)
    #expect(!quiet.stdout.contains("Columns"))

    let removed = try VoicesRun.run(["remove", "parent-carer-survey-2026", workspace.root.path])
    #expect(removed.status == 0)
    #expect(removed.stdout.contains("removed/manifests/parent-carer-survey-2026.json"))
    #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("manifests/parent-carer-survey-2026.json").path))
    #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("exports/parent-carer-survey-2026.csv").path))
    #expect(FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("removed/exports/parent-carer-survey-2026.csv").path))
    let again = try VoicesRun.run(["remove", "parent-carer-survey-2026", workspace.root.path])
    #expect(again.status == 1)
    #expect(again.stderr.contains("no manifest of that name"))
  }
}
