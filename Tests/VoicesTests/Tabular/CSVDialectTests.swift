import Foundation
import Testing
@testable import Voices

@Suite("CSV dialect sniffing") struct CSVDialectTests {
  func sniffed(_ text: String) throws -> CSVDialect {
    try CSVReader.read(bytes: Array(text.utf8), file: "t.csv", dialect: nil, limits: .standard, chunkSize: .max)
      .summary.dialect
  }

  @Test("picks the delimiter whose field counts agree",
        arguments: [
          ("a,b,c\n1,2,3\n", CSVDialect.comma),
          ("a;b;c\n1;2,5;3\n4;\"x;y\";6\n", .semicolon),
          ("a\tb\n1\t\"x, y, z\"\n2\tq,r\n", .tab),
          ("id;comment\n1;hello, world\n2;well, yes, no\n", .semicolon),
          ("id,comment\n1,\"a;b;c\"\n2,\"d;e\"\n", .comma),
        ])
  func sniff(_ pair: (String, CSVDialect)) throws {
    #expect(try sniffed(pair.0) == pair.1)
  }

  @Test("a one-column file reads as comma-separated, one field per record")
  func oneColumn() throws {
    #expect(try sniffed("name\nAnn\nBob\n") == .comma)
    #expect(try readCSV("name\nAnn\nBob\n").rows == [["name"], ["Ann"], ["Bob"]])
  }

  @Test("ties favour comma")
  func tie() throws {
    #expect(try sniffed("a,b;c\n1,2;3\n") == .comma)
  }

  @Test("semicolon fixture with mixed line endings")
  func semicolonFixture() throws {
    let url = TestPaths.fixture("csv/semicolon-mixed-endings.csv")
    let table = try CSVReader.read(contentsOf: url, file: "semicolon.csv")
    #expect(table.rows == [["id", "name", "comment"], ["1", "Ann", "likes; semicolons"], ["2", "Bob", "plain"],
                           ["3", "Cy", "multi\r\nline"]])
    #expect(table.records.map(\.row) == [1, 2, 3, 4])
  }

  @Test("tab fixture")
  func tabFixture() throws {
    let url = TestPaths.fixture("csv/tab-separated.tsv")
    var records: [Record] = []
    let summary = try CSVReader.forEachRecord(contentsOf: url) { records.append($0) }
    #expect(summary.dialect == .tab)
    #expect(summary.dialect.description == "tab")
    #expect(records.map(\.fields) == [["id", "name", "score"], ["1", "Ann", "5"], ["2", "Bob, Jr.", "4"]])
  }

  @Test("a given dialect is used as is")
  func given() throws {
    #expect(try readCSV("a;b,c\n", dialect: .semicolon).rows == [["a", "b,c"]])
  }
}
