import Foundation
import Testing
@testable import Voices

/// Filling in an exported sheet as a reviewer would, and importing it.
@Suite("Review import") struct ReviewImportTests {
  /// The exported rows with the reviewer columns of the first row for `responseId` filled in.
  static func filled(_ rows: [[String]], _ responseId: String, theme: String? = nil, verdict: String = "", add: String = "",
                     initials: String = "", edit: (inout [String]) -> Void = { _ in }) -> [[String]] {
    var rows = rows
    let id = ReviewFixture.column("Response ID"), proposed = ReviewFixture.column("Proposed theme")
    guard let i = rows.indices.dropFirst().first(where: { rows[$0][id] == responseId && (theme == nil || rows[$0][proposed] == theme) }) else {
      return rows
    }
    rows[i][ReviewFixture.column("Agree?")] = verdict
    rows[i][ReviewFixture.column("Add theme")] = add
    rows[i][ReviewFixture.column("Initials")] = initials
    edit(&rows[i])
    return rows
  }

  static func logBytes(_ log: DecisionLog) -> [UInt8] { (try? [UInt8](Data(contentsOf: log.url))) ?? [] }

  @Test("importing the same sheet twice changes nothing: the log's bytes stay the same")
  func idempotent() throws {
    let folder = try ReviewFixture.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = DecisionLog(workspaceRoot: folder)
    let rows = Self.filled(try ReviewFixture.exportedRows(), "r1", verdict: "agree", add: "friends", initials: "ab")
    let sheet = try ReviewFixture.write(rows, named: "sheet.csv", in: folder)
    let first = try ReviewFixture.importSheet(sheet, log: log)
    #expect(first.errors.isEmpty)
    #expect(first.added.map { "\($0.reviewer) \($0.verdict) \($0.theme)" } == ["AB agree waiting", "AB add friends"])
    #expect(first.skippedRows == 6)
    let bytes = Self.logBytes(log)
    let second = try ReviewFixture.importSheet(sheet, log: log, at: "2025-03-02T09:00:00Z")
    #expect(second.added.isEmpty && second.alreadyPresent == 2)
    #expect(Self.logBytes(log) == bytes)
  }

