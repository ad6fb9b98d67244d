import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a whole file so that its path always holds either the old content or the new, never
/// a mix or a partial file: the way every Voices writer puts a user's file on disk.
///
/// The bytes go to a temporary file in the target's own folder (a rename is only atomic
/// within one file system), which is flushed with `fsync` and then renamed over the target;
/// the folder is then synced too, so the rename itself survives a power cut. If anything fails
/// the temporary file is removed and the target is left as it was. An existing target's
/// permission bits are kept; a new file gets 0666 less the process umask
/// (0644 as usual).
public enum AtomicFile {
  /// Writes `bytes` to `url`, replacing any file there atomically.
  ///
  /// - Parameters:
  ///   - bytes: The complete new content.
  ///   - url: A file URL; its folder must exist.
  /// - Throws: `AtomicFileError`, naming the path and the system's reason.
  public static func write(_ bytes: [UInt8], to url: URL) throws(AtomicFileError) {
    try write(to: url) { (fd, path) throws(AtomicFileError) in
      // withUnsafeBytes rethrows untyped errors, so the typed one travels in a Result.
      try bytes.withUnsafeBytes { buffer in
        Result { () throws(AtomicFileError) in try writeAll(buffer, to: fd, path: path) }
      }.get()
    }
  }

  /// Writes `data` to `url`, replacing any file there atomically.
  public static func write(_ data: Data, to url: URL) throws(AtomicFileError) {
    try write(to: url) { (fd, path) throws(AtomicFileError) in
      try data.withUnsafeBytes { buffer in
        Result { () throws(AtomicFileError) in try writeAll(buffer, to: fd, path: path) }
      }.get()
    }
  }

  /// Writes a file too big to hold as one string, piece by piece, still atomically: `produce`
  /// appends text to the `Chunks` it is given, which go to the temporary file a megabyte at a
  /// time.
  ///
  /// - Throws: `AtomicFileError` (a failed write is reported once `produce` returns).
  public static func write(to url: URL, chunks produce: (inout Chunks) -> Void) throws(AtomicFileError) {
    try write(to: url) { (fd, path) throws(AtomicFileError) in
      var chunks = Chunks(descriptor: fd, path: path)
      produce(&chunks)
      chunks.flush()
      if let failure = chunks.failure { throw failure }
    }
  }

  /// Text on its way to a temporary file (see `write(to:chunks:)`).
  public struct Chunks {
    let descriptor: Int32
    let path: String
    var buffer: [UInt8] = []
    var failure: AtomicFileError?

    init(descriptor: Int32, path: String) {
      self.descriptor = descriptor
      self.path = path
      buffer.reserveCapacity(1 << 20)
    }

    public mutating func append(_ text: String) {
      buffer.append(contentsOf: text.utf8)
      if buffer.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
      defer { buffer.removeAll(keepingCapacity: true) }
      guard failure == nil, !buffer.isEmpty else { return }
      let (fd, target) = (descriptor, path)
      failure = buffer.withUnsafeBytes { bytes -> AtomicFileError? in
        do throws(AtomicFileError) { try AtomicFile.writeAll(bytes, to: fd, path: target) } catch { return error }
        return nil
      }
    }
  }

  /// The steps around any content: make the temporary file, let `fill` write to it, sync,
  /// rename. Internal so tests can make `fill` fail part way.
  static func write(
    to url: URL, fill: (_ descriptor: Int32, _ target: String) throws(AtomicFileError) -> Void
  ) throws(AtomicFileError) {
    let target = url.standardizedFileURL.path
    let folder = (target as NSString).deletingLastPathComponent
    let base = (target as NSString).lastPathComponent
    guard !base.isEmpty, !target.hasSuffix("/") else {
      throw .cannotCreateTemporary(path: target, reason: "the path names a folder, not a file")
    }
    var mode: mode_t = 0o666
    var keepMode = false
    var existing = stat()
    if stat(target, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG {
      mode = existing.st_mode & 0o7777
      keepMode = true
    } else if stat(target, &existing) == 0, existing.st_mode & S_IFMT == S_IFDIR {
      throw .cannotCreateTemporary(path: target, reason: "it is a folder; give the name of a file to write")
    }

    let (fd, temporary) = try createTemporary(folder: folder, base: base, mode: mode)
    var renamed = false
    defer {
      if !renamed { unlink(temporary) }
    }
    do {
      try fill(fd, target)
    } catch {
      close(fd)
      throw error
    }
    // An existing file's mode is applied exactly; open() would have masked it with the umask.
    if keepMode { _ = fchmod(fd, mode) }
    if fsync(fd) != 0 {
      let reason = systemReason()
      close(fd)
      throw .writeFailed(path: target, reason: reason)
    }
    // Renamed while still open, so its lock (see `createTemporary`) lasts until it has its name.
    guard rename(temporary, target) == 0 else {
      let reason = systemReason()
      close(fd)
      throw .renameFailed(path: target, reason: reason)
    }
    renamed = true
    if close(fd) != 0 { throw .writeFailed(path: target, reason: systemReason()) }
    syncFolder(folder)
  }

  /// Removes the temporary files (`.NAME.RANDOM.tmp`) that runs killed while writing left in
  /// `folder`, and returns their names.
  ///
  /// A writer holds an exclusive `flock` on its temporary file from creating it until it has
  /// its real name, and the kernel drops the lock when the process dies; so a temporary file
  /// whose lock can be taken, and that is more than a minute old (a writer that has created
  /// the file but not yet locked it is never touched), belongs to no live writer.
  @discardableResult
  public static func removeAbandonedTemporaries(in folder: URL) -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    var removed: [String] = []
    for name in names.sorted() where isTemporaryName(name) {
      let path = folder.appendingPathComponent(name).path
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
        Date().timeIntervalSince(modified) > 60
      else { continue }
      let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
      guard fd >= 0 else { continue }
      defer { close(fd) }
      guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { continue }
      if unlink(path) == 0 { removed.append(name) }
    }
    return removed
  }

