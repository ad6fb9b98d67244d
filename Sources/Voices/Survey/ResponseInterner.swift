import Foundation

/// Shares one copy of values that many responses repeat, and remembers how a row's measure
/// cells read so the next row with the same cells is not read again.
///
/// Most rows of an export repeat a handful of breakdown combinations ("North", "parent carer")
/// and answer patterns, and each row's dictionary and array would otherwise be its own heap
/// allocation: for a million-row export that is most of the memory held. Swift's copy-on-write
/// lets equal values share storage, so each distinct value is kept once and handed out again.
/// Rows are looked up by their cells' bytes, so a row seen before costs no `String` at all.
/// The tables stop growing at `capacity` entries, so a column of unique values costs a bounded
/// amount; values past that are simply not shared.
struct ResponseInterner {
  static let capacity = 1 << 16
  /// Bound on each measure's table of cells read (a column of free-form numbers could
  /// otherwise grow it without end).
  static let cellCapacity = 1 << 12
  private var breakdownsByCells = CellsTable<[String: String]>(limit: Self.capacity)
  private var answersByCells = CellsTable<[MeasureAnswer]>(limit: Self.capacity)
  /// Per measure (by position in the row plan), the answer each recognised cell reads as.
  private var answerByCell: [CellsTable<MeasureAnswer>] = []
  private var rowKey = CellsKey()
  private var cellKey = CellsKey()

  /// The breakdown values of a row whose breakdown cells were `cells`: the copy made for the
  /// first such row, or `make()`'s.
  mutating func breakdowns(for cells: some Sequence<UnsafeBufferPointer<UInt8>>,
                           make: () -> [String: String]) -> [String: String] {
    rowKey.set(cells)
    if let known = breakdownsByCells.value(for: rowKey) { return known }
    let values = make()
    breakdownsByCells.insert(values, for: rowKey)
    return values
  }

  /// The answers remembered for a row whose measure cells were `cells`; the cells are kept as
  /// the key for a following `rememberAnswers`.
  mutating func answers(for cells: some Sequence<UnsafeBufferPointer<UInt8>>) -> [MeasureAnswer]? {
    rowKey.set(cells)
    return answersByCells.value(for: rowKey)
  }

  /// Remembers the answers read from the cells last given to `answers(for:)`; only answers
  /// that raised no diagnostic, since a row's diagnostics must be reported for that row.
  mutating func rememberAnswers(_ answers: [MeasureAnswer]) {
    answersByCells.insert(answers, for: rowKey)
  }

  /// The answer measure `measure`'s `cell` was read as before, when it was recognised: rows
  /// new as a whole mostly repeat cells already read.
  mutating func answer(measure: Int, cell: UnsafeBufferPointer<UInt8>) -> MeasureAnswer? {
    cellKey.set(CollectionOfOne(cell))
    return measure < answerByCell.count ? answerByCell[measure].value(for: cellKey) : nil
  }

  /// Remembers a recognised answer for the cell last given to `answer(measure:cell:)`.
  mutating func rememberAnswer(_ answer: MeasureAnswer, measure: Int) {
    while answerByCell.count <= measure { answerByCell.append(CellsTable(limit: Self.cellCapacity)) }
    answerByCell[measure].insert(answer, for: cellKey)
  }
}

/// A row's cells as one run of bytes, each cell's length (4 bytes) then its bytes, with a hash
/// over all of it; reused row after row, so making a key allocates nothing. (Copies share
/// their bytes: a key is used in place.)
struct CellsKey {
  private let buffer = ByteBuffer(capacity: 256)
  private(set) var hash: UInt64 = 0

  init() {}

  /// The key of cells given as text (for tests and callers without bytes at hand).
  init(_ cells: [String]) {
    for var cell in cells {
      cell.withUTF8 { bytes in
        buffer.append(UInt32(truncatingIfNeeded: bytes.count))
        buffer.append(bytes)
      }
    }
    hash = Self.hash(buffer.bytes)
  }

  /// Calls `body` with the key's bytes.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    withExtendedLifetime(buffer) { body(buffer.bytes) }
  }

  /// A copy of the key's bytes.
  var byteArray: [UInt8] { withBytes { Array($0) } }

  /// Makes this the key of `cells`.
  mutating func set(_ cells: some Sequence<UnsafeBufferPointer<UInt8>>) {
    buffer.removeAll()
    for cell in cells {
      buffer.append(UInt32(truncatingIfNeeded: cell.count))
      buffer.append(cell)
    }
    hash = Self.hash(buffer.bytes)
  }

  /// A 64-bit hash of `bytes`, eight at a time.
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
    var tail: UInt64 = 0
    while i < bytes.count {
      tail = tail << 8 | UInt64(base[i])
      i += 1
    }
    h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
    return h ^ (h >> 32)
  }
}

/// An open-addressing table from `CellsKey`s to values, keys stored end to end in one array:
/// a lookup hashes and compares bytes and allocates nothing. Holds at most `limit` entries.
struct CellsTable<Value> {
  /// Entry number + 1 per slot; 0 is an empty slot. The count is a power of two.
  private var slots = [Int32](repeating: 0, count: 64)
  private var hashes: [UInt64] = []
  private var keyEnds: [Int] = []
  private var keyBytes: [UInt8] = []
  private var values: [Value] = []
  let limit: Int

  init(limit: Int) { self.limit = limit }

  var count: Int { values.count }

  func value(for key: CellsKey) -> Value? {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: key.hash) & mask
    while true {
      let entry = Int(slots[slot]) - 1
      if entry < 0 { return nil }
      if hashes[entry] == key.hash, keyMatches(entry, key) { return values[entry] }
      slot = (slot + 1) & mask
    }
  }

  /// Adds `value` for `key` unless the table is full; `key` must not be in the table.
  mutating func insert(_ value: Value, for key: CellsKey) {
    guard values.count < limit else { return }
    if (values.count + 1) * 2 > slots.count { grow() }
    hashes.append(key.hash)
    key.withBytes { keyBytes.append(contentsOf: $0) }
    keyEnds.append(keyBytes.count)
    values.append(value)
    place(values.count - 1)
  }

  private func keyMatches(_ entry: Int, _ key: CellsKey) -> Bool {
    let start = entry == 0 ? 0 : keyEnds[entry - 1]
    let length = keyEnds[entry] - start
    return key.withBytes { bytes in
      guard length == bytes.count else { return false }
      guard length > 0 else { return true }
      return keyBytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, bytes.baseAddress!, length) == 0 }
    }
  }

  private mutating func place(_ entry: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(entry + 1)
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    for entry in values.indices { place(entry) }
  }
}
