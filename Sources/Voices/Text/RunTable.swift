/// The runs of letters and digits a `WordCache` has seen, found again by their folded bytes,
/// each with eight bytes of the cache's own saying what the run reads as (`WordCache.RunTokens`).
///
/// Every run of every comment is looked up here, so a lookup is built to touch as little as
/// possible: the run's first sixteen bytes are read as two masked 8-byte loads (no loop, no
/// branch on its length), hashed in a few multiplications, and compared with the entry the
/// slot names, a 32-byte entry holding those sixteen bytes and the run's eight bytes of value.
/// A `ByteKeyIndex` kept the bytes apart and the tokens in yet other arrays, so a lookup
/// waited on four or five loads from as many places, one after another. Only runs longer than
/// sixteen bytes (rare words) keep the rest of their bytes apart, in `longBytes`.
///
/// Entries are numbered in order of first sight: the runs a text repeats most, met early, sit
/// together at the front.
struct RunTable: Sendable {
  struct Entry: Sendable {
    /// Bytes 0..<8 and 8..<16 of the run, little-endian, zero past its end.
    var head: UInt64
    var rest: UInt64
    /// What the run reads as, in the owning cache's terms.
    var value: UInt64
    var length: Int32
    /// Where bytes 16... of a longer run are in `longBytes`.
    var longStart: Int32
  }

  typealias Bytes = UnsafeBufferPointer<UInt8>

  private var entries: [Entry] = []
  private var longBytes: [UInt8] = []
  /// Open addressing by the hash's high bits: entry number, or -1 for an empty slot; a power
  /// of two long, at most half full.
  private var slots = [Int32](repeating: -1, count: 1024)
  private var shift: UInt64 = 64 - 10

  var count: Int { entries.count }

  /// The value of the run `b[range]`, if it was seen.
  @inline(__always)
  func find(_ b: Bytes, _ range: Range<Int>) -> UInt64? {
    let n = range.count
    let (head, rest) = Self.key(b, range)
    let h = Self.hash(head, rest, n, long: n > 16 ? Bytes(rebasing: b[(range.lowerBound + 16)..<range.upperBound]) : nil)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: h >> shift)
    while true {
      let id = slots[slot]
      if id < 0 { return nil }
      let e = entries[Int(id)]
      if e.head == head, e.rest == rest, e.length == Int32(truncatingIfNeeded: n),
        n <= 16 || longEqual(e, Bytes(rebasing: b[(range.lowerBound + 16)..<range.upperBound])) {
        return e.value
      }
      slot = (slot + 1) & mask
    }
  }

  /// Adds the run `b[range]` (not yet present) with its value.
  mutating func insert(_ b: Bytes, _ range: Range<Int>, value: UInt64) {
    if (entries.count + 1) * 2 > slots.count { grow() }
    let n = range.count
    let (head, rest) = Self.key(b, range)
    let longStart = Int32(longBytes.count)
    if n > 16 { longBytes.append(contentsOf: b[(range.lowerBound + 16)..<range.upperBound]) }
    entries.append(Entry(head: head, rest: rest, value: value, length: Int32(n), longStart: longStart))
    place(Int32(entries.count - 1))
  }

  mutating func removeAll() {
    entries.removeAll(keepingCapacity: true)
    longBytes.removeAll(keepingCapacity: true)
    for i in slots.indices { slots[i] = -1 }
  }

  private func longEqual(_ e: Entry, _ tail: Bytes) -> Bool {
    longBytes[Int(e.longStart)..<(Int(e.longStart) + tail.count)].elementsEqual(tail)
  }

  private func hash(of e: Entry) -> UInt64 {
    let n = Int(e.length)
    guard n > 16 else { return Self.hash(e.head, e.rest, n, long: nil) }
    return longBytes.withUnsafeBufferPointer { bytes in
      Self.hash(e.head, e.rest, n, long: Bytes(rebasing: bytes[Int(e.longStart)..<(Int(e.longStart) + n - 16)]))
    }
  }

  private mutating func place(_ id: Int32) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash(of: entries[Int(id)]) >> shift)
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = id
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    shift -= 1
    for id in entries.indices { place(Int32(id)) }
  }

  /// Bytes 0..<8 and 8..<16 of `b[range]`, zero past its end: two loads and masks, unless
  /// the sixteen bytes would run past the end of `b` (the text's last word or two).
  @inline(__always)
  static func key(_ b: Bytes, _ range: Range<Int>) -> (UInt64, UInt64) {
    let n = range.count
    guard let base = b.baseAddress else { return (0, 0) }
    let p = UnsafeRawPointer(base + range.lowerBound)
    if range.lowerBound + 16 <= b.count {
      // Each mask keeps the bytes that are there (a shift of less than 64 each time).
      let mask0 = n > 0 ? UInt64.max &>> UInt64((8 - min(n, 8)) * 8) : 0
      let mask1 = n > 8 ? UInt64.max &>> UInt64((16 - min(n, 16)) * 8) : 0
      return (p.loadUnaligned(as: UInt64.self) & mask0, p.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & mask1)
    }
    var head: UInt64 = 0, rest: UInt64 = 0
    for j in 0..<min(n, 16) {
      let byte = UInt64(p.load(fromByteOffset: j, as: UInt8.self)) << (UInt64(j & 7) * 8)
      if j < 8 { head |= byte } else { rest |= byte }
    }
    return (head, rest)
  }

  /// A 64-bit hash of a run from its key words, length and any bytes past the sixteenth; the
  /// high bits (the slot) depend on every one.
  @inline(__always)
  static func hash(_ head: UInt64, _ rest: UInt64, _ n: Int, long: Bytes?) -> UInt64 {
    var h = (head ^ UInt64(truncatingIfNeeded: n)) &* 0x9E37_79B9_7F4A_7C15
    h ^= (rest ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
    if let long { h ^= ByteKeyIndex.hash(long) }
    h ^= h >> 31
    return h &* 0x94D0_49BB_1331_11EB
  }
}