  /// Whether `name` has the shape of this type's temporary files: `.BASE.RANDOM.tmp`, where
  /// RANDOM is base-36.
  static func isTemporaryName(_ name: String) -> Bool {
    guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return false }
    let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count >= 2, let random = parts.last, !random.isEmpty else { return false }
    return random.allSatisfy { ("0"..."9").contains($0) || ("a"..."z").contains($0) }
  }

  /// At most this many bytes of a target's name go into its temporary file's name, which adds
  /// about 20 more: a file system allows 255, so a long name must not fail on its temporary.
  static let temporaryBaseBytes = 100

  /// Creates `.<base>.<random>.tmp` beside the target, exclusively (retrying on a name clash),
  /// and locks it (see `removeAbandonedTemporaries`). `base` is cut to `temporaryBaseBytes`.
  private static func createTemporary(folder: String, base: String, mode: mode_t) throws(AtomicFileError) -> (Int32, String) {
    var short = ""
    for character in base {
      guard short.utf8.count + character.utf8.count <= temporaryBaseBytes else { break }
      short.append(character)
    }
    for _ in 0..<16 {
      let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
      let path = (folder as NSString).appendingPathComponent(".\(short).\(suffix).tmp")
      let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
      if fd >= 0 {
        _ = flock(fd, LOCK_EX | LOCK_NB)
        return (fd, path)
      }
      if errno != EEXIST {
        throw .cannotCreateTemporary(path: (folder as NSString).appendingPathComponent(base), reason: systemReason())
      }
    }
    throw .cannotCreateTemporary(path: (folder as NSString).appendingPathComponent(base), reason: "no free temporary name")
  }

  /// Writes every byte of `buffer`, continuing after short writes and interrupted calls.
  static func writeAll(_ buffer: UnsafeRawBufferPointer, to fd: Int32, path: String) throws(AtomicFileError) {
    guard var at = buffer.baseAddress else { return }
    var remaining = buffer.count
    while remaining > 0 {
      let written = systemWrite(fd, at, min(remaining, 1 << 30))
      if written < 0 {
        if errno == EINTR { continue }
        throw .writeFailed(path: path, reason: systemReason())
      }
      at += written
      remaining -= written
    }
  }

  /// Syncs the folder so the rename is on disk; best effort, as some file systems refuse.
  private static func syncFolder(_ folder: String) {
    let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard fd >= 0 else { return }
    _ = fsync(fd)
    close(fd)
  }

  private static func systemReason() -> String {
    String(cString: strerror(errno))
  }
}

/// Why a file could not be written. The target, if it existed, is unchanged.
public enum AtomicFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The temporary file beside the target could not be created (missing folder, no
  /// permission, read-only file system).
  case cannotCreateTemporary(path: String, reason: String)
  /// Writing or flushing the content failed (disk full, I/O error).
  case writeFailed(path: String, reason: String)
  /// The finished file could not be renamed over the target (the target is a folder, or
  /// another process holds it).
  case renameFailed(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotCreateTemporary(let path, let reason):
      "\(path): cannot write: \(reason)"
    case .writeFailed(let path, let reason):
      "\(path): writing failed: \(reason); the file was left as it was"
    case .renameFailed(let path, let reason):
      "\(path): cannot replace the file: \(reason); the file was left as it was"
    }
  }
}

/// The C `write`, reachable under another name inside `AtomicFile` (whose own `write` hides it).
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, buffer, count)
}
