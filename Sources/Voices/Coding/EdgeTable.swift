/// A read-only map from 64-bit keys to `Int32`, by open addressing with a multiplicative hash.
///
/// The phrase trie's edges are looked up once per token and live state, the hottest lookup
/// after the root's; `Dictionary` would run SipHash on every one. Keys are `node << 32 | term`
/// with node > 0, so `UInt64.max` is free to mark an empty slot.
struct EdgeTable: Sendable {
  private var keys: [UInt64]
  private var values: [Int32]
  private let shift: UInt64
  private let mask: Int

  init(_ entries: [UInt64: Int32]) {
    var bits = 4
    while 1 << bits < entries.count * 2 { bits += 1 }
    let size = 1 << bits
    keys = Array(repeating: .max, count: size)
    values = Array(repeating: -1, count: size)
    shift = UInt64(64 - bits)
    mask = size - 1
    // Sorted, so the layout (and any probe sequence) is the same on every run.
    for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
      var slot = slotFor(key)
      while keys[slot] != .max { slot = (slot + 1) & mask }
      keys[slot] = key
      values[slot] = value
    }
  }

  @inline(__always) private func slotFor(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  @inline(__always) subscript(key: UInt64) -> Int32? {
    var slot = slotFor(key)
    while true {
      let k = keys[slot]
      if k == key { return values[slot] }
      if k == .max { return nil }
      slot = (slot + 1) & mask
    }
  }
}
