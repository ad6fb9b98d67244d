import Foundation
import Testing
@testable import Voices

/// Builds a table the way a reader would, one record per line, rows numbered from 1.
func table(_ rows: [[String]], file: String = "t.csv") -> Table {
  Table(file: file, records: rows.enumerated().map { Record(row: $0.offset + 1, fields: $0.element) })
}

func manifest(_ json: String) throws -> Manifest {
  try ManifestLoader.decode(Data(json.utf8), file: "m.json").0
}

@Suite("Survey loader") struct SurveyLoaderTests {
  let plain = """
    {"source": "parent-carer-survey", "wave": "2025", "file": "t.csv", "layout": "plain",
     "respondentGroup": "parent carers", "respondentId": "Ref", "submitted": "When",
     "consent": {"column": "Quote?", "yes": ["Yes"]},
     "breakdowns": [{"field": "locality", "column": "Area"}],
     "measures": [{"measure": "trust-confidence", "column": "Trust", "scale": "agreement-5"}],
     "freeText": [{"question": "what-is-hard", "column": "Hard"}]}
    """

  @Test("every row is accounted for: accepted, rejected with a reason, or a duplicate")
  func accounting() throws {
    let rows = [
      ["Ref", "When", "Quote?", "Area", "Trust", "Hard"],
      ["a1", "01/02/2025 10:00:00", "Yes", "North", "Agree", "Waiting lists"],
      ["a2", "01/02/2025 11:00:00", "no", "", "strongly  AGREE", ""],
      ["", "", "", "", "", ""],
      ["a1", "03/02/2025 09:00:00", "Yes", "South", "Disagree", "Still waiting"],
      ["a3", "04/02/2025 09:00:00", "Yes", "North"],
      ["a4", "04/02/2025 09:00:00", "Yes", "North", "Maybe", "x", "", ""],
      ["a5", "04/02/2025 09:00:00", "Yes", "North", "Agree", "x", "extra"],
    ]
    let export = SurveyLoader.load(table(rows), manifest: try manifest(plain), name: "pcs-2025")
    let a = export.accounting
    #expect(a.read == 7)
    #expect(a.accepted == 3)
    #expect(a.rejected == 3)
    #expect(a.duplicates == 1)
    #expect(a.balances)
    #expect(a.rejectedBy == ["blank row": 1, "too few fields": 1, "too many fields": 1])
    #expect(export.responses.map(\.id) == ["pcs-2025:a2", "pcs-2025:a1", "pcs-2025:a4"])
    let kept = try #require(export.responses.first { $0.respondentId == "a1" })
    #expect(kept.location.row == 5, "the later submission is kept")
    #expect(kept.breakdowns["locality"] == "South")
    #expect(kept.texts == [FreeTextAnswer(question: "what-is-hard", text: "Still waiting", column: 6)])
    let a2 = try #require(export.responses.first { $0.respondentId == "a2" })
    #expect(a2.answers.first?.reading == .option(4), "labels match whatever the case and spacing")
    #expect(a2.consentToQuote == false)
    #expect(a2.breakdowns["locality"] == nil)
    let duplicate = try #require(export.diagnostics.first { $0.severity == .note })
    #expect(duplicate.description == "t.csv:2: note: value \"a1\": duplicate submission by the same respondent; kept the later one at row 5 (submitted 2025-02-03T09:00:00)")
  }

