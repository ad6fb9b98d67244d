/// A read-only map from 64-bit keys to `Int32`, by open addressing with a multiplicative hash.
///
/// The phrase trie's edges are looked up once per token and live state, the hottest lookup
/// after the root's; `Dictionary` would run SipHash on every one. Keys are `node << 32 | term`
/// with node > 0, so `UInt64.max` is free to mark an empty slot.
struct EdgeTable: Sendable {
  /// Key and value side by side, so a lookup touches one cache line, not two.
  private var slots: [(key: UInt64, value: Int32)]
  private let shift: UInt64
  private let mask: Int

  init(_ entries: [UInt64: Int32]) {
    var bits = 4
    while 1 << bits < entries.count * 2 { bits += 1 }
    let size = 1 << bits
    slots = Array(repeating: (.max, -1), count: size)
    shift = UInt64(64 - bits)
    mask = size - 1
    // Sorted, so the layout (and any probe sequence) is the same on every run.
    for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
      var slot = slotFor(key)
      while slots[slot].key != .max { slot = (slot + 1) & mask }
      slots[slot] = (key, value)
    }
  }

  @inline(__always) private func slotFor(_ key: UInt64) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
  }

  @inline(__always) subscript(key: UInt64) -> Int32? {
    var slot = slotFor(key)
    while true {
      let entry = slots[slot]
      if entry.key == key { return entry.value }
      if entry.key == .max { return nil }
      slot = (slot + 1) & mask
    }
  }
}
