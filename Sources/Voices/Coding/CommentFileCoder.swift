import Dispatch
import Foundation
import Synchronization

/// Codes one text column of a plain CSV (no manifest), as a stream, for
/// `voices code FILE.csv --id-column NAME --text-column NAME`.
///
/// The file is read in batches; while the reading thread parses the next batch, the ones before
/// it are coded on every core, so reading overlaps coding and memory stays at a few batches
/// whatever the file's size. Output comes out in input order.
public struct CommentFileCoder: Sendable {
  public enum Format: String, Sendable {
    /// `id,themes` (`id,themes,model_themes` with a model), themes joined by `;`.
    case csv
    /// One JSON object per comment with its evidence (`CodedWriter.jsonLine`).
    case jsonl
  }

  /// A step run on each batch after the rules, adding themes of its own (a trained model's,
  /// from `CodedCorpus.modelStep`): the coder needs to know only that it adds a column.
  public struct PostStep: Sendable {
    /// The CSV column its themes go in (`model_themes`).
    public var column: String
    public var apply: @Sendable (inout [CodedComment]) -> Void

    public init(column: String, apply: @escaping @Sendable (inout [CodedComment]) -> Void) {
      self.column = column
      self.apply = apply
    }
  }

  public let engine: CodingEngine
  public let postStep: PostStep?
  public let audience: Theme.Audience
  public let format: Format
  /// Comments per batch.
  public var batchSize = 16_384
  /// Every theme id's bytes, end to end, when no id needs quoting in CSV (ids from a codebook
  /// file are lower-case letters, digits and hyphens), for `idThemesRows`.
  let themeIDBytes: ThemeIDBytes?

  public init(engine: CodingEngine, postStep: PostStep? = nil, audience: Theme.Audience = .all, format: Format = .csv) {
    self.engine = engine
    self.postStep = postStep
    self.audience = audience
    self.format = format
    let ids = engine.codebook.themes.map(\.id)
    themeIDBytes = ids.allSatisfy(Theme.isValidID) ? ThemeIDBytes(ids) : nil
  }

  /// The first line of the output (nil for JSON Lines).
  public var header: String? {
    guard format == .csv else { return nil }
    return postStep.map { "id,themes,\($0.column)\r\n" } ?? "id,themes\r\n"
  }

  /// Codes every row of `path`, handing `write` the output (after `header`) a batch at a time,
  /// in order, from a background thread.
  ///
  /// - Throws: `CommentFileError.missingColumn` when the header lacks a column; `CSVError`
  ///   for a malformed file (what was written before the bad row stays written).
  public func run(file path: String, idColumn: String, textColumn: String,
                  write: @escaping @Sendable (Data) -> Void) throws {
    if format == .csv, postStep == nil, let plainIDs = themeIDBytes {
      // `id,themes` only: comments stay bytes from file to output, no `String` each.
      let engine = engine, mask = CodingRun.mask(for: audience, in: engine)
      let pipeline = SlicePipeline<CommentBytes>(engine: engine, write: write) { batch, range, scratch in
        Self.idThemesRows(batch, range, engine: engine, mask: mask, themeIDs: plainIDs, scratch: &scratch)
      }
      defer { pipeline.finish() }
      try read(path, idColumn: idColumn, textColumn: textColumn, submit: pipeline.submit) { batch, id, text in
        batch.append(id: id, text: text)
      }
    } else {
      let writer = BatchWriter<[CodedComment]>(write: write) { [self] batch, scratches in
        output(for: &batch, scratches: &scratches)
      }
      defer { writer.finish() }
      let audience = audience  // a closure reading `self` would copy the whole coder per row
      try read(path, idColumn: idColumn, textColumn: textColumn, submit: writer.submit) { batch, id, text in
        batch.append(CodedComment(responseId: String(decoding: id, as: UTF8.self), text: String(decoding: text, as: UTF8.self),
                                  audience: audience))
      }
    }
  }

