import CZlib

/// The two zlib calls the ZIP reader needs: raw-deflate decompression in bounded chunks, and
/// CRC-32.
///
/// Decompression is streamed into 64 KiB chunks and the caller is asked after every chunk
/// whether to go on, so a ZIP bomb is stopped as soon as it passes a limit rather than after
/// it has filled memory.
enum Inflate {
  /// What went wrong inside zlib, for the ZIP reader to turn into a `ZIPError`.
  enum Failure: Error, Equatable {
    /// The caller's `accept` closure returned false: a limit was passed.
    case stopped
    /// The compressed data is not valid deflate data (zlib's own message).
    case corrupt(String)
    /// The compressed data ended before the deflate stream did.
    case truncated
  }

  /// Size of each output chunk.
  static let chunkBytes = 64 << 10

  /// Inflates a raw deflate stream (no zlib or gzip header, as stored in ZIP entries).
  ///
  /// - Parameters:
  ///   - input: The compressed bytes.
  ///   - accept: Called with each chunk of output as it is produced; return false to stop.
  /// - Throws: `Failure.stopped` when `accept` returns false, `Failure.corrupt` for bad data,
  ///   `Failure.truncated` when the input ends early.
  static func raw(
    _ input: UnsafeBufferPointer<UInt8>,
    accept: (UnsafeBufferPointer<UInt8>) -> Bool
  ) throws(Failure) {
    var stream = z_stream()
    let initStatus = inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard initStatus == Z_OK else { throw .corrupt("zlib could not start (status \(initStatus))") }
    defer { inflateEnd(&stream) }

    var chunk = [UInt8](repeating: 0, count: chunkBytes)
    // zlib takes `avail_in` as a 32-bit count; feed very large inputs in slices.
    var consumed = 0
    let total = input.count
    var finished = false
    try chunk.withUnsafeMutableBufferPointer { (out) throws(Failure) in
      guard let outBase = out.baseAddress else { return }
      while !finished {
        if stream.avail_in == 0 {
          let slice = min(total - consumed, Int(UInt32.max / 2))
          if slice == 0 {
            // No more input but the stream has not ended.
            throw .truncated
          }
          stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress! + consumed)  // slice > 0 proves a base address
          stream.avail_in = UInt32(slice)
          consumed += slice
        }
        stream.next_out = outBase
        stream.avail_out = UInt32(out.count)
        let status = inflate(&stream, Z_NO_FLUSH)
        let produced = out.count - Int(stream.avail_out)
        switch status {
        case Z_OK, Z_BUF_ERROR:
          if status == Z_BUF_ERROR, produced == 0, stream.avail_in == 0, consumed == total {
            throw .truncated
          }
        case Z_STREAM_END:
          finished = true
        default:
          let message = stream.msg.map { String(cString: $0) } ?? "status \(status)"
          throw .corrupt(message)
        }
        if produced > 0, !accept(UnsafeBufferPointer(start: outBase, count: produced)) {
          throw .stopped
        }
      }
    }
  }

  /// Compresses `bytes` as a raw deflate stream (the inverse of `raw(_:accept:)`), for ZIP
  /// writers and for tests that build archives.
  static func deflateRaw(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
    var stream = z_stream()
    guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return [] }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 16)
    let produced: Int = bytes.withUnsafeBufferPointer { input in
      output.withUnsafeMutableBufferPointer { out in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = UInt32(input.count)
        stream.next_out = out.baseAddress
        stream.avail_out = UInt32(out.count)
        _ = deflate(&stream, Z_FINISH)
        return out.count - Int(stream.avail_out)
      }
    }
    output.removeLast(output.count - produced)
    return output
  }

  /// The CRC-32 (as used by ZIP) of `bytes`.
  static func crc32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    guard var base = bytes.baseAddress else { return 0 }
    var remaining = bytes.count
    var crc: UInt = CZlib.crc32(0, nil, 0)
    while remaining > 0 {
      let n = min(remaining, 1 << 30)
      crc = CZlib.crc32(crc, base, UInt32(n))
      base += n
      remaining -= n
    }
    return UInt32(truncatingIfNeeded: crc)
  }

  static func crc32(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer { crc32($0) }
  }
}