  @Test("every bad row is named with its cell, and a sheet with any error adds nothing")
  func validation() throws {
    let folder = try ReviewFixture.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = DecisionLog(workspaceRoot: folder)
    var rows = try ReviewFixture.exportedRows()
    rows = Self.filled(rows, "r2", add: "not-a-theme", initials: "AB")
    rows = Self.filled(rows, "r3", theme: "waiting", verdict: "agree", initials: "AB") { $0[ReviewFixture.column("Comment (redacted)")] += " (edited)" }
    rows = Self.filled(rows, "r4", add: "friends")
    rows = Self.filled(rows, "r6", verdict: "agree", initials: "AB") { $0[ReviewFixture.column("Response ID")] = "r99" }
    rows = Self.filled(rows, "r1", verdict: "maybe", initials: "AB")
    let summary = try ReviewFixture.importSheet(try ReviewFixture.write(rows, named: "sheet.csv", in: folder), log: log)
    let row = { (id: String) in (rows.firstIndex { $0[ReviewFixture.column("Response ID")] == id } ?? 0) + 1 }
    #expect(summary.errors == [
      .unknownVerdict(at: SourceLocation(file: "sheet.csv", row: row("r1"), column: 8), value: "maybe"),
      .unknownTheme(at: SourceLocation(file: "sheet.csv", row: row("r2"), column: 9), theme: "not-a-theme"),
      .editedComment(at: SourceLocation(file: "sheet.csv", row: row("r3"), column: 4)),
      .missingInitials(at: SourceLocation(file: "sheet.csv", row: row("r4"), column: 11)),
      .notInWorkspace(at: SourceLocation(file: "sheet.csv", row: row("r99"), column: 1),
                      key: CommentKey(wave: "2025", responseId: "r99", question: "what-is-hard")),
    ])
    #expect(summary.errors[1].description == "sheet.csv:\(row("r2")):9: \"not-a-theme\" is not a theme id of the codebook (see the Codebook sheet)")
    #expect(summary.added.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: log.url.path))
  }

  @Test("two reviewers who disagree are both kept and reported; the log only grows")
  func conflicts() throws {
    let folder = try ReviewFixture.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let log = DecisionLog(workspaceRoot: folder)
    let exported = try ReviewFixture.exportedRows()
    let a = try ReviewFixture.write(Self.filled(exported, "r2", verdict: "agree", initials: "AB"), named: "ab.csv", in: folder)
    let b = try ReviewFixture.write(Self.filled(exported, "r2", verdict: "disagree", initials: "CD"), named: "cd.csv", in: folder)
    #expect(try ReviewFixture.importSheet(a, log: log).conflicts.isEmpty)
    let before = Self.logBytes(log)
    let summary = try ReviewFixture.importSheet(b, log: log, at: "2025-03-02T09:00:00Z")
    let after = Self.logBytes(log)
    #expect(summary.conflicts == [ReviewConflict(key: CommentKey(wave: "2025", responseId: "r2", question: "what-is-hard"),
                                                 theme: "transport", agreeing: ["AB"], disagreeing: ["CD"])])
    #expect(after.count > before.count && Array(after.prefix(before.count)) == before)
    #expect(try log.read().map(\.reviewer) == ["AB", "CD"])
  }

  @Test("an XLSX sheet filled in and saved is read from its Review sheet")
  func xlsxImport() throws {
    let folder = try ReviewFixture.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rows = Self.filled(try ReviewFixture.exportedRows(), "r6", verdict: "disagree", initials: "ef")
    let columns = rows[0].map { XLSXColumn(header: $0) }
    let bytes = try XLSXWriter.write([XLSXSheet(name: "Notes", columns: [XLSXColumn(header: "x")], rows: [[.text("y")]]),
                                      XLSXSheet(name: ReviewSheet.sheetName, columns: columns,
                                                rows: rows.dropFirst().map { $0.map { $0.isEmpty ? .empty : .text($0) } })])
    let url = folder.appendingPathComponent("sheet.xlsx")
    try Data(bytes).write(to: url)
    let summary = try ReviewFixture.importSheet(url, log: DecisionLog(workspaceRoot: folder))
    #expect(summary.errors.isEmpty)
    #expect(summary.added.map { "\($0.reviewer) \($0.verdict) \($0.theme) \($0.key.responseId)" } == ["EF disagree transport r6"])
  }

  @Test("a human decision beats a rule, a rule beats the model")
  func precedence() throws {
    let coded = try ReviewFixture.coded()
    let key = { (id: String) in CommentKey(wave: "2025", responseId: id, question: "what-is-hard") }
    func decision(_ id: String, _ verdict: ReviewDecision.Verdict, _ theme: String, by reviewer: String = "AB") -> ReviewDecision {
      ReviewDecision(at: "2025-03-01T09:00:00Z", reviewer: reviewer, verdict: verdict, theme: theme, key: key(id), comment: "",
                     sheet: "s.csv", sheetSHA256: "0", row: 2)
    }
    let decisions = [
      decision("r2", .disagree, "transport"),  // removes a rule's theme
      decision("r6", .add, "friends"),  // adds beside a rule's theme
      decision("r4", .disagree, "friends"),  // removes the model's theme
      decision("r3", .agree, "friends"), decision("r3", .disagree, "friends", by: "CD"),  // conflict: the rule stands
    ]
    let proposed = [key("r2"): ["transport", "friends"], key("r4"): ["friends"], key("r5"): ["waiting"], key("r1"): ["waiting"]]
    let model = proposed.mapValues { $0.map { ModelProposal(theme: $0, probability: 0.75) } }
    let (finals, summary) = FinalCoding.apply(decisions, to: coded, model: model)
    let sources = Dictionary(uniqueKeysWithValues: finals.map { ($0.key.responseId, $0.assignments.map { "\($0.themeId):\($0.source.rawValue)" }.sorted()) })
    #expect(sources["r1"] == ["waiting:rule"])
    #expect(sources["r2"] == ["friends:model"])
    #expect(sources["r3"] == ["friends:rule", "waiting:rule"])
    #expect(sources["r4"] == [])
    #expect(sources["r5"] == ["waiting:model"])
    #expect(sources["r6"] == ["friends:human", "transport:rule"])
    #expect(finals.first { $0.key.responseId == "r3" }?.conflicts == ["friends"])
    #expect(summary.byReviewers == 1 && summary.removed == 2 && summary.conflicts == 1)
    #expect(finals.first { $0.key.responseId == "r5" }?.assignments.first?.probability == 0.75)
    #expect(FinalCoding.csv(finals).contains("r5,2025,what-is-hard,waiting,model,,0.750\r\n"))
  }
}
