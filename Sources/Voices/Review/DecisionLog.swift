import Foundation

/// The workspace's append-only log of review decisions: `WORKSPACE/review/decisions.jsonl`,
/// one `ReviewDecision` per line (see there for the schema).
///
/// The log is the record of who decided what, so it is never rewritten: new lines are added
/// with `O_APPEND` in one write and `fsync`ed, the file is never truncated or renamed over, and
/// earlier lines stay byte for byte. A correction is a new decision; the latest decision of
/// each reviewer counts (see `FinalCoding`).
public struct DecisionLog: Sendable {
  public let url: URL
  /// The name used in messages.
  public let file: String

  public init(url: URL, file: String) {
    self.url = url
    self.file = file
  }

  /// The log of the workspace at `root`.
  public init(workspaceRoot root: URL, displayName: String = "review/decisions.jsonl") {
    self.init(url: root.appendingPathComponent("review").appendingPathComponent("decisions.jsonl"), file: displayName)
  }

  /// Every decision, in the order they were appended; empty when there is no log yet.
  ///
  /// - Throws: `ReviewError.malformedLog` naming the line that is not a decision (including a
  ///   last line without its newline, which an interrupted write would leave).
  public func read() throws -> [ReviewDecision] {
    guard FileManager.default.fileExists(atPath: url.path) else { return [] }
    let data: Data
    do { data = try Data(contentsOf: url) } catch { throw ReviewError.unreadable(file: file, reason: "\(error.localizedDescription)") }
    let bytes = [UInt8](data)
    var decisions: [ReviewDecision] = []
    let decoder = JSONDecoder()
    var start = 0, line = 0
    while start < bytes.count {
      line += 1
      guard let end = bytes[start...].firstIndex(of: 0x0A) else {
        throw ReviewError.malformedLog(file: file, line: line, reason: "the last line has no newline (an interrupted write?); check it and remove it by hand")
      }
      let slice = Data(bytes[start..<end])
      start = end + 1
      if slice.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
      do {
        decisions.append(try decoder.decode(ReviewDecision.self, from: slice))
      } catch {
        throw ReviewError.malformedLog(file: file, line: line, reason: "not a decision")
      }
    }
    return decisions
  }

  /// Appends `decisions` in one `write` on a descriptor opened with `O_APPEND`, then `fsync`s
  /// it (and the folder when the file is new). Creates `review/` and the file when missing.
  public func append(_ decisions: [ReviewDecision]) throws {
    guard !decisions.isEmpty else { return }
    let folder = url.deletingLastPathComponent()
    do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
      throw ReviewError.unwritable(file: file, reason: "cannot create \(folder.lastPathComponent)/: \(error.localizedDescription)")
    }
    let existed = FileManager.default.fileExists(atPath: url.path)
    let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw ReviewError.unwritable(file: file, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    let bytes = Array(decisions.map(\.jsonLine).joined().utf8)
    let path = url.path
    let failure: String? = bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> String? in
      do { try AtomicFile.writeAll(buffer, to: fd, path: path) } catch { return "\(error)" }
      return nil
    }
    if let failure { throw ReviewError.unwritable(file: file, reason: failure) }
    guard fsync(fd) == 0 else { throw ReviewError.unwritable(file: file, reason: "fsync: " + String(cString: strerror(errno))) }
    if !existed {
      let dir = open(folder.path, O_RDONLY | O_CLOEXEC)
      if dir >= 0 { _ = fsync(dir); close(dir) }
    }
  }
}
