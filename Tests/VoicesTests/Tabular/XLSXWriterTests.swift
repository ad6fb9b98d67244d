import Foundation
import Testing
@testable import Voices

/// The sample workbook committed as `Fixtures/xlsx-writer/review-sample.xlsx` and checked
/// independently by `scripts/check-xlsx-writer` (openpyxl). Change it and the fixture together:
/// run the tests with `VOICES_WRITE_FIXTURES=1` to rewrite the file, then run the script.
enum XLSXWriterSample {
  static let agree = ["Agree", "Disagree", "Not sure"]
  static let themes = [
    "Waiting times, assessments", "Communication \"with us\"", "EHCP quality", "School support", "Transport",
    "Short breaks", "Mental health (CAMHS)", "Speech and language", "Preparing for adulthood", "Other",
  ]

  static let review = XLSXSheet(
    name: "Review sheet",
    columns: [
      XLSXColumn(header: "ID", width: 8),
      XLSXColumn(header: "Comment", width: 60, wrap: true),
      XLSXColumn(header: "Suggested theme"),
      XLSXColumn(header: "Agree?", width: 12),
      XLSXColumn(header: "Reviewer note", width: 40, wrap: true),
      XLSXColumn(header: "Score"),
      XLSXColumn(header: "Flagged"),
    ],
    rows: [
      [.number(1), .text("We waited 18 months, and nobody \"explained\" why."), .text(themes[0]), .empty, .empty, .number(0.1), .bool(true)],
      [.number(2), .text("Line one\nLine two, with a comma\nLine three"), .text(themes[1]), .text("Agree"), .empty, .number(42), .bool(false)],
      [.number(3), .text("Très bien — merci 😊 for listening"), .text(themes[9]), .empty, .text("  spaces kept  "), .number(-3.5)],
      [.number(4), .text("<b>tags</b> & ampersands; tab\there; CR\r\nLF"), .empty, .text("Disagree")],
      [],
      [.number(6), .text("vertical\u{0B}tab and a literal _x0041_ escape"), .text(themes[3]), .empty, .empty, .number(1_234_567.891)],
    ],
    validations: [
      XLSXValidation(columnIndex: 3, options: agree, prompt: "Do you agree with the suggested theme?", errorMessage: "Choose Agree, Disagree or Not sure."),
      XLSXValidation(columnIndex: 2, options: themes, prompt: "Pick a theme from the codebook"),
    ])

  static let codebook = XLSXSheet(
    name: "Code book",
    columns: [XLSXColumn(header: "Code"), XLSXColumn(header: "Description", width: 50, wrap: true)],
    rows: themes.enumerated().map { [.text("T\($0.offset + 1)"), .text($0.element)] },
    freezeHeader: true, autoFilter: false)

  static func bytes() throws -> [UInt8] { try XLSXWriter.write([review, codebook]) }
}

/// The workbook's parts, unzipped by Voices' own reader.
private func part(_ name: String, of bytes: [UInt8]) throws -> String {
  var zip = try ZIPArchive(bytes: bytes, file: "t.xlsx")
  return String(decoding: try zip.extract(named: name), as: UTF8.self)
}

