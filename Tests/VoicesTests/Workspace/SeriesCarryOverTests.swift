import Foundation
import Testing
@testable import Voices

/// Next year's export of a series maps itself, and a failed `add` leaves the workspace as it was.
@Suite("Series and carry-over") struct SeriesCarryOverTests {
  /// A copy of the example workspace in a temporary folder.
  static func exampleCopy() throws -> (folder: URL, workspace: Workspace) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voices-series-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let root = folder.appendingPathComponent("ws")
    try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("surveys"), to: root)
    return (folder, try Workspace.open(root.path))
  }

  /// The mapping of a manifest: everything but what names the wave and its file.
  static func mapping(_ m: Manifest) -> Manifest {
    var m = m
    m.wave = ""; m.file = ""; m.title = nil; m.note = nil; m.series = nil
    return m
  }

  static func manifest(_ workspace: Workspace, _ name: String) throws -> Manifest {
    try ManifestLoader.load(contentsOf: workspace.root.appendingPathComponent("manifests/\(name).json"), file: name).0
  }

  /// Every file in the workspace with its bytes, to show nothing changed.
  static func snapshot(_ root: URL) throws -> [String: Data] {
    var out: [String: Data] = [:]
    let files = FileManager.default.enumerator(atPath: root.path)
    while let path = files?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let url = root.appendingPathComponent(path)
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
        out[path] = try Data(contentsOf: url)
      }
    }
    return out
  }

  @Test("a 2026 copy of each series in surveys/ gets the 2025 mapping with no edit", arguments: [
    "parent-carer-survey-2025.csv", "annual-conversation-2025.csv", "focus-group-notes-2025.csv",
    "participation-events-2025.csv", "takeover-decision-makers-2025.xlsx", "takeover-young-people-2025.xlsx",
  ])
  func nextYear(_ file: String) throws {
    let (folder, workspace) = try Self.exampleCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let next = folder.appendingPathComponent(file.replacingOccurrences(of: "2025", with: "2026"))
    try FileManager.default.copyItem(at: workspace.root.appendingPathComponent("exports/" + file), to: next)
    let result = try workspace.add(exportAt: next)
    let old = (file as NSString).deletingPathExtension
    let carry = try #require(result.carry)
    #expect(carry.from == "manifests/\(old).json")
    #expect(carry.previousWave == "2025")
    #expect(carry.gone.isEmpty && carry.added.isEmpty && carry.reworded.isEmpty)
    let written = try Self.manifest(workspace, old.replacingOccurrences(of: "2025", with: "2026"))
    #expect(written.wave == "2026")
    #expect(written.series == Manifest.seriesName(forFile: file))
    #expect(Self.mapping(written) == Self.mapping(try Self.manifest(workspace, old)))
    #expect(result.validation.allDiagnostics.count(of: .error) == 0)
  }

  @Test("what is carried, new, gone and reworded is said; new columns are drafted afresh")
  func changedExport() throws {
    let (folder, workspace) = try Self.exampleCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Next year's Google Form: one free-text question dropped, one question added.
    let table = try TableReader.read(contentsOf: workspace.root.appendingPathComponent("exports/annual-conversation-2025.csv"))
    let header = table.rows[0]
    let dropped = try #require(header.firstIndex { $0.lowercased().contains("anything else") })
    var rows = table.rows.map { row in row.enumerated().filter { $0.offset != dropped }.map(\.element) }
    rows[0].append("How did you hear about the survey?")
    for i in 1..<rows.count { rows[i].append(["School", "Email", "Poster", "Friend"][i % 4]) }
    let next = folder.appendingPathComponent("annual-conversation-2026.csv")
    try Data(TableWriter.csv(rows).utf8).write(to: next)
    let result = try workspace.add(exportAt: next)
    let carry = try #require(result.carry)
    #expect(carry.gone == ["\(header[dropped]) (free text annual-conversation in 2025)"])
    #expect(carry.added.count == 1)
    #expect(carry.added.first?.hasPrefix("How did you hear about the survey? breakdown") == true, "\(carry.added)")
    let written = try Self.manifest(workspace, "annual-conversation-2026")
    #expect(written.breakdowns.contains { $0.column == "How did you hear about the survey?" })
    #expect(!written.freeText.contains { $0.column == header[dropped] })
    #expect(result.draft.notes.contains { $0.needsAttention && $0.message.hasPrefix("gone since 2025") })
  }

  @Test("an export unlike any series is drafted afresh; --like carries a named manifest's mapping")
  func likeOption() throws {
    let (folder, workspace) = try Self.exampleCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let export = folder.appendingPathComponent("new-form-2026.csv")
    try Data("Timestamp,How are you?,Anything else?\n01/02/2026 10:00,Fine,Nothing much to say today really\n02/02/2026 11:00,Good,I would like more clubs after school please\n".utf8).write(to: export)
    let fresh = try workspace.add(exportAt: export)
    #expect(fresh.carry == nil)
    #expect(fresh.draft.manifest.series == "new-form")
    #expect(throws: ManifestDraftError.self) {
      try workspace.add(exportAt: export, options: .init(like: "no-such-manifest", replace: true))
    }
    let copy = folder.appendingPathComponent("pcs.csv")
    try FileManager.default.copyItem(at: workspace.root.appendingPathComponent("exports/parent-carer-survey-2023.csv"), to: copy)
    let liked = try workspace.add(exportAt: copy, options: .init(draft: .init(wave: "2024"), like: "manifests/parent-carer-survey-2023.json"))
    #expect(liked.carry?.from == "manifests/parent-carer-survey-2023.json")
    #expect(liked.carry?.reason == "named by --like")
    #expect(Self.mapping(try Self.manifest(workspace, "pcs")) == Self.mapping(try Self.manifest(workspace, "parent-carer-survey-2023")))
  }

  @Test("series names from file names", arguments: [
    ("exports/parent-carer-survey-2025.csv", "parent-carer-survey"), ("Takeover 2025 final.xlsx", "takeover"),
    ("pcs_2023_v2.csv", "pcs"), ("2025.csv", "survey"),
  ])
  func seriesNames(_ file: String, _ series: String) {
    #expect(Manifest.seriesName(forFile: file) == series)
  }

  @Test("a failed add leaves the workspace byte for byte as it was", arguments: ["empty", "readme", "metadata", "invalid"])
  func failedAdd(_ kind: String) throws {
    let (folder, workspace) = try Self.exampleCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try Self.snapshot(workspace.root)
    let export: URL
    switch kind {
    case "empty":
      export = folder.appendingPathComponent("empty-2026.csv")
      try Data().write(to: export)
    case "readme":
      export = folder.appendingPathComponent("README.md")
      try FileManager.default.copyItem(at: workspace.root.appendingPathComponent("README.md"), to: export)
    case "metadata":
      export = TestPaths.externalFile("vendor-formats/iai-consult-fixtures/qu_format_b_instruction.xlsx")
    default:
      // A manifest edit the export cannot satisfy: --like a manifest whose columns it lacks.
      export = folder.appendingPathComponent("form-2026.csv")
      try Data("Timestamp,How are you?\n01/02/2026 10:00,Fine\n".utf8).write(to: export)
    }
    do {
      _ = try workspace.add(exportAt: export, options: .init(like: kind == "invalid" ? "parent-carer-survey-2025" : nil))
      Issue.record("add should have failed")
    } catch let error as ManifestDraftError {
      switch (kind, error) {
      case ("empty", .notASurvey(_, let reason)): #expect(reason.contains("empty"))
      case ("readme", .notASurvey(_, let reason)): #expect(reason.contains("a document (.md)"))
      case ("metadata", .notASurvey(_, let reason)):
        #expect(reason.contains("defines questions"))
        #expect(reason.contains("4 sheets"))
      case ("invalid", .invalid(_, let problems)): #expect(problems.contains { $0.contains("header row") })
      default: Issue.record("unexpected \(error)")
      }
    }
    #expect(try Self.snapshot(workspace.root) == before)
  }

  @Test("--force adds an export that does not validate; --replace keeps the manifest's edits")
  func forceAndReplace() throws {
    let (folder, workspace) = try Self.exampleCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let export = folder.appendingPathComponent("form-2026.csv")
    try Data("Timestamp,How are you?\n01/02/2026 10:00,Fine\n".utf8).write(to: export)
    let forced = try workspace.add(exportAt: export, options: .init(like: "parent-carer-survey-2025", force: true))
    #expect(forced.validation.allDiagnostics.count(of: .error) > 0)

    let next = folder.appendingPathComponent("parent-carer-survey-2026.csv")
    try FileManager.default.copyItem(at: workspace.root.appendingPathComponent("exports/parent-carer-survey-2025.csv"), to: next)
    _ = try workspace.add(exportAt: next)
    // The officer edits the manifest, then downloads a corrected export of the same name.
    let url = workspace.root.appendingPathComponent("manifests/parent-carer-survey-2026.json")
    var edited = try Self.manifest(workspace, "parent-carer-survey-2026")
    edited.breakdowns[0].field = "area"
    try Data(edited.jsonText().utf8).write(to: url)
    var text = try String(contentsOf: next, encoding: .utf8)
    text += "\n"
    try Data(text.utf8).write(to: next)
    #expect(throws: ManifestDraftError.exportExists(path: workspace.displayName(of: "exports/parent-carer-survey-2026.csv"))) {
      try workspace.add(exportAt: next)
    }
    let replaced = try workspace.add(exportAt: next, options: .init(replace: true))
    #expect(replaced.replaced)
    #expect(replaced.carry?.reason == "the manifest replaced")
    #expect(try Self.manifest(workspace, "parent-carer-survey-2026").breakdowns[0].field == "area")
    #expect(try Data(contentsOf: workspace.root.appendingPathComponent("exports/parent-carer-survey-2026.csv")) == Data(contentsOf: next))
  }
}

