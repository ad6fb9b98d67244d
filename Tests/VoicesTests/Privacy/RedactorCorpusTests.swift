import Foundation
import Testing
@testable import Voices

/// Measures the redactor on the fixture corpora (see scripts/privacy-make-corpus).
enum RedactionCorpus {
  static func rows(_ name: String) throws -> [[String]] {
    let table = try CSVReader.read(contentsOf: TestPaths.fixture("privacy/\(name)"))
    return Array(table.rows.dropFirst())
  }

  /// Share of expected markers produced and of personal values removed; share of ordinary
  /// comments left byte-identical.
  static func measure(_ redactor: Redactor = Redactor()) throws -> (exact: Double, recall: Double, keep: Double, misses: [String], changed: [String]) {
    var exact = 0, spans = 0, removed = 0
    var misses: [String] = []
    let personal = try rows("personal-data.csv")
    for row in personal where row.count == 2 {
      let out = redactor.redact(row[0]).text
      if out == row[1] { exact += 1 } else { misses.append("\(row[0])\n   got: \(out)\n  want: \(row[1])") }
      // a span is removed when the expected marker count is reached and no original value leaks
      let expectedMarkers = row[1].components(separatedBy: "[").count - 1
      spans += expectedMarkers
      removed += min(expectedMarkers, out.components(separatedBy: "[").count - 1) - leaked(row[0], row[1], out)
    }
    let ordinary = try rows("ordinary.csv")
    var kept = 0
    var changed: [String] = []
    for row in ordinary {
      let out = redactor.redact(row[0]).text
      if out == row[0] { kept += 1 } else { changed.append("\(row[0])\n   got: \(out)") }
    }
    return (Double(exact) / Double(personal.count), Double(removed) / Double(max(spans, 1)),
            Double(kept) / Double(ordinary.count), misses, changed)
  }

  /// Expected-redacted words of the original that are still in the output.
  static func leaked(_ original: String, _ expected: String, _ output: String) -> Int {
    let keep = Set(expected.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    let personalWords = Set(original.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)).subtracting(keep)
    let outWords = Set(output.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    return personalWords.intersection(outWords).isEmpty ? 0 : 1
  }
}

@Suite("Redactor corpora") struct RedactorCorpusTests {
  @Test("recall on the personal-data corpus is at least 0.95")
  func recall() throws {
    let m = try RedactionCorpus.measure()
    #expect(m.recall >= 0.95)
  }

  @Test("at least 95% of ordinary comments stay byte-identical")
  func keepRate() throws {
    let m = try RedactionCorpus.measure()
    #expect(m.keep >= 0.95)
  }

  @Test("the corpora are big enough to measure")
  func sizes() throws {
    #expect(try RedactionCorpus.rows("personal-data.csv").count >= 300)
    #expect(try RedactionCorpus.rows("ordinary.csv").count >= 300)
  }

  /// Writes the figures and every miss to a file when PRIVACY_REPORT names one (never prints).
  @Test("report, when asked") func report() throws {
    guard let path = ProcessInfo.processInfo.environment["PRIVACY_REPORT"] else { return }
    let m = try RedactionCorpus.measure()
    var text = "exact \(m.exact) recall \(m.recall) keep \(m.keep)\n\nMISSES\n"
    text += m.misses.joined(separator: "\n") + "\n\nCHANGED\n" + m.changed.joined(separator: "\n") + "\n"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
  }
}
