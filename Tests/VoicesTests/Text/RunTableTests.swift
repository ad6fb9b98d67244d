import Testing
@testable import Voices

@Suite("Run table") struct RunTableTests {
  /// Runs of every length around the table's 8- and 16-byte key words, runs alike in their
  /// first sixteen bytes, and runs at the very end of the text (where a key is read byte by
  /// byte rather than past the end).
  static let runs: [String] = {
    var runs = (1...40).map { String(repeating: "a", count: $0) }
    runs += (1...40).map { String("abcdefghijklmnopqrstuvwxyz0123456789abcd".prefix($0)) }
    runs += ["abcdefghijklmnopX", "abcdefghijklmnopY", "abcdefghijklmnopXY", "abcdefgh", "abcdefgi", "é", "don't", "y11"]
    for i in 0..<3000 { runs.append("w\(i)x") }
    return Array(Set(runs)).sorted()
  }()

  @Test("every run inserted is found with its parts, in a text or at its end; no other is")
  func findsWhatWasInserted() {
    var table = RunTable()
    // Each run sits in the middle of a longer text once and at the end of one once.
    func lookUp(_ run: String, atEnd: Bool) -> Range<Int>? {
      let text = atEnd ? "zz " + run : "zz " + run + " and then some more words after it"
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { table.find($0, 3..<(3 + run.utf8.count)) }
    }
    for (i, run) in Self.runs.enumerated() {
      #expect(lookUp(run, atEnd: false) == nil, "\(run) before insertion")
      let bytes = Array(("zz " + run).utf8)
      bytes.withUnsafeBufferPointer { table.insert($0, 3..<$0.count, parts: (2 * i)..<(2 * i + 1)) }
    }
    #expect(table.count == Self.runs.count)
    for (i, run) in Self.runs.enumerated() {
      #expect(lookUp(run, atEnd: false) == (2 * i)..<(2 * i + 1), "\(run)")
      #expect(lookUp(run, atEnd: true) == (2 * i)..<(2 * i + 1), "\(run) at the end")
    }
    for absent in ["", "b", "abcdefghijklmnopZ", "abcdefghijklmnopXZ", "w3000x", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"] {
      #expect(lookUp(absent, atEnd: false) == nil, "\(absent)")
      #expect(lookUp(absent, atEnd: true) == nil, "\(absent) at the end")
    }
    table.removeAll()
    #expect(table.count == 0)
    #expect(lookUp("don't", atEnd: false) == nil)
  }

  @Test("a key reads the same whether loaded in two words or byte by byte")
  func keyReadsAlike() {
    for run in [""] + Self.runs.prefix(90) {
      let padded = Array((run + String(repeating: "#", count: 20)).utf8), bare = Array(run.utf8)
      let wide = padded.withUnsafeBufferPointer { RunTable.key($0, 0..<bare.count) }
      let narrow = bare.withUnsafeBufferPointer { RunTable.key($0, 0..<bare.count) }
      #expect(wide == narrow, "\(run)")
    }
  }
}
