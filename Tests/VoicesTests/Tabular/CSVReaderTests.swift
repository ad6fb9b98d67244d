import Foundation
import Testing
@testable import Voices

/// Reads `text` as the bytes of a file called `t.csv`.
func readCSV(_ text: String, dialect: CSVDialect? = nil, limits: ReadLimits = .standard) throws -> Table {
  try CSVReader.read(bytes: Array(text.utf8), file: "t.csv", dialect: dialect, limits: limits)
}

/// The error reading `text` throws, if it is a `CSVError`.
func csvError(_ text: String, limits: ReadLimits = .standard) -> CSVError? {
  do {
    _ = try readCSV(text, limits: limits)
    return nil
  } catch {
    return error as? CSVError
  }
}

@Suite("CSV reader") struct CSVReaderTests {
  @Test("any line ending ends a record, and the last one adds no record",
        arguments: ["a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r1,2\r", "a,b\r\n1,2", "a,b\n1,2\r", "a,b\r1,2\r\n"])
  func lineEndings(_ text: String) throws {
    let table = try readCSV(text)
    #expect(table.rows == [["a", "b"], ["1", "2"]])
    #expect(table.records.map(\.row) == [1, 2])
  }

  @Test("mixed line endings count one line each")
  func mixedLineEndings() throws {
    let table = try readCSV("a\r\nb\rc\nd\r\n\re")
    #expect(table.rows == [["a"], ["b"], ["c"], ["d"], [""], ["e"]])
    #expect(table.records.map(\.row) == [1, 2, 3, 4, 5, 6])
  }

  @Test("a blank line is a record with one empty field",
        arguments: [
          ("a,b\n\n1,2\n", [["a", "b"], [""], ["1", "2"]]),
          ("a\n\n", [["a"], [""]]),
          ("\n", [[""]]),
          ("", []),
          ("a\r\n\r\n\r\nb", [["a"], [""], [""], ["b"]]),
        ])
  func blankLines(_ pair: (String, [[String]])) throws {
    #expect(try readCSV(pair.0).rows == pair.1)
  }

  @Test("empty fields, quoted empty fields and a trailing delimiter")
  func emptyFields() throws {
    #expect(try readCSV("a,,\"\",\n").rows == [["a", "", "", ""]])
    #expect(try readCSV("a,").rows == [["a", ""]])
    #expect(try readCSV("\"\"").rows == [[""]])
  }

  @Test("quoted fields hold delimiters, doubled quotes and line ends")
  func quotedFields() throws {
    let table = try readCSV("\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\",\"\"\"\"\n")
    #expect(table.rows == [["a,b", "say \"hi\"", "x\r\ny", "\""]])
  }

  @Test("records spanning lines start on the right row")
  func quotedNewlineRows() throws {
    let text = "h,t\n1,\"a\nb\"\n2,next\n3,\"c\r\nd\re\"\r\n4,last"
    let table = try readCSV(text)
    #expect(table.rows == [["h", "t"], ["1", "a\nb"], ["2", "next"], ["3", "c\r\nd\re"], ["4", "last"]])
    #expect(table.records.map(\.row) == [1, 2, 4, 5, 8])
  }

  @Test("ragged rows are kept as they are")
  func raggedRows() throws {
    let table = try readCSV("a,b,c\n1\n1,2,3,4\n,\n")
    #expect(table.rows == [["a", "b", "c"], ["1"], ["1", "2", "3", "4"], ["", ""]])
  }

  @Test("fields are never trimmed")
  func untrimmed() throws {
    #expect(try readCSV(" a , b \t,\" c \"\n").rows == [[" a ", " b \t", " c "]])
  }

  @Test("a quote inside an unquoted field is kept literally, as Excel does")
  func strayQuote() throws {
    #expect(try readCSV("5\" screen,ab\"c\"d,x\"\n").rows == [["5\" screen", "ab\"c\"d", "x\""]])
  }

