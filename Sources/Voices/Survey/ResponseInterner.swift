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

/// A row's cells as one run of bytes, each cell's length (4 bytes) then its bytes; reused row
/// after row, so making a key allocates nothing. (Copies share their bytes: a key is used in
/// place.)
struct CellsKey {
  private let buffer = ByteBuffer(capacity: 256)

  init() {}

  /// The key of cells given as text (for tests and callers without bytes at hand).
  init(_ cells: [String]) {
    for var cell in cells {
      cell.withUTF8 { bytes in
        buffer.append(UInt32(truncatingIfNeeded: bytes.count))
        buffer.append(bytes)
      }
    }
  }

  /// Calls `body` with the key's bytes.
  func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    withExtendedLifetime(buffer) { body(buffer.bytes) }
  }

  /// A copy of the key's bytes.
  var byteArray: [UInt8] { withBytes { Array($0) } }

  /// The hash the table files the key under.
  var hash: UInt64 { withBytes(ByteKeyIndex.hash) }

  /// Makes this the key of `cells`.
  mutating func set(_ cells: some Sequence<UnsafeBufferPointer<UInt8>>) {
    buffer.removeAll()
    for cell in cells {
      buffer.append(UInt32(truncatingIfNeeded: cell.count))
      buffer.append(cell)
    }
  }
}

/// A table from `CellsKey`s to values, holding at most `limit` entries: the keys numbered by a
/// `ByteKeyIndex`, the values by the same numbers.
struct CellsTable<Value> {
  private var keys = ByteKeyIndex()
  private var values: [Value] = []
  let limit: Int

  init(limit: Int) { self.limit = limit }

  var count: Int { values.count }

  func value(for key: CellsKey) -> Value? {
    key.withBytes { keys.find($0) }.map { values[Int($0)] }
  }

  /// Adds `value` for `key` unless the table is full; `key` must not be in the table.
  mutating func insert(_ value: Value, for key: CellsKey) {
    guard values.count < limit else { return }
    _ = key.withBytes { keys.insert($0) }
    values.append(value)
  }
}
