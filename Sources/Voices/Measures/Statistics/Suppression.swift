import Foundation

/// One published count after the small-number rules.
public enum SuppressedCell: Equatable, Sendable, CustomStringConvertible {
  case shown(Int)
  case suppressed
  case rounded(Int)

  public var isSuppressed: Bool { self == .suppressed }

  /// The published number (exact or rounded), or `nil` when hidden.
  public var count: Int? {
    switch self {
    case .shown(let n), .rounded(let n): n
    case .suppressed: nil
    }
  }

  public var description: String {
    switch self {
    case .shown(let n), .rounded(let n): String(n)
    case .suppressed: "*"
    }
  }
}

/// The small-number rules that stop a published table identifying a child or family.
///
/// Pure functions on counts: the Measures and Privacy layers decide which tables they apply to.
public struct SuppressionRule: Equatable, Sendable {
  /// Counts from 1 up to `minimumCount - 1` are suppressed (primary suppression).
  public var minimumCount: Int
  /// Percentages are not shown on a base below this.
  public var minimumBase: Int
  /// Whether a count of 0 is suppressed too (off by default: a zero rarely discloses, and
  /// hiding every zero hides a lot of real information).
  public var suppressZeros: Bool

  public init(minimumCount: Int = 5, minimumBase: Int = 10, suppressZeros: Bool = false) {
    self.minimumCount = minimumCount
    self.minimumBase = minimumBase
    self.suppressZeros = suppressZeros
  }

  /// Whether a count fails the primary rule.
  public func isSmall(_ count: Int) -> Bool {
    count == 0 ? suppressZeros : count < minimumCount
  }

  /// Whether a percentage may be shown on this base.
  public func allowsPercentage(base: Int) -> Bool { base >= minimumBase }

  /// Primary suppression of each count on its own.
  public func primary(_ counts: [Int]) -> [SuppressedCell] {
    counts.map { isSmall($0) ? .suppressed : .shown($0) }
  }

  /// Suppresses a one-way table of `counts` whose `total` is also published.
  ///
  /// Primary suppression first, then secondary: if exactly one entry of the line (cells plus
  /// total) is hidden, it could be recovered as total minus the shown cells, so the smallest
  /// shown cell is hidden too (a non-zero one if there is one, since hiding a known zero
  /// protects less). With a hidden total, hidden cells cannot be recovered by subtraction.
  ///
  /// - Returns: The cells and the total.
  public func suppress(counts: [Int], total: Int) -> (cells: [SuppressedCell], total: SuppressedCell) {
    let table = suppress(table: [counts], rowTotals: [total], columnTotals: counts, grandTotal: total)
    return (table.cells[0], table.rowTotals[0])
  }

  /// Suppresses a two-way table with its row totals, column totals and grand total.
  ///
  /// The algorithm works on the (r + 1) × (c + 1) table that includes the margins, where each
  /// row and each column is one linear constraint (the cells add up to the total). Primary
  /// suppression hides every small entry, margins included. Then, until nothing changes: for
  /// every row and column of that extended table in which exactly one entry is hidden, hide
  /// the smallest shown interior cell of that line (preferring non-zero counts, then the
  /// earliest), or the line's total if every interior cell is already hidden. The loop ends
  /// because each pass hides at least one more entry or stops.
  ///
  /// This guarantees that no hidden entry equals its line's total minus the shown entries
  /// (no line has exactly one hidden entry). It is the usual heuristic, not an optimal
  /// (fewest cells) or linear-programming audit: it does not guard against an attacker
  /// solving several lines together, which small survey tables rarely allow.
  public func suppress(table: [[Int]], rowTotals: [Int], columnTotals: [Int], grandTotal: Int)
    -> (cells: [[SuppressedCell]], rowTotals: [SuppressedCell], columnTotals: [SuppressedCell],
      grandTotal: SuppressedCell)
  {
    let rows = table.count
    let columns = columnTotals.count
    // Extended table: row r < rows, column c < columns are cells; index rows / columns are margins.
    var value = [[Int]](repeating: [Int](repeating: 0, count: columns + 1), count: rows + 1)
    for r in 0..<rows {
      for c in 0..<columns { value[r][c] = c < table[r].count ? table[r][c] : 0 }
      value[r][columns] = rowTotals[r]
    }
    for c in 0..<columns { value[rows][c] = columnTotals[c] }
    value[rows][columns] = grandTotal
    var hidden = value.map { $0.map { isSmall($0) } }

    func fix(_ line: [(Int, Int)]) -> Bool {
      let hiddenCount = line.filter { hidden[$0.0][$0.1] }.count
      guard hiddenCount == 1 else { return false }
      let interior = line.dropLast().filter { !hidden[$0.0][$0.1] }
      let pick = interior.min { a, b in
        let va = value[a.0][a.1], vb = value[b.0][b.1]
        if (va == 0) != (vb == 0) { return vb == 0 }
        return va < vb
      } ?? line[line.count - 1]
      hidden[pick.0][pick.1] = true
      return true
    }
    var changed = true
    while changed {
      changed = false
      for r in 0...rows where fix((0...columns).map { (r, $0) }) { changed = true }
      for c in 0...columns where fix((0...rows).map { ($0, c) }) { changed = true }
    }
    func cell(_ r: Int, _ c: Int) -> SuppressedCell { hidden[r][c] ? .suppressed : .shown(value[r][c]) }
    return (
      (0..<rows).map { r in (0..<columns).map { cell(r, $0) } },
      (0..<rows).map { cell($0, columns) },
      (0..<columns).map { cell(rows, $0) },
      cell(rows, columns)
    )
  }
}

/// The NHS Digital style rule: counts of 1 to 7 are shown as `*`, every other count
/// (totals too, each on its own) is rounded to the nearest 5, and 0 is shown as 0.
///
/// Independent rounding of cells and totals is what protects the small cells here, so no
/// secondary suppression is applied: the published totals no longer add up exactly.
public enum NHSSuppression {
  public static func apply(_ count: Int) -> SuppressedCell {
    if count == 0 { return .shown(0) }
    if count >= 1, count <= 7 { return .suppressed }
    return .rounded(((count + 2) / 5) * 5)
  }

  public static func apply(_ counts: [Int]) -> [SuppressedCell] { counts.map { apply($0) } }
}
