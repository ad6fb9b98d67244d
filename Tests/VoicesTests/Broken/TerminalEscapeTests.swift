import Foundation
import Testing
@testable import Voices

/// Values in an export that hold terminal escape sequences (clear the screen, set the window
/// title, return the cursor to print a fake "0 errors") are shown escaped, never sent raw to
/// a terminal: always on stderr, and on stdout when it is a terminal (a pipe gets the exact
/// text, so output can still be processed).
@Suite("Terminal escapes") struct TerminalEscapeTests {
  static let hostile = "\u{1B}]0;pwned\u{07}\u{1B}[2J\r0 errors\u{9B}31m"
  static let shown = #"\x1B]0;pwned\x07\x1B[2J\r0 errors\x9B31m"#

  static func workspace() throws -> URL {
    let manifest = """
      {"manifestVersion": 1, "source": "other", "wave": "2025", "file": "exports/e.csv", "layout": "plain",
       "respondentGroup": "parent carers", "measures": [{"measure": "m1", "column": "Q1", "scale": "yes-partly-no"}]}
      """
    let csv = "ID,Q1\n1,Yes\n2,\"\(hostile)\"\n"
    return try temporaryWorkspace(["manifests/e.json": manifest, "exports/e.csv": csv])
  }

  @Test("validate prints the value in its diagnostic with every control character escaped")
  func validate() throws {
    let root = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try VoicesRun.run(["validate", root.path], environment: ["NO_COLOR": "1"])
    let all = run.stdout + run.stderr
    #expect(run.stderr.contains(Self.shown), "\(run.stderr)")
    #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\r") && !run.stderr.contains("\u{9B}"))
    #expect(!all.contains("pwned\u{07}"))
  }

  @Test("inspect on a terminal shows the cell escaped; into a pipe, exactly as read")
  func inspect() throws {
    let root = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("exports/e.csv").path
    let piped = try VoicesRun.run(["inspect", file, "--format", "csv"], environment: ["NO_COLOR": "1"])
    #expect(piped.stdout.contains(Self.hostile))
    // `script` gives the command a pseudo-terminal and copies what it writes.
    let script = URL(fileURLWithPath: "/usr/bin/script")
    guard FileManager.default.isExecutableFile(atPath: script.path) else {
      print("skipped: no /usr/bin/script to give voices a terminal")
      return
    }
    let process = Process()
    process.executableURL = script
    process.arguments = ["-qec", "'\(VoicesRun.binary.path)' inspect '\(file)' --format json", "/dev/null"]
    process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    #expect(process.terminationStatus == 0)
    #expect(text.contains(#"\u001b]0;pwned\u0007\u001b[2J\r0 errors\x9B31m"#), "\(text)")
    #expect(!text.contains("\u{1B}") && !text.contains("\u{9B}"))
  }
}
