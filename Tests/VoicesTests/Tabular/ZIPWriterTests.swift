import Testing
@testable import Voices

@Suite("ZIP writer") struct ZIPWriterTests {
  /// Deterministic bytes that deflate cannot shrink (a 64-bit LCG's high bytes).
  static func noise(_ count: Int) -> [UInt8] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return UInt8(truncatingIfNeeded: state >> 56)
    }
  }

  static func sampleArchive() throws -> [UInt8] {
    var zip = ZIPWriter()
    try zip.add("hello.txt", Array(String(repeating: "hello, world\n", count: 200).utf8))
    try zip.add("empty.txt", [])
    try zip.add("données/é 😊.txt", Array("accents and emoji in the name".utf8))
    try zip.add("stored.bin", Array("kept as is".utf8), method: .stored)
    try zip.add("noise.bin", noise(4096))
    return try zip.finish()
  }

  @Test("every entry reads back through the reader, CRC-32 and size checked")
  func roundTrip() throws {
    var archive = try ZIPArchive(bytes: try Self.sampleArchive(), file: "t.zip")
    #expect(archive.entries.map(\.name) == ["hello.txt", "empty.txt", "données/é 😊.txt", "stored.bin", "noise.bin"])
    #expect(try archive.extract(named: "hello.txt") == Array(String(repeating: "hello, world\n", count: 200).utf8))
    #expect(try archive.extract(named: "empty.txt") == [])
    #expect(try archive.extract(named: "données/é 😊.txt") == Array("accents and emoji in the name".utf8))
    #expect(try archive.extract(named: "stored.bin") == Array("kept as is".utf8))
    #expect(try archive.extract(named: "noise.bin") == Self.noise(4096))
  }

  @Test("compressible entries are deflated; incompressible ones and .stored are stored")
  func methods() throws {
    let archive = try ZIPArchive(bytes: try Self.sampleArchive(), file: "t.zip")
    let methods = Dictionary(uniqueKeysWithValues: archive.entries.map { ($0.name, $0.method) })
    #expect(methods["hello.txt"] == 8)
    #expect(methods["stored.bin"] == 0)
    #expect(methods["noise.bin"] == 0)
    let hello = try #require(archive.entries.first { $0.name == "hello.txt" })
    #expect(hello.compressedSize < hello.uncompressedSize / 10)
  }

  @Test("the CRC-32 is the standard one: \"123456789\" gives CBF43926")
  func crcCheckValue() throws {
    var zip = ZIPWriter()
    try zip.add("check.txt", Array("123456789".utf8), method: .stored)
    let archive = try ZIPArchive(bytes: try zip.finish(), file: "t.zip")
    #expect(archive.entries[0].crc32 == 0xCBF4_3926)
  }

  @Test("headers carry the fixed 1980-01-01 timestamp and the UTF-8 name flag")
  func headers() throws {
    let bytes = try Self.sampleArchive()
    // Local header: signature, version 20, flags 0x0800, method, time 0, date 0x0021.
    #expect(Array(bytes[0..<14]) == [0x50, 0x4B, 0x03, 0x04, 20, 0, 0x00, 0x08, 8, 0, 0, 0, 0x21, 0])
    let archive = try ZIPArchive(bytes: bytes, file: "t.zip")
    #expect(archive.entries.allSatisfy { $0.flags == 0x0800 })
    // The archive ends with an end-of-central-directory record counting 5 entries, no comment.
    let eocd = Array(bytes.suffix(22))
    #expect(Array(eocd[0..<4]) == [0x50, 0x4B, 0x05, 0x06])
    #expect(eocd[10] == 5 && eocd[11] == 0 && eocd[20] == 0 && eocd[21] == 0)
  }

  @Test("the same entries give the same bytes")
  func deterministic() throws {
    #expect(try Self.sampleArchive() == Self.sampleArchive())
  }

  @Test("empty and duplicate names are refused")
  func badNames() throws {
    var zip = ZIPWriter()
    try zip.add("a.txt", [1])
    #expect(throws: ZIPWriteError.duplicateEntry("a.txt")) { try zip.add("a.txt", [2]) }
    #expect(throws: ZIPWriteError.badEntryName("")) { try zip.add("", [2]) }
    #expect(zip.count == 1)
    #expect(ZIPWriteError.duplicateEntry("a.txt").description == "cannot write ZIP entry \"a.txt\" twice")
  }

  @Test("an archive with no entries is a valid empty ZIP")
  func empty() throws {
    let bytes = try ZIPWriter().finish()
    #expect(bytes == [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
    #expect(try ZIPArchive(bytes: bytes, file: "t.zip").entries.isEmpty)
  }
}
