import Foundation
import Testing

@testable import Voices

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny seeded generator so property tests are
/// the same on every run.
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func int(below n: Int) -> Int { Int(next() % UInt64(n)) }
}

@Suite("Statistics: small-number suppression") struct StatisticsSuppressionTests {
  @Test("primary suppression hides 1 to 4 and percentages on bases under 10")
  func primary() {
    let rule = SuppressionRule()
    #expect(rule.primary([0, 1, 4, 5, 12]) == [.shown(0), .suppressed, .suppressed, .shown(5), .shown(12)])
    #expect(!rule.allowsPercentage(base: 9) && rule.allowsPercentage(base: 10))
    #expect(SuppressionRule(suppressZeros: true).primary([0]) == [.suppressed])
  }

  @Test("a lone suppressed cell in a 1-D table takes the next smallest with it")
  func oneWay() {
    let rule = SuppressionRule()
    let result = rule.suppress(counts: [12, 3, 40, 9, 0], total: 64)
    #expect(result.cells == [.shown(12), .suppressed, .shown(40), .suppressed, .shown(0)])
    #expect(result.total == .shown(64))
    let twoSmall = rule.suppress(counts: [2, 3, 40], total: 45)
    #expect(twoSmall.cells == [.suppressed, .suppressed, .shown(40)])
    let none = rule.suppress(counts: [20, 30], total: 50)
    #expect(none.cells == [.shown(20), .shown(30)])
  }

  @Test("2-D secondary suppression covers rows and columns")
  func twoWay() {
    let rule = SuppressionRule()
    let table = [[3, 20, 30], [15, 25, 35]]
    let result = rule.suppress(table: table, rowTotals: [53, 75], columnTotals: [18, 45, 65], grandTotal: 128)
    #expect(result.cells == [[.suppressed, .suppressed, .shown(30)], [.suppressed, .suppressed, .shown(35)]])
    #expect(result.rowTotals == [.shown(53), .shown(75)])
  }

  @Test("NHS rule: 1-7 as *, others to the nearest 5")
  func nhs() {
    #expect(NHSSuppression.apply([0, 1, 7, 8, 12, 13, 102]) == [
      .shown(0), .suppressed, .suppressed, .rounded(10), .rounded(10), .rounded(15), .rounded(100),
    ])
    #expect(NHSSuppression.apply([1, 8]).map(\.description) == ["*", "10"])
  }

  @Test("no suppressed cell can be recovered by subtraction in random tables")
  func property() {
    var rng = SplitMix64(state: 20_240_607)
    let rule = SuppressionRule()
    for _ in 0..<400 {
      let rows = 1 + rng.int(below: 5), columns = 1 + rng.int(below: 6)
      // Mostly small counts so suppression has work to do.
      let table = (0..<rows).map { _ in
        (0..<columns).map { _ in rng.int(below: 4) == 0 ? rng.int(below: 60) : rng.int(below: 9) }
      }
      let rowTotals = table.map { $0.reduce(0, +) }
      let columnTotals = (0..<columns).map { c in table.reduce(0) { $0 + $1[c] } }
      let grand = rowTotals.reduce(0, +)
      let out = rule.suppress(table: table, rowTotals: rowTotals, columnTotals: columnTotals, grandTotal: grand)
      // Every primary-small entry is hidden.
      for r in 0..<rows { for c in 0..<columns where rule.isSmall(table[r][c]) { #expect(out.cells[r][c] == .suppressed) } }
      // Lines of the table with margins: cells then total.
      var lines: [[(SuppressedCell, Int)]] = []
      for r in 0..<rows { lines.append((0..<columns).map { (out.cells[r][$0], table[r][$0]) } + [(out.rowTotals[r], rowTotals[r])]) }
      for c in 0..<columns { lines.append((0..<rows).map { (out.cells[$0][c], table[$0][c]) } + [(out.columnTotals[c], columnTotals[c])]) }
      lines.append((0..<rows).map { (out.rowTotals[$0], rowTotals[$0]) } + [(out.grandTotal, grand)])
      lines.append((0..<columns).map { (out.columnTotals[$0], columnTotals[$0]) } + [(out.grandTotal, grand)])
      for line in lines {
        let hidden = line.indices.filter { line[$0].0.isSuppressed }
        #expect(hidden.count != 1, "line \(line.map(\.1)) has one hidden entry")
        // The attack: total minus the shown cells recovers a lone hidden cell.
        if hidden.count == 1, let i = hidden.first, i < line.count - 1, !line.last!.0.isSuppressed {
          let shownSum = line.dropLast().filter { !$0.0.isSuppressed }.reduce(0) { $0 + $1.1 }
          #expect(line.last!.1 - shownSum != line[i].1)
        }
      }
    }
  }
}