  @Test("a CSV file read as bytes gives the responses, accounting and diagnostics of the same rows read as text")
  func bytesMatchText() throws {
    let rows = [
      ["Ref", "When", "Quote?", "Area", "Trust", "Hard"],
      ["a1", "01/02/2025 10:00:00", "Yes", "  North ", "Agree", "Waiting, \"still\"\nwaiting"],
      ["a2", "not a date", "no", "", "strongly  AGREE", ""],
      ["\u{00A0}", " ", "", "", "", ""],
      ["a3", "04/02/2025 09:00:00", "Yes", "Caf\u{00E9} quarter", "Maybe", "x"],
      ["a4", "04/02/2025 09:00:00", "Yes", "North", "Agree", "x", "extra"],
      ["a5", "05/02/2025 09:00:00", "Yes", "Caf\u{00E9} quarter", "Agree", "Caf\u{00E9}"],
    ]
    let text = rows.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }.joined(separator: "\r\n")
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("voices-bytes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    // The same rows as a table, with the line each record starts on in the file.
    var line = 1
    let records = rows.map { row -> Record in
      defer { line += 1 + row.joined().filter { $0 == "\n" }.count }
      return Record(row: line, fields: row)
    }
    let expected = SurveyLoader.load(Table(file: "t.csv", records: records), manifest: try manifest(plain), name: "pcs")
    let windows1252 = Data(text.unicodeScalars.map { UInt8($0.value) })  // é is 0xE9 in both
    for data in [Data(text.utf8), windows1252] {
      let url = directory.appendingPathComponent("t.csv")
      try data.write(to: url)
      let export = try SurveyLoader.load(contentsOf: url, file: "t.csv", manifest: try manifest(plain), name: "pcs")
      #expect(export.responses == expected.responses)
      #expect(export.accounting == expected.accounting)
      #expect(export.diagnostics.filter { !$0.message.contains("Windows-1252") }.map(\.description) == expected.diagnostics.map(\.description))
      #expect(export.diagnostics.contains { $0.message.contains("read the whole file as Windows-1252") } == (data == windows1252))
    }
    #expect(expected.accounting.rejectedBy == ["blank row": 1, "too many fields": 1])
    #expect(expected.responses.map { $0.breakdowns["locality"] } == ["North", nil, "Caf\u{00E9} quarter", "Caf\u{00E9} quarter"])
    #expect(expected.responses[0].texts.first?.text == "Waiting, \"still\"\nwaiting")
  }

