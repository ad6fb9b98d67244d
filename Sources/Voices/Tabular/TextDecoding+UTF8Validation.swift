/// A streaming, strict UTF-8 validator that reports the first invalid byte's offset.
///
/// Strict means what Unicode calls well-formed: no overlong forms, no surrogates (ED A0...),
/// nothing above U+10FFFF. The offset is the first byte of the ill-formed sequence, as Python
/// reports it in `UnicodeDecodeError.start`. Chunks may split a sequence anywhere.
struct UTF8Validator {
  /// Continuation bytes still expected for the sequence in progress.
  private var remaining = 0
  /// Allowed range of the next continuation byte (narrower right after E0, ED, F0, F4).
  private var lower: UInt8 = 0x80
  private var upper: UInt8 = 0xBF
  /// Offset of the first byte of the sequence in progress.
  private var sequenceStart = 0
  /// Bytes fed so far.
  private(set) var offset = 0

  /// Feeds the next chunk.
  ///
  /// - Returns: The absolute offset of the first invalid sequence, or nil if all is well so far.
  mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let n = bytes.count
    var i = 0
    defer { offset += n }
    guard let base = bytes.baseAddress else { return nil }
    while i < n {
      if remaining == 0 {
        // Fast path: skip eight ASCII bytes at a time.
        while i + 8 <= n {
          let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 != 0 { break }
          i += 8
        }
        if i == n { break }
        let b = bytes[i]
        if b < 0x80 {
          i += 1
          continue
        }
        sequenceStart = offset + i
        switch b {
        case 0xC2...0xDF: remaining = 1; lower = 0x80; upper = 0xBF
        case 0xE0: remaining = 2; lower = 0xA0; upper = 0xBF
        case 0xE1...0xEC, 0xEE...0xEF: remaining = 2; lower = 0x80; upper = 0xBF
        case 0xED: remaining = 2; lower = 0x80; upper = 0x9F
        case 0xF0: remaining = 3; lower = 0x90; upper = 0xBF
        case 0xF1...0xF3: remaining = 3; lower = 0x80; upper = 0xBF
        case 0xF4: remaining = 3; lower = 0x80; upper = 0x8F
        default: return sequenceStart
        }
        i += 1
      } else {
        let b = bytes[i]
        guard b >= lower, b <= upper else { return sequenceStart }
        lower = 0x80
        upper = 0xBF
        remaining -= 1
        i += 1
      }
    }
    return nil
  }

  /// Ends the input.
  ///
  /// - Returns: The offset of a sequence cut short by the end of the input, or nil.
  func finish() -> Int? { remaining > 0 ? sequenceStart : nil }
}