  /// Reads the file's records as bytes, adding each row's id and text cells to batches of
  /// `batchSize` handed to `submit` (which leaves an empty batch to fill next).
  private func read<Batch: CommentBatch>(
    _ path: String, idColumn: String, textColumn: String, submit: (inout Batch) -> Void,
    add: (inout Batch, _ id: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Void
  ) throws {
    // Copied out of `self`: a closure reading `self` copies the whole coder, engine and all,
    // per row (retaining every one of the engine's arrays, whose counts the coding threads were
    // touching too: a seventh of the time went to that).
    let batchSize = batchSize
    var idIndex = -1, textIndex = -1
    var batch = Batch()
    var header = true
    let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    try CSVReader.forEachRawRecord(contentsOf: URL(fileURLWithPath: path), file: path) { record in
      if header {
        header = false
        let f = record.record().fields
        guard let i = f.firstIndex(of: idColumn) else { throw CommentFileError.missingColumn(file: path, column: idColumn, columns: f) }
        guard let t = f.firstIndex(of: textColumn) else { throw CommentFileError.missingColumn(file: path, column: textColumn, columns: f) }
        (idIndex, textIndex) = (i, t)
        return
      }
      add(&batch, idIndex < record.count ? record[idIndex] : none, textIndex < record.count ? record[textIndex] : none)
      if batch.count >= batchSize { submit(&batch) }
    }
    if batch.count > 0 { submit(&batch) }
  }

  /// Codes and formats one batch of comments as strings (on every core): JSON Lines, or CSV
  /// with model themes or with theme ids that need quoting.
  func output(for batch: inout [CodedComment], scratches: inout [CodingEngine.Scratch]) -> Data {
    CodingRun.code(&batch, with: engine, scratches: &scratches, withEvidence: format == .jsonl || postStep != nil)
    postStep?.apply(&batch)
    var text = ""
    for c in batch {
      switch format {
      case .jsonl: text += CodedWriter.jsonLine(c)
      case .csv: text += postStep == nil ? CodedWriter.idThemesCSVRow(c) : CodedWriter.idThemesModelCSVRow(c)
      }
    }
    return Data(text.utf8)
  }

  /// `id,themes` rows for `range` of a batch, as bytes: no assignments, evidence or per-row
  /// strings are made, which is most of the cost of coding a plain comment file once matching
  /// itself is fast.
  static func idThemesRows(_ batch: CommentBytes, _ range: Range<Int>, engine: CodingEngine, mask: CodingEngine.ThemeMask?,
                           themeIDs: ThemeIDBytes, scratch: inout CodingEngine.Scratch) -> Data {
    let out = ByteBuffer(capacity: range.count * 48)
    batch.withComments(range) { id, text in
      TableWriter.appendCSVField(utf8: id, to: out)
      out.append(UInt8(ascii: ","))
      engine.matchThemes(ofUTF8: text, mask: mask, scratch: &scratch)
      var first = true
      CodingEngine.forEachTheme(in: scratch) { theme in
        if !first { out.append(UInt8(ascii: ";")) }
        first = false
        themeIDs.append(theme, to: out)
      }
      out.append(UInt8(ascii: "\r"))
      out.append(UInt8(ascii: "\n"))
    }
    return Data(out.bytes)
  }

  /// Theme ids as bytes in one array (an array per id would be retained and released at
  /// every use).
  struct ThemeIDBytes: Sendable {
    private let bytes: [UInt8]
    private let ends: [Int]

    init(_ ids: [String]) {
      bytes = ids.flatMap(\.utf8)
      var end = 0
      ends = ids.map { id in
        end += id.utf8.count
        return end
      }
    }

    func append(_ theme: Int, to out: ByteBuffer) {
      let start = theme == 0 ? 0 : ends[theme - 1]
      bytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[start..<ends[theme]])) }
    }
  }

  /// Codes submitted batches one after another on a serial background queue, at most two
  /// waiting, so the reader runs ahead by one batch and no further: for output that needs a
  /// whole batch at once (model proposals) or strings (JSON Lines).
  ///
  /// A coded batch goes back to the reading thread, which empties it and fills it again: its
  /// comments' strings are then freed by the thread that made them. Freed on the coding
  /// threads instead, they made the allocator's lock the busiest thing in the process.
  final class BatchWriter<Batch: CommentBatch>: @unchecked Sendable {
    private let write: @Sendable (Data) -> Void
    private let output: (inout Batch, inout [CodingEngine.Scratch]) -> Data
    private let queue = DispatchQueue(label: "voices.comment-file-coder")
    private let slots = DispatchSemaphore(value: 2)
    /// Touched only on `queue`.
    private var scratches: [CodingEngine.Scratch] = []
    /// Coded batches waiting to be emptied by the reader.
    private let coded = Mutex<[Batch]>([])

    /// - Parameter output: Codes and formats a batch (on `queue`).
    init(write: @escaping @Sendable (Data) -> Void, output: @escaping (inout Batch, inout [CodingEngine.Scratch]) -> Data) {
      self.write = write
      self.output = output
    }

    /// Takes `batch` to code and write once the batches before it are, leaving in `batch` an
    /// empty one to fill next (a coded batch's storage when one is back).
    func submit(_ batch: inout Batch) {
      slots.wait()
      var taken = coded.withLock { $0.popLast() } ?? Batch()
      taken.removeAll()
      swap(&taken, &batch)
      let box = BatchBox(consume taken)
      queue.async {
        var batch = box.take()  // the only reference, so coding in place copies nothing
        self.write(self.output(&batch, &self.scratches))
        self.coded.withLock { $0.append(batch) }
        self.slots.signal()
      }
    }

    /// Hands a batch to the queue without keeping a second reference to its storage.
    final class BatchBox: @unchecked Sendable {
      private var batch: Batch
      init(_ batch: Batch) { self.batch = batch }
      func take() -> Batch {
        defer { batch = Batch() }
        return batch
      }
    }

    /// Waits until every submitted batch is written.
    func finish() { queue.sync {} }
  }
}

