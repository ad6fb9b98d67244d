import Foundation
import Testing
@testable import Voices

/// `voices init` and `voices add` on real folders in a temporary directory.
@Suite("Workspace init and add") struct WorkspaceInitTests {
  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("voices-init-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test("init makes the folders and starter files; a second run changes nothing and lists them")
  func initTwice() throws {
    let root = try temporaryFolder().appendingPathComponent("ws")
    defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
    let first = try WorkspaceInit.create(at: root.path, name: "Test council")
    #expect(first.created == ["exports/", "manifests/", "workspace.json", "measures.json", "actions.csv", "README.md",
                             "codebooks/parent-carers.csv", "codebooks/young-people.csv", "codebooks/README.md"])
    #expect(first.existing.isEmpty)
    let settings = try Data(contentsOf: root.appendingPathComponent("workspace.json"))
    let json = try #require(try JSONSerialization.jsonObject(with: settings) as? [String: Any])
    #expect(json["name"] as? String == "Test council")
    #expect(json["synthetic"] as? Bool == false)
    #expect((json["suppression"] as? [String: Int]) == ["minimumCount": 5, "minimumBase": 10])
    let (registry, diagnostics) = try MeasureRegistry.decode(try Data(contentsOf: root.appendingPathComponent("measures.json")), file: "measures.json")
    #expect(diagnostics.isEmpty)
    #expect(registry == MeasureRegistry.standard)
    #expect(registry.measures.map(\.id) == ["trust-confidence", "listened-to", "satisfaction-support", "satisfaction-process",
                                            "services-work-together", "voice-heard", "made-a-difference", "enjoy-life",
                                            "takeover-confidence", "decision-maker-value"])
    #expect(try String(contentsOf: root.appendingPathComponent("actions.csv"), encoding: .utf8) == "action_id,what_we_did,themes,status,date,evidence\r\n")
    #expect(try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8).contains("voices add"))
    let workspace = try Workspace.open(root.path)
    #expect(workspace.settings.name == "Test council")

    try Data("edited".utf8).write(to: root.appendingPathComponent("README.md"))
    let second = try WorkspaceInit.create(at: root.path)
    #expect(second.created.isEmpty)
    #expect(second.existing.count == 9)
    #expect(try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8) == "edited")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
  }

  @Test("add copies the export, writes a manifest that validates, and refuses to overwrite")
  func add() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let root = folder.appendingPathComponent("ws")
    _ = try WorkspaceInit.create(at: root.path)
    let workspace = try Workspace.open(root.path)
    let export = TestPaths.packageRoot.appendingPathComponent("surveys/exports/annual-conversation-2025.csv")
    let result = try workspace.add(exportAt: export)
    #expect(result.copied)
    #expect(result.exportPath == "exports/annual-conversation-2025.csv")
    #expect(result.manifestPath == "manifests/annual-conversation-2025.json")
    #expect(try Data(contentsOf: root.appendingPathComponent(result.exportPath)) == Data(contentsOf: export))
    let written = try String(contentsOf: root.appendingPathComponent(result.manifestPath), encoding: .utf8)
    #expect(written == result.draft.manifest.jsonText())
    #expect(result.validation.allDiagnostics.count(of: .error) == 0)
    #expect(result.validation.exports.first?.accounting.accepted == result.validation.exports.first?.accounting.read)
    // The whole workspace validates the same way.
    #expect(workspace.load().allDiagnostics.count(of: .error) == 0)

    // Same file again: the export is fine (identical), the manifest is not overwritten.
    #expect(throws: ManifestDraftError.manifestExists(path: root.path + "/manifests/annual-conversation-2025.json")) {
      try workspace.add(exportAt: export)
    }
    // A different file of the same name is refused before anything is written.
    let other = folder.appendingPathComponent("annual-conversation-2025.csv")
    try Data("Timestamp,Q\n01/01/2025 10:00,Yes\n".utf8).write(to: other)
    #expect(throws: ManifestDraftError.exportExists(path: root.path + "/exports/annual-conversation-2025.csv")) {
      try workspace.add(exportAt: other)
    }
    #expect(try Data(contentsOf: root.appendingPathComponent(result.exportPath)) == Data(contentsOf: export))
    // An identical copy already in exports/ is kept, and the manifest drafted when it is missing.
    try FileManager.default.removeItem(at: root.appendingPathComponent(result.manifestPath))
    let again = try workspace.add(exportAt: export, options: .init(wave: "2024", source: .focusGroup))
    #expect(!again.copied)
    #expect(again.draft.manifest.wave == "2024")
    #expect(again.draft.manifest.source == .focusGroup)
  }

  @Test("manifest names from export file names", arguments: [
    ("Parent Carer Survey 2025.xlsx", "parent-carer-survey-2025"), ("StarWars.csv", "starwars"), ("__.csv", "export"),
  ])
  func manifestNames(_ file: String, _ name: String) {
    #expect(Workspace.manifestName(for: file) == name)
  }
}
