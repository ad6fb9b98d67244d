import Testing
@testable import Voices

@Suite("Word step table") struct WordStepTableTests {
  @Test("a record gives back its bits and lists, whether they fit in it or spill")
  func recordsRoundTrip() {
    let table = WordStepTable()
    // Word 3: lists that fit in the record; word 2000 (past the first allocation): lists that
    // spill; word 5: no lists at all.
    table.set(3, termBits: 0b1010, onwardBits: 1 << 63, terms: [7, 9], accepts: [1], onward: [40])
    let long = (0..<20).map { Int32($0 * 3) }
    table.set(2000, termBits: .max, onwardBits: 0, terms: [5], accepts: long, onward: [11, 12])
    table.set(5, termBits: 0, onwardBits: 0, terms: [], accepts: [], onward: [])
    func lists(_ word: Int32) -> (UInt64, UInt64, [Int32], [Int32], [Int32]) {
      let r = WordStepTable.Record(word, in: table.records, spill: table.spill)
      return (r.termBits, r.onwardBits, Array(UnsafeBufferPointer(start: r.terms, count: r.termCount)),
              Array(UnsafeBufferPointer(start: r.accepts, count: r.acceptCount)),
              Array(UnsafeBufferPointer(start: r.onward, count: r.onwardCount)))
    }
    #expect(lists(3) == (0b1010, 1 << 63, [7, 9], [1], [40]))
    #expect(lists(2000) == (.max, 0, [5], long, [11, 12]))
    #expect(lists(5) == (0, 0, [], [], []))
    #expect([3, 5, 2000].allSatisfy(table.isLooked))
    #expect(![0, 4, 1999, 2001, 100_000].contains(where: table.isLooked))
    table.removeAll()
    #expect(![3, 5, 2000].contains(where: table.isLooked))
    table.set(4, termBits: 1, onwardBits: 2, terms: [1], accepts: long, onward: [])
    #expect(lists(4) == (1, 2, [1], long, []))
    #expect(!table.isLooked(3))
  }
}