  @Test("malformed input fails with the place to fix",
        arguments: [
          ("a,\"abc\"def\n", CSVError.textAfterClosingQuote(at: SourceLocation(file: "t.csv", row: 1, column: 2)),
           "t.csv:1:2: text follows the closing quote of a quoted field (a quote inside a quoted field must be doubled as \"\")"),
          ("\"x\" ,y\n", .textAfterClosingQuote(at: SourceLocation(file: "t.csv", row: 1, column: 1)),
           "t.csv:1:1: text follows the closing quote of a quoted field (a quote inside a quoted field must be doubled as \"\")"),
          ("a\nb,\"open\nmore\n", .unterminatedQuote(at: SourceLocation(file: "t.csv", row: 2, column: 2)),
           "t.csv:2:2: quoted field opened here never closes"),
          ("a,\"b\"\n\"c\n\nd\"\"", .unterminatedQuote(at: SourceLocation(file: "t.csv", row: 2, column: 1)),
           "t.csv:2:1: quoted field opened here never closes"),
          ("a,b\nc,d\u{0}e\n", .nulByte(at: SourceLocation(file: "t.csv", row: 2, column: 2)),
           "t.csv:2:2: NUL byte in the text; this is not a CSV text file (binary, or UTF-16 without a byte order mark?)"),
          ("\"a\nb\u{0}\"", .nulByte(at: SourceLocation(file: "t.csv", row: 2, column: 1)),
           "t.csv:2:1: NUL byte in the text; this is not a CSV text file (binary, or UTF-16 without a byte order mark?)"),
        ])
  func errors(_ testCase: (String, CSVError, String)) {
    let error = csvError(testCase.0)
    #expect(error == testCase.1)
    #expect(error?.description == testCase.2)
  }

  @Test("more fields than the limit is an error naming the first field too many")
  func tooManyFields() {
    let limits = ReadLimits(maximumFieldsPerRecord: 3)
    let error = csvError("a,b,c\nd,e,f,g\n", limits: limits)
    #expect(error == .tooManyFields(at: SourceLocation(file: "t.csv", row: 2, column: 4), limit: 3))
    #expect(error?.description == "t.csv:2:4: record has more than 3 fields")
  }

  @Test("a field over the byte limit is an error at the line where it starts")
  func fieldTooLarge() {
    let limits = ReadLimits(maximumFieldBytes: 5)
    #expect(csvError("ab,12345\n", limits: limits) == nil)
    #expect(csvError("ab,123456\n", limits: limits)
            == .fieldTooLarge(at: SourceLocation(file: "t.csv", row: 1, column: 2), limit: 5))
    let error = csvError("x\nab,\"12\n3\n4\n5\"\n", limits: limits)
    #expect(error == .fieldTooLarge(at: SourceLocation(file: "t.csv", row: 2, column: 2), limit: 5))
    #expect(error?.description == "t.csv:2:2: field is larger than the limit of 5 bytes")
  }

  @Test("a 20 MB field under the standard 16 MB limit is an error, not a crash")
  func hugeField() {
    let bytes = Array("id,text\n1,\"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 20 << 20)
      + Array("\"\n".utf8)
    #expect(throws: CSVError.fieldTooLarge(at: SourceLocation(file: "big.csv", row: 2, column: 2), limit: 16 << 20)) {
      _ = try CSVReader.read(bytes: bytes, file: "big.csv")
    }
  }

  @Test("an unreadable file names the path and the system's reason")
  func unreadable() {
    let url = URL(fileURLWithPath: "/nonexistent/voices/x.csv")
    #expect(throws: CSVError.unreadableFile(file: "exports/x.csv", reason: "No such file or directory")) {
      _ = try CSVReader.read(contentsOf: url, file: "exports/x.csv")
    }
    #expect(throws: CSVError.unreadableFile(file: "/nonexistent/voices/x.csv", reason: "No such file or directory")) {
      _ = try CSVReader.read(contentsOf: url)
    }
    #expect(CSVError.unreadableFile(file: "x.csv", reason: "Permission denied").description
            == "x.csv: cannot read file: Permission denied")
  }
}
