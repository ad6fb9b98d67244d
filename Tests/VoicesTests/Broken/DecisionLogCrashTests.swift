import Foundation
import Testing
@testable import Voices

#if canImport(Glibc)
  import Glibc
#endif

/// The decisions log under the failures a tired officer meets: a full disk, a kill while it
/// grows, two imports at once. No decision is lost or written twice, a torn last line is set
/// aside with a warning, and the next `code`, `report` or `import` is never blocked.
@Suite("Decisions log under crashes and full disks", .serialized) struct DecisionLogCrashTests {
  static func decision(_ i: Int) -> ReviewDecision {
    ReviewDecision(at: "2025-03-01T09:00:00Z", reviewer: "AB", verdict: .agree, theme: "waiting",
                   key: CommentKey(wave: "2025", responseId: "r\(i)", question: "what-is-hard"), comment: "",
                   sheet: "sheet.csv", sheetSHA256: "00", row: i + 1)
  }

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("voices-log-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func lines(_ url: URL) throws -> [String] {
    String(decoding: try Data(contentsOf: url), as: UTF8.self).split(separator: "\n").map(String.init)
  }

  @Test("a torn last line is set aside with a warning, the log cut back to its whole lines, once")
  func tornLineSetAside() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = DecisionLog(url: folder.appendingPathComponent("decisions.jsonl"), file: "review/decisions.jsonl")
    try log.append([Self.decision(1), Self.decision(2)])
    let whole = try Data(contentsOf: log.url)
    let torn = Array(Self.decision(3).jsonLine.utf8.prefix(40))
    let handle = try FileHandle(forWritingTo: log.url)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(torn))
    try handle.close()

    let contents = try log.load()
    #expect(contents.decisions == [Self.decision(1), Self.decision(2)])
    let setAside = try #require(contents.setAside)
    #expect(setAside == DecisionLog.SetAside(file: "review/decisions.jsonl", line: 3, bytes: 40, keptIn: "review/decisions.set-aside.txt"))
    #expect(setAside.description == "review/decisions.jsonl:3: warning: the last line was cut short (40 bytes without a newline, left by an interrupted or failed write); it is not a decision and is left out; its bytes are kept in review/decisions.set-aside.txt")
    #expect(try Data(contentsOf: log.url) == whole)
    #expect(try Data(contentsOf: log.setAsideURL) == Data(torn + [0x0A]))
    // Reported once: the next run finds a whole log, and appends after it.
    #expect(try log.load().setAside == nil)
    let appended = try log.appendNew([Self.decision(2), Self.decision(3)])
    #expect(appended.added == [Self.decision(3)] && appended.alreadyPresent == 1)
    #expect(try log.read() == [1, 2, 3].map(Self.decision))
  }

  @Test("a whole decision missing only its newline (a hand edit) is kept and given its newline")
  func handEditKept() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = DecisionLog(url: folder.appendingPathComponent("decisions.jsonl"), file: "decisions.jsonl")
    try Data(Self.decision(1).jsonLine.dropLast().utf8).write(to: log.url)
    let contents = try log.load()
    #expect(contents.decisions == [Self.decision(1)] && contents.setAside == nil)
    #expect(try Data(contentsOf: log.url) == Data(Self.decision(1).jsonLine.utf8))
    #expect(!FileManager.default.fileExists(atPath: log.setAsideURL.path))
  }

  @Test("a write failing part way (ENOSPC, injected) is cut back: the message says nothing was added, and it is true")
  func injectedFullDisk() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var log = DecisionLog(url: folder.appendingPathComponent("decisions.jsonl"), file: "decisions.jsonl")
    try log.append([Self.decision(1)])
    let before = try Data(contentsOf: log.url)
    // Writes 1,000 bytes, then the disk is full.
    log.writer = { fd, buffer in
      let size = lseek(fd, 0, SEEK_END)
      guard size < off_t(before.count + 1000) else { errno = ENOSPC; return -1 }
      return write(fd, buffer.baseAddress, min(buffer.count, before.count + 1000 - Int(size)))
    }
    #expect(throws: ReviewError.unwritable(file: "decisions.jsonl", reason: "No space left on device; nothing was added, the log is as it was before")) {
      try log.appendNew((2...40).map(Self.decision))
    }
    #expect(try Data(contentsOf: log.url) == before)
  }

  @Test("a real full disk (a 256 KiB tmpfs): nothing half-written, and the next import after space is freed adds everything once")
  func tmpfsFullDisk() throws {
    let mount = try Self.folder()
    defer { try? FileManager.default.removeItem(at: mount) }
    guard Self.shell("mount -t tmpfs -o size=256k voices-test '\(mount.path)'") == 0 else {
      print("skipped: a real full disk needs a tmpfs, which only root can mount here (the injected ENOSPC test covers the logic)")
      return
    }
    defer { _ = Self.shell("umount '\(mount.path)'") }
    let log = DecisionLog(url: mount.appendingPathComponent("decisions.jsonl"), file: "decisions.jsonl")
    try log.append((1...10).map(Self.decision))
    let before = try Data(contentsOf: log.url)
    // Fill the disk, leaving about 8 KiB: room for some of the 390 new lines (110 KB), not all.
    let filler = mount.appendingPathComponent("filler")
    FileManager.default.createFile(atPath: filler.path, contents: Data(count: 244 * 1024))
    let many = (1...400).map(Self.decision)
    #expect {
      try log.appendNew(many)
    } throws: { error in
      "\(error)".hasSuffix("nothing was added, the log is as it was before") && "\(error)".contains("No space left on device")
    }
    #expect(try Data(contentsOf: log.url) == before)
    try FileManager.default.removeItem(at: filler)
    let appended = try log.appendNew(many)
    #expect(appended.added.count == 390 && appended.alreadyPresent == 10)
    #expect(try log.read() == many)
  }

  @Test("eight appends of the same decisions at once write each decision once (flock)")
  func concurrentAppends() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = DecisionLog(url: folder.appendingPathComponent("decisions.jsonl"), file: "decisions.jsonl")
    let decisions = (1...500).map(Self.decision)
    DispatchQueue.concurrentPerform(iterations: 8) { _ in _ = try? log.appendNew(decisions) }
    #expect(try log.read() == decisions)
  }

  static func shell(_ command: String) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  // MARK: - Through the binary

  /// A workspace of 1,500 comments and a filled-in review sheet deciding every row.
  static func reviewedWorkspace() throws -> (workspace: URL, sheet: URL, rows: Int) {
    let scratch = try folder()
    let workspace = scratch.appendingPathComponent("ws")
    #expect(try VoicesRun.run(["init", workspace.path]).status == 0)
    let phrases = ["we are still waiting for speech therapy", "the school does not support him", "my daughter has no friends",
                   "nobody explains how the system works", "the taxi is always late", "anxiety is getting worse"]
    var text = "ID,Timestamp,What is hard\n"
    for i in 1...1500 { text += "\(i),2025-02-14 09:30:00,\"\(phrases[i % 6]) and \(phrases[(i / 6) % 6]) (\(i))\"\n" }
    let export = scratch.appendingPathComponent("survey-2025.csv")
    try Data(text.utf8).write(to: export)
    #expect(try VoicesRun.run(["add", export.path, workspace.path]).status == 0)
    let exported = scratch.appendingPathComponent("sheet.csv")
    #expect(try VoicesRun.run(["review", "export", workspace.path, "--out", exported.path]).status == 0)
    var rows = try CSVReader.read(contentsOf: exported, file: "sheet.csv").rows
    let column = { (name: String) in ReviewSheet.headers.firstIndex(of: name) ?? -1 }
    for i in rows.indices.dropFirst() {
      if rows[i][column("Proposed theme")].isEmpty { rows[i][column("Add theme")] = "school" } else { rows[i][column("Agree?")] = "agree" }
      rows[i][column("Initials")] = "AB"
    }
    let sheet = scratch.appendingPathComponent("filled.csv")
    try Data(TableWriter.csv(rows).utf8).write(to: sheet)
    return (workspace, sheet, rows.count - 1)
  }

  /// Every line of the log is a decision and no decision appears twice.
  static func checkLog(_ url: URL, expecting count: Int) throws {
    let lines = try lines(url)
    #expect(lines.count == count)
    #expect(Set(lines).count == lines.count, "duplicate lines")
    let decoder = JSONDecoder()
    for line in lines { #expect(throws: Never.self) { try decoder.decode(ReviewDecision.self, from: Data(line.utf8)) } }
  }

  @Test("voices review import killed (SIGKILL) as the log grows: the next import and code run, every decision once")
  func killedImports() throws {
    let (workspace, sheet, rows) = try Self.reviewedWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace.deletingLastPathComponent()) }
    let log = workspace.appendingPathComponent("review/decisions.jsonl")
    var kills = 0, torn = 0
    for _ in 0..<4 {
      try? FileManager.default.removeItem(at: log)
      let process = Process()
      process.executableURL = VoicesRun.binary
      process.arguments = ["review", "import", sheet.path, workspace.path]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      // Kill as soon as the log has any bytes: while it grows or just after.
      var size = 0
      while process.isRunning {
        size = ((try? FileManager.default.attributesOfItem(atPath: log.path))?[.size] as? Int) ?? 0
        if size > 0 { break }
        usleep(200)
      }
      if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        kills += 1
      }
      process.waitUntilExit()
      if let data = try? Data(contentsOf: log), data.last != 0x0A, !data.isEmpty { torn += 1 }

      let code = try VoicesRun.run(["code", workspace.path])
      #expect(code.status == 0, "\(code.stderr)")
      let again = try VoicesRun.run(["review", "import", sheet.path, workspace.path])
      #expect(again.status == 0, "\(again.stderr)")
      #expect(again.stdout.contains("0 errors"))
      try Self.checkLog(log, expecting: rows)
    }
    #expect(kills >= 1, "no import was still running when its log first grew")
    print("decisions log: \(kills) imports killed, \(torn) left a torn last line, each set aside by the next run")
  }

  @Test("two voices review import of the same sheet at once append each decision once")
  func concurrentImports() throws {
    let (workspace, sheet, rows) = try Self.reviewedWorkspace()
    defer { try? FileManager.default.removeItem(at: workspace.deletingLastPathComponent()) }
    let processes = (0..<2).map { _ -> Process in
      let process = Process()
      process.executableURL = VoicesRun.binary
      process.arguments = ["review", "import", sheet.path, workspace.path]
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return process
    }
    for process in processes { try process.run() }
    for process in processes { process.waitUntilExit() }
    #expect(processes.allSatisfy { $0.terminationStatus == 0 })
    try Self.checkLog(workspace.appendingPathComponent("review/decisions.jsonl"), expecting: rows)
  }
}
