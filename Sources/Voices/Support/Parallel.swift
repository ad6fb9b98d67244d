import Dispatch

/// Runs `body` for 0 ..< count on every core and returns the results in index order.
///
/// In Support, below every other folder: loading, coding, redaction, learning and reports all
/// spread work this way, and it depends on nothing of ours.
///
/// Each result lands in its own slot, so the output does not depend on scheduling: the same
/// inputs give the same array bit for bit.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  let slots = Slots<T>(count)
  DispatchQueue.concurrentPerform(iterations: count) { i in slots.store(body(i), at: i) }
  return slots.values()
}

/// Write-once result slots shared by concurrent tasks; each index is written by one task only.
private final class Slots<T>: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<T?>

  init(_ count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil)
  }

  deinit {
    buffer.deinitialize()
    buffer.deallocate()
  }

  func store(_ value: T, at index: Int) { buffer[index] = value }

  /// Every slot's value; each was written by `concurrentPerform` before it returned.
  func values() -> [T] { buffer.map { $0! } }
}