  @Test("answers remembered by row and by cell read as the first time; an unrecognised answer is reported on every row")
  func rememberedAnswers() throws {
    let json = """
      {"source": "parent-carer-survey", "wave": "2025", "file": "t.csv", "layout": "plain", "respondentGroup": "parent carers",
       "measures": [{"measure": "trust-confidence", "column": "A", "scale": "agreement-5"},
                    {"measure": "listened-to", "column": "B", "scale": "agreement-5"}]}
      """
    let rows = [["A", "B"], ["Agree", "Maybe"], ["Agree", "Maybe"], ["Maybe", "agree"], ["Agree", "agree"], ["agree", "Agree"], ["Agree", "agree"]]
    let export = SurveyLoader.load(table(rows), manifest: try manifest(json), name: "t")
    #expect(export.responses.map { $0.answers.map(\.reading) } == [
      [.option(3), .unrecognised], [.option(3), .unrecognised], [.unrecognised, .option(3)],
      [.option(3), .option(3)], [.option(3), .option(3)], [.option(3), .option(3)],
    ])
    #expect(export.responses.map { $0.answers.map(\.raw) } == [
      ["Agree", "Maybe"], ["Agree", "Maybe"], ["Maybe", "agree"], ["Agree", "agree"], ["agree", "Agree"], ["Agree", "agree"],
    ])
    #expect(export.diagnostics.filter { $0.severity == .error }.map(\.location.description) == ["t.csv:2:2", "t.csv:3:2", "t.csv:4:1"])
  }

  @Test("a response is 96 bytes: what an export shares is held once, and nothing pads")
  func compactResponse() throws {
    #expect(MemoryLayout<Response>.stride == 96)
    let rows = [["Ref", "When", "Quote?", "Area", "Trust", "Hard"], ["a1", "", "Yes", "North", "Agree", ""], ["a2", "", "", "South", "Agree", ""]]
    let export = SurveyLoader.load(table(rows, file: "pcs.csv"), manifest: try manifest(plain), name: "pcs-2025")
    #expect(export.responses.map(\.location.description) == ["pcs.csv:2", "pcs.csv:3"])
    #expect(export.responses.map(\.wave) == ["2025", "2025"])
    #expect(export.responses.map(\.exportName) == ["pcs-2025", "pcs-2025"])
    #expect(export.responses[0].origin === export.responses[1].origin)
  }

  @Test("without free text: the same accounting, answers and diagnostics, no comments held; a missing text column still named")
  func withoutFreeText() throws {
    let rows = [
      ["Ref", "When", "Quote?", "Area", "Trust", "Hard"],
      ["a1", "01/02/2025 10:00:00", "Yes", "North", "Agree", "Waiting lists"],
      ["a2", "01/02/2025 11:00:00", "no", "", "Maybe", "Still waiting"],
      ["a3", "04/02/2025 09:00:00", "Yes", "North"],
    ]
    let full = SurveyLoader.load(table(rows), manifest: try manifest(plain), name: "pcs-2025")
    let lean = SurveyLoader.load(table(rows), manifest: try manifest(plain), name: "pcs-2025", keepingFreeText: false)
    #expect(full.responses.flatMap(\.texts).count == 2)
    #expect(lean.responses.allSatisfy { $0.texts.isEmpty })
    #expect(lean.accounting == full.accounting)
    #expect(lean.diagnostics == full.diagnostics)
    #expect(lean.responses.map(\.answers) == full.responses.map(\.answers))

    let renamed = [["Ref", "When", "Quote?", "Area", "Trust", "Hardest"], ["a1", "", "Yes", "North", "Agree", "x"]]
    let missing = SurveyLoader.load(table(renamed), manifest: try manifest(plain), name: "x", keepingFreeText: false)
    #expect(missing.diagnostics.contains { $0.severity == .error && $0.message.contains("Hard") })
  }

  @Test("an unknown scale label is an error naming row and column, and the answer is kept")
  func unknownLabel() throws {
    let rows = [["Ref", "When", "Quote?", "Area", "Trust", "Hard"], ["a4", "", "Yes", "North", "Maybe", ""]]
    let export = SurveyLoader.load(table(rows), manifest: try manifest(plain), name: "x")
    #expect(export.accounting.accepted == 1)
    #expect(export.responses[0].answers[0].reading == .unrecognised)
    #expect(export.responses[0].answers[0].raw == "Maybe")
    let error = try #require(export.diagnostics.first { $0.severity == .error })
    #expect(error.location == SourceLocation(file: "t.csv", row: 2, column: 5))
    #expect(error.columnName == "Trust")
    #expect(error.value == "Maybe")
    #expect(error.message.contains("agreement-5"))
  }

  @Test("non-substantive answers are recognised on every scale", arguments: ["Don't know", "don’t know", "Prefer not to say", "N/A", "Not applicable"])
  func nonSubstantive(_ answer: String) throws {
    let rows = [["Ref", "When", "Quote?", "Area", "Trust", "Hard"], ["a", "", "", "", answer, ""]]
    let export = SurveyLoader.load(table(rows), manifest: try manifest(plain), name: "x")
    guard case .nonSubstantive = export.responses[0].answers[0].reading else {
      Issue.record("\(answer) read as \(export.responses[0].answers[0].reading)")
      return
    }
    #expect(export.diagnostics.isEmpty)
  }

  @Test("a manifest column missing from the export is an error with a suggestion")
  func missingColumn() throws {
    let json = plain.replacingOccurrences(of: "\"Area\"", with: "\"Areas\"")
    let export = SurveyLoader.load(table([["Ref", "When", "Quote?", "Area", "Trust", "Hard"]]), manifest: try manifest(json), name: "x")
    let error = try #require(export.diagnostics.first { $0.severity == .error })
    #expect(error.description == "t.csv:1: error: breakdown locality: column \"Areas\" is not in the export; did you mean \"Area\"?")
  }

  @Test("SmartSurvey: three header rows, epoch times, NA is blank, @SQ@ is an apostrophe")
  func smartSurvey() throws {
    let json = """
      {"source": "parent-carer-survey", "wave": "2021", "file": "s.csv", "layout": "smartsurvey",
       "respondentGroup": "parent carers", "respondentId": "UserID", "submitted": "Ended",
       "measures": [{"measure": "listened-to", "column": "Q2", "scale": "agreement-5"}],
       "freeText": [{"question": "what-works-well", "column": "Q3"}]}
      """
    let rows = [
      ["UserID", "Ended", "Q2", "Q3"],
      ["NA", "NA", "Answer", "NA"],
      ["", "", "", ""],
      ["101", "1612172400", "Agree", "The SENCo@SQ@s been great"],
      ["102", "1612176000", "NA", "NA"],
    ]
    let export = SurveyLoader.load(table(rows), manifest: try manifest(json), name: "s")
    #expect(export.accounting.accepted == 2)
    #expect(export.responses[0].submitted?.iso == "2021-02-01T09:40:00Z")
    #expect(export.responses[0].texts.first?.text == "The SENCo's been great")
    #expect(export.responses[1].answers[0].reading == .blank)
    #expect(export.responses[1].texts.isEmpty)
  }

  @Test("attendance: each row of an events log stands for that many people; a bad count rejects the row")
  func attendance() throws {
    let json = """
      {"source": "participation-event", "wave": "2025", "file": "e.csv", "respondentGroup": "both",
       "attendance": "Number attending"}
      """
    let rows = [["Event", "Number attending"], ["Coffee morning", "12"], ["Forum", "about 5"]]
    let export = SurveyLoader.load(table(rows), manifest: try manifest(json), name: "e")
    #expect(export.responses.map(\.weight) == [12])
    #expect(export.accounting.rejectedBy == ["unreadable attendance": 1])
    #expect(export.diagnostics.first?.location == SourceLocation(file: "t.csv", row: 3, column: 2))
  }

  @Test("respondent group from a column, mapped through the manifest's values")
  func groupColumn() throws {
    let json = """
      {"source": "annual-conversation", "wave": "2025", "file": "g.csv", "layout": "google-forms",
       "respondentGroupColumn": {"column": "Are you a...", "values": {"Young person": "young people", "Parent or carer": "parent carers"}}}
      """
    let rows = [["Timestamp", "Are you a…"], ["14/02/2025 09:30:00", "Young person"], ["14/02/2025 09:31:00", "Grandparent"]]
    let export = SurveyLoader.load(table(rows), manifest: try manifest(json), name: "g")
    #expect(export.responses.map(\.group) == ["young people", "Grandparent"])
  }

  @Test("XLSX rows may end early (a spreadsheet does not store trailing empty cells)")
  func spreadsheetShortRows() throws {
    let json = """
      {"source": "takeover-challenge", "wave": "2025", "file": "t.xlsx", "layout": "microsoft-forms", "respondentGroup": "young people",
       "freeText": [{"question": "takeover-feedback", "column": "Feedback"}]}
      """
    let rows = [["ID", "Start time", "Feedback"], ["1", "2025-02-14T09:30:00"]]
    let export = SurveyLoader.load(table(rows), manifest: try manifest(json), name: "t")
    #expect(export.accounting.accepted == 1)
    #expect(export.responses[0].texts.isEmpty)
  }
}

