import Dispatch
import Foundation
import Synchronization

/// One free-text answer to code and, after `CodingRun.code`, its themes.
public struct CodedComment: Sendable, Equatable {
  public var responseId: String
  public var wave: String
  public var question: String
  public var text: String
  public var audience: Theme.Audience
  public var assignments: [ThemeAssignment] = []

  public init(responseId: String, wave: String = "", question: String = "", text: String, audience: Theme.Audience = .all) {
    self.responseId = responseId
    self.wave = wave
    self.question = question
    self.text = text
    self.audience = audience
  }
}

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

/// The coded-data files: CSV for spreadsheets, JSON Lines with the evidence for everything else.
public enum CodedWriter {
  /// `response_id,wave,question,themes,evidence` with themes `;`-joined and evidence as
  /// `theme@start-end "matched"` items joined by ` | ` (`theme@model p=0.83` for a theme a
  /// trained model gave).
  public static func csv(_ comments: [CodedComment]) -> String {
    TableWriter.csv([["response_id", "wave", "question", "themes", "evidence"]] + comments.map(csvRow))
  }

  /// One comment's row of `csv(_:)`.
  static func csvRow(_ c: CodedComment) -> [String] {
    let evidence = c.assignments.flatMap { a in
      a.evidence.map { "\(a.themeId)@\($0.start)-\($0.end) \"\($0.matchedText)\"" }
        + (a.modelProbability.map { ["\(a.themeId)@model p=\(probabilityText($0))"] } ?? [])
    }
    return [c.responseId, c.wave, c.question, c.assignments.map(\.themeId).joined(separator: ";"), evidence.joined(separator: " | ")]
  }

  /// `id,themes` only, for `voices code FILE.csv`.
  public static func idThemesCSVRow(_ c: CodedComment) -> String {
    TableWriter.csvField(c.responseId) + "," + TableWriter.csvField(c.assignments.map(\.themeId).joined(separator: ";")) + "\r\n"
  }

  /// A probability as written in coded files: three decimals.
  static func probabilityText(_ p: Double) -> String { String(format: "%.3f", p) }

  /// `id,themes,model_themes`: every theme, then those a model gave (not the rules).
  public static func idThemesModelCSVRow(_ c: CodedComment) -> String {
    TableWriter.csvField(c.responseId) + "," + TableWriter.csvField(c.assignments.map(\.themeId).joined(separator: ";")) + ","
      + TableWriter.csvField(c.assignments.filter { $0.modelProbability != nil }.map(\.themeId).joined(separator: ";")) + "\r\n"
  }

  /// One JSON object per line: response_id, wave, question, themes, evidence (a model's theme
  /// has no spans and a `model_probability`).
  public static func jsonLine(_ c: CodedComment) -> String {
    // Appended into one string (this runs once per comment: millions of times for a region).
    var out = ""
    out.reserveCapacity(128 + c.text.utf8.count)
    func string(_ text: String) { TableWriter.appendJSONString(text, to: &out) }
    out += "{\"response_id\":"
    string(c.responseId)
    out += ",\"wave\":"
    string(c.wave)
    out += ",\"question\":"
    string(c.question)
    out += ",\"themes\":["
    for (k, a) in c.assignments.enumerated() {
      if k > 0 { out += "," }
      string(a.themeId)
    }
    out += "],\"evidence\":["
    for (k, a) in c.assignments.enumerated() {
      if k > 0 { out += "," }
      out += "{\"theme\":"
      string(a.themeId)
      out += ",\"spans\":["
      for (j, e) in a.evidence.enumerated() {
        if j > 0 { out += "," }
        out += "{\"start\":\(e.start),\"end\":\(e.end),\"pattern\":"
        string(e.patternText)
        out += ",\"text\":"
        string(e.matchedText)
        out += "}"
      }
      out += "]"
      if let p = a.modelProbability { out += ",\"model_probability\":" + probabilityText(p) }
      out += "}"
    }
    out += "]}\n"
    return out
  }

  /// Writes `comments` as `csv(_:)` does, streamed to `url` (no whole-file string in memory).
  public static func writeCSV(_ comments: [CodedComment], to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try AtomicFile.write(to: url) { chunks in
      chunks.append(TableWriter.csv([["response_id", "wave", "question", "themes", "evidence"]]))
      writeFormatted(comments, to: &chunks) { TableWriter.csv([csvRow($0)]) }
    }
  }

  /// Appends every comment's text in order, formatted a block at a time on every core.
  static func writeFormatted(_ comments: [CodedComment], to chunks: inout AtomicFile.Chunks,
                             _ format: @escaping @Sendable (CodedComment) -> String) {
    let block = 4096
    for start in stride(from: 0, to: comments.count, by: block) {
      let slice = comments[start..<min(start + block, comments.count)]
      let cores = 8
      let texts = parallelMap(cores) { part in
        let lo = slice.startIndex + slice.count * part / cores, hi = slice.startIndex + slice.count * (part + 1) / cores
        return slice[lo..<hi].map(format).joined()
      }
      for text in texts { chunks.append(text) }
    }
  }

  /// Writes `comments` as JSON Lines (`jsonLine`), streamed to `url`.
  public static func writeJSONLines(_ comments: [CodedComment], to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try AtomicFile.write(to: url) { chunks in
      writeFormatted(comments, to: &chunks, jsonLine)
    }
  }

  /// Writes `contents` to `url` through `AtomicFile` (temporary file beside it, then rename),
  /// creating the folder if needed, so a reader never sees half a file.
  public static func writeAtomically(_ contents: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try AtomicFile.write(Array(contents.utf8), to: url)
  }
}