@Suite("XLSX writer") struct XLSXWriterTests {
  @Test("every cell reads back through Voices' reader exactly, on both sheets")
  func roundTrip() throws {
    let bytes = try XLSXWriterSample.bytes()
    #expect(try XLSXReader.sheetNames(bytes: bytes, file: "t.xlsx") == ["Review sheet", "Code book", "Lists"])
    let review = try XLSXReader.read(bytes: bytes, file: "t.xlsx", sheet: .name("Review sheet"))
    let themes = XLSXWriterSample.themes
    #expect(review.rows == [
      ["ID", "Comment", "Suggested theme", "Agree?", "Reviewer note", "Score", "Flagged"],
      ["1", "We waited 18 months, and nobody \"explained\" why.", themes[0], "", "", "0.1", "TRUE"],
      ["2", "Line one\nLine two, with a comma\nLine three", themes[1], "Agree", "", "42", "FALSE"],
      ["3", "Très bien — merci 😊 for listening", themes[9], "", "  spaces kept  ", "-3.5"],
      ["4", "<b>tags</b> & ampersands; tab\there; CR\r\nLF", "", "Disagree"],
      [],
      ["6", "vertical\u{0B}tab and a literal _x0041_ escape", themes[3], "", "", "1234567.891"],
    ])
    let codebook = try XLSXReader.read(bytes: bytes, file: "t.xlsx", sheet: .index(2))
    #expect(codebook.rows.count == 11)
    #expect(codebook.rows[10] == ["T10", "Other"])
    let lists = try XLSXReader.read(bytes: bytes, file: "t.xlsx", sheet: .name("Lists"))
    #expect(lists.rows == [["Review sheet: Suggested theme"]] + themes.map { [$0] })
  }

  @Test("the same sheets give the same bytes, identical to the fixture openpyxl checks")
  func deterministicAndFixture() throws {
    let bytes = try XLSXWriterSample.bytes()
    #expect(try XLSXWriterSample.bytes() == bytes)
    let url = TestPaths.fixture("xlsx-writer/review-sample.xlsx")
    if ProcessInfo.processInfo.environment["VOICES_WRITE_FIXTURES"] == "1" {
      try XLSXWriter.write([XLSXWriterSample.review, XLSXWriterSample.codebook], to: url)
    }
    #expect([UInt8](try Data(contentsOf: url)) == bytes, "rerun with VOICES_WRITE_FIXTURES=1, then scripts/check-xlsx-writer")
  }

  @Test("the sheet freezes its header, filters it, sets widths and wraps the comment column")
  func sheetStructure() throws {
    let xml = try part("xl/worksheets/sheet1.xml", of: XLSXWriterSample.bytes())
    #expect(xml.contains("<dimension ref=\"A1:G7\"/>"))
    #expect(xml.contains("<sheetView tabSelected=\"1\" workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
    #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"8\" style=\"3\" customWidth=\"1\"/>"))
    #expect(xml.contains("<col min=\"2\" max=\"2\" width=\"60\" style=\"2\" customWidth=\"1\"/>"))
    // Automatic: the longest theme is 26 characters, plus 2.
    #expect(xml.contains("<col min=\"3\" max=\"3\" width=\"28\" style=\"3\" customWidth=\"1\"/>"))
    #expect(xml.contains("<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>"))
    #expect(xml.contains("<c r=\"B2\" s=\"2\" t=\"s\">"))
    #expect(xml.contains("<c r=\"F2\" s=\"3\"><v>0.1</v></c><c r=\"G2\" s=\"3\" t=\"b\"><v>1</v></c>"))
    #expect(xml.contains("<autoFilter ref=\"A1:G7\"/>"))
    #expect(!xml.contains("<row r=\"6\""))
    let styles = try part("xl/styles.xml", of: XLSXWriterSample.bytes())
    #expect(styles.contains("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"))
    #expect(styles.contains("<font><b/>"))
  }

  @Test("short lists are inline; lists with commas or quotes point at the hidden Lists sheet")
  func validations() throws {
    let bytes = try XLSXWriterSample.bytes()
    let xml = try part("xl/worksheets/sheet1.xml", of: bytes)
    #expect(xml.contains(
      "<dataValidations count=\"2\"><dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" errorTitle=\"Not in the list\" error=\"Choose Agree, Disagree or Not sure.\" prompt=\"Do you agree with the suggested theme?\" sqref=\"D2:D7\"><formula1>\"Agree,Disagree,Not sure\"</formula1></dataValidation>"))
    #expect(xml.contains("sqref=\"C2:C7\"><formula1>Lists!$A$2:$A$11</formula1></dataValidation></dataValidations>"))
    let workbook = try part("xl/workbook.xml", of: bytes)
    #expect(workbook.contains("<sheet name=\"Lists\" sheetId=\"3\" state=\"hidden\" r:id=\"rId3\"/>"))
    #expect(workbook.contains("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">'Review sheet'!$A$1:$G$7</definedName>"))
    #expect(!workbook.contains("localSheetId=\"1\""))
  }

  @Test("inline lists only when Excel can read them back", arguments: [
    (["Agree", "Disagree"], true),
    (["Yes, mostly", "No"], false),
    (["Say \"yes\"", "No"], false),
    ([" Agree", "Disagree"], false),
    ([String(repeating: "x", count: 200), String(repeating: "y", count: 54)], true),
    ([String(repeating: "x", count: 200), String(repeating: "y", count: 55)], false),
  ])
  func inlineRule(_ options: [String], _ inline: Bool) {
    #expect(XLSXWriter.fitsInlineList(options) == inline)
  }

  @Test("inline list options are written as plain formula text, not _xHHHH_-escaped")
  func inlineFormulaText() throws {
    let sheet = XLSXSheet(
      name: "A", columns: [XLSXColumn(header: "A")], rows: [[.text("x")]],
      validations: [XLSXValidation(columnIndex: 0, rows: 2...2, options: ["a_x0041_b", "R&D <1>"])])
    let xml = try part("xl/worksheets/sheet1.xml", of: XLSXWriter.write([sheet]))
    #expect(xml.contains("sqref=\"A2\"><formula1>\"a_x0041_b,R&amp;D &lt;1&gt;\"</formula1>"))
  }

  @Test("a second Lists sheet gets a free name, and identical lists share one column")
  func listsSheetName() throws {
    let long = (1...30).map { "Option \($0)" }
    let a = XLSXSheet(
      name: "Lists", columns: [XLSXColumn(header: "A"), XLSXColumn(header: "B")], rows: [[.text("x")]],
      validations: [XLSXValidation(columnIndex: 0, options: long), XLSXValidation(columnIndex: 1, options: long)])
    let bytes = try XLSXWriter.write([a])
    #expect(try XLSXReader.sheetNames(bytes: bytes, file: "t.xlsx") == ["Lists", "Lists 2"])
    let xml = try part("xl/worksheets/sheet1.xml", of: bytes)
    #expect(xml.components(separatedBy: "<formula1>'Lists 2'!$A$2:$A$31</formula1>").count == 3)
  }

  @Test("text is escaped for XML and for Excel's _xHHHH_ decoding", arguments: [
    ("plain", "plain"),
    ("a & b < c > d", "a &amp; b &lt; c &gt; d"),
    ("quote \" and ' apostrophe", "quote \" and ' apostrophe"),
    ("tab\tnewline\n", "tab\tnewline\n"),
    ("cr\r", "cr_x000D_"),
    ("bell\u{07}nul\u{00}", "bell_x0007_nul_x0000_"),
    ("_x0041_ and _X00ff_", "_x005F_x0041_ and _x005F_X00ff_"),
    ("_x004_ and snake_case_x", "_x004_ and snake_case_x"),
    ("bad \u{FFFE}\u{FFFF} chars", "bad _xFFFE__xFFFF_ chars"),
    ("emoji 😊 é", "emoji 😊 é"),
  ])
  func escaping(_ text: String, _ expected: String) {
    var out: [UInt8] = []
    XLSXWriter.appendEscapedText(text, to: &out)
    #expect(String(decoding: out, as: UTF8.self) == expected)
  }

  @Test("attributes escape quotes and keep line breaks as character references")
  func attributeEscaping() {
    var out: [UInt8] = []
    XLSXWriter.appendEscapedAttribute("Say \"yes\" & <go>\nnext\u{01}", to: &out)
    #expect(String(decoding: out, as: UTF8.self) == "Say &quot;yes&quot; &amp; &lt;go&gt;&#10;next")
  }

  @Test("column letters and formula sheet names", arguments: [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")])
  func letters(_ index: Int, _ letters: String) {
    #expect(XLSXWriter.columnLetters(index) == letters)
  }

  @Test("sheet names in formulas are quoted when they must be", arguments: [
    ("Lists", "Lists"), ("Review sheet", "'Review sheet'"), ("Bob's", "'Bob''s'"), ("2025", "'2025'"), ("AB12", "'AB12'"),
    ("Code_book", "Code_book"), ("Année", "'Année'"),
  ])
  func formulaNames(_ name: String, _ quoted: String) {
    #expect(XLSXWriter.formulaSheetName(name) == quoted)
  }

  @Test("numbers are written as the shortest text that reads back the same", arguments: [
    (42.0, "42"), (-0.0, "0"), (0.1, "0.1"), (-3.5, "-3.5"), (1e-05, "1e-05"), (1e20, "1e+20"), (9_007_199_254_740_991, "9007199254740991"), (1.5e300, "1.5e+300"),
  ])
  func numbers(_ value: Double, _ text: String) {
    #expect(XLSXWriter.numberText(value) == text)
    #expect(Double(text) == value)
  }

  @Test("sheet names Excel refuses are refused with the rule they break", arguments: [
    ("", "is empty; a sheet needs a name"),
    (String(repeating: "a", count: 32), "is longer than Excel's limit of 31 characters"),
    ("Q1/Q2", "contains \"/\"; Excel does not allow any of [ ] : * ? / \\ in sheet names"),
    ("What?", "contains \"?\"; Excel does not allow any of [ ] : * ? / \\ in sheet names"),
    ("[draft]", "contains \"[\"; Excel does not allow any of [ ] : * ? / \\ in sheet names"),
    ("'quoted'", "starts or ends with an apostrophe, which Excel does not allow"),
    ("line\nbreak", "contains a control character"),
    ("History", "is reserved by Excel"),
  ])
  func badSheetNames(_ name: String, _ reason: String) {
    let sheet = XLSXSheet(name: name, columns: [XLSXColumn(header: "A")], rows: [])
    #expect(throws: XLSXWriteError.badSheetName(name, reason: reason)) { try XLSXWriter.write([sheet]) }
  }

  @Test("31 characters, emoji and apostrophes inside are fine")
  func goodSheetNames() throws {
    let names = [String(repeating: "a", count: 31), "Parents' views 😊", "Wave 3 (2025)"]
    let sheets = names.map { XLSXSheet(name: $0, columns: [XLSXColumn(header: "A")], rows: [[.text("x")]]) }
    #expect(try XLSXReader.sheetNames(bytes: XLSXWriter.write(sheets), file: "t.xlsx") == names)
  }

  @Test("other mistakes are refused with a message that names the place")
  func errors() {
    let one = [XLSXColumn(header: "A")]
    #expect(throws: XLSXWriteError.noSheets) { try XLSXWriter.write([]) }
    #expect(throws: XLSXWriteError.duplicateSheetName("review")) {
      try XLSXWriter.write([XLSXSheet(name: "Review", columns: one, rows: []), XLSXSheet(name: "review", columns: one, rows: [])])
    }
    #expect(throws: XLSXWriteError.noVisibleSheet) {
      try XLSXWriter.write([XLSXSheet(name: "A", columns: one, rows: [], hidden: true)])
    }
    #expect(throws: XLSXWriteError.rowTooLong(sheet: "A", row: 3, cells: 2, columns: 1)) {
      try XLSXWriter.write([XLSXSheet(name: "A", columns: one, rows: [[.text("ok")], [.text("x"), .text("y")]])])
    }
    #expect(throws: XLSXWriteError.nonFiniteNumber(cell: "'My sheet'!A2")) {
      try XLSXWriter.write([XLSXSheet(name: "My sheet", columns: one, rows: [[.number(.nan)]])])
    }
    #expect(throws: XLSXWriteError.textTooLong(cell: "A!A2", limit: 32_767)) {
      try XLSXWriter.write([XLSXSheet(name: "A", columns: one, rows: [[.text(String(repeating: "x", count: 32_768))]])])
    }
    #expect(throws: XLSXWriteError.badColumnWidth(sheet: "A", column: 0, width: 300)) {
      try XLSXWriter.write([XLSXSheet(name: "A", columns: [XLSXColumn(header: "A", width: 300)], rows: [])])
    }
    #expect(throws: XLSXWriteError.badValidation(sheet: "A", detail: "is on column 3 but the sheet has 1 columns")) {
      try XLSXWriter.write([XLSXSheet(name: "A", columns: one, rows: [], validations: [XLSXValidation(columnIndex: 2, options: ["x"])])])
    }
    #expect(throws: XLSXWriteError.badValidation(sheet: "A", detail: "on column A (A) has no options")) {
      try XLSXWriter.write([XLSXSheet(name: "A", columns: one, rows: [], validations: [XLSXValidation(columnIndex: 0, options: [])])])
    }
    #expect(
      XLSXWriteError.nonFiniteNumber(cell: "'My sheet'!A2").description
        == "'My sheet'!A2: a workbook cannot store NaN or infinity; write text or leave the cell empty")
    #expect(
      XLSXWriteError.badSheetName("Q1/Q2", reason: "contains \"/\"").description == "sheet name \"Q1/Q2\" contains \"/\"")
  }

  @Test("a sheet with no freeze, no filter and no rows is still a valid workbook")
  func plainSheet() throws {
    let sheet = XLSXSheet(name: "Plain", columns: [XLSXColumn(header: "Only header")], rows: [], freezeHeader: false, autoFilter: false)
    let bytes = try XLSXWriter.write([sheet])
    #expect(try XLSXReader.read(bytes: bytes, file: "t.xlsx").rows == [["Only header"]])
    let xml = try part("xl/worksheets/sheet1.xml", of: bytes)
    #expect(!xml.contains("<pane") && !xml.contains("<autoFilter") && !xml.contains("<dataValidations"))
    #expect(!(try part("xl/workbook.xml", of: bytes)).contains("definedName"))
  }

  @Test("writing to a file replaces it atomically and reads back")
  func writeFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voices-xlsxw-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("review.xlsx")
    try Data("old".utf8).write(to: url)
    try XLSXWriter.write([XLSXWriterSample.review], to: url)
    #expect(try XLSXReader.read(contentsOf: url).rows[2][0] == "2")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["review.xlsx"])
  }
}
