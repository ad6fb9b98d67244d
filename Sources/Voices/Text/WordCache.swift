/// Per-thread memory of the words a ``TextAnalyzer`` has seen: each distinct word's `String`
/// form and stem, found by its bytes, so a word is folded, stemmed and turned into `String`s
/// once, not once per occurrence, and a comment is analysed without allocating per word.
///
/// Words are numbered in order of first sight (their `Token.wordID`), so callers can keep
/// per-word results in an array indexed by that number; the numbers stay valid until the
/// cache is emptied, which `generation` counts. Keep one cache per thread.
public struct WordCache: Sendable {
  struct Entry: Sendable {
    var text: String
    var stem: String
  }

  private(set) var entries: [Entry] = []
  /// Per word, the number of the ``Abbreviations`` list of domain phrases starting with its
  /// stem (-1: none); beside `entries`, not in them, so reading it copies no strings.
  private(set) var abbreviationLists: [Int32] = []
  /// Every key's bytes, back to back: entry `i`'s are `keyBytes[keyStart[i]..<keyStart[i + 1]]`.
  private var keyBytes: [UInt8] = []
  private var keyStart: [Int32] = [0]
  /// Open addressing by hash: entry number, or -1 for an empty slot; a power of two long.
  private var slots = [Int32](repeating: -1, count: 1024)
  /// Scratch for stemming a new word.
  var buffer: [UInt8] = []
  /// Changes each time the cache is emptied (word numbers start again from 0).
  private(set) var generation = 0

  public init() {}

  /// The number of the word with these bytes, if seen.
  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
    return keyBytes.withUnsafeBufferPointer { bytes in
      while true {
        let id = slots[slot]
        if id < 0 { return nil }
        let lo = Int(keyStart[Int(id)]), hi = Int(keyStart[Int(id) + 1])
        if hi - lo == key.count, Self.equal(bytes, from: lo, key) { return id }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Adds a word not yet in the cache and returns its number.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ entry: Entry, abbreviationList: Int32 = -1) -> Int32 {
    if (entries.count + 1) * 2 > slots.count { grow() }
    let id = Int32(entries.count)
    entries.append(entry)
    abbreviationLists.append(abbreviationList)
    keyBytes.append(contentsOf: key)
    keyStart.append(Int32(keyBytes.count))
    place(id, hash: Self.hash(key))
    return id
  }

  /// Empties the cache when it holds `limit` words, so varied input cannot grow it forever.
  mutating func bound(_ limit: Int) {
    guard entries.count >= limit else { return }
    entries.removeAll(keepingCapacity: true)
    abbreviationLists.removeAll(keepingCapacity: true)
    keyBytes.removeAll(keepingCapacity: true)
    keyStart = [0]
    for i in slots.indices { slots[i] = -1 }
    generation += 1
  }

  private mutating func place(_ id: Int32, hash: UInt64) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = id
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    for id in entries.indices {
      let lo = Int(keyStart[id]), hi = Int(keyStart[id + 1])
      let hash = keyBytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[lo..<hi])) }
      place(Int32(id), hash: hash)
    }
  }

  /// FNV-1a, then a final mix so the low bits (the slot) depend on every byte.
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    h ^= h >> 29
    h = h &* 0xbf58_476d_1ce4_e5b9
    return h ^ (h >> 32)
  }

  @inline(__always)
  private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    for i in 0..<key.count where bytes[start + i] != key[i] { return false }
    return true
  }
}
