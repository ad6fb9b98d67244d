import Dispatch
import Foundation

/// Codes batches of comments slice by slice on one thread per core and hands their output to
/// `write` in input order: `CommentFileCoder`'s engine for `id,themes`.
///
/// A batch is cut into slices when it is submitted, and a worker takes the oldest slice
/// waiting, whatever its batch: the cores never wait at the end of a batch for its last slice
/// while the reading thread slows one of them down (coding a batch at a time on every core,
/// that wait was about a tenth of the time on two cores). Each worker keeps one scratch for
/// the whole file, so its word cache stays warm in its own core's memory.
///
/// At most three batches are in flight, so memory stays bounded whatever the file's size;
/// a batch whose slices are all coded goes back to the reading thread to be filled again (its
/// storage freed, if ever, by the thread that made it).
final class SlicePipeline<Batch: CommentBatch>: @unchecked Sendable {
  /// Codes `range` of a batch with a worker's scratch.
  typealias Coder = @Sendable (Batch, Range<Int>, inout CodingEngine.Scratch) -> Data

  private let write: @Sendable (Data) -> Void
  private let code: Coder
  private let sliceSize: Int
  private let condition = NSCondition()
  private let slots = DispatchSemaphore(value: 3)
  private let workers = DispatchGroup()
  // Guarded by `condition`:
  /// Slices waiting, oldest first, as (batch number, range); `nextJob` is the oldest.
  private var jobs: [(batch: Int, range: Range<Int>)] = []
  private var nextJob = 0
  /// Batches in flight by number: the comments and each slice's output once coded.
  private var pending: [Int: (comments: Batch, parts: [Data?], left: Int)] = [:]
  private var submitted = 0
  private var nextToWrite = 0
  private var writing = false
  private var finished = false
  /// Coded batches waiting to be filled again by the reader.
  private var coded: [Batch] = []

  /// Starts one worker per core, each with a scratch of `engine`'s.
  init(engine: CodingEngine, sliceSize: Int = 1024, write: @escaping @Sendable (Data) -> Void, code: @escaping Coder) {
    self.write = write
    self.code = code
    self.sliceSize = max(1, sliceSize)
    for _ in 0..<max(1, ProcessInfo.processInfo.activeProcessorCount) {
      DispatchQueue.global(qos: .userInitiated).async(group: workers) { [self] in
        var scratch = engine.makeScratch()
        while let (number, comments, range) = take() {
          complete(number, slice: range.lowerBound / sliceSize, code(comments, range, &scratch))
        }
      }
    }
  }

  /// Takes `batch` to code, leaving in it an empty batch to fill next (a coded batch's storage
  /// when one is back); waits while three batches are in flight.
  func submit(_ batch: inout Batch) {
    slots.wait()
    condition.lock()
    let number = submitted
    submitted += 1
    var next = coded.popLast() ?? Batch()
    next.removeAll()
    swap(&next, &batch)
    let count = next.count
    let slices = (count + sliceSize - 1) / sliceSize
    for k in 0..<slices { jobs.append((number, k * sliceSize ..< min(count, (k + 1) * sliceSize))) }
    pending[number] = (next, Array(repeating: nil, count: slices), slices)
    condition.broadcast()
    condition.unlock()
  }

  /// Waits until every submitted batch is coded and written, and the workers have stopped.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
    workers.wait()
  }

  /// The oldest slice waiting and its batch, or nil once `finish` was called and none is left.
  private func take() -> (Int, Batch, Range<Int>)? {
    condition.lock()
    defer { condition.unlock() }
    while nextJob == jobs.count {
      if finished { return nil }
      condition.wait()
    }
    let job = jobs[nextJob]
    nextJob += 1
    if nextJob == jobs.count {
      jobs.removeAll(keepingCapacity: true)
      nextJob = 0
    }
    guard let comments = pending[job.batch]?.comments else { return nil }
    return (job.batch, comments, job.range)
  }

  /// Stores a slice's output; the worker that completes the oldest unwritten batch writes it
  /// and every complete batch after it, one writer at a time, outside the lock.
  private func complete(_ number: Int, slice: Int, _ data: Data) {
    condition.lock()
    pending[number]?.parts[slice] = data
    pending[number]?.left -= 1
    guard !writing else { return condition.unlock() }
    writing = true
    while let batch = pending[nextToWrite], batch.left == 0 {
      pending[nextToWrite] = nil
      nextToWrite += 1
      coded.append(batch.comments)
      condition.unlock()
      var out = Data(capacity: batch.parts.reduce(0) { $0 + ($1?.count ?? 0) })
      for part in batch.parts { out.append(part ?? Data()) }
      write(out)
      slots.signal()
      condition.lock()
    }
    writing = false
    condition.unlock()
  }
}
