import Foundation

/// Raw bytes of a file or an in-memory buffer, handed out in chunks.
///
/// The file form reads with `read(2)` into a fresh chunk each time, so memory stays at one
/// chunk whatever the file's size; `rewind()` lets the reader pre-scan a file for UTF-8
/// validity and then parse it.
struct CSVByteSource {
  private enum Storage {
    case file(descriptor: Int32)
    case memory([UInt8])
  }

  /// Default chunk size for files: 1 MiB.
  static let defaultChunkSize = 1 << 20

  let file: String
  let chunkSize: Int
  private let storage: Storage
  private var position = 0

  /// Opens `url` for reading.
  ///
  /// - Throws: `CSVError.unreadableFile` with the operating system's reason.
  init(contentsOf url: URL, file: String, chunkSize: Int = defaultChunkSize) throws {
    let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw CSVError.unreadableFile(file: file, reason: Self.systemReason())
    }
    var info = stat()
    if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
      close(descriptor)
      throw CSVError.unreadableFile(file: file, reason: "Is a directory")
    }
    self.file = file
    self.chunkSize = max(1, chunkSize)
    self.storage = .file(descriptor: descriptor)
  }

  init(bytes: [UInt8], file: String, chunkSize: Int = Int.max) {
    self.file = file
    self.chunkSize = max(1, chunkSize)
    self.storage = .memory(bytes)
  }

  /// Closes the file, if any. Call once when done.
  func closeFile() {
    if case .file(let descriptor) = storage { _ = close(descriptor) }
  }

  /// The next chunk, or nil at the end.
  mutating func next() throws -> [UInt8]? {
    switch storage {
    case .memory(let bytes):
      guard position < bytes.count else { return nil }
      if position == 0, chunkSize >= bytes.count {
        position = bytes.count
        return bytes
      }
      let end = position + min(chunkSize, bytes.count - position)
      defer { position = end }
      return Array(bytes[position..<end])
    case .file(let descriptor):
      var failure: Int32 = 0
      let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
        count = 0
        while true {
          let got = read(descriptor, buffer.baseAddress, chunkSize)
          if got >= 0 {
            count = got
            return
          }
          if errno != EINTR {
            failure = errno
            return
          }
        }
      }
      if failure != 0 {
        throw CSVError.unreadableFile(file: file, reason: String(cString: strerror(failure)))
      }
      if chunk.isEmpty { return nil }
      position += chunk.count
      return chunk
    }
  }

  /// Goes back to the first byte.
  mutating func rewind() throws {
    position = 0
    if case .file(let descriptor) = storage, lseek(descriptor, 0, SEEK_SET) != 0 {
      throw CSVError.unreadableFile(file: file, reason: Self.systemReason())
    }
  }

  private static func systemReason() -> String { String(cString: strerror(errno)) }
}
