import Foundation

/// A growable run of bytes whose append is a capacity check and a `memcpy`.
///
/// The CSV parser copies every field of every record, and the loader builds a key from a row's
/// cells; `Array.append(contentsOf:)` on those paths (a uniqueness check and a generic copy per
/// call) was a sixth of the instructions spent reading an export. A class, so the storage is
/// freed in `deinit`; a holder that is copied shares it, which is why holders are not copied.
final class ByteBuffer {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private(set) var capacity: Int

  init(capacity: Int = 4096) {
    self.capacity = max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  deinit { base.deallocate() }

  /// The bytes held; valid until the next change.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  @inline(__always) func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, bytes.count > 0 else { return }
    if count + bytes.count > capacity { grow(to: count + bytes.count) }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  @inline(__always) func append(_ byte: UInt8) {
    if count == capacity { grow(to: count + 1) }
    base[count] = byte
    count += 1
  }

  /// Appends `value`'s four bytes, least significant first.
  func append(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { append($0.bindMemory(to: UInt8.self)) }
  }

  /// Empties the buffer; storage grown past `limit` bytes is given back, so one huge record
  /// does not keep its memory for the small ones after it.
  func removeAll(keepingCapacityUpTo limit: Int = 1 << 20) {
    count = 0
    if capacity > limit {
      base.deallocate()
      capacity = 4096
      base = .allocate(capacity: capacity)
    }
  }

  private func grow(to needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    grown.update(from: base, count: count)
    base.deallocate()
    base = grown
    capacity = newCapacity
  }
}
