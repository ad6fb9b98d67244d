import Foundation
import Testing
@testable import Voices

/// The broken and hostile files in `Fixtures/broken/` (made by
/// `scripts/fuzz/make-broken-fixtures.py`, which builds its ZIP archives with Python's struct
/// and zlib), each read through the library and through the real `voices` binary.
///
/// Every one gives one error naming the file and, where it has one, the entry, line and column;
/// the binary exits 1 and `voices inspect` writes nothing to stdout, so no partial table is
/// ever mistaken for the file's content.
@Suite("Broken files") struct BrokenFileTests {
  static func path(_ name: String) -> String { TestPaths.fixture("broken/\(name)").path }
  static func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path(name)))) }

  static let sheet = "xl/worksheets/sheet1.xml"

  /// Each file that must not read, with the error the library throws for it.
  static let refused: [(String, any Error & CustomStringConvertible & Equatable)] = [
    ("truncated.xlsx", ZIPError.truncated(file: path("truncated.xlsx"), detail: "the end of central directory record is missing")),
    ("zip-bomb-ratio.xlsx", ZIPError.compressionRatioExceeded(file: path("zip-bomb-ratio.xlsx"), entry: sheet, ratio: 200)),
    ("zip-bomb-declared-size.xlsx", ZIPError.entryTooLarge(file: path("zip-bomb-declared-size.xlsx"), entry: sheet, limit: 1 << 30)),
    ("zip-bomb-lying-size.xlsx", ZIPError.sizeMismatch(file: path("zip-bomb-lying-size.xlsx"), entry: sheet, declared: 2000, actual: Inflate.chunkBytes)),
    ("xml-billion-laughs.xlsx", XMLError.doctypeRefused(at: XMLLocation(document: path("xml-billion-laughs.xlsx"), entry: sheet, line: 2, column: 1, offset: 22))),
    ("xml-external-entity.xlsx", XMLError.doctypeRefused(at: XMLLocation(document: path("xml-external-entity.xlsx"), entry: sheet, line: 2, column: 1, offset: 22))),
    ("xml-deep-nesting.xlsx", XMLError.tooDeep(at: XMLLocation(document: path("xml-deep-nesting.xlsx"), entry: sheet, line: 2, column: 881, offset: 919), limit: 256)),
    ("nul-bytes.csv", CSVError.nulByte(at: SourceLocation(file: path("nul-bytes.csv"), row: 3, column: 2))),
    ("invalid-utf16.csv", CSVError.invalidUTF16(at: SourceLocation(file: path("invalid-utf16.csv"), row: 2), byteOffset: 22,
                                                 reason: "a high surrogate is not followed by a low surrogate")),
  ]

  @Test("the library refuses each hostile or damaged file with its exact error", arguments: refused.map(\.0))
  func libraryRefuses(_ name: String) throws {
    let expected = try #require(Self.refused.first { $0.0 == name }?.1)
    do {
      let table = try TableReader.read(contentsOf: URL(fileURLWithPath: Self.path(name)), file: Self.path(name))
      Issue.record("\(name) read as \(table.records.count) records; expected \(expected)")
    } catch {
      #expect("\(error)" == "\(expected)")
      #expect(Self.equal(error, expected))
    }
  }

  static func equal(_ error: any Error, _ expected: any Error & Equatable) -> Bool {
    func check<E: Error & Equatable>(_ e: E) -> Bool { (error as? E) == e }
    return check(expected)
  }

  @Test("voices inspect: exit 1, one error line with the location, nothing on stdout", arguments: refused.map(\.0))
  func commandRefuses(_ name: String) throws {
    let expected = try #require(Self.refused.first { $0.0 == name }?.1)
    for format in ["json", "table", "csv", "summary"] {
      let run = try VoicesRun.run(["inspect", Self.path(name), "--format", format], environment: ["NO_COLOR": "1"])
      #expect(run.status == 1, "\(name) --format \(format)")
      #expect(run.stdout.isEmpty, "\(name) --format \(format) printed \(run.stdout.prefix(200))")
      #expect(run.stderr == "error: \(expected)\n", "\(name) --format \(format)")
    }
  }

  @Test("ZIP size limits: the entry size and the archive total, with small limits")
  func zipLimits() throws {
    let bomb = try Self.bytes("zip-bomb-ratio.xlsx")
    let entryLimit = ReadLimits(maximumEntryBytes: 1 << 20, maximumCompressionRatio: 100_000)
    #expect(throws: ZIPError.entryTooLarge(file: "b.xlsx", entry: Self.sheet, limit: 1 << 20)) {
      try XLSXReader.read(bytes: bomb, file: "b.xlsx", limits: entryLimit)
    }
    let total = ReadLimits(maximumCompressionRatio: 100_000, maximumArchiveBytes: 4 << 20)
    #expect(throws: ZIPError.archiveTooLarge(file: "b.xlsx", limit: 4 << 20)) {
      try XLSXReader.read(bytes: bomb, file: "b.xlsx", limits: total)
    }
    // The same workbook without the padding reads, so it is the size that is refused.
    #expect(try XLSXReader.read(bytes: Self.bytes("good.xlsx"), file: "g.xlsx").rows == [["ID"], ["1"]])
  }

  @Test("a lying ZIP size says how much it held at least, not one byte")
  func lyingSizeMessage() throws {
    let error = ZIPError.sizeMismatch(file: "x.xlsx", entry: Self.sheet, declared: 2000, actual: 65536)
    #expect(error.description == "x.xlsx: entry xl/worksheets/sheet1.xml should hold 2000 bytes but holds at least 65536")
    let short = ZIPError.sizeMismatch(file: "x.xlsx", entry: Self.sheet, declared: 2000, actual: 1500)
    #expect(short.description == "x.xlsx: entry xl/worksheets/sheet1.xml should hold 2000 bytes but holds 1500")
  }

  @Test("invalid UTF-8 is read as Windows-1252, with one warning saying so")
  func invalidUTF8() throws {
    let path = Self.path("invalid-utf8.csv")
    let table = try CSVReader.read(contentsOf: URL(fileURLWithPath: path), file: path)
    #expect(table.rows == [["ID", "Comment"], ["1", "café \u{201C}quoted\u{201D}"], ["2", "plain"]])
    let warning = ReadWarning(location: SourceLocation(file: path, row: 2),
      message: "not valid UTF-8 (first invalid byte 0xE9 at byte offset 16); read the whole file as Windows-1252")
    #expect(table.warnings == [warning])
    let run = try VoicesRun.run(["inspect", path, "--format", "json"], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0)
    #expect(run.stderr == "\(warning)\n")
    #expect(run.stdout.contains("café \u{201C}quoted\u{201D}"))
  }

  @Test("mixed CRLF, LF and CR line ends read as the same records; a quoted CRLF is kept")
  func mixedLineEndings() throws {
    let path = Self.path("mixed-line-endings.csv")
    let table = try CSVReader.read(contentsOf: URL(fileURLWithPath: path), file: path)
    #expect(table.rows == [["ID", "Name"], ["1", "Ada"], ["2", "Grace"], ["3", "two\r\nlines"], ["4", "Last"]])
    #expect(table.records.map(\.row) == [1, 2, 3, 4, 6])
    #expect(table.warnings.isEmpty)
    let run = try VoicesRun.run(["inspect", path, "--format", "json"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
  }

  @Test("an empty file and a header-only file read as they are; inspect shows them, exit 0")
  func emptyAndHeaderOnlyInspect() throws {
    #expect(try CSVReader.read(contentsOf: URL(fileURLWithPath: Self.path("empty.csv"))).records.isEmpty)
    #expect(try CSVReader.read(contentsOf: URL(fileURLWithPath: Self.path("header-only.csv"))).rows == [["ID", "Name", "Score"]])
    let run = try VoicesRun.run(["inspect", Self.path("empty.csv"), "--format", "json"])
    #expect(run.status == 0)
    #expect(run.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[\n\n]" || run.stdout.filter { !$0.isWhitespace } == "[]")
  }

  /// Writes `ID,Comment` then one 100 MB field, 1 MiB at a time, into a temporary folder.
  static func hundredMegabyteField() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("voices-big-field-\(UUID().uuidString).csv")
    FileManager.default.createFile(atPath: url.path, contents: Data("ID,Comment\n1,".utf8))
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.seekToEnd()
    let block = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)
    for _ in 0..<100 { try handle.write(contentsOf: block) }
    try handle.write(contentsOf: Data("\n".utf8))
    return url
  }

  @Test("a 100 MB field stops at the 16 MiB field limit with its line and field, in bounded memory")
  func hugeField() throws {
    let url = try Self.hundredMegabyteField()
    defer { try? FileManager.default.removeItem(at: url) }
    let expected = CSVError.fieldTooLarge(at: SourceLocation(file: url.path, row: 2, column: 2), limit: 16 << 20)
    #expect(throws: expected) { try CSVReader.forEachRecord(contentsOf: url, file: url.path) { _ in } }
    #expect(throws: expected) { try TableReader.read(contentsOf: url, file: url.path) }
    let run = try VoicesRun.run(["inspect", url.path, "--format", "json"], environment: ["NO_COLOR": "1"])
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "error: \(expected)\n")
    // Again with the address space capped at 160 MB: a debug `voices` needs about 100 MB to
    // start, so a reader holding the 100 MB file (or the field) would fail here; a streaming one
    // stops at the limit with the same one error.
    let capped = try Self.runCapped(["inspect", url.path, "--format", "json"], kilobytes: 160_000)
    #expect(capped.status == 1)
    #expect(capped.stdout.isEmpty)
    #expect(capped.stderr == "error: \(expected)\n")
  }

  /// Runs `voices` with its address space capped at `kilobytes` (`ulimit -v` in `/bin/sh`).
  static func runCapped(_ arguments: [String], kilobytes: Int) throws -> VoicesRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "ulimit -v \(kilobytes) && exec \"$0\" \"$@\"", VoicesRun.binary.path] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return VoicesRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }

  // MARK: - Through a manifest

  /// A workspace holding one broken export and a plain-layout manifest naming `columns`.
  static func workspace(export name: String, freeText: [String] = [], measures: [String] = []) throws -> URL {
    let texts = freeText.enumerated().map { #"{"question": "q\#($0.offset + 1)", "column": "\#($0.element)"}"# }
    let scored = measures.enumerated().map { #"{"measure": "m\#($0.offset + 1)", "column": "\#($0.element)", "scale": "yes-partly-no"}"# }
    let manifest = """
      {"manifestVersion": 1, "source": "other", "wave": "2025", "file": "exports/\(name)", "layout": "plain",
       "respondentGroup": "parent carers", "freeText": [\(texts.joined(separator: ", "))], "measures": [\(scored.joined(separator: ", "))]}
      """
    let root = try temporaryWorkspace(["manifests/broken.json": manifest])
    try FileManager.default.createDirectory(at: root.appendingPathComponent("exports"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: path(name), toPath: root.appendingPathComponent("exports/\(name)").path)
    return root
  }

  static func loadOnly(_ root: URL) throws -> SurveyExport {
    let load = try Workspace.open(root.path).load()
    #expect(load.diagnostics.isEmpty)
    return try #require(load.exports.first)
  }

  @Test("duplicated headers are named X (2); a manifest naming X gets the first X column")
  func duplicateHeaders() throws {
    let root = try Self.workspace(export: "duplicate-headers.csv", freeText: ["Name", "Name (2)"])
    defer { try? FileManager.default.removeItem(at: root) }
    let export = try Self.loadOnly(root)
    #expect(export.columns == ["ID", "Name", "Name (2)", "Score"])
    let texts = try #require(export.responses.first).texts
    #expect(texts == [FreeTextAnswer(question: "q1", text: "first", column: 2), FreeTextAnswer(question: "q2", text: "second", column: 3)])
    let run = try VoicesRun.run(["validate", root.path], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0)
  }

  @Test("an empty export: one error at row 1, exit 1")
  func emptyExport() throws {
    let root = try Self.workspace(export: "empty.csv")
    defer { try? FileManager.default.removeItem(at: root) }
    let export = try Self.loadOnly(root)
    let file = "\(root.path)/exports/empty.csv"
    #expect(export.diagnostics == [Diagnostic(.error, at: SourceLocation(file: file, row: 1),
      "the file has no header row; a plain sheet export starts with 1 header row")])
    let run = try VoicesRun.run(["validate", root.path], environment: ["NO_COLOR": "1"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("\(file):1: error: the file has no header row"))
  }

  @Test("a header with no rows: a warning at the header row, no responses, exit 0")
  func headerOnly() throws {
    let root = try Self.workspace(export: "header-only.csv")
    defer { try? FileManager.default.removeItem(at: root) }
    let export = try Self.loadOnly(root)
    let file = "\(root.path)/exports/header-only.csv"
    #expect(export.responses.isEmpty)
    #expect(export.diagnostics == [Diagnostic(.warning, at: SourceLocation(file: file, row: 1), "the export has a header but no responses")])
    let run = try VoicesRun.run(["validate", root.path], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0)
    #expect(run.stderr.contains("\(file):1: warning: the export has a header but no responses"))
  }

  @Test("a manifest naming columns the export lacks: one error per column at the header row, exit 1")
  func missingColumns() throws {
    let root = try Self.workspace(export: "missing-columns.csv", freeText: ["Anything else?"], measures: ["How satisfied are you"])
    defer { try? FileManager.default.removeItem(at: root) }
    let export = try Self.loadOnly(root)
    let file = "\(root.path)/exports/missing-columns.csv"
    let errors = export.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.location) == [SourceLocation(file: file, row: 1), SourceLocation(file: file, row: 1)])
    #expect(errors.contains { $0.message.contains("column \"Anything else?\" is not in the export") })
    #expect(errors.contains { $0.message.contains("column \"How satisfied are you\" is not in the export; did you mean \"How satisfied are you?\"?") })
    let run = try VoicesRun.run(["validate", root.path], environment: ["NO_COLOR": "1"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("\(file):1: error: "))
  }
}
