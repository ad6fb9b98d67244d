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

  @Test("every run inserted is found with its value, in a text or at its end; no other is")
  func findsWhatWasInserted() {
    var table = RunTable()
    // Each run sits in the middle of a longer text once and at the end of one once.
    func lookUp(_ run: String, atEnd: Bool) -> UInt64? {
      let text = atEnd ? "zz " + run : "zz " + run + " and then some more words after it"
      let bytes = Array(text.utf8)
      return bytes.withUnsafeBufferPointer { table.find($0, 3..<(3 + run.utf8.count)) }
    }
    for (i, run) in Self.runs.enumerated() {
      #expect(lookUp(run, atEnd: false) == nil, "\(run) before insertion")
      let bytes = Array(("zz " + run).utf8)
      bytes.withUnsafeBufferPointer { table.insert($0, 3..<$0.count, value: UInt64(i) << 40 | 7) }
    }
    #expect(table.count == Self.runs.count)
    for (i, run) in Self.runs.enumerated() {
      #expect(lookUp(run, atEnd: false) == UInt64(i) << 40 | 7, "\(run)")
      #expect(lookUp(run, atEnd: true) == UInt64(i) << 40 | 7, "\(run) at the end")
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

  @Test("a word cache gives back what a run reads as: one token kept whole, or several kept apart")
  func runTokensRoundTrip() throws {
    typealias Part = WordCache.RunPart
    let cases: [(String, [Part])] = [
      ("children's", [Part(lo: 0, hi: 10, textHi: 8, word: 7, kind: .word, isNegator: false, opensClause: false, startsPhrase: true)]),
      ("they're", [Part(lo: 0, hi: 4, textHi: 4, word: 3, kind: .word, isNegator: false, opensClause: false, startsPhrase: false)]),
      ("but", [Part(lo: 0, hi: 3, textHi: 3, word: 0, kind: .word, isNegator: false, opensClause: true, startsPhrase: false)]),
      ("never", [Part(lo: 0, hi: 5, textHi: 5, word: 1 << 30, kind: .word, isNegator: true, opensClause: false, startsPhrase: false)]),
      ("2,500", [Part(lo: 0, hi: 5, textHi: 5, word: 9, kind: .number, isNegator: false, opensClause: false, startsPhrase: false)]),
      ("ks4", [Part(lo: 0, hi: 3, textHi: 3, word: 12, kind: .alphanumeric, isNegator: false, opensClause: false, startsPhrase: true)]),
      ("don't", [Part(lo: 0, hi: 2, textHi: 2, word: 4, kind: .word, isNegator: false, opensClause: false, startsPhrase: false),
                 Part(lo: 2, hi: 5, textHi: 5, word: 5, kind: .word, isNegator: true, opensClause: false, startsPhrase: false)]),
      ("xn't", [Part(lo: 1, hi: 4, textHi: 4, word: 5, kind: .word, isNegator: true, opensClause: false, startsPhrase: false)]),
    ]
    var cache = WordCache()
    func parts(of tokens: WordCache.RunTokens?, in cache: WordCache) -> [Part]? {
      switch tokens {
      case .one(let part): [part]
      case .many(let range): Array(cache.runParts[range])
      case nil: nil
      }
    }
    for (run, expected) in cases {
      let bytes = Array(run.utf8)
      let inserted = bytes.withUnsafeBufferPointer { cache.insertRun($0, 0..<$0.count, parts: expected) }
      #expect(parts(of: inserted, in: cache) == expected, "\(run)")
      let found = bytes.withUnsafeBufferPointer { cache.findRun($0, 0..<$0.count) }
      #expect(parts(of: found, in: cache) == expected, "\(run)")
      if case .one = found { #expect(expected.count == 1 && expected[0].lo == 0, "\(run)") }
    }
  }

  @Test("a copy of a table is its own: runs added to one are not in the other")
  func copiesAreIndependent() {
    var original = RunTable()
    let bytes = Array("alpha beta gamma".utf8)
    bytes.withUnsafeBufferPointer { original.insert($0, 0..<5, value: 1) }
    var copy = original
    bytes.withUnsafeBufferPointer { copy.insert($0, 6..<10, value: 2) }
    for _ in 0..<2000 { copy.insert(Array("w".utf8) + Array(String(copy.count).utf8)) }  // grows the copy
    bytes.withUnsafeBufferPointer { buffer in
      #expect(original.find(buffer, 0..<5) == 1)
      #expect(original.find(buffer, 6..<10) == nil)
      #expect(copy.find(buffer, 0..<5) == 1)
      #expect(copy.find(buffer, 6..<10) == 2)
    }
    #expect(original.count == 1)
    #expect(copy.count == 2002)
  }
}

private extension RunTable {
  mutating func insert(_ run: [UInt8]) {
    run.withUnsafeBufferPointer { insert($0, 0..<$0.count, value: 0) }
  }
}
