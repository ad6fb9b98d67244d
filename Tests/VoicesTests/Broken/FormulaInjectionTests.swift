import Foundation
import Testing
@testable import Voices

/// CSV injection (OWASP): no CSV Voices writes holds a cell a spreadsheet would run.
@Suite("Formula injection in CSV") struct FormulaInjectionTests {
  static let payloads = [
    "=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(1,1)", "=HYPERLINK(\"ht\"&\"tp://evil.example\"&\"/x\",\"click\")",
    "\t=1+1", "\r=1+1", "\n=1+1", "  =1+1", "\u{A0}=1+1", "=1+1 Town", "\u{FF1D}1+1", "'=1+1", "''@x", "-", "-1-1", "+44 7700 900982",
  ]

  /// Whether a spreadsheet could take `cell` (as a CSV reader returns it) for a formula.
  static func dangerous(_ cell: String) -> Bool {
    var probe = cell
    return probe.withUTF8(FormulaGuard.isTriggered) && !cell.hasPrefix("'")
  }

  @Test("every payload is written with a leading single quote", arguments: payloads)
  func neutralised(_ payload: String) throws {
    let csv = TableWriter.csv([["h"], [payload]])
    let cell = try CSVReader.read(bytes: Array(csv.utf8), file: "t.csv").rows[1][0]
    #expect(cell == "'" + payload)
    #expect(TableWriter.csvField(payload).hasPrefix("'") || TableWriter.csvField(payload).hasPrefix("\"'"))
  }

  @Test("ordinary cells and plain negative numbers are written as they are",
        arguments: ["Jack said no", "-12", "-3.5", "0.25", "a=b", "it's fine", "'quoted' words", "", " spaced "])
  func untouched(_ cell: String) throws {
    let csv = TableWriter.csv([["h"], [cell]])
    #expect(try CSVReader.read(bytes: Array(csv.utf8), file: "t.csv").rows[1][0] == cell)
  }

  @Test("restored undoes neutralised exactly", arguments: payloads + ["abc", "'abc", "-12", "", "'", "''", "'-", "'=", "'\t"])
  func roundTrip(_ cell: String) {
    #expect(TableWriter.restored(TableWriter.neutralised(cell)) == cell)
  }

  @Test("the byte-level writer (voices code FILE.csv) neutralises as csvField does", arguments: payloads)
  func bytePath(_ payload: String) {
    let out = ByteBuffer(capacity: 64)
    var field = payload
    field.withUTF8 { TableWriter.appendCSVField(utf8: $0, to: out) }
    #expect(String(decoding: out.bytes, as: UTF8.self) == TableWriter.csvField(payload))
  }

  @Test("a review sheet CSV with formulas in ids and comments is neutralised and imports back")
  func reviewSheetRoundTrip() throws {
    let texts = [("=1+1", "=HYPERLINK(\"ht\"&\"tp://evil\") the taxi is always late"), ("-2+3", "@SUM(1,1) still waiting for a plan")]
    var comments = texts.map { CodedComment(responseId: $0.0, wave: "2025", question: "q", text: $0.1, audience: .parentCarers) }
    CodingRun.code(&comments, with: try CodingEngine(ReviewFixture.codebook))
    let rows = ReviewSheet.rows(for: comments, codebook: ReviewFixture.codebook, redactor: Redactor())
    let table = try CSVReader.read(bytes: ReviewSheet.csv(rows), file: "r.csv")
    for row in table.rows { for cell in row { #expect(!Self.dangerous(cell), "\(cell)") } }
    // A reviewer fills it in and saves it as CSV, the guard quote kept (as read) or dropped (as
    // Excel saves a cell it showed as text): the ids and comments match the workspace either way.
    for keepQuote in [true, false] {
      try importFilled(table.rows.map { $0.map { keepQuote ? $0 : TableWriter.restored($0) } }, comments: comments)
    }
  }

  /// Fills in a sheet's rows, writes them as a spreadsheet saves CSV (every field quoted, no
  /// guard added) and imports them.
  func importFilled(_ rows: [[String]], comments: [CodedComment]) throws {
    var filled = rows
    for r in 1..<filled.count where !filled[r][ReviewFixture.column("Proposed theme")].isEmpty {
      filled[r][ReviewFixture.column("Agree?")] = "agree"
      filled[r][ReviewFixture.column("Initials")] = "AB"
    }
    let folder = try ReviewFixture.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("sheet.csv")
    let text = filled.map { $0.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }.joined(separator: "\r\n")
    try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: url)
    let log = DecisionLog(workspaceRoot: folder)
    let summary = try ReviewImport.run(sheetAt: url, log: log, comments: comments, codebook: ReviewFixture.codebook, redactor: Redactor(), at: "2025-03-01T09:00:00Z")
    #expect(summary.errors.isEmpty, "\(summary.errors)")
    #expect(Set(summary.added.map(\.responseId)) == ["=1+1", "-2+3"])
  }

  @Test("a codebook CSV with word lists and a formula label reads back the same")
  func codebookRoundTrip() throws {
    var book = ReviewFixture.codebook
    book.themes[0].label = "=1+1 Waiting"
    book.wordLists = [WordList(name: "negator", patterns: ["no", "not"], notes: "")]
    let csv = book.csv()
    let table = try CSVReader.read(bytes: Array(csv.utf8), file: "c.csv")
    for row in table.rows { for cell in row { #expect(!Self.dangerous(cell), "\(cell)") } }
    let back = try Codebook.parse(csv: csv, file: "c.csv", name: book.name)
    #expect(back.themes.map(\.label) == book.themes.map(\.label))
    #expect(back.wordLists.map(\.name) == ["negator"])
  }

  @Test("voices inspect --format csv and voices redact write no formula")
  func commands() throws {
    let folder = try ReviewFixture.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("in.csv")
    try Data("id,text\r\n=1+1,\"\t=cmd|' /C calc'!A0\"\r\n@x,+1+1\r\n".utf8).write(to: file)
    for arguments in [["inspect", file.path, "--format", "csv"], ["redact", file.path, "--id-column", "id", "--text-column", "text"]] {
      let run = try VoicesRun.run(arguments)
      #expect(run.status == 0, "\(run.stderr)")
      let table = try CSVReader.read(bytes: Array(run.stdout.utf8), file: "out.csv")
      #expect(table.rows.count == 3)
      for row in table.rows { for cell in row { #expect(!Self.dangerous(cell), "\(arguments[0]): \(cell)") } }
    }
  }
}
