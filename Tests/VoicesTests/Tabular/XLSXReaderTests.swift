import Foundation
import Testing
@testable import Voices

/// What `scripts/make-xlsx-fixtures.py` computed with openpyxl for one fixture workbook.
private struct Expected: Decodable {
  var sheets: [String]
  var rows: [String: [[String]]]
}

private let fixtureNames = [
  "forms-export-openpyxl", "forms-export-xlsxwriter", "two-sheets-openpyxl", "two-sheets-xlsxwriter",
  "date1904-openpyxl", "date1904-xlsxwriter", "formats-and-cells-openpyxl", "formats-and-cells-xlsxwriter",
]

private func read(_ rowsXML: String, sharedStrings: String? = nil, styles: String? = nil, workbookPr: String = "<workbookPr/>", limits: ReadLimits = .standard) throws -> Table {
  let bytes = XLSXBuilderForTests.workbook(
    sheets: [("Sheet1", XLSXBuilderForTests.sheet(rowsXML))], sharedStrings: sharedStrings, styles: styles, workbookPr: workbookPr)
  return try XLSXReader.read(bytes: bytes, file: "t.xlsx", limits: limits)
}

@Suite("XLSX reader") struct XLSXReaderTests {
  @Test("fixtures from two writers read exactly as openpyxl reads them", arguments: fixtureNames)
  func fixtures(_ name: String) throws {
    let url = TestPaths.fixture("xlsx/\(name).xlsx")
    let expected = try JSONDecoder().decode(Expected.self, from: Data(contentsOf: TestPaths.fixture("xlsx/\(name).expected.json")))
    #expect(try XLSXReader.sheetNames(contentsOf: url) == expected.sheets)
    for (index, sheet) in expected.sheets.enumerated() {
      let byName = try XLSXReader.read(contentsOf: url, file: name, sheet: .name(sheet))
      #expect(byName.rows == expected.rows[sheet])
      #expect(byName.records.map(\.row) == Array(1...byName.records.count))
      #expect(try XLSXReader.read(contentsOf: url, sheet: .index(index + 1)) .rows == expected.rows[sheet])
    }
  }

  @Test("a Forms export keeps free text with commas, quotes, newlines and emoji")
  func formsExport() throws {
    let table = try XLSXReader.read(contentsOf: TestPaths.fixture("xlsx/forms-export-xlsxwriter.xlsx"), file: "forms.xlsx")
    #expect(table.file == "forms.xlsx")
    #expect(table.rows[0].prefix(3) == ["ID", "Start time", "Completion time"])
    #expect(table.rows[2][6] == "Line one\nLine two, with a comma\nLine three")
    #expect(table.rows[3][6] == "Très bien — merci 😊 for listening")
    #expect(table.rows[1][1] == "2025-02-14T09:30:00")
    #expect(table.rows[1][11] == "15:15:00")
  }

