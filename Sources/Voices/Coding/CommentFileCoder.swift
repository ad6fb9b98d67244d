import Dispatch
import Foundation
import Synchronization

/// Codes one text column of a plain CSV (no manifest), as a stream, for
/// `voices code FILE.csv --id-column NAME --text-column NAME`.
///
/// The file is read in batches; while the reading thread parses batch N + 1, batch N is coded
/// on every core and formatted on a background queue, so reading overlaps coding and memory stays
/// at two batches whatever the file's size. Output comes out in input order.
public struct CommentFileCoder: Sendable {
  public enum Format: String, Sendable {
    /// `id,themes` (`id,themes,model_themes` with a model), themes joined by `;`.
    case csv
    /// One JSON object per comment with its evidence (`CodedWriter.jsonLine`).
    case jsonl
  }

  public let engine: CodingEngine
  public let models: ModelCoder?
  public let audience: Theme.Audience
  public let format: Format
  /// Comments per batch.
  public var batchSize = 16_384
  /// Each theme id's bytes, when no id needs quoting in CSV (ids from a codebook file are
  /// lower-case letters, digits and hyphens), for `idThemesRows`.
  let themeIDBytes: [[UInt8]]?

  public init(engine: CodingEngine, models: ModelCoder? = nil, audience: Theme.Audience = .all, format: Format = .csv) {
    self.engine = engine
    self.models = models
    self.audience = audience
    self.format = format
    let ids = engine.codebook.themes.map(\.id)
    themeIDBytes = ids.allSatisfy(Theme.isValidID) ? ids.map { Array($0.utf8) } : nil
  }

  /// The first line of the output (nil for JSON Lines).
  public var header: String? {
    guard format == .csv else { return nil }
    return models == nil ? "id,themes\r\n" : "id,themes,model_themes\r\n"
  }

  /// Codes every row of `path`, handing `write` the output (after `header`) a batch at a time,
  /// in order, from a background thread.
  ///
  /// - Throws: `CommentFileError.missingColumn` when the header lacks a column; `CSVError`
  ///   for a malformed file (what was written before the bad row stays written).
  public func run(file path: String, idColumn: String, textColumn: String,
                  write: @escaping @Sendable (Data) -> Void) throws {
    let writer = BatchWriter(coder: self, write: write)
    defer { writer.finish() }
    var idIndex = -1, textIndex = -1
    var batch: [CodedComment] = []
    batch.reserveCapacity(batchSize)
    var header = true
    // Copies of `self`'s fields: a closure that reads `self` copies the whole coder, engine and
    // all, per row (retaining every one of the engine's arrays, whose counts the coding threads
    // were touching too: a seventh of the time went to that).
    let audience = audience, batchSize = batchSize
    // Records as bytes: only the id and the text become strings, whatever else a row holds.
    try CSVReader.forEachRawRecord(contentsOf: URL(fileURLWithPath: path), file: path) { record in
      if header {
        header = false
        let f = record.record().fields
        guard let i = f.firstIndex(of: idColumn) else { throw CommentFileError.missingColumn(file: path, column: idColumn, columns: f) }
        guard let t = f.firstIndex(of: textColumn) else { throw CommentFileError.missingColumn(file: path, column: textColumn, columns: f) }
        (idIndex, textIndex) = (i, t)
        return
      }
      batch.append(CodedComment(responseId: idIndex < record.count ? record.string(idIndex) : "",
                                text: textIndex < record.count ? record.string(textIndex) : "", audience: audience))
      if batch.count >= batchSize {
        writer.submit(&batch)
        batch.reserveCapacity(batchSize)
      }
    }
    if !batch.isEmpty { writer.submit(&batch) }
  }