/// What `CommentFileCoder` reads rows into: comments as strings, or as bytes.
protocol CommentBatch: Sendable {
  init()
  var count: Int { get }
  /// Empties the batch, keeping its storage.
  mutating func removeAll()
}

extension Array: CommentBatch where Element == CodedComment {
  mutating func removeAll() { removeAll(keepingCapacity: true) }
}

/// Comments as the file holds them: each one's id and text bytes, end to end.
struct CommentBytes: CommentBatch {
  private var bytes: [UInt8] = []
  /// Per comment, where its id ends and where its text ends in `bytes`.
  private var ends: [Int] = []

  var count: Int { ends.count / 2 }

  mutating func append(id: UnsafeBufferPointer<UInt8>, text: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: id)
    ends.append(bytes.count)
    bytes.append(contentsOf: text)
    ends.append(bytes.count)
  }

  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
  }

  /// Calls `body` with the id and text of each comment in `range`.
  func withComments(_ range: Range<Int>, _ body: (_ id: UnsafeBufferPointer<UInt8>, _ text: UnsafeBufferPointer<UInt8>) -> Void) {
    bytes.withUnsafeBufferPointer { all in
      for i in range {
        let idStart = i == 0 ? 0 : ends[2 * i - 1], idEnd = ends[2 * i], textEnd = ends[2 * i + 1]
        body(UnsafeBufferPointer(rebasing: all[idStart..<idEnd]), UnsafeBufferPointer(rebasing: all[idEnd..<textEnd]))
      }
    }
  }
}

/// A plain comment file that cannot be coded as asked.
public enum CommentFileError: Error, Equatable, Sendable, CustomStringConvertible {
  case missingColumn(file: String, column: String, columns: [String])

  public var description: String {
    switch self {
    case .missingColumn(let file, let column, let columns):
      "\(file) has no column \"\(column)\" (columns: \(columns.joined(separator: ", ")))"
    }
  }
}