  @Test("the first sheet is the default; unknown sheets name the ones there are")
  func sheetSelection() throws {
    let url = TestPaths.fixture("xlsx/two-sheets-openpyxl.xlsx")
    #expect(try XLSXReader.read(contentsOf: url).rows.first == ["Respondent", "Answer"])
    #expect(try XLSXReader.read(contentsOf: url, sheet: .index(2)).rows.last == ["Total", "2"])
    #expect(try XLSXReader.read(contentsOf: url, sheet: .name("decision makers")).rows.count == 4)
    #expect(throws: XLSXError.sheetNotFound(file: "exports/takeover.xlsx", requested: .name("Form1"), available: ["Responses", "Decision makers"])) {
      try XLSXReader.read(contentsOf: url, file: "exports/takeover.xlsx", sheet: .name("Form1"))
    }
    #expect(
      XLSXError.sheetNotFound(file: "exports/takeover.xlsx", requested: .name("Form1"), available: ["Sheet1", "Decision makers"]).description
        == "exports/takeover.xlsx: sheet \"Form1\" not found; sheets are \"Sheet1\", \"Decision makers\"")
    #expect(
      XLSXError.sheetNotFound(file: "a.xlsx", requested: .index(3), available: ["A", "B"]).description
        == "a.xlsx: there is no sheet 3; the workbook has 2 sheets: \"A\", \"B\"")
    #expect(throws: XLSXError.self) { try XLSXReader.read(contentsOf: url, sheet: .index(0)) }
  }

  @Test("real workbooks with inline strings and no shared strings (i.AI consult fixtures)")
  func iaiConsult() throws {
    let a = TestPaths.externalFile("vendor-formats/iai-consult-fixtures/qu_format_a_numeric.xlsx")
    #expect(try XLSXReader.sheetNames(contentsOf: a) == ["Demographic", "Open questions", "Hybrid questions", "Multiple Choice"])
    let open = try XLSXReader.read(contentsOf: a, sheet: .name("Open questions"))
    #expect(open.rows.count == 6)
    #expect(open.rows[2] == ["Column ID", "Number", "Title of the question as you want it to appear in the app"])
    #expect(open.rows[3] == ["I", "2", "What role would you and/or your organisation play in achieving these outcomes?"])
    #expect(open.rows[0] == ["Open Questions"])
    let hybrid = try XLSXReader.read(contentsOf: a, sheet: .index(3))
    #expect(hybrid.rows[4] == ["Q", "6", "Have you experienced any challenges with providing information via government digital services when complying with regulatory requirements?", "P"])

    let b = TestPaths.externalFile("vendor-formats/iai-consult-fixtures/qu_format_b_instruction.xlsx")
    #expect(try XLSXReader.sheetNames(contentsOf: b) == ["Demographic", "Multiple Choice", "Hybrid questions", "Open questions"])
    let demographic = try XLSXReader.read(contentsOf: b)
    #expect(demographic.rows.count == 7)
    #expect(demographic.rows[6] == ["C", "Organisation Type"])
    let hybridB = try XLSXReader.read(contentsOf: b, sheet: .name("Hybrid questions"))
    #expect(hybridB.rows[4].first == "AC")
    #expect(hybridB.rows[5][3] == "AL")
    #expect(hybridB.records[5].row == 6)
  }

  @Test("gaps, skipped rows, missing references and trailing empty cells")
  func shape() throws {
    let table = try read("""
      <row r="2"><c r="B2" t="inlineStr"><is><t>b</t></is></c><c r="D2"><v>4</v></c><c r="E2" s="0"/></row>
      <row r="4"><c t="inlineStr"><is><t>a</t></is></c><c><v>2</v></c><c r="E4" t="inlineStr"><is><t></t></is></c></row>
      <row><c r="C5"><v>3</v></c></row>
      <row r="6" spans="1:3"/>
      <row r="7"><c r="A7" s="0"/></row>
      """)
    #expect(table.records == [
      Record(row: 1, fields: []),
      Record(row: 2, fields: ["", "b", "", "4"]),
      Record(row: 3, fields: []),
      Record(row: 4, fields: ["a", "2"]),
      Record(row: 5, fields: ["", "", "3"]),
    ])
  }

  @Test("shared strings: rich runs joined, phonetic runs ignored, spaces kept, Excel escapes decoded")
  func sharedStrings() throws {
    let sst = """
      <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
      <si><t>plain</t></si>
      <si><r><rPr><b/></rPr><t xml:space="preserve">Bold </t></r><r><t>run</t></r></si>
      <si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>
      <si><t xml:space="preserve">  line_x000D_
      next &amp; _x005F_x0041_ </t></si>
      </sst>
      """
    let table = try read(#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>"#, sharedStrings: sst)
    #expect(table.rows == [["plain", "Bold run", "東京", "  line\r\nnext & _x0041_ "]])
    #expect(throws: XLSXError.sharedStringOutOfRange(at: SourceLocation(file: "t.xlsx", row: 1, column: 1), index: "9", count: 4)) {
      try read(#"<row r="1"><c r="A1" t="s"><v>9</v></c></row>"#, sharedStrings: sst)
    }
  }

  @Test("cell types: booleans, errors, formula strings, ISO dates and numbers")
  func cellTypes() throws {
    let table = try read("""
      <row r="1"><c t="b"><v>1</v></c><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c><c t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c>\
      <c t="d"><v>2025-02-14T09:30:00</v></c><c><v>0.10000000000000001</v></c><c><v>1E-3</v></c><c><v>-0</v></c><c><v>12.0</v></c>\
      <c><f>1+1</f></c><c><v>  7 </v></c></row>
      """)
    #expect(table.rows == [["TRUE", "FALSE", "#N/A", "TRUEx", "2025-02-14T09:30:00", "0.1", "0.001", "0", "12", "", "7"]])
    #expect(throws: XLSXError.badNumber(at: SourceLocation(file: "t.xlsx", row: 1, column: 1), text: "abc")) {
      try read(#"<row r="1"><c r="A1"><v>abc</v></c></row>"#)
    }
  }

  @Test("date styles from built-in ids and custom codes, in the 1900 system with its leap-year bug")
  func dateStyles() throws {
    let styles = """
      <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
      <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="&quot;day &quot;0"/></numFmts>
      <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
      <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"/><xf numFmtId="21"/><xf numFmtId="165"/><xf numFmtId="10"/></cellXfs>
      </styleSheet>
      """
    let table = try read("""
      <row r="1"><c s="1"><v>45702</v></c><c s="2"><v>45702.395833333336</v></c><c s="3"><v>0.39583333333333331</v></c><c s="4"><v>45702</v></c><c s="5"><v>0.25</v></c><c s="0"><v>45702</v></c></row>
      <row r="2"><c s="1"><v>1</v></c><c s="1"><v>59</v></c><c s="1"><v>60</v></c><c s="1"><v>61</v></c><c s="2"><v>45702.99999999</v></c><c s="1"><v>-1</v></c></row>
      """, styles: styles)
    #expect(table.rows == [
      ["2025-02-14", "2025-02-14T09:30:00", "09:30:00", "45702", "0.25", "45702"],
      ["1900-01-01", "1900-02-28", "1900-02-29", "1900-03-01", "2025-02-15T00:00:00", "-1"],
    ])
  }

  @Test("the 1904 date system counts from 1904-01-01")
  func date1904() throws {
    let styles = #"<styleSheet><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/></cellXfs></styleSheet>"#
    let table = try read(#"<row r="1"><c s="1"><v>0</v></c><c s="1"><v>44240</v></c><c s="2"><v>1.5</v></c></row>"#, styles: styles, workbookPr: #"<workbookPr date1904="1"/>"#)
    #expect(table.rows == [["1904-01-01", "2025-02-14", "1904-01-02T12:00:00"]])
  }

  @Test("a DOCTYPE in a sheet is refused (billion laughs)")
  func billionLaughs() {
    var lol = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
    for i in 1...9 { lol += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">" }
    lol += "]>"
    let sheet = "<?xml version=\"1.0\"?>" + lol + "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>"
    let bytes = XLSXBuilderForTests.workbook(sheets: [("S", sheet)])
    do {
      _ = try XLSXReader.read(bytes: bytes, file: "lol.xlsx")
      Issue.record("billion laughs was read")
    } catch let error as XMLError {
      guard case .doctypeRefused(let at) = error else { Issue.record("wrong error \(error)"); return }
      #expect(at.document == "lol.xlsx")
      #expect(at.entry == "xl/worksheets/sheet1.xml")
    } catch {
      Issue.record("wrong error \(error)")
    }
  }

  @Test("deeply nested sheet XML is refused")
  func deep() {
    let rows = String(repeating: "<x>", count: 400) + String(repeating: "</x>", count: 400)
    #expect(throws: XMLError.self) { try read(rows) }
  }

  @Test("a cell larger than the field limit is refused with its location")
  func bigCell() {
    let text = String(repeating: "é", count: 120)
    #expect(throws: XMLError.self) { try read(#"<row r="3"><c r="B3" t="inlineStr"><is><t>"# + text + "</t></is></c></row>", limits: ReadLimits(maximumFieldBytes: 200)) }
    let runs = String(repeating: "<r><t>abcdefghij</t></r>", count: 30)
    #expect(throws: XLSXError.fieldTooLarge(at: SourceLocation(file: "t.xlsx", row: 3, column: 2), limit: 200)) {
      try read(#"<row r="3"><c r="B3" t="inlineStr"><is>"# + runs + "</is></c></row>", limits: ReadLimits(maximumFieldBytes: 200))
    }
  }

  @Test("hostile references and rows are refused", arguments: [
    #"<row r="1"><c r="1A"><v>1</v></c></row>"#,
    #"<row r="1"><c r="ZZZZZ1"><v>1</v></c></row>"#,
    #"<row r="1"><c r="XFE1"><v>1</v></c></row>"#,
    #"<row r="0"/>"#,
    #"<row r="2000000"/>"#,
    #"<row r="5"/><row r="3"/>"#,
    #"<row r="x"/>"#,
  ])
  func hostileReferences(_ rows: String) {
    #expect(throws: XLSXError.self) { try read(rows) }
  }

  @Test("workbooks missing their parts are named")
  func missingParts() throws {
    var zip = ZIPBuilderForTests()
    zip.add("hello.txt", "not a workbook")
    #expect(throws: XLSXError.missingPart(file: "w.xlsx", entry: "xl/workbook.xml")) { try XLSXReader.read(bytes: zip.bytes(), file: "w.xlsx") }
    #expect(throws: XLSXError.unreadable(file: "nowhere.xlsx", reason: "no such file, or it cannot be opened")) {
      try XLSXReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/nowhere.xlsx"), file: "nowhere.xlsx")
    }
  }
}

