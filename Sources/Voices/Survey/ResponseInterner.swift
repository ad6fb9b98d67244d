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
  private var breakdownsByCells: [[String]: [String: String]] = [:]
  private var answersByCells: [[String]: [MeasureAnswer]] = [:]

  /// The breakdown values of a row whose breakdown cells were exactly `cells`: the copy made
  /// for the first such row, or `make()`'s (hashing the cells is cheaper than the dictionary).
  mutating func breakdowns(for cells: [String], make: () -> [String: String]) -> [String: String] {
    if let known = breakdownsByCells[cells] { return known }
    let values = make()
    if breakdownsByCells.count < Self.capacity { breakdownsByCells[cells] = values }
    return values
  }

  /// The answers remembered for a row whose measure cells were exactly `cells`.
  func answers(for cells: [String]) -> [MeasureAnswer]? { answersByCells[cells] }

  /// Remembers the answers read from `cells`; only answers that raised no diagnostic, since a
  /// row's diagnostics must be reported for that row.
  mutating func remember(_ answers: [MeasureAnswer], for cells: [String]) {
    if answersByCells.count < Self.capacity { answersByCells[cells] = answers }
  }
}
