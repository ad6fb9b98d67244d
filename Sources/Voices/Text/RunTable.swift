/// The runs of letters and digits a `WordCache` has seen, found again by their folded bytes,
/// each with eight bytes of the cache's own saying what the run reads as (`WordCache.RunTokens`).
///
/// Every run of every comment is looked up here, so a lookup is built to touch as little as
/// possible: the run's first sixteen bytes are read as two masked 8-byte loads (no loop, no
/// branch on its length), hashed in a few multiplications, and compared with the slot the
/// hash names, itself a 32-byte entry holding those sixteen bytes and the run's value, on
/// half a cache line. A run not among the commonest thus costs one cache miss; kept as keys
/// in one array, entries in another and values in a third (a `ByteKeyIndex` and arrays
/// beside it), it cost four or five, one after another. Only runs longer than sixteen bytes
/// (rare words) keep the rest of their bytes apart, in `longBytes`.
///
/// The slots live in 64-byte aligned memory shared by copies until one of them changes
/// (copy on write), like an array's.
struct RunTable: Sendable {
  struct Entry: Sendable {
    /// Bytes 0..<8 and 8..<16 of the run, little-endian, zero past its end.
    var head: UInt64
    var rest: UInt64
    /// What the run reads as, in the owning cache's terms.
    var value: UInt64
    /// The run's length in bytes; 0 for an empty slot.
    var length: Int32
    /// Where bytes 16... of a longer run are in `longBytes`.
    var longStart: Int32
  }

  typealias Bytes = UnsafeBufferPointer<UInt8>

  /// The slots. Read through `let`s only: reading a class's `var` costs a call to the
  /// runtime's exclusivity check.
  private final class Storage: @unchecked Sendable {
    /// Open addressing by the hash's high bits, a power of two long, at most three quarters full.
    let slots: UnsafeMutablePointer<Entry>
    let capacity: Int
    let shift: UInt64

    init(capacity: Int) {
      self.capacity = capacity
      shift = UInt64(64 - capacity.trailingZeroBitCount)
      slots = UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<Entry>.stride, alignment: 64)
        .bindMemory(to: Entry.self, capacity: capacity)
      slots.initialize(repeating: Entry(head: 0, rest: 0, value: 0, length: 0, longStart: 0), count: capacity)
    }

    deinit { slots.deallocate() }

    /// A table of `capacity` slots holding every run of this one (whose bytes past the
    /// sixteenth are in `longBytes`).
    func copy(capacity: Int, longBytes: [UInt8]) -> Storage {
      let copy = Storage(capacity: capacity)
      for i in 0..<self.capacity where slots[i].length > 0 { copy.place(slots[i], longBytes: longBytes) }
      return copy
    }

    func place(_ e: Entry, longBytes: [UInt8]) {
      let mask = capacity - 1
      var slot = Int(truncatingIfNeeded: RunTable.hash(of: e, longBytes: longBytes) >> shift)
      while slots[slot].length > 0 { slot = (slot + 1) & mask }
      slots[slot] = e
    }
  }

  private var storage = Storage(capacity: 64)
  private var longBytes: [UInt8] = []

  private(set) var count = 0

  /// The value of the run `b[range]`, if it was seen.
  @inline(__always)
  func find(_ b: Bytes, _ range: Range<Int>) -> UInt64? {
    let n = range.count
    let (head, rest) = Self.key(b, range)
    let h = Self.hash(head, rest, n, long: n > 16 ? Bytes(rebasing: b[(range.lowerBound + 16)..<range.upperBound]) : nil)
    let slots = storage.slots, mask = storage.capacity - 1
    var slot = Int(truncatingIfNeeded: h >> storage.shift)
    while true {
      let e = slots[slot]
      if e.length == 0 { return nil }
      if e.head == head, e.rest == rest, e.length == Int32(truncatingIfNeeded: n),
        n <= 16 || longEqual(e, Bytes(rebasing: b[(range.lowerBound + 16)..<range.upperBound])) {
        return e.value
      }
      slot = (slot + 1) & mask
    }
  }

  /// Adds the run `b[range]` (not yet present, not empty) with its value.
  mutating func insert(_ b: Bytes, _ range: Range<Int>, value: UInt64) {
    let full = (count + 1) * 4 > storage.capacity * 3
    if full || !isKnownUniquelyReferenced(&storage) {
      storage = storage.copy(capacity: full ? storage.capacity * 2 : storage.capacity, longBytes: longBytes)
    }
    let n = range.count
    let (head, rest) = Self.key(b, range)
    let longStart = Int32(longBytes.count)
    if n > 16 { longBytes.append(contentsOf: b[(range.lowerBound + 16)..<range.upperBound]) }
    storage.place(Entry(head: head, rest: rest, value: value, length: Int32(n), longStart: longStart), longBytes: longBytes)
    count += 1
  }

  /// Forgets every run, keeping the table's size.
  mutating func removeAll() {
    storage = Storage(capacity: storage.capacity)
    longBytes.removeAll(keepingCapacity: true)
    count = 0
  }

  private func longEqual(_ e: Entry, _ tail: Bytes) -> Bool {
    longBytes[Int(e.longStart)..<(Int(e.longStart) + tail.count)].elementsEqual(tail)
  }

  private static func hash(of e: Entry, longBytes: [UInt8]) -> UInt64 {
    let n = Int(e.length)
    guard n > 16 else { return hash(e.head, e.rest, n, long: nil) }
    return longBytes.withUnsafeBufferPointer { bytes in
      hash(e.head, e.rest, n, long: Bytes(rebasing: bytes[Int(e.longStart)..<(Int(e.longStart) + n - 16)]))
    }
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
