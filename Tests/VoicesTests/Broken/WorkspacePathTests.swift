import Foundation
import Testing
@testable import Voices

/// A manifest is a file anyone can edit or send, so the export it names must stay inside the
/// workspace's `exports/`: no `..`, no absolute path, no symbolic link leading out. And a
/// workspace with errors is not reported unless the user says so, on every page.
@Suite("Paths stay inside the workspace") struct WorkspacePathTests {
  static func manifest(_ file: String) -> String {
    """
    {"manifestVersion": 1, "source": "other", "wave": "2025", "file": "\(file)", "layout": "plain",
     "respondentGroup": "parent carers", "freeText": [{"question": "q1", "column": "Comment"}]}
    """
  }

  static let export = "ID,Comment\n1,The wait for speech therapy is too long\n2,Nothing to add\n3,Fine\n4,Good\n5,Ok\n"

  /// A workspace with a good export and a manifest `bad.json` naming `file`.
  static func workspace(bad file: String) throws -> URL {
    try temporaryWorkspace([
      "exports/good.csv": export, "manifests/good.json": manifest("exports/good.csv"), "manifests/bad.json": manifest(file),
    ])
  }

  static func errors(_ root: URL) throws -> [String] {
    try Workspace.open(root.path).load().diagnostics.filter { $0.severity == .error }.map(\.message)
  }

  static let rule = "a manifest may name only a file under exports/ (such as \"exports/survey-2025.csv\")"

  @Test("a manifest file outside exports/ is an error naming the manifest and its file field", arguments: [
    ("exports/../../../../etc/passwd", "has a \"..\", \".\" or empty part"),
    ("/etc/passwd", "is not under exports/"),
    ("../outside.csv", "is not under exports/"),
    ("exports/./good.csv", "has a \"..\", \".\" or empty part"),
    ("good.csv", "is not under exports/"),
  ])
  func outside(_ pair: (String, String)) throws {
    let root = try Self.workspace(bad: pair.0)
    defer { try? FileManager.default.removeItem(at: root) }
    let load = try Workspace.open(root.path).load()
    #expect(load.exports.map(\.manifest.file) == ["exports/good.csv"])
    let error = try #require(load.diagnostics.first { $0.severity == .error })
    #expect(error.location.file.hasSuffix("manifests/bad.json"))
    #expect(error.message == "\(error.location.file): file: \"\(pair.0)\" \(pair.1); \(Self.rule)")
    let validate = try VoicesRun.run(["validate", root.path], environment: ["NO_COLOR": "1"])
    #expect(validate.status == 1)
    #expect(!validate.stdout.contains("root:") && !validate.stderr.contains("root:"), "a line of /etc/passwd was shown")
  }

  @Test("a symbolic link in exports/ to a file outside is refused; a link within exports/ is followed")
  func symlinks() throws {
    let root = try Self.workspace(bad: "exports/linked.csv")
    defer { try? FileManager.default.removeItem(at: root) }
    let outside = root.deletingLastPathComponent().appendingPathComponent("voices-outside-\(UUID().uuidString).csv")
    try Data(Self.export.utf8).write(to: outside)
    defer { try? FileManager.default.removeItem(at: outside) }
    try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("exports/linked.csv").path, withDestinationPath: outside.path)
    let message = try #require(Self.errors(root).first)
    #expect(message.contains("file: \"exports/linked.csv\" is a link to a file outside exports/ (\(outside.resolvingSymlinksInPath().path))"))
    // A linked folder leading out is the same.
    try FileManager.default.removeItem(at: root.appendingPathComponent("exports/linked.csv"))
    try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("exports/linked.csv").path, withDestinationPath: "good.csv")
    #expect(try Self.errors(root).isEmpty)
    #expect(try Workspace.open(root.path).load().exports.count == 2)
  }

  @Test("report refuses a workspace with errors; --allow-errors reports it and says so on every page")
  func reportWithErrors() throws {
    let root = try Self.workspace(bad: "exports/missing.csv")
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    let refused = try VoicesRun.run(["report", "trust", root.path, "--out", out.path], environment: ["NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1767225600"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("1 error found reading the workspace (see voices validate), so a report would leave data out unsaid; fix it, or give --allow-errors"))
    #expect(!FileManager.default.fileExists(atPath: out.path))

    let allowed = try VoicesRun.run(["report", "trust", root.path, "--out", out.path, "--allow-errors"], environment: ["NO_COLOR": "1", "SOURCE_DATE_EPOCH": "1767225600"])
    #expect(allowed.status == 1, "the exit status still says the workspace has errors")
    let markdown = try String(contentsOf: out.appendingPathComponent("trust-and-confidence-tracker.md"), encoding: .utf8)
    #expect(markdown.contains("BUILT DESPITE ERRORS (--allow-errors). Reading the workspace found 1 error (see voices validate)"))
    let html = try String(contentsOf: out.appendingPathComponent("trust-and-confidence-tracker.html"), encoding: .utf8)
    #expect(html.contains("BUILT DESPITE ERRORS"))
  }
}
