import Foundation
import Testing
@testable import Voices

@Suite("CSV streaming") struct CSVStreamingTests {
  /// A file with every feature a chunk boundary can split: CRLF and lone CR, quoted line ends,
  /// doubled quotes, blank lines, empty quoted fields, multi-byte characters.
  static let text: String = {
    var lines: [String] = ["id,answer,comment"]
    for i in 0..<60 {
      switch i % 6 {
      case 0: lines.append("\(i),Agree,\"said \"\"yes\"\", then\r\nleft\"")
      case 1: lines.append("\(i),,\"\"")
      case 2: lines.append("")
      case 3: lines.append("\(i),Strongly disagree,naïve café – 😀 “x”")
      case 4: lines.append("\(i),\"a\rb\",\"\"\"\"")
      default: lines.append("\(i),Neutral,5\" screen")
      }
    }
    return lines.enumerated().map { $0.offset % 2 == 0 ? $0.element + "\r\n" : $0.element + "\r" }.joined()
  }()

  func temporaryFile(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("voices-csv-\(UUID().uuidString).csv")
    try Data(bytes).write(to: url)
    return url
  }

  func compare(_ bytes: [UInt8], expectedEncoding: TextEncoding) throws {
    let whole = try CSVReader.read(bytes: bytes, file: "s.csv", dialect: nil, limits: .standard, chunkSize: .max)
    #expect(whole.summary.encoding == expectedEncoding)
    #expect(whole.table.records.count > 50)
    let url = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(at: url) }
    for chunkSize in [1, 2, 3, 7, 64, 1 << 20] {
      #expect(chunkSize >= bytes.count || bytes.count > chunkSize * 2)
      let streamed = try CSVReader.read(contentsOf: url, file: "s.csv", dialect: nil, limits: .standard,
                                        chunkSize: chunkSize)
      #expect(streamed.table == whole.table, "chunk size \(chunkSize)")
      #expect(streamed.summary == whole.summary, "chunk size \(chunkSize)")
      let inMemory = try CSVReader.read(bytes: bytes, file: "s.csv", dialect: nil, limits: .standard,
                                        chunkSize: chunkSize)
      #expect(inMemory.table == whole.table, "in-memory chunk size \(chunkSize)")
    }
  }

  @Test("streaming in tiny chunks gives the same records as reading whole (UTF-8)")
  func utf8() throws {
    let table = try readCSV(Self.text)
    #expect(table.records[1].fields == ["0", "Agree", "said \"yes\", then\r\nleft"])
    #expect(table.records.map(\.row).prefix(4) == [1, 2, 4, 5])
    try compare(Array(Self.text.utf8), expectedEncoding: .utf8)
    try compare([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8), expectedEncoding: .utf8)
  }

  @Test("streaming UTF-16 splits code units and surrogate pairs safely", arguments: [false, true])
  func utf16(_ bigEndian: Bool) throws {
    try compare(CSVEncodingTests.utf16(Self.text, bigEndian: bigEndian),
                expectedEncoding: bigEndian ? .utf16BE : .utf16LE)
  }

  @Test("streaming Windows-1252 text")
  func windows1252() throws {
    let bytes = Array(Self.text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "😀", with: ":)")
      .replacingOccurrences(of: "“", with: "'").replacingOccurrences(of: "”", with: "'")
      .replacingOccurrences(of: "naïve café", with: "it\u{7F}s").utf8).map { $0 == 0x7F ? 0x92 : $0 }
    try compare(bytes, expectedEncoding: .windows1252)
  }

  @Test("a real export streams identically in 7-byte chunks")
  func starWars() throws {
    let url = TestPaths.externalFile("vendor-formats/surveymonkey-fivethirtyeight/steak-risk-survey.csv")
    let whole = try CSVReader.read(contentsOf: url)
    var streamed: [Record] = []
    let summary = try CSVReader.forEachRecord(contentsOf: url, file: nil, dialect: nil, limits: .standard,
                                              chunkSize: 7) { streamed.append($0) }
    #expect(streamed == whole.records)
    #expect(summary.recordCount == 552)
  }

  @Test("an error thrown by the body ends the read")
  func bodyError() throws {
    struct Stop: Error {}
    let url = try temporaryFile(Array(Self.text.utf8))
    defer { try? FileManager.default.removeItem(at: url) }
    var seen = 0
    #expect(throws: Stop.self) {
      try CSVReader.forEachRecord(contentsOf: url) { _ in
        seen += 1
        if seen == 3 { throw Stop() }
      }
    }
    #expect(seen == 3)
  }

  @Test("a restartable read checks UTF-8 as it parses: the same records for UTF-8, NotUTF8 however late the bad byte")
  func restartable() throws {
    let utf8 = Array(Self.text.utf8)
    var notUTF8 = utf8
    notUTF8.append(contentsOf: Array("99,Agree,caf".utf8) + [0xE9] + Array("\r\n".utf8))  // é as Windows-1252
    var truncated = utf8
    truncated.append(contentsOf: [0xE2, 0x80])  // a three-byte sequence cut off at the end
    for chunkSize in [1, 7, 64, 1 << 20] {
      let url = try temporaryFile(utf8)
      defer { try? FileManager.default.removeItem(at: url) }
      var records: [Record] = []
      try CSVReader.forEachRawRecord(contentsOf: url, file: "s.csv", chunkSize: chunkSize, restartable: true) { records.append($0.record()) }
      #expect(records == (try CSVReader.read(contentsOf: url, file: "s.csv")).records, "chunk size \(chunkSize)")
      for bytes in [notUTF8, truncated] {
        let bad = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect(throws: CSVReader.NotUTF8.self) {
          try CSVReader.forEachRawRecord(contentsOf: bad, file: "s.csv", chunkSize: chunkSize, restartable: true) { _ in }
        }
        let summary = try CSVReader.forEachRawRecord(contentsOf: bad, file: "s.csv", chunkSize: chunkSize) { _ in }
        #expect(summary.encoding == .windows1252)
      }
    }
  }
}
