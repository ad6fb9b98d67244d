import Foundation
import Testing
@testable import Voices

/// Sheets whose declared shape is far larger than their bytes: one value at column XFD (16,384)
/// on each of many rows, a 100 KB file that used to become 5 GB of empty cells. Every reader
/// refuses it at `ReadLimits.maximumCells`, counted before a row is padded, in well under a
/// second and bounded memory; the same limits bound a CSV read whole.
@Suite("Sheet bombs") struct SheetBombTests {
  /// `rows` rows, each holding one inline-string cell at column XFD.
  static func sparseXFD(rows: Int) -> [UInt8] {
    var xml = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    for r in 1...rows { xml += #"<row r="\#(r)"><c r="XFD\#(r)" t="inlineStr"><is><t>x</t></is></c></row>"# }
    xml += "</sheetData></worksheet>"
    return XLSXBuilderForTests.workbook(sheets: [("Sheet1", xml)])
  }

  static func write(_ bytes: [UInt8], named name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voices-bomb-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url
  }

  /// 4,000,000 cells / 16,384 a row: row 245 is the first past the limit.
  static func expected(_ file: String) -> XLSXError {
    .tooManyCells(at: SourceLocation(file: file, row: 245, column: 16_384), limit: 4_000_000)
  }

  @Test("one value at XFD on 20,000 rows: refused at the cell limit by the table, streaming and summary reads")
  func libraryRefuses() throws {
    let url = try Self.write(Self.sparseXFD(rows: 20_000), named: "bomb.xlsx")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    #expect(throws: Self.expected("b.xlsx")) { try TableReader.read(contentsOf: url, file: "b.xlsx") }
    #expect(throws: Self.expected("b.xlsx")) { try XLSXReader.forEachRecord(contentsOf: url, file: "b.xlsx") { _ in } }
    #expect(throws: Self.expected("b.xlsx")) { try TableDescription.read(contentsOf: url, file: "b.xlsx") }
    #expect(Self.expected("b.xlsx").description
      == "b.xlsx:245:16384: the sheet has more than 4000000 cells up to here, counting the empty cells before each row's last value (values far to the right on many rows?)")
  }

  @Test("the same sheet with few rows still reads: a value at XFD is allowed, its padding counted")
  func fewRowsRead() throws {
    let table = try XLSXReader.read(bytes: Self.sparseXFD(rows: 3), file: "b.xlsx")
    #expect(table.records.count == 3)
    #expect(table.records.allSatisfy { $0.fields.count == 16_384 && $0.fields.last == "x" })
    let small = ReadLimits(maximumCells: 40_000)
    #expect(throws: XLSXError.tooManyCells(at: SourceLocation(file: "b.xlsx", row: 3, column: 16_384), limit: 40_000)) {
      try XLSXReader.read(bytes: Self.sparseXFD(rows: 3), file: "b.xlsx", limits: small)
    }
  }

  @Test("a shared string shown on every row counts once per cell against the text limit")
  func sharedTextLimit() throws {
    let big = String(repeating: "a", count: 1000)
    let shared = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>\#(big)</t></si></sst>"#
    var xml = #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    for r in 1...50 { xml += #"<row r="\#(r)"><c r="A\#(r)" t="s"><v>0</v></c></row>"# }
    xml += "</sheetData></worksheet>"
    let bytes = XLSXBuilderForTests.workbook(sheets: [("Sheet1", xml)], sharedStrings: shared)
    #expect(try XLSXReader.read(bytes: bytes, file: "s.xlsx").records.count == 50)
    #expect(throws: XLSXError.tooMuchText(at: SourceLocation(file: "s.xlsx", row: 21, column: 1), limit: 20_000)) {
      try XLSXReader.read(bytes: bytes, file: "s.xlsx", limits: ReadLimits(maximumTextBytes: 20_000))
    }
  }

  @Test("a CSV read whole stops at the cell and text limits with the record that crossed them")
  func csvLimits() throws {
    let text = (1...100).map { "\($0),a,b,c" }.joined(separator: "\n") + "\n"
    #expect(throws: CSVError.tooManyCells(at: SourceLocation(file: "c.csv", row: 26), limit: 100)) {
      try CSVReader.read(bytes: Array(text.utf8), file: "c.csv", limits: ReadLimits(maximumCells: 100))
    }
    #expect(throws: CSVError.tooMuchText(at: SourceLocation(file: "c.csv", row: 42), limit: 200)) {
      try CSVReader.read(bytes: Array(text.utf8), file: "c.csv", limits: ReadLimits(maximumTextBytes: 200))
    }
    // Streaming holds one record at a time, so the whole-table limits do not apply to it.
    var count = 0
    let url = try Self.write(Array(text.utf8), named: "c.csv")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    try CSVReader.forEachRecord(contentsOf: url, file: "c.csv", limits: ReadLimits(maximumCells: 100)) { _ in count += 1 }
    #expect(count == 100)
  }

  @Test("voices inspect (every format), add and review import refuse the bomb in bounded memory")
  func commandsRefuse() throws {
    let url = try Self.write(Self.sparseXFD(rows: 20_000), named: "bomb-2025.xlsx")
    defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
    let error = "error: \(Self.expected(url.path))\n"
    for format in ["summary", "json", "table", "csv"] {
      // The address space capped as for the 100 MB field: a reader padding rows to XFD (5 GB)
      // would fail here with a different message or a crash.
      let run = try BrokenFileTests.runCapped(["inspect", url.path, "--format", format], kilobytes: 400_000)
      #expect(run.status == 1, "\(format)")
      #expect(run.stdout.isEmpty, "\(format)")
      #expect(run.stderr == error, "\(format)")
    }
    let workspace = try temporaryWorkspace([:])
    defer { try? FileManager.default.removeItem(at: workspace) }
    let add = try BrokenFileTests.runCapped(["add", url.path, workspace.path], kilobytes: 400_000)
    #expect(add.status == 1)
    #expect(add.stderr.contains("bomb-2025.xlsx:245:16384: the sheet has more than 4000000 cells"), "\(add.stderr)")

    let log = DecisionLog(url: url.deletingLastPathComponent().appendingPathComponent("decisions.jsonl"), file: "decisions.jsonl")
    #expect(throws: Self.expected("bomb-2025.xlsx")) { try ReviewFixture.importSheet(url, log: log) }
  }
}
