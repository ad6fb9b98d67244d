import Foundation

/// SHA-256 (FIPS 180-4), so every report can name the exact bytes it was built from.
///
/// Provenance records each input file's digest; a reader can run `sha256sum` on the export they
/// hold and see whether it is the one the report used. Written here rather than taken from a
/// crypto library because Voices links nothing beyond Foundation and zlib, and Foundation on
/// Linux has no digest API.
///
/// Feed bytes with `update(_:)` as they arrive and call `finalize()` once; `hash(_:)` and
/// `hash(fileAt:)` do both for a whole buffer or a file streamed in chunks.
struct SHA256: Sendable {
  /// The digest length in bytes.
  static let digestCount = 32

  private static let k: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]

  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  /// Bytes of an unfinished 64-byte block.
  private var pending: [UInt8] = []
  /// Total message length in bytes.
  private var length: UInt64 = 0

  init() { pending.reserveCapacity(64) }

  /// Adds the next bytes of the message.
  mutating func update(_ bytes: UnsafeRawBufferPointer) {
    length &+= UInt64(bytes.count)
    var start = 0
    if !pending.isEmpty {
      let take = min(64 - pending.count, bytes.count)
      pending.append(contentsOf: bytes[0..<take])
      start = take
      guard pending.count == 64 else { return }
      let block = pending
      block.withUnsafeBytes { compress(UnsafeRawBufferPointer(rebasing: $0[0..<64])) }
      pending.removeAll(keepingCapacity: true)
    }
    while bytes.count - start >= 64 {
      compress(UnsafeRawBufferPointer(rebasing: bytes[start..<start + 64]))
      start += 64
    }
    if start < bytes.count { pending.append(contentsOf: bytes[start...]) }
  }

  /// Adds the next bytes of the message.
  mutating func update(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { update($0) }
  }

  /// Pads the message and returns the 32-byte digest; the hasher is spent afterwards.
  mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail: [UInt8] = [0x80]
    let used = (pending.count + 1) % 64
    tail += [UInt8](repeating: 0, count: used <= 56 ? 56 - used : 120 - used)
    for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
    let saved = length
    update(tail)
    length = saved
    var digest: [UInt8] = []
    digest.reserveCapacity(Self.digestCount)
    for word in state {
      digest += [UInt8(word >> 24), UInt8(truncatingIfNeeded: word >> 16), UInt8(truncatingIfNeeded: word >> 8), UInt8(truncatingIfNeeded: word)]
    }
    return digest
  }

  /// One 64-byte block through the compression function (FIPS 180-4 section 6.2.2).
  private mutating func compress(_ block: UnsafeRawBufferPointer) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      for t in 0..<16 {
        let i = t * 4
        w[t] = UInt32(block[i]) << 24 | UInt32(block[i + 1]) << 16 | UInt32(block[i + 2]) << 8 | UInt32(block[i + 3])
      }
      for t in 16..<64 {
        let s0 = w[t - 15].rotatedRight(7) ^ w[t - 15].rotatedRight(18) ^ (w[t - 15] >> 3)
        let s1 = w[t - 2].rotatedRight(17) ^ w[t - 2].rotatedRight(19) ^ (w[t - 2] >> 10)
        w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
      }
      var a = state[0], b = state[1], c = state[2], d = state[3]
      var e = state[4], f = state[5], g = state[6], h = state[7]
      Self.k.withUnsafeBufferPointer { k in
        for t in 0..<64 {
          let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
          let ch = (e & f) ^ (~e & g)
          let t1 = h &+ s1 &+ ch &+ k[t] &+ w[t]
          let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
          let maj = (a & b) ^ (a & c) ^ (b & c)
          let t2 = s0 &+ maj
          h = g; g = f; f = e; e = d &+ t1
          d = c; c = b; b = a; a = t1 &+ t2
        }
      }
      state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
      state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
    }
  }
}

extension SHA256 {
  /// The digest of `bytes`.
  static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize()
  }

  /// The digest of a file, read in chunks so a large export never sits whole in memory.
  ///
  /// - Parameters:
  ///   - url: The file to read.
  ///   - chunkSize: Bytes read at a time.
  /// - Throws: `SHA256Error.unreadable` if the file cannot be opened or read.
  static func hash(fileAt url: URL, chunkSize: Int = 1 << 16) throws(SHA256Error) -> [UInt8] {
    let handle: FileHandle
    do { handle = try FileHandle(forReadingFrom: url) } catch {
      throw .unreadable(path: url.path, reason: error.localizedDescription)
    }
    defer { try? handle.close() }
    var hasher = SHA256()
    while true {
      let chunk: Data?
      do { chunk = try handle.read(upToCount: max(1, chunkSize)) } catch {
        throw .unreadable(path: url.path, reason: error.localizedDescription)
      }
      guard let chunk, !chunk.isEmpty else { break }
      chunk.withUnsafeBytes { hasher.update($0) }
    }
    return hasher.finalize()
  }

  /// Lower-case hexadecimal, as `sha256sum` prints it.
  static func hex(_ digest: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(digest.count * 2)
    for byte in digest {
      out.append(digits[Int(byte >> 4)])
      out.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Why a file's digest could not be taken.
enum SHA256Error: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(path: String, reason: String)

  var description: String {
    switch self {
    case .unreadable(let path, let reason): "\(path): cannot read file to take its SHA-256 (\(reason))"
    }
  }
}

extension UInt32 {
  @inline(__always) fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { (self >> n) | (self << (32 &- n)) }
}
