import Foundation
import Testing
@testable import Voices

#if canImport(Glibc)
  import Glibc
#endif

/// `voices add` killed with SIGKILL at several moments, including while it writes: every file a
/// reader would use is either absent or complete, earlier outputs are untouched, and the dot
/// files `AtomicFile` may leave behind (`.NAME.RANDOM.tmp`) are ignored by every later run.
///
/// SIGKILL cannot be caught, so a temporary file can remain; Voices does not clean such files
/// up (another `voices` may be writing it at that moment), it ignores them: manifests are found
/// by a `.json` suffix and exports only through their manifests.
@Suite("Atomic writes under SIGKILL", .serialized) struct AtomicWriteKillTests {
  /// A 2.5 MB export whose size is in a few long comments, so it reads quickly even in a debug
  /// build but takes a measurable time to copy and sync.
  static func largeExport(in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent("big-survey-2025.csv")
    var text = "ID,Timestamp,Comment\n"
    let comment = String(repeating: "word ", count: 100_000)
    for i in 1...5 { text += "\(i),2025-02-14 09:30:00,\(comment)\n" }
    try Data(text.utf8).write(to: url)
    return url
  }

  /// Starts `voices add`, kills it after `delay` seconds (if still running), and waits.
  static func addKilled(after delay: Double, export: URL, workspace: URL) throws -> Bool {
    let process = Process()
    process.executableURL = VoicesRun.binary
    process.arguments = ["add", export.path, workspace.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(useconds_t(delay * 1_000_000))
    let killed = process.isRunning
    if killed { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    return killed
  }

  static func contents(_ url: URL) -> Data? { try? Data(contentsOf: url) }

  static func listing(_ folder: URL) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
  }

  @Test("a killed voices add leaves earlier outputs intact and no partial file under a real name")
  func killedAdd() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("voices-kill-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workspace = try temporaryWorkspace([:])
    defer { try? FileManager.default.removeItem(at: workspace) }

    // An earlier output: a small export added in full.
    let small = scratch.appendingPathComponent("small-2024.csv")
    try Data("ID,Timestamp,Comment\n1,2024-02-01 10:00:00,fine\n".utf8).write(to: small)
    #expect(try VoicesRun.run(["add", small.path, workspace.path]).status == 0)
    let smallExport = try #require(Self.contents(workspace.appendingPathComponent("exports/small-2024.csv")))
    let smallManifest = try #require(Self.contents(workspace.appendingPathComponent("manifests/small-2024.json")))

    let big = try Self.largeExport(in: scratch)
    let bigBytes = try Data(contentsOf: big)
    let bigExport = workspace.appendingPathComponent("exports/big-survey-2025.csv")
    let bigManifest = workspace.appendingPathComponent("manifests/big-survey-2025.json")

    // One full run to learn how long an add takes here, then kills across that time.
    let started = Date()
    #expect(try VoicesRun.run(["add", big.path, workspace.path]).status == 0)
    let full = Date().timeIntervalSince(started)
    var kills = 0
    for fraction in [0.5, 0.85, 0.95] {
      try? FileManager.default.removeItem(at: bigExport)
      try? FileManager.default.removeItem(at: bigManifest)
      if try Self.addKilled(after: full * fraction, export: big, workspace: workspace) { kills += 1 }

      #expect(Self.contents(workspace.appendingPathComponent("exports/small-2024.csv")) == smallExport)
      #expect(Self.contents(workspace.appendingPathComponent("manifests/small-2024.json")) == smallManifest)
      if let copied = Self.contents(bigExport) { #expect(copied == bigBytes, "a partial export at kill point \(fraction)") }
      if let manifest = Self.contents(bigManifest) {
        #expect(throws: Never.self, "a partial manifest at kill point \(fraction)") {
          try ManifestLoader.decode(manifest, file: "big.json")
        }
        #expect(Self.contents(bigExport) == bigBytes, "a manifest without its export at kill point \(fraction)")
      }
      for folder in ["exports", "manifests"] {
        for name in Self.listing(workspace.appendingPathComponent(folder))
        where !["small-2024.csv", "small-2024.json", "big-survey-2025.csv", "big-survey-2025.json"].contains(name) {
          #expect(name.hasPrefix(".") && name.hasSuffix(".tmp"), "unexpected \(folder)/\(name)")
        }
      }
    }
    #expect(kills >= 1, "no run was still going when killed (a full add took \(full) s)")

    // Stale temporary files, as a kill during a write leaves them, under both folders.
    try Data("ID,Timestamp,Comment\n1,2025".utf8).write(to: workspace.appendingPathComponent("exports/.big-survey-2025.csv.stale.tmp"))
    try Data("{\"manifestVersion\": 1, \"sou".utf8).write(to: workspace.appendingPathComponent("manifests/.big-survey-2025.json.stale.tmp"))

    // A later run completes whatever the kill interrupted, and validate ignores the leftovers.
    try? FileManager.default.removeItem(at: bigManifest)
    let again = try VoicesRun.run(["add", big.path, workspace.path])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(Self.contents(bigExport) == bigBytes)
    let validate = try VoicesRun.run(["validate", workspace.path])
    #expect(validate.status == 0, "\(validate.stderr)")
    #expect(!validate.stderr.contains(".tmp") && !validate.stdout.contains(".tmp"))
    #expect(validate.stdout.contains("2 exports"))
  }
}
