import Foundation
import Testing
@testable import Voices

/// Compared with Fixtures/agreement/expected.json, written by scripts/agreement-oracle
/// (scikit-learn and the krippendorff package).
@Suite("Agreement statistics") struct AgreementStatisticsTests {
  struct Expected: Decodable {
    struct Theme: Decodable {
      var theme: String
      var kappa: Double?
      var prevalenceReference: Double
      var prevalenceComparison: Double
      var precision: Double?
      var recall: Double?
      var f1: Double?
    }
    struct Pair: Decodable {
      var reference: String
      var comparison: String
      var comments: Int
      var themes: [Theme]
      var microF1: Double
      var macroF1: Double
    }
    struct AlphaTheme: Decodable { var theme: String; var alpha: Double? }
    struct Alpha: Decodable { var units: Int; var themes: [AlphaTheme]; var overall: Double? }
    var files: [String]
    var themes: [String]
    var pairwise: [Pair]
    var alpha: Alpha
  }

  static func load() throws -> (AgreementReport, Expected) {
    let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: TestPaths.fixture("agreement/expected.json")))
    let coders = try expected.files.map { name in
      try AgreementReport.Coder(table: CSVReader.read(contentsOf: TestPaths.fixture("agreement/\(name)"), file: name), name: name)
    }
    return (AgreementReport(coders: coders, themes: expected.themes), expected)
  }

  static func close(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let x?, let y?): abs(x - y) <= 1e-9
    default: false
    }
  }

  @Test("kappa, prevalence, precision, recall, F1 match scikit-learn within 1e-9")
  func pairwise() throws {
    let (report, expected) = try Self.load()
    #expect(report.themes == expected.themes)
    try #require(report.pairwise.count == expected.pairwise.count)
    for (got, want) in zip(report.pairwise, expected.pairwise) {
      #expect(got.reference == want.reference && got.comparison == want.comparison)
      #expect(got.comments == want.comments)
      #expect(Self.close(got.microF1, want.microF1))
      #expect(Self.close(got.macroF1, want.macroF1))
      for (g, w) in zip(got.themes, want.themes) {
        #expect(g.theme == w.theme)
        #expect(Self.close(g.kappa, w.kappa), "kappa \(g.theme)")
        #expect(Self.close(g.prevalenceReference, w.prevalenceReference))
        #expect(Self.close(g.prevalenceComparison, w.prevalenceComparison))
        #expect(Self.close(g.precision, w.precision), "precision \(g.theme)")
        #expect(Self.close(g.recall, w.recall), "recall \(g.theme)")
        #expect(Self.close(g.f1, w.f1), "f1 \(g.theme)")
      }
    }
  }

  @Test("Krippendorff's alpha with missing values matches the krippendorff package within 1e-9")
  func alpha() throws {
    let (report, expected) = try Self.load()
    let alpha = try #require(report.alpha)
    #expect(alpha.units == expected.alpha.units)
    #expect(Self.close(alpha.overall, expected.alpha.overall))
    for (g, w) in zip(alpha.themes, expected.alpha.themes) {
      #expect(g.theme == w.theme)
      #expect(Self.close(g.alpha, w.alpha), "alpha \(g.theme)")
    }
  }

  @Test("edge cases: unused theme undefined (not NaN), perfect agreement 1, missing ids listed")
  func edges() throws {
    let (report, _) = try Self.load()
    let ab = report.pairwise[0]
    let cost = try #require(ab.themes.first { $0.theme == "cost" })
    #expect(cost.kappa == nil && cost.precision == nil && cost.recall == nil && cost.f1 == nil)
    #expect(cost.prevalenceReference == 0)
    let staff = try #require(ab.themes.first { $0.theme == "staff" })
    #expect(staff.kappa == 1 && staff.f1 == 1)
    #expect(ab.onlyInReference == ["c05"])
    #expect(ab.onlyInComparison == ["c11", "c25"])
    #expect(report.alpha?.themes.first { $0.theme == "cost" }?.alpha == nil)
  }

  @Test("two coders give no alpha")
  func twoCoders() {
    let a = AgreementReport.Coder(name: "a", themes: ["1": ["x"], "2": []])
    let report = AgreementReport(coders: [a, a])
    #expect(report.alpha == nil)
    #expect(report.pairwise[0].themes[0].kappa == 1)
  }

  @Test("textbook alpha: Krippendorff's nominal example with missing values")
  func textbookAlpha() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", nominal example: α = 0.743.
    let data: [[Int?]] = [
      [1, 1, nil, 1], [2, 2, 3, 2], [3, 3, 3, 3], [3, 3, 3, 3], [2, 2, 2, 2], [1, 2, 3, 4], [4, 4, 4, 4],
      [1, 1, 2, 1], [2, 2, 2, 2], [nil, 5, 5, 5], [nil, nil, 1, 1], [nil, nil, 3, nil],
    ]
    let alpha = AgreementStatistics.krippendorffAlpha(nominal: data)
    #expect(abs((alpha ?? 0) - 0.743) < 0.0005)
  }

  @Test("a duplicated id is an error at its row")
  func duplicate() throws {
    let table = try CSVReader.read(bytes: Array("id,themes\n1,a\n1,b\n".utf8), file: "d.csv")
    #expect(throws: AgreementError.duplicateID(at: SourceLocation(file: "d.csv", row: 3, column: 1), id: "1", firstRow: 2)) {
      try AgreementReport.Coder(table: table, name: "d.csv")
    }
  }
}
