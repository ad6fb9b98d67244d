import Foundation
import Testing
@testable import Voices

@Suite("ZIP archive") struct ZIPArchiveTests {
  @Test("reads stored and deflated entries, checking CRC and size", arguments: [UInt16(0), 8])
  func roundTrip(_ method: UInt16) throws {
    var builder = ZIPBuilderForTests()
    builder.add("a.txt", "hello, hello, hello, world", method: method)
    builder.add("dir/b.xml", "<a>é😊</a>", method: method)
    var zip = try ZIPArchive(bytes: builder.bytes(), file: "t.zip")
    #expect(zip.entries.map(\.name) == ["a.txt", "dir/b.xml"])
    #expect(zip.entries.map(\.method) == [Int(method), Int(method)])
    #expect(String(decoding: try zip.extract(named: "dir/b.xml"), as: UTF8.self) == "<a>é😊</a>")
    #expect(String(decoding: try zip.extract(named: "a.txt"), as: UTF8.self) == "hello, hello, hello, world")
  }

  @Test("reads ZIP64 directories, sizes and offsets")
  func zip64() throws {
    var builder = ZIPBuilderForTests()
    builder.zip64 = true
    builder.add("a.txt", "first")
    builder.add("b.txt", "second entry", method: 0)
    var zip = try ZIPArchive(bytes: builder.bytes(), file: "t.zip")
    #expect(zip.entries.map(\.name) == ["a.txt", "b.txt"])
    #expect(zip.entries.map(\.uncompressedSize) == [5, 12])
    #expect(String(decoding: try zip.extract(named: "b.txt"), as: UTF8.self) == "second entry")
    #expect(String(decoding: try zip.extract(named: "a.txt"), as: UTF8.self) == "first")
  }

  @Test("reads archives written by Python's zipfile (the fixtures)")
  func pythonWritten() throws {
    let bytes = try [UInt8](Data(contentsOf: TestPaths.fixture("xlsx/two-sheets-openpyxl.xlsx")))
    var zip = try ZIPArchive(bytes: bytes, file: "two-sheets.xlsx")
    #expect(zip.entry(named: "xl/workbook.xml") != nil)
    let workbook = String(decoding: try zip.extract(named: "xl/workbook.xml"), as: UTF8.self)
    #expect(workbook.contains("Decision makers"))
  }

