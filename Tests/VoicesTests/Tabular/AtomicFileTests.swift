import Foundation
import Testing
@testable import Voices

/// A fresh folder per test, removed afterwards.
private struct Scratch {
  let folder: URL
  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("voices-atomic-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }
  func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
  func listing() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }
  func remove() { try? FileManager.default.removeItem(at: folder) }
}

/// Collects what a concurrent reader saw.
private final class Observations: @unchecked Sendable {
  private let lock = NSLock()
  private var seen: [String] = []
  func add(_ value: String) { lock.withLock { seen.append(value) } }
  var all: [String] { lock.withLock { seen } }
}

@Suite("Atomic file") struct AtomicFileTests {
  @Test("writes a new file and replaces an old one, leaving nothing else behind")
  func writeAndReplace() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let url = scratch.url("out.csv")
    try AtomicFile.write(Array("first\n".utf8), to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "first\n")
    try AtomicFile.write(Data("second\n".utf8), to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == "second\n")
    try AtomicFile.write([], to: url)
    #expect(try Data(contentsOf: url).isEmpty)
    #expect(try scratch.listing() == ["out.csv"])
  }

  @Test("a write that fails part way leaves the old file intact and no temporary file")
  func failedWrite() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let url = scratch.url("report.html")
    try AtomicFile.write(Array("old content".utf8), to: url)
    #expect(throws: AtomicFileError.writeFailed(path: url.path, reason: "disk full (simulated)")) {
      try AtomicFile.write(to: url) { (fd, target) throws(AtomicFileError) in
        let half = Array("new cont".utf8)
        try half.withUnsafeBytes { buffer in
          Result { () throws(AtomicFileError) in try AtomicFile.writeAll(buffer, to: fd, path: target) }
        }.get()
        throw .writeFailed(path: target, reason: "disk full (simulated)")
      }
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == "old content")
    #expect(try scratch.listing() == ["report.html"])
  }

  @Test("a target that is a folder is refused before any temporary file is made")
  func failedRename() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let target = scratch.url("taken")
    try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
    #expect(throws: AtomicFileError.cannotCreateTemporary(path: target.path, reason: "it is a folder; give the name of a file to write")) {
      try AtomicFile.write(Array("x".utf8), to: target)
    }
    #expect(try scratch.listing() == ["taken"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["inside"])
  }

  @Test("a missing folder is reported, not created")
  func missingFolder() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let url = scratch.url("no-such-folder/out.csv")
    #expect(throws: AtomicFileError.cannotCreateTemporary(path: url.path, reason: "No such file or directory")) {
      try AtomicFile.write([1, 2, 3], to: url)
    }
    #expect(try scratch.listing().isEmpty)
    #expect(
      AtomicFileError.cannotCreateTemporary(path: "/x/out.csv", reason: "No such file or directory").description
        == "/x/out.csv: cannot write: No such file or directory")
  }

  @Test("an existing file keeps its permissions")
  func keepsMode() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let url = scratch.url("private.csv")
    try AtomicFile.write(Array("a".utf8), to: url)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    try AtomicFile.write(Array("b".utf8), to: url)
    let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
  }

  @Test("a reader running alongside the writer only ever sees a whole old or whole new file")
  func concurrentReader() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let url = scratch.url("shared.txt")
    let a = [UInt8](repeating: UInt8(ascii: "a"), count: 256 << 10)
    let b = [UInt8](repeating: UInt8(ascii: "b"), count: 256 << 10)
    try AtomicFile.write(a, to: url)
    let observations = Observations()
    DispatchQueue.concurrentPerform(iterations: 2) { worker in
      if worker == 0 {
        for round in 0..<40 { try? AtomicFile.write(round.isMultiple(of: 2) ? b : a, to: url) }
      } else {
        for _ in 0..<200 {
          guard let data = try? Data(contentsOf: url) else {
            observations.add("unreadable")
            continue
          }
          let bytes = [UInt8](data)
          observations.add(bytes == a ? "a" : bytes == b ? "b" : "torn (\(bytes.count) bytes)")
        }
      }
    }
    let seen = Set(observations.all)
    #expect(seen.isSubset(of: ["a", "b"]), "saw \(seen)")
    #expect(try scratch.listing() == ["shared.txt"])
  }
}
