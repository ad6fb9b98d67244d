/// A coded comment as page runs: anonymised by `Redactor`, with the words a theme was coded
/// from highlighted (`<mark>`).
///
/// Coding's evidence and Privacy's redacted spans are both Unicode scalar offsets into the
/// original comment (the Text module's units); the text is walked once, copying each stretch
/// as one slice of UTF-8. Personal data always wins: where evidence overlaps a redacted span
/// only the marker (e.g. `[name]`) is written, never the words under it.
enum CommentMarkup {
  static func runs(_ text: String, evidence: [Evidence], redaction: Redaction) -> [HTMLDocument.Inline] {
    let bytes = Array(text.utf8)
    // Scalar index -> UTF-8 offset of its first byte, and the end.
    var byteOf: [Int] = []
    byteOf.reserveCapacity(bytes.count + 1)
    for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { byteOf.append(offset) }
    byteOf.append(bytes.count)
    let count = byteOf.count - 1
    var marked = [Bool](repeating: false, count: count)
    for e in evidence where 0 <= e.start && e.start < e.end && e.end <= count {
      for i in e.start..<e.end { marked[i] = true }
    }
    var redactedAt = [Int](repeating: -1, count: count)
    for (k, span) in redaction.spans.enumerated() where 0 <= span.start && span.start < span.end && span.end <= count {
      for i in span.start..<span.end { redactedAt[i] = k }
    }
    var runs: [HTMLDocument.Inline] = []
    var buffer = "", bufferMarked = false
    func flush() {
      guard !buffer.isEmpty else { return }
      runs.append(bufferMarked ? .mark(buffer) : .text(buffer))
      buffer = ""
    }
    var i = 0
    while i < count {
      if redactedAt[i] >= 0 {
        let k = redactedAt[i]
        if bufferMarked { flush() }
        bufferMarked = false
        buffer += redaction.spans[k].kind.marker
        while i < count, redactedAt[i] == k { i += 1 }
        continue
      }
      if marked[i] != bufferMarked { flush(); bufferMarked = marked[i] }
      // The whole stretch of scalars alike in marking, copied as one slice of bytes.
      var j = i + 1
      while j < count, redactedAt[j] < 0, marked[j] == marked[i] { j += 1 }
      buffer += String(decoding: bytes[byteOf[i]..<byteOf[j]], as: UTF8.self)
      i = j
    }
    flush()
    return runs
  }
}