  @Test("a ZIP bomb beyond the compression ratio is refused before inflating")
  func bombRatio() throws {
    var builder = ZIPBuilderForTests()
    builder.items.append(.init(name: "xl/worksheets/sheet1.xml", data: [UInt8](repeating: 0x41, count: 20 << 20)))
    var zip = try ZIPArchive(bytes: builder.bytes(), file: "exports/x.xlsx")
    #expect(throws: ZIPError.compressionRatioExceeded(file: "exports/x.xlsx", entry: "xl/worksheets/sheet1.xml", ratio: 200)) {
      try zip.extract(named: "xl/worksheets/sheet1.xml")
    }
    let message = ZIPError.compressionRatioExceeded(file: "exports/x.xlsx", entry: "xl/worksheets/sheet1.xml", ratio: 200).description
    #expect(message == "exports/x.xlsx: entry xl/worksheets/sheet1.xml expands past 200x its compressed size (possible ZIP bomb); refused")
  }

  @Test("a bomb that lies about its size stops at the declared size")
  func bombLying() throws {
    var builder = ZIPBuilderForTests()
    builder.items.append(.init(name: "bomb", data: [UInt8](repeating: 0, count: 20 << 20), declaredSize: 1000))
    var zip = try ZIPArchive(bytes: builder.bytes(), file: "b.zip")
    #expect(throws: ZIPError.self) { try zip.extract(named: "bomb") }
    do {
      _ = try zip.extract(named: "bomb")
    } catch {
      guard case .sizeMismatch(_, _, let declared, _) = error else {
        Issue.record("expected sizeMismatch, got \(error)")
        return
      }
      #expect(declared == 1000)
    }
  }

  @Test("the ratio is also enforced while inflating when declared sizes are within it")
  func ratioWhileInflating() throws {
    var builder = ZIPBuilderForTests()
    builder.items.append(.init(name: "bomb", data: [UInt8](repeating: 7, count: 4 << 20)))
    var zip = try ZIPArchive(bytes: builder.bytes(), file: "b.zip", limits: ReadLimits(maximumCompressionRatio: 50))
    #expect(throws: ZIPError.compressionRatioExceeded(file: "b.zip", entry: "bomb", ratio: 50)) {
      try zip.extract(named: "bomb")
    }
  }

  @Test("an entry beyond the entry size limit is refused")
  func entryLimit() throws {
    var builder = ZIPBuilderForTests()
    var noise: [UInt8] = []
    var state: UInt32 = 12345
    for _ in 0..<(2 << 20) {
      state = state &* 1_103_515_245 &+ 12345
      noise.append(UInt8(truncatingIfNeeded: state >> 16))
    }
    builder.items.append(.init(name: "big", data: noise))
    var zip = try ZIPArchive(bytes: builder.bytes(), file: "b.zip", limits: ReadLimits(maximumEntryBytes: 1 << 20))
    #expect(throws: ZIPError.entryTooLarge(file: "b.zip", entry: "big", limit: 1 << 20)) { try zip.extract(named: "big") }
  }

  @Test("everything read from one archive is bounded")
  func archiveLimit() throws {
    var builder = ZIPBuilderForTests()
    builder.add("a", String(repeating: "x", count: 600))
    builder.add("b", String(repeating: "y", count: 600))
    let bytes = builder.bytes()
    #expect(bytes.count < 1000)
    var zip = try ZIPArchive(bytes: bytes, file: "t.zip", limits: ReadLimits(maximumArchiveBytes: 1000))
    _ = try zip.extract(named: "a")
    #expect(throws: ZIPError.archiveTooLarge(file: "t.zip", limit: 1000)) { try zip.extract(named: "b") }
    #expect(throws: ZIPError.archiveTooLarge(file: "t.zip", limit: 10)) {
      try ZIPArchive(bytes: bytes, file: "t.zip", limits: ReadLimits(maximumArchiveBytes: 10))
    }
  }

  @Test("a bad CRC is reported")
  func badCRC() throws {
    var builder = ZIPBuilderForTests()
    builder.items.append(.init(name: "a.xml", data: Array("<a/>".utf8), crc: 0xDEAD_BEEF))
    var zip = try ZIPArchive(bytes: builder.bytes(), file: "t.zip")
    #expect(throws: ZIPError.checksumMismatch(file: "t.zip", entry: "a.xml", expected: 0xDEAD_BEEF, actual: Inflate.crc32(Array("<a/>".utf8)))) {
      try zip.extract(named: "a.xml")
    }
  }

  @Test("encrypted entries and unknown methods are refused")
  func refusedEntries() throws {
    var builder = ZIPBuilderForTests()
    builder.items.append(.init(name: "secret", data: [1, 2, 3], method: 0, flags: 1))
    builder.items.append(.init(name: "lzma", data: [1, 2, 3], method: 14))
    var zip = try ZIPArchive(bytes: builder.bytes(), file: "t.zip")
    #expect(throws: ZIPError.encryptedEntry(file: "t.zip", entry: "secret")) { try zip.extract(named: "secret") }
    #expect(throws: ZIPError.unsupportedMethod(file: "t.zip", entry: "lzma", method: 14)) { try zip.extract(named: "lzma") }
    #expect(throws: ZIPError.entryNotFound(file: "t.zip", entry: "nope")) { try zip.extract(named: "nope") }
  }

  @Test("files that are not ZIP archives are named as such", arguments: ["", "hello", "ID,Name\n1,Ada\n", String(repeating: "z", count: 70_000)])
  func notZIP(_ text: String) {
    #expect(throws: ZIPError.notAZIPArchive(file: "x.xlsx")) { try ZIPArchive(bytes: Array(text.utf8), file: "x.xlsx") }
  }

  @Test("a workbook cut short anywhere ends in a ZIPError, never a crash", arguments: [0, 4, 30, 200, 1000, 3000, -200, -40, -22, -1])
  func truncated(_ cut: Int) throws {
    let bytes = try [UInt8](Data(contentsOf: TestPaths.fixture("xlsx/forms-export-openpyxl.xlsx")))
    let end = cut >= 0 ? cut : bytes.count + cut
    let prefix = Array(bytes[..<end])
    #expect(throws: ZIPError.self) { try XLSXReader.read(bytes: prefix, file: "cut.xlsx") }
  }

  @Test("damaged bytes anywhere in the archive never crash the reader")
  func damaged() throws {
    let bytes = try [UInt8](Data(contentsOf: TestPaths.fixture("xlsx/two-sheets-xlsxwriter.xlsx")))
    var outcomes = 0
    for position in stride(from: 0, to: bytes.count, by: 37) {
      var copy = bytes
      copy[position] ^= 0xFF
      do { _ = try XLSXReader.read(bytes: copy, file: "d.xlsx") } catch {}
      outcomes += 1
    }
    #expect(outcomes > 10)
  }

  @Test("directory offsets pointing outside the file are refused")
  func hostileOffsets() throws {
    var builder = ZIPBuilderForTests()
    builder.add("a", "abc")
    var bytes = builder.bytes()
    let eocd = bytes.count - 22
    // Central directory offset far past the end.
    var far = bytes
    far[eocd + 16] = 0xFF
    far[eocd + 19] = 0x7F
    #expect(throws: ZIPError.self) { try ZIPArchive(bytes: far, file: "t.zip") }
    // Local header offset in the central record points past the end.
    let central = Int(bytes[eocd + 16]) | Int(bytes[eocd + 17]) << 8
    bytes[central + 42] = 0xF0
    bytes[central + 45] = 0x7F
    var zip = try ZIPArchive(bytes: bytes, file: "t.zip")
    #expect(throws: ZIPError.truncatedEntry(file: "t.zip", entry: "a")) { try zip.extract(named: "a") }
  }
}
