import Foundation
import Testing
@testable import Voices

@Suite("Porter2 stemmer") struct Porter2StemmerTests {
  /// Reads one word per line (LF) as byte arrays.
  static func lines(_ relativePath: String) throws -> [[UInt8]] {
    let data = try Data(contentsOf: TestPaths.externalFile(relativePath))
    var lines = Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      .map { Array($0) }
    if lines.last?.isEmpty == true { lines.removeLast() }
    return lines
  }

  @Test("reproduces every line of the Snowball English vocabulary (voc.txt → output.txt)")
  func snowballVocabulary() throws {
    let words = try Self.lines("stemming/snowball-english/voc.txt")
    let stems = try Self.lines("stemming/snowball-english/output.txt")
    try #require(words.count == 42_649)
    try #require(stems.count == words.count)
    let stemmer = Porter2Stemmer()
    var buffer: [UInt8] = []
    buffer.reserveCapacity(64)
    var matched = 0
    var mismatches: [String] = []
    for (word, expected) in zip(words, stems) {
      buffer.removeAll(keepingCapacity: true)
      buffer.append(contentsOf: word)
      stemmer.stem(&buffer)
      if buffer == expected {
        matched += 1
      } else if mismatches.count < 20 {
        mismatches.append(
          "\(String(decoding: word, as: UTF8.self)) → \(String(decoding: buffer, as: UTF8.self)), "
            + "expected \(String(decoding: expected, as: UTF8.self))")
      }
    }
    #expect(mismatches == [])
    #expect(matched == 42_649)
  }

  @Test("stems inflections of one word together",
        arguments: [
          (["waiting", "waited", "waits", "wait"], "wait"),
          (["assessment", "assessments"], "assess"),
          (["dying", "die", "dies"], "die"),
          (["generous"], "generous"),
          (["universal"], "universal"),
        ])
  func families(_ words: [String], _ stem: String) {
    let stemmer = Porter2Stemmer()
    #expect(words.map { stemmer.stem($0) } == Array(repeating: stem, count: words.count))
  }

  @Test("short words, empty results and apostrophes never crash",
        arguments: ["", "a", "ab", "'", "''", "'''", "''s", "'s'", "yyy", "y'y"])
  func edgeCases(_ word: String) {
    _ = Porter2Stemmer().stem(word)
  }
}
