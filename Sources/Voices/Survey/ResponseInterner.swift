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
  private var breakdowns: [[String: String]: [String: String]] = [:]
  private var answersByCells: [[String]: [MeasureAnswer]] = [:]

  /// `values`, or an equal copy handed out before.
  mutating func shared(_ values: [String: String]) -> [String: String] {
    if let known = breakdowns[values] { return known }
    if breakdowns.count < Self.capacity { breakdowns[values] = values }
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
