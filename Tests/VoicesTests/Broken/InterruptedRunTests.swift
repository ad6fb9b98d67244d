import Foundation
import Testing
@testable import Voices

/// What interrupted runs and awkward paths leave: temporary files cleaned by the next run,
/// reports written all or none, clear errors for `--out` naming a file and for long names, a
/// codebook file too large to be one refused before it is read.
@Suite("Interrupted runs and awkward paths") struct InterruptedRunTests {
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("voices-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Makes `name` in `folder` look a minute and more old.
  static func age(_ url: URL) throws {
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -120)], ofItemAtPath: url.path)
  }

  @Test("an abandoned temporary file is removed; a fresh one, a locked one and other dot files are kept")
  func abandonedTemporaries() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let abandoned = folder.appendingPathComponent(".comments.csv.k3j9x2.tmp")
    let fresh = folder.appendingPathComponent(".comments.csv.a1b2c3.tmp")
    let locked = folder.appendingPathComponent(".sources.csv.zz9.tmp")
    let other = folder.appendingPathComponent(".notes.tmp")
    for url in [abandoned, fresh, locked, other] { try Data("partial".utf8).write(to: url) }
    for url in [abandoned, locked, other] { try Self.age(url) }
    // A live writer holds its temporary file locked.
    let fd = open(locked.path, O_RDONLY)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
    #expect(AtomicFile.removeAbandonedTemporaries(in: folder) == [".comments.csv.k3j9x2.tmp"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      == [".comments.csv.a1b2c3.tmp", ".notes.tmp", ".sources.csv.zz9.tmp"])
  }

  @Test("opening a workspace removes what a killed code run left in coded/")
  func workspaceCleansCoded() throws {
    let root = try temporaryWorkspace(["coded/.comments.csv.5h2kq.tmp": String(repeating: "comment text,", count: 1000)])
    defer { try? FileManager.default.removeItem(at: root) }
    try Self.age(root.appendingPathComponent("coded/.comments.csv.5h2kq.tmp"))
    _ = try Workspace.open(root.path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("coded").path).isEmpty)
  }

  @Test("a 251-character file name writes: its temporary name is kept short")
  func longName() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let name = String(repeating: "é", count: 121) + "-2025.csv"
    #expect(name.utf8.count == 251)
    try AtomicFile.write(Array("ID\n1\n".utf8), to: folder.appendingPathComponent(name))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
  }

  @Test("writing over a folder, and reports into a file: clear errors naming the path")
  func folderAndFile() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(throws: AtomicFileError.cannotCreateTemporary(path: folder.path, reason: "it is a folder; give the name of a file to write")) {
      try AtomicFile.write([1], to: folder)
    }
    let file = folder.appendingPathComponent("reports.txt")
    try Data("x".utf8).write(to: file)
    #expect(throws: ReportError.outputNotAFolder(path: file.path)) {
      try ReportBuilder.write([ReportFile(name: "a.md", contents: "a")], to: file)
    }
    #expect(ReportError.outputNotAFolder(path: "r.txt").description
      == "r.txt: not a folder to write reports into (a file of that name exists, or the folder cannot be made); give --out a folder")
  }

  @Test("reports are written all or none: a failure part way leaves the old files as they were")
  func allOrNone() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    _ = try ReportBuilder.write([ReportFile(name: "a.md", contents: "old a"), ReportFile(name: "b.md", contents: "old b")], to: folder)
    // The second file cannot be written (its name is a folder in the staging area's place: a
    // name with a slash into a missing folder), so neither is replaced.
    #expect(throws: AtomicFileError.self) {
      try ReportBuilder.write([ReportFile(name: "a.md", contents: "new a"), ReportFile(name: "missing/b.md", contents: "new b")], to: folder)
    }
    #expect(try String(contentsOf: folder.appendingPathComponent("a.md"), encoding: .utf8) == "old a")
    #expect(try String(contentsOf: folder.appendingPathComponent("b.md"), encoding: .utf8) == "old b")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.md", "b.md"])
    // A staging folder a killed run left (its process gone) is removed by the next run.
    let stale = folder.appendingPathComponent(".voices-staging-999999999-abc")
    try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: false)
    _ = try ReportBuilder.write([ReportFile(name: "a.md", contents: "new a")], to: folder)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["a.md", "b.md"])
  }

  @Test("a full disk during report writes no file (256 KiB tmpfs; skipped when it cannot be mounted)")
  func reportFullDisk() throws {
    let mount = try Self.folder()
    defer { try? FileManager.default.removeItem(at: mount) }
    guard DecisionLogCrashTests.shell("mount -t tmpfs -o size=256k voices-test '\(mount.path)'") == 0 else {
      print("skipped: a real full disk needs a tmpfs, which only root can mount here")
      return
    }
    defer { _ = DecisionLogCrashTests.shell("umount '\(mount.path)'") }
    _ = try ReportBuilder.write([ReportFile(name: "a.md", contents: "old a"), ReportFile(name: "b.md", contents: "old b")], to: mount)
    let big = [UInt8](repeating: UInt8(ascii: "x"), count: 200 << 10)
    #expect(throws: AtomicFileError.self) {
      try ReportBuilder.write([ReportFile(name: "a.md", bytes: big), ReportFile(name: "b.md", bytes: big)], to: mount)
    }
    #expect(try String(contentsOf: mount.appendingPathComponent("a.md"), encoding: .utf8) == "old a")
    #expect(try String(contentsOf: mount.appendingPathComponent("b.md"), encoding: .utf8) == "old b")
    #expect(try FileManager.default.contentsOfDirectory(atPath: mount.path).sorted() == ["a.md", "b.md"])
  }

  @Test("codebook import refuses a .qdc over 16 MiB before reading it")
  func bigCodebook() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("huge.qdc")
    FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: 200 << 20)  // sparse: 200 MB declared, nothing on disk
    try handle.close()
    #expect(throws: CodebookError.badQDC(file: "huge.qdc", reason: "it is 209715200 bytes; a codebook file is at most 16777216 bytes (16 MiB), so this is not one")) {
      try REFIQDA.importCodebook(contentsOf: url, file: "huge.qdc", name: "huge")
    }
    let run = try BrokenFileTests.runCapped(["codebook", "import", url.path], kilobytes: 400_000)
    #expect(run.status != 0)
    #expect(run.stderr.contains("a codebook file is at most 16777216 bytes"))
  }
}
