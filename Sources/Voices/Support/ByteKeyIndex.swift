/// Numbers byte strings in order of first sight and finds them again by their bytes: an
/// open-addressing table over keys stored end to end, so a lookup hashes and compares bytes and
/// allocates nothing. The `WordCache` keeps two, for words and for runs of letters; the survey
/// loader's `CellsTable`s find rows by their cells with one.
struct ByteKeyIndex: Sendable {
  /// Every key's bytes, back to back: key `i`'s are `keyBytes[keyStart[i]..<keyStart[i + 1]]`.
  private var keyBytes: [UInt8] = []
  private var keyStart: [Int32] = [0]
  /// Open addressing by hash: key number, or -1 for an empty slot; a power of two long.
  private var slots = [Int32](repeating: -1, count: 1024)

  var count: Int { keyStart.count - 1 }

  /// The number of the key with these bytes, if seen.
  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
    return keyBytes.withUnsafeBufferPointer { bytes in
      keyStart.withUnsafeBufferPointer { starts in
        slots.withUnsafeBufferPointer { slots in
          while true {
            let id = slots[slot]
            if id < 0 { return nil }
            let lo = Int(starts[Int(id)]), hi = Int(starts[Int(id) + 1])
            if hi - lo == key.count, Self.equal(bytes, from: lo, key) { return id }
            slot = (slot + 1) & mask
          }
        }
      }
    }
  }

  /// Adds a key not yet present and returns its number (the count before).
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
    if (count + 1) * 2 > slots.count { grow() }
    let id = Int32(count)
    keyBytes.append(contentsOf: key)
    keyStart.append(Int32(keyBytes.count))
    place(id, hash: Self.hash(key))
    return id
  }

  mutating func removeAll() {
    keyBytes.removeAll(keepingCapacity: true)
    keyStart = [0]
    for i in slots.indices { slots[i] = -1 }
  }

  private mutating func place(_ id: Int32, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = id
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    for id in 0..<count {
      let lo = Int(keyStart[id]), hi = Int(keyStart[id + 1])
      let hash = keyBytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
      place(Int32(id), hash: hash)
    }
  }

  /// A 64-bit hash of `bytes`, eight at a time, then a final mix so the low bits (the slot)
  /// depend on every byte.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = (0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
    guard let base = bytes.baseAddress else { return h ^ (h >> 32) }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= bytes.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 29
      i += 8
    }
    h = (h ^ tail(raw + i, count: bytes.count - i)) &* 0x9E37_79B9_7F4A_7C15
    return h ^ (h >> 32)
  }

  /// Whether `bytes[start...]` begins with `key`, eight bytes at a time (most words are short).
  @inline(__always)
  private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let stored = bytes.baseAddress, let wanted = key.baseAddress else { return key.isEmpty }
    let a = UnsafeRawPointer(stored + start), b = UnsafeRawPointer(wanted)
    let n = key.count
    var i = 0
    while i + 8 <= n {
      if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
      i += 8
    }
    return tail(a + i, count: n - i) == tail(b + i, count: n - i)
  }

  /// The last `count` (< 8) bytes of a key as one number, read in at most two overlapping
  /// loads rather than byte by byte (one to three bytes as the first, middle and last, as
  /// wyhash does); every byte counts, so for one count equal numbers mean equal bytes.
  @inline(__always)
  private static func tail(_ p: UnsafeRawPointer, count: Int) -> UInt64 {
    if count >= 4 {
      return UInt64(p.loadUnaligned(as: UInt32.self)) | UInt64(p.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
    }
    guard count > 0 else { return 0 }
    return UInt64(p.load(as: UInt8.self)) | UInt64(p.load(fromByteOffset: count >> 1, as: UInt8.self)) << 8
      | UInt64(p.load(fromByteOffset: count - 1, as: UInt8.self)) << 16
  }
}
