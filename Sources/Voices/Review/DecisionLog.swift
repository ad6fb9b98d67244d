import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The workspace's append-only log of review decisions: `WORKSPACE/review/decisions.jsonl`,
/// one `ReviewDecision` per line (see there for the schema).
///
/// The log is the record of who decided what, so earlier lines are never rewritten. Every
/// reader and writer holds an `flock` on the log while it works (shared to read, exclusive to
/// append or repair), so two `voices review import` runs take turns: the second sees the
/// first's lines and appends none of them again. New lines go in one `O_APPEND` write, then
/// `fsync`. A write that fails part way (a full disk) is cut back to the log's size before it,
/// so the message can say truthfully that nothing was added.
///
/// A crash (kill -9, power cut) can still leave a last line without its newline. The next
/// run that opens the log sets that torn line aside: its bytes are appended to
/// `decisions.set-aside.txt` beside the log, the log is cut back to its last whole line, and
/// the run carries on with a warning (`SetAside`). A last line that is a whole decision
/// missing only its newline (a hand edit) is kept and given its newline.
public struct DecisionLog: Sendable {
  public let url: URL
  /// The name used in messages.
  public let file: String
  /// Writes bytes to a descriptor as `write(2)` does; tests inject a failing one (a full disk).
  var writer: @Sendable (Int32, UnsafeRawBufferPointer) -> Int = systemWrite

  public init(url: URL, file: String) {
    self.url = url
    self.file = file
  }

  /// The log of the workspace at `root`.
  public init(workspaceRoot root: URL, displayName: String = "review/decisions.jsonl") {
    self.init(url: root.appendingPathComponent("review").appendingPathComponent("decisions.jsonl"), file: displayName)
  }

  /// Where torn lines are set aside: `decisions.set-aside.txt` beside the log.
  public var setAsideURL: URL { url.deletingLastPathComponent().appendingPathComponent("decisions.set-aside.txt") }

  /// A torn last line found in the log and left out of the decisions.
  public struct SetAside: Sendable, Equatable, CustomStringConvertible {
    /// The log's name in messages.
    public var file: String
    /// The line's number in the log.
    public var line: Int
    /// Its length in bytes.
    public var bytes: Int
    /// Where its bytes were kept (a path as given in messages), or nil when the log could not
    /// be changed (read-only), so it was only skipped.
    public var keptIn: String?

    public var description: String {
      let what = "\(file):\(line): warning: the last line was cut short (\(bytes) bytes without a newline, left by an interrupted or failed write); it is not a decision and is left out"
      guard let keptIn else { return what + "; the log is read-only, so it stays in the file until a run that can write sets it aside" }
      return what + "; its bytes are kept in \(keptIn)"
    }
  }

  /// What the log holds, and any torn last line set aside on the way.
  public struct Contents: Sendable, Equatable {
    public var decisions: [ReviewDecision]
    public var setAside: SetAside?
  }

  /// What `appendNew` did.
  public struct Appended: Sendable, Equatable {
    /// The decisions the log held before (torn line left out).
    public var existing: [ReviewDecision]
    /// The decisions written, in order.
    public var added: [ReviewDecision]
    /// Decisions given that the log already had (same `ReviewDecision.ContentKey`).
    public var alreadyPresent: Int
    public var setAside: SetAside?
  }

  /// Every decision, in the order they were appended; empty when there is no log yet.
  public func read() throws -> [ReviewDecision] { try load().decisions }

  /// Every decision, setting aside a torn last line first (see the type's discussion).
  ///
  /// - Throws: `ReviewError.malformedLog` naming a whole line that is not a decision (a bad hand
  ///   edit, which only a person can judge); `ReviewError.unreadable` / `unwritable`.
  public func load() throws -> Contents {
    guard FileManager.default.fileExists(atPath: url.path) else { return Contents(decisions: [], setAside: nil) }
    return try withLock(exclusive: true, create: false) { fd, writable in
      let (decisions, setAside) = try repairedContents(fd, writable: writable)
      return Contents(decisions: decisions, setAside: setAside)
    }
  }

