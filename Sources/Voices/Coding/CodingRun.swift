import Dispatch
import Foundation
import Synchronization

/// Codes many comments with one engine, spread over the machine's cores.
public enum CodingRun {
  /// Codes `comments` in place, each with the themes of its audience.
  ///
  /// - Complexity: O(total text length); split into one contiguous slice per core, each with
  ///   its own `CodingEngine.Scratch`, so threads share only the read-only engine.
  public static func code(_ comments: inout [CodedComment], with engine: CodingEngine, withEvidence: Bool = true) {
    var scratches: [CodingEngine.Scratch] = []
    code(&comments, with: engine, scratches: &scratches, withEvidence: withEvidence)
  }

  /// Codes a batch reusing per-worker scratch (and its cache of word forms) from earlier
  /// batches: pass the same array for every batch of a stream.
  static func code(_ comments: inout [CodedComment], with engine: CodingEngine, scratches: inout [CodingEngine.Scratch],
                          withEvidence: Bool = true) {
    let masks = Dictionary(uniqueKeysWithValues: Theme.Audience.allCases.map { ($0, mask(for: $0, in: engine)) })
    let count = comments.count
    guard count > 0 else { return }
    let results = ResultSlots(count: count)
    let input = comments
    _ = slices(count, engine: engine, scratches: &scratches) { range, scratch in
      for i in range {
        // Two fields, not the whole comment: copying a `CodedComment` retains five buffers.
        let audience = input[i].audience
        results.store(i, engine.code(input[i].text, mask: masks[audience] ?? nil, withEvidence: withEvidence, scratch: &scratch))
      }
    }
    for i in 0..<count { comments[i].assignments = results.value(i) }
  }

  /// The themes a comment of `audience` may be given: those for that audience or for all
  /// (nil, every theme, for a comment of unknown audience).
  static func mask(for audience: Theme.Audience, in engine: CodingEngine) -> CodingEngine.ThemeMask? {
    guard audience != .all else { return nil }
    return engine.codebook.themes.map { $0.audience == audience || $0.audience == .all }
  }

  /// Splits 0 ..< `count` into contiguous slices and runs `body` on each on every core, with
  /// a scratch of its own, reusing and growing `scratches` (kept between calls so their word
  /// caches stay warm).
  ///
  /// There are several slices per core, taken in turn by whichever core is free: with one
  /// slice each, a core that another thread (the one reading the next batch) slows down would
  /// keep the others waiting at the end of every batch.
  ///
  /// - Returns: Each slice's result, in slice order.
  static func slices<T: Sendable>(_ count: Int, engine: CodingEngine, scratches: inout [CodingEngine.Scratch],
                                  _ body: @Sendable (Range<Int>, inout CodingEngine.Scratch) -> T) -> [T] {
    let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    let slices = cores == 1 ? 1 : min(cores * 8, max(1, count / 256))
    while scratches.count < min(cores, slices) { scratches.append(engine.makeScratch()) }
    let pool = ScratchPool(scratches)
    let results = parallelMap(slices) { k in
      var scratch = pool.take() ?? engine.makeScratch()
      defer { pool.put(scratch) }
      return body(count * k / slices ..< count * (k + 1) / slices, &scratch)
    }
    scratches = pool.all()
    return results
  }

  /// Scratches not in use, shared by the worker threads: a slice takes one and gives it back.
  final class ScratchPool: Sendable {
    private let free: Mutex<[CodingEngine.Scratch]>
    init(_ scratches: [CodingEngine.Scratch]) { free = Mutex(scratches) }
    func take() -> CodingEngine.Scratch? { free.withLock { $0.popLast() } }
    func put(_ s: CodingEngine.Scratch) { free.withLock { $0.append(s) } }
    func all() -> [CodingEngine.Scratch] { free.withLock { $0 } }
  }

  /// Result storage written by disjoint indices from several threads.
  final class ResultSlots: @unchecked Sendable {
    private var slots: UnsafeMutablePointer<[ThemeAssignment]>
    let count: Int
    init(count: Int) {
      self.count = count
      slots = .allocate(capacity: count)
      slots.initialize(repeating: [], count: count)
    }
    deinit {
      slots.deinitialize(count: count)
      slots.deallocate()
    }
    func store(_ i: Int, _ value: [ThemeAssignment]) { slots[i] = value }
    func value(_ i: Int) -> [ThemeAssignment] { slots[i] }
  }
}
