import Testing
@testable import Voices

@Suite("Source locations") struct SourceLocationTests {
  @Test("column letters as a spreadsheet shows them", arguments: [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (703, "AAA")])
  func letters(_ pair: (Int, String)) {
    #expect(SourceLocation.columnLetters(pair.0) == pair.1)
  }

  @Test("description names file, row and column")
  func description() {
    #expect(SourceLocation(file: "a.csv", row: 3, column: 2).description == "a.csv:3:2")
    #expect(SourceLocation(file: "a.csv", row: 3).description == "a.csv:3")
  }
}
