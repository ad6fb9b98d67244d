import Foundation
import Testing
@testable import Voices

/// Dates in one column follow one order, decided from all its values.
@Suite("Date order per column") struct DateOrderTests {
  func load(_ csv: String, dateOrder: Manifest.DateOrder? = nil) throws -> SurveyExport {
    var manifest = Manifest(source: .other, wave: "2025", file: "exports/f.csv", layout: .googleForms)
    manifest.respondentGroup = "respondents"
    manifest.submitted = "Timestamp"
    manifest.dateOrder = dateOrder
    let table = try CSVReader.read(bytes: Array(csv.utf8), file: "f.csv")
    return SurveyLoader.load(table, manifest: manifest, name: "f")
  }

  @Test("a US file: 1/15/2025 settles month first, so 3/5/2025 is 5 March, not 3 May")
  func settledByOneValue() throws {
    let export = try load("Timestamp,Q\n3/5/2025 10:00:00,a\n1/15/2025 11:00:00,b\n")
    #expect(export.responses.map { $0.submitted?.iso.prefix(10) } == ["2025-03-05", "2025-01-15"])
    #expect(!export.diagnostics.contains { $0.message.contains("read both ways") })
  }

  @Test("a UK file: 15/1/2025 settles day first, so 3/5/2025 is 3 May")
  func dayFirst() throws {
    let export = try load("Timestamp,Q\n3/5/2025 10:00:00,a\n15/1/2025 11:00:00,b\n")
    #expect(export.responses.map { $0.submitted?.iso.prefix(10) } == ["2025-05-03", "2025-01-15"])
  }

  @Test("nothing over 12: a warning, and the manifest's dateOrder decides")
  func ambiguous() throws {
    let unsettled = try load("Timestamp,Q\n3/5/2025 10:00:00,a\n4/6/2025 11:00:00,b\n")
    #expect(unsettled.diagnostics.contains { $0.severity == .warning && $0.message.hasPrefix("2 dates in this column read both ways") })
    #expect(unsettled.responses.map { $0.submitted?.iso.prefix(10) } == ["2025-05-03", "2025-06-04"])
    let set = try load("Timestamp,Q\n3/5/2025 10:00:00,a\n4/6/2025 11:00:00,b\n", dateOrder: .monthFirst)
    #expect(!set.diagnostics.contains { $0.message.contains("read both ways") })
    #expect(set.responses.map { $0.submitted?.iso.prefix(10) } == ["2025-03-05", "2025-04-06"])
  }
}