@Suite("Row cells as a key") struct CellsKeyTests {
  @Test("equal cells are one key; cells split differently, reordered, longer or shorter are not")
  func keys() {
    let long = String(repeating: "Strongly agree ", count: 5)
    let key = CellsKey(["North", long, "", "Agree"])
    #expect(key.byteArray == CellsKey(["North", long, "", "Agree"]).byteArray)
    #expect(key.hash == CellsKey(["North", long, "", "Agree"]).hash)
    for other in [["Nort", "h" + long, "", "Agree"], ["North", long, "Agree", ""], ["North", long, ""], ["North", long, "", "Agree", ""],
                  ["North", long + " ", "", "Agree"], ["north", long, "", "Agree"], ["Nörth", long, "", "Agree"]] {
      #expect(CellsKey(other).byteArray != key.byteArray, "\(other)")
      #expect(CellsKey(other).hash != key.hash, "\(other)")
    }
    #expect(CellsKey(["ab", "c"]).hash != CellsKey(["a", "bc"]).hash)
    #expect(CellsKey([]).hash != CellsKey([""]).hash)
  }

  @Test("a key made from bytes equals the key made from the same cells as text")
  func bytesAndText() {
    let cells = ["North", "", "Strongly agree", "Nörth"]
    var fromBytes = CellsKey()
    let arrays = cells.map { Array($0.utf8) }
    arrays[0].withUnsafeBufferPointer { a in arrays[1].withUnsafeBufferPointer { b in
      arrays[2].withUnsafeBufferPointer { c in arrays[3].withUnsafeBufferPointer { d in fromBytes.set([a, b, c, d]) } } } }
    #expect(fromBytes.byteArray == CellsKey(cells).byteArray)
    #expect(fromBytes.hash == CellsKey(cells).hash)
  }

  @Test("the table finds every key it holds, none it does not, and stops growing at its limit")
  func table() {
    var table = CellsTable<Int>(limit: 1000)
    for i in 0..<1500 { table.insert(i, for: CellsKey(["row \(i)", i.isMultiple(of: 2) ? "" : "odd"])) }
    #expect(table.count == 1000)
    for i in 0..<1000 { #expect(table.value(for: CellsKey(["row \(i)", i.isMultiple(of: 2) ? "" : "odd"])) == i) }
    for i in 1000..<1500 { #expect(table.value(for: CellsKey(["row \(i)", i.isMultiple(of: 2) ? "" : "odd"])) == nil) }
    #expect(table.value(for: CellsKey(["row 1", ""])) == nil)
    var empty = CellsTable<String>(limit: 4)
    empty.insert("no cells", for: CellsKey([]))
    #expect(empty.value(for: CellsKey([])) == "no cells")
    #expect(empty.value(for: CellsKey([""])) == nil)
  }
}
