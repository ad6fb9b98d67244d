/// A coded comment as page runs: anonymised by `Redactor`, with the words a theme was coded
/// from highlighted (`<mark>`).
///
/// Coding's evidence offsets are UTF-8 byte offsets into the original comment and Privacy's
/// redacted spans are Unicode scalar offsets into the same text; both are turned into scalar
/// positions, then the text is walked once. Personal data always wins: where evidence overlaps
/// a redacted span only the marker (e.g. `[name]`) is written, never the words under it.
enum CommentMarkup {
  static func runs(_ text: String, evidence: [Evidence], redaction: Redaction) -> [HTMLDocument.Inline] {
    let scalars = Array(text.unicodeScalars)
    // UTF-8 byte offset -> scalar index.
    var byteToScalar: [Int: Int] = [:]
    var byte = 0
    for (i, s) in scalars.enumerated() {
      byteToScalar[byte] = i
      byte += String(s).utf8.count
    }
    byteToScalar[byte] = scalars.count
    var marked = [Bool](repeating: false, count: scalars.count)
    for e in evidence {
      guard let a = byteToScalar[e.start], let b = byteToScalar[e.end], a <= b else { continue }
      for i in a..<b { marked[i] = true }
    }
    var redactedAt = [Int](repeating: -1, count: scalars.count)
    for (k, span) in redaction.spans.enumerated() where span.start < span.end && span.end <= scalars.count {
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
    while i < scalars.count {
      if redactedAt[i] >= 0 {
        let k = redactedAt[i]
        if bufferMarked { flush() }
        bufferMarked = false
        buffer += redaction.spans[k].kind.marker
        while i < scalars.count, redactedAt[i] == k { i += 1 }
        continue
      }
      if marked[i] != bufferMarked { flush(); bufferMarked = marked[i] }
      buffer.unicodeScalars.append(scalars[i])
      i += 1
    }
    flush()
    return runs
  }
}