/// The same people in two exports of one wave are counted once.
@Suite("Duplicates across exports") struct CrossExportDuplicateTests {
  @Test("a renamed re-download changes no count: measures, theme base and accepted rows are the same")
  func renamedDuplicate() throws {
    let (folder, workspace) = try SeriesCarryOverTests.exampleCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = workspace.load(keepingFreeText: false)
    let measuresBefore = try VoicesRun.run(["measures", workspace.root.path, "--format", "json"])
    let copy = folder.appendingPathComponent("parent-carer-survey-2025 final.csv")
    try FileManager.default.copyItem(at: workspace.root.appendingPathComponent("exports/parent-carer-survey-2025.csv"), to: copy)
    let added = try workspace.add(exportAt: copy)
    #expect(added.draft.notes.contains { $0.needsAttention && $0.message.hasPrefix("this export looks like one already in the workspace: 600 of its 600 responses") })
    let after = workspace.load(keepingFreeText: false)
    #expect(after.accounting.accepted == before.accounting.accepted)
    #expect(after.accounting.duplicates == before.accounting.duplicates + 601)
    #expect(after.exports.allSatisfy { $0.accounting.balances })
    let final = try #require(after.exports.first { $0.name == "parent-carer-survey-2025-final" })
    #expect(final.responses.isEmpty)
    #expect(final.diagnostics.contains { $0.message.hasPrefix("600 responses are also in parent-carer-survey-2025") })
    let measuresAfter = try VoicesRun.run(["measures", workspace.root.path, "--format", "json"])
    #expect(measuresAfter.stdout == measuresBefore.stdout)
  }

  @Test("without ids, identical submissions (same second, same answers) are one person; another wave is not a duplicate")
  func identicalRows() throws {
    let (folder, workspace) = try SeriesCarryOverTests.exampleCopy()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("annual-conversation-2025 (1).csv")
    try FileManager.default.copyItem(at: workspace.root.appendingPathComponent("exports/annual-conversation-2025.csv"), to: copy)
    _ = try workspace.add(exportAt: copy)
    let next = folder.appendingPathComponent("annual-conversation-2026.csv")
    try FileManager.default.copyItem(at: workspace.root.appendingPathComponent("exports/annual-conversation-2025.csv"), to: next)
    _ = try workspace.add(exportAt: next)
    let load = workspace.load(keepingFreeText: false)
    let second = try #require(load.exports.first { $0.name == "annual-conversation-2025-1" })
    #expect(second.accounting.duplicates == second.accounting.read)
    let nextYear = try #require(load.exports.first { $0.name == "annual-conversation-2026" })
    #expect(nextYear.accounting.duplicates == 0)
  }
}
