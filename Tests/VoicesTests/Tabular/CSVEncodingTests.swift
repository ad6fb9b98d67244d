import Foundation
import Testing
@testable import Voices

@Suite("CSV encodings") struct CSVEncodingTests {
  func read(_ bytes: [UInt8], file: String = "t.csv") throws -> (table: Table, summary: CSVReadSummary) {
    try CSVReader.read(bytes: bytes, file: file, dialect: nil, limits: .standard, chunkSize: .max)
  }

  static let sample = "name,comment\r\nAnn,\"naïve “quoted”, 😀\"\r\nBob,€5\r\n"
  static let sampleRows = [["name", "comment"], ["Ann", "naïve “quoted”, 😀"], ["Bob", "€5"]]

  static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
      let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      bytes.append(contentsOf: bigEndian ? pair.reversed() : pair)
    }
    return bytes
  }

  @Test("a UTF-8 byte order mark is stripped")
  func utf8BOM() throws {
    let (table, summary) = try read([0xEF, 0xBB, 0xBF] + Array(Self.sample.utf8))
    #expect(table.rows == Self.sampleRows)
    #expect(summary.encoding == .utf8)
    #expect(table.warnings.isEmpty)
  }

  @Test("UTF-16 with a byte order mark, either byte order", arguments: [false, true])
  func utf16(_ bigEndian: Bool) throws {
    let (table, summary) = try read(Self.utf16(Self.sample, bigEndian: bigEndian))
    #expect(table.rows == Self.sampleRows)
    #expect(summary.encoding == (bigEndian ? .utf16BE : .utf16LE))
  }

  @Test("invalid UTF-16 is an error with its byte offset",
        arguments: [
          // Odd byte count: "a\n" then one stray byte.
          ([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x62], CSVError.invalidUTF16(
            at: SourceLocation(file: "t.csv", row: 2), byteOffset: 6, reason: "the file has an odd number of bytes")),
          // Lone low surrogate after "a\r\n".
          ([0xFF, 0xFE, 0x61, 0x00, 0x0D, 0x00, 0x0A, 0x00, 0x00, 0xDC], .invalidUTF16(
            at: SourceLocation(file: "t.csv", row: 2), byteOffset: 8, reason: "a low surrogate has no high surrogate before it")),
          // High surrogate followed by "a".
          ([0xFE, 0xFF, 0xD8, 0x3D, 0x00, 0x61], .invalidUTF16(
            at: SourceLocation(file: "t.csv", row: 1), byteOffset: 2, reason: "a high surrogate is not followed by a low surrogate")),
          // High surrogate at the end of the file.
          ([0xFE, 0xFF, 0x00, 0x61, 0xD8, 0x3D], .invalidUTF16(
            at: SourceLocation(file: "t.csv", row: 1), byteOffset: 4, reason: "a high surrogate ends the file without its low half")),
        ] as [([UInt8], CSVError)])
  func invalidUTF16(_ testCase: ([UInt8], CSVError)) {
    #expect(throws: testCase.1) { _ = try read(testCase.0) }
  }

  @Test("invalid UTF-16 message")
  func invalidUTF16Message() {
    let error = CSVError.invalidUTF16(at: SourceLocation(file: "x.csv", row: 3), byteOffset: 40, reason: "a low surrogate has no high surrogate before it")
    #expect(error.description == "x.csv:3: invalid UTF-16 at byte offset 40: a low surrogate has no high surrogate before it")
  }

  @Test("bytes that are not UTF-8 are read as Windows-1252 with a warning naming offset and row")
  func windows1252() throws {
    let bytes = Array("name,comment\nAnn,it".utf8) + [0x92] + Array("s ".utf8) + [0x96, 0x20, 0xA3] + Array("5\n".utf8)
    let (table, summary) = try read(bytes, file: "w.csv")
    #expect(summary.encoding == .windows1252)
    #expect(table.rows == [["name", "comment"], ["Ann", "it\u{2019}s \u{2013} \u{00A3}5"]])
    #expect(table.warnings == [ReadWarning(
      location: SourceLocation(file: "w.csv", row: 2),
      message: "not valid UTF-8 (first invalid byte 0x92 at byte offset 19); read the whole file as Windows-1252")])
    #expect(table.warnings.first?.description
            == "w.csv:2: warning: not valid UTF-8 (first invalid byte 0x92 at byte offset 19); read the whole file as Windows-1252")
  }

  @Test("UTF-8 validity is strict: overlong, surrogate and truncated forms are invalid",
        arguments: [
          ([0x61, 0xC0, 0xAF], 1), ([0x61, 0x62, 0xED, 0xA0, 0x80], 2), ([0xF4, 0x90, 0x80, 0x80], 0),
          ([0x61, 0xE2, 0x82], 1), ([0x61, 0xE2, 0x82, 0x61], 1), ([0xE2, 0x82, 0xAC, 0xFF], 3),
          ([0xF0, 0x9F, 0x98, 0x80, 0x61], -1), ([0xE2, 0x82, 0xAC], -1),
        ] as [([UInt8], Int)])
  func strictUTF8(_ testCase: ([UInt8], Int)) {
    for chunk in [1, 2, 100] {
      var validator = UTF8Validator()
      var bad: Int?
      var start = 0
      while bad == nil, start < testCase.0.count {
        let end = min(start + chunk, testCase.0.count)
        bad = Array(testCase.0[start..<end]).withUnsafeBufferPointer { validator.feed($0) }
        start = end
      }
      if bad == nil { bad = validator.finish() }
      #expect((bad ?? -1) == testCase.1, "chunk \(chunk)")
    }
  }

  @Test("Windows-1252 decodes every byte as Python's cp1252 does; undefined bytes become C1 controls (WHATWG)")
  func windows1252Table() throws {
    let oracle = try String(contentsOf: TestPaths.fixture("csv/windows1252-oracle.txt"), encoding: .utf8)
    var expected: [String] = []
    for line in oracle.split(separator: "\n") {
      let parts = line.split(separator: "\t")
      let byte = try #require(UInt32(parts[0], radix: 16))
      let value = parts[1] == "undefined" ? byte : try #require(UInt32(parts[1], radix: 16))
      expected.append(String(Character(try #require(Unicode.Scalar(value)))))
    }
    #expect(expected.count == 128)
    var bytes: [UInt8] = []
    for b in UInt8(0x80)...UInt8(0xFF) {
      if b > 0x80 { bytes.append(UInt8(ascii: ";")) }
      bytes.append(b)
    }
    let table = try CSVReader.read(bytes: bytes, file: "t.csv", dialect: .semicolon)
    #expect(table.rows == [expected])
  }

  @Test("SurveyMonkey StarWars.csv is not UTF-8: read as Windows-1252, warned at byte 641 on line 1")
  func starWars() throws {
    let url = TestPaths.externalFile("vendor-formats/surveymonkey-fivethirtyeight/StarWars.csv")
    let (table, summary) = try CSVReader.read(contentsOf: url, file: "StarWars.csv", dialect: nil, limits: .standard,
                                              chunkSize: CSVByteSource.defaultChunkSize)
    #expect(summary.encoding == .windows1252)
    #expect(summary.dialect == .comma)
    #expect(summary.recordCount == 1188)
    #expect(table.warnings == [ReadWarning(
      location: SourceLocation(file: "StarWars.csv", row: 1),
      message: "not valid UTF-8 (first invalid byte 0x8C at byte offset 641); read the whole file as Windows-1252")])
    #expect(table.records.allSatisfy { $0.fields.count == 38 })
    #expect(table.records[0].fields[31] == "Do you consider yourself to be a fan of the Expanded Universe?\u{0152}\u{00E6}")
    #expect(Array(table.records[2].fields.prefix(3)) == ["3292879998", "Yes", "Yes"])
    #expect(Array(table.records[1187].fields.suffix(3)) == ["$50,000 - $99,999", "Graduate degree", "Pacific"])
    #expect(table.records.map(\.row) == Array(1...1188))
  }

  @Test("SurveyMonkey steak-risk-survey.csv is UTF-8 with two header rows")
  func steak() throws {
    let url = TestPaths.externalFile("vendor-formats/surveymonkey-fivethirtyeight/steak-risk-survey.csv")
    let table = try CSVReader.read(contentsOf: url)
    #expect(table.records.count == 552)
    #expect(table.warnings.isEmpty)
    #expect(table.records.allSatisfy { $0.fields.count == 15 })
    #expect(Array(table.records[1].fields.prefix(4)) == ["", "Response", "Response", "Response"])
    #expect(table.records[2].fields == ["3237565956", "Lottery B"] + Array(repeating: "", count: 13))
    #expect(table.records[0].fields[1].hasPrefix("Consider the following hypothetical situations: <br>In Lottery A"))
  }

  @Test("SmartSurvey-layout cars_dummy_data.csv")
  func cars() throws {
    let url = TestPaths.externalFile("vendor-formats/smartsurvey-layout-cars-dummy/cars_dummy_data.csv")
    let table = try CSVReader.read(contentsOf: url)
    #expect(table.records.count == 503)
    #expect(table.records.allSatisfy { $0.fields.count == 112 })
    #expect(Array(table.records[0].fields.prefix(4)) == ["UserID", "UserNo", "Name", "Email"])
    #expect(Array(table.records[1].fields[9..<12]) == ["NA", "NA", "Answer"])
    #expect(Array(table.records[3].fields.prefix(8))
            == ["100000000", "1", "NA", "NA", "100.00.000.00", "NA", "1697862600", "1699202700"])
  }

  @Test("i.AI consult fixtures", arguments: [
    ("responses_biomass_format.csv", 7, 5, ["", "", "Individual", "Other", "No"]),
    ("responses_lgr_format.csv", 6, 8, ["Organisation", "Derbyshire", "Charity", "Disagree", "Disagree",
                                        "The consultation process was not adequate for a change of this scale", "Disagree",
                                        "The same concerns apply equally to the second proposal here"]),
    ("responses_scr_format.csv", 7, 5, ["Individual", "", "Not applicable", "Useful",
                                        "A step in the right direction for the regulatory framework"]),
  ])
  func consult(_ testCase: (String, Int, Int, [String])) throws {
    let url = TestPaths.externalFile("vendor-formats/iai-consult-fixtures/" + testCase.0)
    let table = try CSVReader.read(contentsOf: url)
    #expect(table.records.count == testCase.1)
    #expect(table.records.last?.fields == testCase.3)
    #expect(table.records.map(\.row) == Array(1...testCase.1))
    for record in table.records where record.fields != [""] {
      #expect(record.fields.count == testCase.2)
    }
    if testCase.0 == "responses_scr_format.csv" {
      #expect(table.records[1].fields == [""], "the blank second line is kept as a blank record")
    }
  }
}