  /// Codes and formats one batch (on every core).
  func output(for batch: inout [CodedComment], scratches: inout [CodingEngine.Scratch]) -> Data {
    if format == .csv, models == nil, let plainIDs = themeIDBytes {
      return idThemesRows(batch, themeIDs: plainIDs, scratches: &scratches)
    }
    CodingRun.code(&batch, with: engine, scratches: &scratches, withEvidence: format == .jsonl || models != nil)
    if let models {
      let proposals = FinalCoding.modelProposals(models.proposals(for: batch), of: batch)
      let (finals, _) = FinalCoding.apply([], to: batch, model: proposals)
      FinalCoding.replaceAssignments(of: &batch, with: finals)
    }
    var text = ""
    for c in batch {
      switch format {
      case .jsonl: text += CodedWriter.jsonLine(c)
      case .csv: text += models == nil ? CodedWriter.idThemesCSVRow(c) : CodedWriter.idThemesModelCSVRow(c)
      }
    }
    return Data(text.utf8)
  }

  /// `id,themes` rows for a batch, each worker coding its slice and writing its rows' bytes:
  /// no assignments, evidence or per-row strings are made, which is most of the cost of coding
  /// a plain comment file once matching itself is fast.
  func idThemesRows(_ batch: [CodedComment], themeIDs: [[UInt8]], scratches: inout [CodingEngine.Scratch]) -> Data {
    let engine = self.engine
    let mask = CodingRun.mask(for: audience, in: engine)
    let parts = CodingRun.slices(batch.count, engine: engine, scratches: &scratches) { range, scratch in
      var out: [UInt8] = []
      out.reserveCapacity(range.count * 48)
      var themes: [Int32] = []
      for i in range {
        TableWriter.appendCSVField(batch[i].responseId, to: &out)
        out.append(UInt8(ascii: ","))
        engine.themeIndices(of: batch[i].text, mask: mask, scratch: &scratch, into: &themes)
        for (k, theme) in themes.enumerated() {
          if k > 0 { out.append(UInt8(ascii: ";")) }
          out.append(contentsOf: themeIDs[Int(theme)])
        }
        out.append(13)
        out.append(10)
      }
      return out
    }
    var data = Data(capacity: parts.reduce(0) { $0 + $1.count })
    for part in parts { data.append(contentsOf: part) }
    return data
  }

  /// Codes submitted batches one after another on a serial background queue, at most two
  /// waiting, so the reader runs ahead by one batch and no further.
  ///
  /// A coded batch goes back to the reading thread, which empties it and fills it again: its
  /// comments' strings are then freed by the thread that made them. Freed on the coding
  /// threads instead, they made the allocator's lock the busiest thing in the process.
  final class BatchWriter: @unchecked Sendable {
    private let coder: CommentFileCoder
    private let write: @Sendable (Data) -> Void
    private let queue = DispatchQueue(label: "voices.comment-file-coder")
    private let slots = DispatchSemaphore(value: 2)
    /// Touched only on `queue`.
    private var scratches: [CodingEngine.Scratch] = []
    /// Coded batches waiting to be emptied by the reader.
    private let coded = Mutex<[[CodedComment]]>([])

    init(coder: CommentFileCoder, write: @escaping @Sendable (Data) -> Void) {
      self.coder = coder
      self.write = write
    }

    /// Takes `batch` to code and write once the batches before it are, leaving in `batch` an
    /// empty array to fill next (a coded batch's storage when one is back).
    func submit(_ batch: inout [CodedComment]) {
      slots.wait()
      var taken = coded.withLock { $0.popLast() } ?? []
      taken.removeAll(keepingCapacity: true)
      swap(&taken, &batch)
      let box = BatchBox(consume taken)
      queue.async {
        var batch = box.take()  // the only reference, so coding in place copies nothing
        self.write(self.coder.output(for: &batch, scratches: &self.scratches))
        self.coded.withLock { $0.append(batch) }
        self.slots.signal()
      }
    }

    /// Hands a batch to the queue without keeping a second reference to its storage.
    final class BatchBox: @unchecked Sendable {
      private var batch: [CodedComment]
      init(_ batch: [CodedComment]) { self.batch = batch }
      func take() -> [CodedComment] {
        defer { batch = [] }
        return batch
      }
    }

    /// Waits until every submitted batch is written.
    func finish() { queue.sync {} }
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
