import Foundation
import Testing
@testable import Voices

/// A respondent id column that repeats (a resubmission) stays the id; the latest submission
/// wins, its consent included.
@Suite("Repeating respondent ids") struct RespondentIdTests {
  func table(_ rows: [[String]]) -> Table {
    Table(file: "t.csv", records: rows.enumerated().map { Record(row: $0.offset + 1, fields: $0.element) })
  }

  static let comments = [
    "The waiting list for speech therapy is far too long for our family.",
    "Nobody explains how the EHCP process works or who to ask about it.",
    "School have been brilliant and the SENCo really listens to us now.",
    "Transport to school is always late and nobody tells us in advance.",
    "We had to fight for every bit of support and it wore us down.",
    "The annual review was cancelled twice and we were never told why.",
    "Short breaks would make such a difference to our whole family.",
    "My son is anxious every morning before school and it is getting worse.",
  ]

  @Test("ResponseID repeated by a resubmission is drafted as the id; the later answer's consent is used")
  func resubmission() throws {
    var rows = [["ResponseID", "Submitted", "Can we quote your comments?", "What is hard?"]]
    for (i, text) in Self.comments.enumerated() {
      rows.append(["R\(i + 1)", "0\(i + 1)/03/2025 10:00", "Yes", text])
    }
    // R2 submits again a day later and withdraws consent.
    rows.append(["R2", "10/03/2025 12:00", "No", "Please do not quote me. The EHCP process is confusing."])
    let draft = ManifestDrafter.draft(table(rows), file: "exports/parent-carer-survey-2025.csv")
    #expect(draft.manifest.respondentId == "ResponseID")
    let reason = try #require(draft.decisions.first { $0.column == "ResponseID" }?.reason)
    #expect(reason.contains("1 id repeat"), "\(reason)")
    let export = SurveyLoader.load(table(rows), manifest: draft.manifest, name: "x")
    #expect(export.accounting.duplicates == 1)
    #expect(export.accounting.balances)
    let r2 = try #require(export.responses.first { $0.respondentId == "R2" })
    #expect(r2.consentToQuote == false)
    #expect(r2.texts.first?.text.hasPrefix("Please do not quote me") == true)
    #expect(export.responses.count == Self.comments.count)
  }

  @Test("an id-named column with mostly repeated values (a group code) is not the id")
  func groupCode() {
    var rows = [["ID", "What is hard?"]]
    for (i, text) in Self.comments.enumerated() { rows.append(["G\(i % 2)", text]) }
    let draft = ManifestDrafter.draft(table(rows), file: "exports/x-2025.csv")
    #expect(draft.manifest.respondentId == nil)
  }
}
