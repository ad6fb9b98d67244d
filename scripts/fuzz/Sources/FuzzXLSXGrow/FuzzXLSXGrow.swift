import FuzzDriver
import Foundation
@testable import Voices

/// XLSX reader, structure-aware: the input is a program that grows a worksheet (rows far
/// apart, cells at any column up to XFD and past it, runs of repeated rows, every cell type,
/// shared strings in and out of range), zipped into a workbook and read. The reader must give
/// a table that keeps its promises or a `ZIPError` / `XLSXError` / `XMLError`, within
/// `-timeout` and `-rss_limit_mb`: a few bytes of program declare millions of cells, which is
/// what the cell and text limits are for.
///
/// `FuzzXLSXGrow --write-xlsx PROGRAM OUT.xlsx` writes the workbook a program builds, so a
/// finding can be kept as an ordinary .xlsx under Tests/VoicesTests/Fixtures/broken/fuzz/.
enum Grower {
  static let limits = ReadLimits(maximumFieldBytes: 1 << 16, maximumEntryBytes: 64 << 20, maximumArchiveBytes: 128 << 20,
                                 maximumCells: 1_000_000, maximumTextBytes: 16 << 20)

  /// The workbook `program` builds.
  static func workbook(_ program: [UInt8]) -> [UInt8] {
    var p = program[...]
    func next() -> Int { p.isEmpty ? 0 : Int(p.removeFirst()) }
    let flags = next()
    let sharedCount = next() % 8
    var rows: [String] = []
    var row = 0
    var cells = ""
    func flush() {
      if row > 0 { rows.append("<row r=\"\(row)\">\(cells)</row>") }
      cells = ""
    }
    while !p.isEmpty, rows.count < 200_000 {
      let op = next(), a = next(), b = next(), c = next()
      switch op % 8 {
      case 0:  // a new row, near or far
        flush()
        row += c & 1 == 0 ? 1 + a % 4 : 1 + (a | b << 8) << (c >> 4)
      case 6:  // the row so far, repeated
        flush()
        let template = cells
        for _ in 0..<(a * 64 + b) {
          row += 1
          rows.append("<row r=\"\(row)\">\(template)</row>")
        }
      case 7:  // a cell without a reference, or with a broken one
        let refs = ["", " r=\"\"", " r=\"A0\"", " r=\"XFE\(row)\"", " r=\"ZZZZ1\"", " r=\"\(a)\"", " r=\"A\(row)B\"", " r=\"a\(row)\""]
        cells += "<c\(refs[b % refs.count])><v>\(c)</v></c>"
      default:  // a cell at a column near A or near XFD, of some type
        if row == 0 { row = 1 }
        let column = a & 1 == 0 ? 1 + b % 40 : 16_384 - b % 40 + (c & 0x80 == 0 ? 0 : c % 3)
        let ref = "\(SourceLocation.columnLetters(column))\(row)"
        let text = String(repeating: "x", count: c % 17) + (c & 0x40 == 0 ? "" : "&amp;_x0041_")
        switch op % 8 {
        case 1: cells += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
        case 2: cells += "<c r=\"\(ref)\" t=\"s\"><v>\(c % 10)</v></c>"
        case 3: cells += "<c r=\"\(ref)\"><v>\(Int(a) * 1000 + Int(c))</v></c>"
        case 4: cells += "<c r=\"\(ref)\" t=\"b\"><v>\(c % 3)</v></c>"
        default: cells += "<c r=\"\(ref)\" t=\"str\"><f>A1</f><v>\(text)</v></c>"
        }
      }
    }
    flush()
    let sheet = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      + rows.joined() + "</sheetData></worksheet>"
    let shared = "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
      + (0..<sharedCount).map { "<si><t>s\($0)</t></si>" }.joined() + "</sst>"
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var zip = ZIPWriter()
    try? zip.add("_rels/.rels", Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8))
    try? zip.add("xl/workbook.xml", Array("<workbook xmlns=\"\(main)\" xmlns:r=\"\(rel)\"><workbookPr date1904=\"\(flags & 1)\"/><sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".utf8))
    try? zip.add("xl/_rels/workbook.xml.rels", Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>".utf8))
    try? zip.add("xl/worksheets/sheet1.xml", Array(sheet.utf8))
    if flags & 2 == 0 { try? zip.add("xl/sharedStrings.xml", Array(shared.utf8)) }
    return (try? zip.finish()) ?? []
  }

  /// Reads a workbook as the fuzz target does and checks what comes back.
  static func check(_ bytes: [UInt8]) {
    do {
      let table = try XLSXReader.read(bytes: bytes, file: "fuzz.xlsx", limits: limits)
      var streamed: [Record] = []
      try XLSXReader.forEachRecord(bytes: bytes, file: "fuzz.xlsx", sheet: nil, limits: limits) { streamed.append($0) }
      precondition(streamed == table.records, "streaming and whole reads differ")
      var cells = 0
      for (i, record) in table.records.enumerated() {
        precondition(record.row == i + 1, "row numbers are not 1, 2, 3 ...")
        precondition(record.fields.last?.isEmpty != true, "a trailing empty cell was kept")
        precondition(record.fields.count <= 16_384, "a row wider than XFD")
        cells += record.fields.count
      }
      precondition(table.records.last?.fields.isEmpty != true, "a trailing empty row was kept")
      precondition(cells <= limits.maximumCells, "more cells than the limit")
    } catch is ZIPError {
    } catch is XLSXError {
    } catch is XMLError {
    } catch {
      fatalError("unexpected error type: \(error)")
    }
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  Grower.check(Grower.workbook(Array(UnsafeBufferPointer(start: data, count: size))))
  return 0
}

@_cdecl("FuzzXLSXGrow_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  if argc == 4, let flag = argv[1], String(cString: flag) == "--write-xlsx", let input = argv[2], let output = argv[3] {
    guard let program = FileManager.default.contents(atPath: String(cString: input)) else { return 1 }
    return FileManager.default.createFile(atPath: String(cString: output), contents: Data(Grower.workbook([UInt8](program)))) ? 0 : 1
  }
  return runFuzzer(argc, argv, fuzz)
}