  /// Appends those of `decisions` the log does not already hold, under the exclusive lock, so
  /// that concurrent imports of one sheet add each decision once. Creates `review/` and the
  /// log when missing.
  ///
  /// - Throws: `ReviewError.unwritable` saying whether the log is as it was (the failed write
  ///   was cut back) or may end in a partial line (which the next run sets aside).
  public func appendNew(_ decisions: [ReviewDecision]) throws -> Appended {
    let folder = url.deletingLastPathComponent()
    do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
      throw ReviewError.unwritable(file: file, reason: "cannot create \(folder.lastPathComponent)/: \(error.localizedDescription)")
    }
    let existed = FileManager.default.fileExists(atPath: url.path)
    if decisions.isEmpty, !existed { return Appended(existing: [], added: [], alreadyPresent: 0, setAside: nil) }
    let result = try withLock(exclusive: true, create: true) { fd, writable -> Appended in
      guard writable else { throw ReviewError.unwritable(file: file, reason: "permission denied") }
      let (existing, setAside) = try repairedContents(fd, writable: true)
      var seen = Set(existing.map(\.contentKey))
      var result = Appended(existing: existing, added: [], alreadyPresent: 0, setAside: setAside)
      for decision in decisions {
        if seen.insert(decision.contentKey).inserted { result.added.append(decision) } else { result.alreadyPresent += 1 }
      }
      try write(Array(result.added.map(\.jsonLine).joined().utf8), to: fd)
      return result
    }
    if !existed { syncFolder() }
    return result
  }

  /// Appends every one of `decisions`, as `appendNew` does but without leaving out those
  /// already present.
  public func append(_ decisions: [ReviewDecision]) throws {
    guard !decisions.isEmpty else { return }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try withLock(exclusive: true, create: true) { fd, writable in
      guard writable else { throw ReviewError.unwritable(file: file, reason: "permission denied") }
      _ = try repairedContents(fd, writable: true)
      try write(Array(decisions.map(\.jsonLine).joined().utf8), to: fd)
    }
  }

  // MARK: - Locked work

  /// Opens the log (read-write when it can, read-only otherwise), takes the lock and runs
  /// `body` with the descriptor and whether it is writable.
  private func withLock<T>(exclusive: Bool, create: Bool, _ body: (Int32, Bool) throws -> T) throws -> T {
    var writable = true
    var fd = open(url.path, O_RDWR | O_APPEND | O_CLOEXEC | (create ? O_CREAT : 0), 0o644)
    if fd < 0, errno == EACCES || errno == EROFS, !create {
      writable = false
      fd = open(url.path, O_RDONLY | O_CLOEXEC)
    }
    guard fd >= 0 else {
      let reason = String(cString: strerror(errno))
      throw create ? ReviewError.unwritable(file: file, reason: reason) : ReviewError.unreadable(file: file, reason: reason)
    }
    defer { close(fd) }
    var locked: Int32
    repeat { locked = flock(fd, (exclusive && writable) ? LOCK_EX : LOCK_SH) } while locked != 0 && errno == EINTR
    guard locked == 0 else { throw ReviewError.unreadable(file: file, reason: "cannot lock: " + String(cString: strerror(errno))) }
    defer { _ = flock(fd, LOCK_UN) }
    return try body(fd, writable)
  }

  /// The log's decisions, its torn last line set aside (when `writable`) or skipped.
  private func repairedContents(_ fd: Int32, writable: Bool) throws -> ([ReviewDecision], SetAside?) {
    let bytes = try readAll(fd)
    var decisions: [ReviewDecision] = []
    let decoder = JSONDecoder()
    var start = 0, line = 0
    while start < bytes.count {
      line += 1
      guard let end = bytes[start...].firstIndex(of: 0x0A) else {
        // The last line has no newline: a whole decision (hand edit) gets its newline; anything
        // else is a torn write, set aside.
        if let decision = try? decoder.decode(ReviewDecision.self, from: Data(bytes[start...])) {
          decisions.append(decision)
          if writable { try write([0x0A], to: fd) }
          return (decisions, nil)
        }
        let torn = Array(bytes[start...])
        var setAside = SetAside(file: file, line: line, bytes: torn.count, keptIn: nil)
        if writable {
          try keep(torn, tornLine: line)
          guard ftruncate(fd, off_t(start)) == 0, fsync(fd) == 0 else {
            throw ReviewError.unwritable(file: file, reason: "cannot cut the torn last line: " + String(cString: strerror(errno)))
          }
          setAside.keptIn = setAsideName
        }
        return (decisions, setAside)
      }
      let slice = Data(bytes[start..<end])
      start = end + 1
      if slice.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
      do {
        decisions.append(try decoder.decode(ReviewDecision.self, from: slice))
      } catch {
        throw ReviewError.malformedLog(file: file, line: line, reason: "not a decision (edited by hand?); correct or remove this line")
      }
    }
    return (decisions, nil)
  }

  /// The set-aside file's name in messages: beside the log's own name.
  private var setAsideName: String {
    guard let slash = file.lastIndex(of: "/") else { return setAsideURL.lastPathComponent }
    return String(file[...slash]) + setAsideURL.lastPathComponent
  }

  /// Appends a torn line's bytes, with a newline, to the set-aside file and syncs it.
  private func keep(_ torn: [UInt8], tornLine: Int) throws {
    let fd = open(setAsideURL.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw ReviewError.unwritable(file: setAsideName, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    if let failure = writeAll(torn + [0x0A], to: fd, with: systemWrite) ?? (fsync(fd) == 0 ? nil : String(cString: strerror(errno))) {
      throw ReviewError.unwritable(file: setAsideName, reason: failure)
    }
  }

  private func readAll(_ fd: Int32) throws -> [UInt8] {
    guard lseek(fd, 0, SEEK_SET) == 0 else { throw ReviewError.unreadable(file: file, reason: String(cString: strerror(errno))) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { systemRead(fd, $0) }
      if n < 0, errno == EINTR { continue }
      guard n >= 0 else { throw ReviewError.unreadable(file: file, reason: String(cString: strerror(errno))) }
      if n == 0 { return bytes }
      bytes.append(contentsOf: chunk[..<n])
    }
  }

  /// Writes `bytes` at the end of the log and syncs; on failure cuts the log back to its size
  /// before, so that it holds all of the new lines or none of them.
  private func write(_ bytes: [UInt8], to fd: Int32) throws {
    guard !bytes.isEmpty else { return }
    let before = lseek(fd, 0, SEEK_END)
    var failure = writeAll(bytes, to: fd, with: writer)
    if failure == nil, fsync(fd) != 0 { failure = "fsync: " + String(cString: strerror(errno)) }
    guard let failure else { return }
    if before >= 0, ftruncate(fd, before) == 0, fsync(fd) == 0 {
      throw ReviewError.unwritable(file: file, reason: "\(failure); nothing was added, the log is as it was before")
    }
    throw ReviewError.unwritable(
      file: file, reason: "\(failure); the log may now end in a partial line, which the next run sets aside (the lines before it are intact)")
  }

  private func syncFolder() {
    let dir = open(url.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
    if dir >= 0 { _ = fsync(dir); close(dir) }
  }
}

/// `write(2)` on a whole buffer.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int {
  guard let base = buffer.baseAddress else { return 0 }
  return write(fd, base, buffer.count)
}

/// Writes every byte through `writer`, retrying short writes and EINTR.
///
/// - Returns: nil when all were written, else the system's reason.
private func writeAll(_ bytes: [UInt8], to fd: Int32, with writer: (Int32, UnsafeRawBufferPointer) -> Int) -> String? {
  bytes.withUnsafeBytes { buffer -> String? in
    var at = 0
    while at < buffer.count {
      let n = writer(fd, UnsafeRawBufferPointer(rebasing: buffer[at...]))
      if n < 0, errno == EINTR { continue }
      guard n > 0 else { return n == 0 ? "no bytes written" : String(cString: strerror(errno)) }
      at += n
    }
    return nil
  }
}

/// `read(2)` into a buffer (a free function: the log has a `read()` of its own).
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
  read(fd, buffer.baseAddress, buffer.count)
}
