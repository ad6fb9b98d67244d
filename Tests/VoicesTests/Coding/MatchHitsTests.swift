import Foundation
import Testing
@testable import Voices

@Suite("Match hits and the slice pipeline") struct MatchHitsTests {
  func hits(groups: Int = 6, keys: Set<Int> = [1, 4], themes: Int = 3) -> MatchHits {
    MatchHits(nodes: 4, groups: groups, keyGroups: (0..<groups).map(keys.contains), chainWidth: 2, maxWays: 2,
              chains: 5, themes: themes)
  }

  /// Group `g`'s hits as `(start, end)`, in the order recorded.
  func list(_ h: MatchHits, _ g: Int) -> [[Int32]] {
    var out: [[Int32]] = []
    var k = h.head[g]
    while k >= 0 {
      out.append([h[k].start, h[k].end])
      k = h[k].next
    }
    return out
  }

  @Test("hits form one list per group in the order found; only key groups are offered to the chains")
  func lists() {
    let h = hits()
    h.add(group: 4, start: 0, end: 1)
    h.add(group: 2, start: 1, end: 3)
    h.add(group: 4, start: 5, end: 6)
    h.add(group: 1, start: 2, end: 3)
    #expect(list(h, 4) == [[0, 1], [5, 6]])
    #expect(list(h, 2) == [[1, 3]])
    #expect(list(h, 0) == [])
    #expect(Array(h.touchedKeys) == [4, 1])
  }

  @Test("the hit list grows past its first buffer and keeps every hit")
  func growth() {
    let h = hits()
    for k in 0..<1_000 { h.add(group: Int32(k % 3), start: Int32(k), end: Int32(k + 1)) }
    #expect(list(h, 0).count == 334 && list(h, 1).count == 333 && list(h, 2).count == 333)
    #expect(list(h, 2).last == [998, 999])
  }

  @Test("reset forgets hits, candidates, theme states and matches, and the buffers work again")
  func reset() {
    let h = hits()
    h.add(group: 1, start: 0, end: 2)
    h.addCandidate(3)
    h.setState(ofTheme: 2, to: .excluded)
    h.ways[0] = (0, 2)
    h.ways[1] = (4, 5)
    h.addFound(theme: 1, chain: 3, rule: 0, ways: 0..<2)
    #expect(Array(h.candidates) == [3] && h.state(ofTheme: 2) == .excluded && h.found.count == 1)
    #expect(h.spans(of: h.found[0]).map { [$0.start, $0.end] } == [[0, 2], [4, 5]])
    h.reset()
    #expect(list(h, 1) == [] && h.touchedKeys.isEmpty && h.candidates.isEmpty && h.found.isEmpty)
    #expect((0..<3).allSatisfy { h.state(ofTheme: Int32($0)) == .untouched })
    // Every chain can be a candidate once per comment, after a reset as before it.
    for c in 0..<5 { h.addCandidate(Int32(c)) }
    #expect(h.candidates.count == 5)
  }

  @Test("matches kept after filtering keep their own spans, however many were added")
  func found() {
    let h = hits()
    for k in 0..<40 {
      h.ways[0] = (Int32(k), Int32(k + 1))
      h.ways[1] = (Int32(k + 2), Int32(k + 3))
      h.addFound(theme: Int32(k % 3), chain: Int32(k % 5), rule: Int32(k), ways: 0..<2)
    }
    // Keep the odd ones, as the matcher moves survivors to the front.
    let all = h.found
    var kept = 0
    for k in all.indices where k % 2 == 1 {
      all[kept] = all[k]
      kept += 1
    }
    h.keepFound(kept)
    #expect(h.found.count == 20)
    #expect(h.found.map(\.rule) == (0..<40).filter { $0 % 2 == 1 }.map(Int32.init))
    #expect(h.spans(of: h.found[19]).map { [$0.start, $0.end] } == [[39, 40], [41, 42]])
  }

  @Test("the slice pipeline writes every batch whole and in order, whatever the slice size", arguments: [1, 3, 1024])
  func pipelineOrder(sliceSize: Int) throws {
    let engine = try CodingEngine(Codebook(name: "empty", themes: []))
    let output = Output()
    let pipeline = SlicePipeline<[CodedComment]>(engine: engine, sliceSize: sliceSize, write: { output.append($0) }) { batch, range, _ in
      Data(batch[range].map { $0.responseId + "\n" }.joined().utf8)
    }
    var expected = ""
    var next = 0
    var batch: [CodedComment] = []
    for size in [5, 17, 1, 64, 2, 9, 33] {
      for _ in 0..<size {
        batch.append(CodedComment(responseId: "r\(next)", text: ""))
        expected += "r\(next)\n"
        next += 1
      }
      pipeline.submit(&batch)
      #expect(batch.isEmpty)
    }
    pipeline.finish()
    #expect(output.text == expected)
  }

  /// What the pipeline writes, gathered from its writing thread.
  final class Output: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func append(_ more: Data) { lock.withLock { data.append(more) } }
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
  }
}
