import Foundation
import Testing

@testable import Voices

/// The oracle values for the methods behind verdicts, bases and weighting (`scripts/statistics-oracle`
/// wrote them into Fixtures/statistics/oracle.json with scipy and statsmodels).
struct MethodsOracle: Decodable {
  struct IntervalPRow: Decodable {
    let k1, n1, k2, n2: Int
    let p: Double
  }
  let intervalP: [IntervalPRow]

  static func load() throws -> MethodsOracle {
    try JSONDecoder().decode(MethodsOracle.self, from: Data(contentsOf: TestPaths.fixture("statistics/oracle.json")))
  }
}

@Suite("Verdict methods against scipy and statsmodels") struct StatisticsMethodsOracleTests {
  let oracle: MethodsOracle

  init() throws { oracle = try MethodsOracle.load() }

  @Test("the p of Newcombe's interval is the alpha at which statsmodels' interval reaches zero")
  func intervalP() throws {
    for row in oracle.intervalP {
      let d = try #require(try ProportionDifference.between(Proportion(row.k1, of: row.n1), Proportion(row.k2, of: row.n2)))
      #expect(close(d.p, row.p, 1e-6, floor: 1e-12), "\(row.k1)/\(row.n1) vs \(row.k2)/\(row.n2): \(d.p) vs \(row.p)")
      #expect((d.p < 0.05) == ChangeVerdict(d).isChange, "\(row.k1)/\(row.n1) vs \(row.k2)/\(row.n2): p and verdict agree")
    }
  }
}
