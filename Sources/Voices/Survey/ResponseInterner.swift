/// Shares one copy of values that many responses repeat, and remembers how a row's measure
/// cells read so the next row with the same cells is not read again.
///
/// Most rows of an export repeat a handful of breakdown combinations ("North", "parent carer")
/// and answer patterns, and each row's dictionary and array would otherwise be its own heap
/// allocation: for a million-row export that is most of the memory held. Swift's copy-on-write
/// lets equal values share storage, so each distinct value is kept once and handed out again.
/// The tables stop growing at `capacity` entries, so a column of unique values costs a bounded
/// amount; values past that are simply not shared.
struct ResponseInterner {
  static let capacity = 1 << 16
  private var breakdownsByCells: [CellsKey: [String: String]] = [:]
  private var answersByCells: [CellsKey: [MeasureAnswer]] = [:]

  /// The breakdown values of a row whose breakdown cells were exactly `cells`: the copy made
  /// for the first such row, or `make()`'s (hashing the cells is cheaper than the dictionary).
  mutating func breakdowns(for cells: [String], make: () -> [String: String]) -> [String: String] {
    let key = CellsKey(cells)
    if let known = breakdownsByCells[key] { return known }
    let values = make()
    if breakdownsByCells.count < Self.capacity { breakdownsByCells[key] = values }
    return values
  }

  /// The answers remembered for a row whose measure cells were exactly `cells`.
  func answers(for cells: [String]) -> [MeasureAnswer]? { answersByCells[CellsKey(cells)] }

  /// Remembers the answers read from `cells`; only answers that raised no diagnostic, since a
  /// row's diagnostics must be reported for that row.
  mutating func remember(_ answers: [MeasureAnswer], for cells: [String]) {
    if answersByCells.count < Self.capacity { answersByCells[CellsKey(cells)] = answers }
  }
}

/// A row's cells as a dictionary key, hashed once over their bytes, eight at a time, and
/// handed to `Hasher` as one number: hashed by `Hasher` string by string, two lookups per row
/// were a fifth of the time taken to load an export.
struct CellsKey: Hashable {
  let cells: [String]
  let hash: UInt64

  init(_ cells: [String]) {
    self.cells = cells
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for var cell in cells {
      h = cell.withUTF8 { Self.mix(h, $0) }
    }
    hash = h
  }

  /// Folds one cell's length and bytes into `h` (the length keeps `["ab", "c"]` and
  /// `["a", "bc"]` apart).
  static func mix(_ h: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var h = (h ^ UInt64(bytes.count)) &* 0x9E37_79B9_7F4A_7C15
    guard let base = bytes.baseAddress else { return h ^ (h >> 32) }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i + 8 <= bytes.count {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
      h ^= h >> 29
      i += 8
    }
    var tail: UInt64 = 0
    while i < bytes.count {
      tail = tail << 8 | UInt64(base[i])
      i += 1
    }
    h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
    return h ^ (h >> 32)
  }

  func hash(into hasher: inout Hasher) { hasher.combine(hash) }

  static func == (a: CellsKey, b: CellsKey) -> Bool { a.hash == b.hash && a.cells == b.cells }
}