@Suite("XLSX values") struct XLSXValueTests {
  @Test("numbers print as Excel's General shows them, without float noise", arguments: [
    (0.1, "0.1"), (42, "42"), (-7, "-7"), (1.0 / 3.0, "0.3333333333333333"), (0.1 + 0.2, "0.30000000000000004"),
    (123456.789, "123456.789"), (1e-5, "1e-05"), (1e20, "1e+20"), (-0.0, "0"), (1e15, "1000000000000000"),
  ])
  func numbers(_ pair: (Double, String)) {
    #expect(XLSXValue.number(pair.0) == pair.1)
  }

  @Test("format codes that mean dates and times", arguments: [
    ("General", XLSXNumberFormat.general), ("0.00%", .general), ("#,##0.00", .general), ("\"hours\" 0", .general),
    ("[Red]0.00", .general), ("dd/mm/yyyy hh:mm", .dateTime), ("yyyy-mm-dd", .date), ("h:mm AM/PM", .time),
    ("[h]:mm:ss", .time), ("mmm", .date), ("[$-809]dd mmmm yyyy", .date), ("0.0_);\\(0.0\\)", .general),
    ("d\\-mmm", .date), ("mm:ss.0", .time),
  ])
  func classify(_ pair: (String, XLSXNumberFormat)) {
    #expect(XLSXNumberFormat.classify(code: pair.0) == pair.1)
  }

  @Test("built-in format ids", arguments: [(0, XLSXNumberFormat.general), (9, .general), (14, .date), (17, .date), (18, .time), (22, .dateTime), (45, .time), (47, .time), (49, .general)])
  func builtIn(_ pair: (Int, XLSXNumberFormat)) {
    #expect(XLSXNumberFormat.builtIn(pair.0) == pair.1)
  }

  @Test("civil dates round trip across centuries")
  func civil() {
    #expect(XLSXValue.civil(CivilDate.days(year: 2000, month: 2, day: 29)) == "2000-02-29")
    #expect(XLSXValue.civil(CivilDate.days(year: 1900, month: 3, day: 1)) == "1900-03-01")
    #expect(XLSXValue.civil(CivilDate.days(year: 9999, month: 12, day: 31)) == "9999-12-31")
    #expect(XLSXValue.date(serial: 2_958_465, format: .date, date1904: false) == "9999-12-31")
    #expect(XLSXValue.date(serial: 2_958_466, format: .date, date1904: false) == nil)
  }
}
