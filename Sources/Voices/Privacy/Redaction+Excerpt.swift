import Foundation

extension Redaction {
  /// A stretch of the original text as the redacted text shows it: every redacted span the
  /// stretch touches is written as its marker, never as the words under it.
  ///
  /// Coding's evidence is found on the original comment, so its words can be part of a name
  /// or a school ("Maze" of "Maze Hill Primary"); redacting the words on their own would miss
  /// it, because the redactor needs the context. Mapping the stretch onto the spans of the
  /// whole comment's redaction gives exactly what the redacted comment shows there.
  ///
  /// - Parameters:
  ///   - original: The text this redaction was made from.
  ///   - start: First Unicode scalar of the stretch (as `RedactedSpan` counts).
  ///   - end: The scalar after the last.
  /// - Returns: The stretch with markers in place of personal data, and whether it holds any
  ///   letter or digit outside the markers (evidence that is only personal data says nothing a
  ///   reader may see, so sheets leave it out); nil when the offsets do not fit the text.
  public func excerpt(of original: String, start: Int, end: Int) -> (text: String, hasWords: Bool)? {
    let scalars = Array(original.unicodeScalars)
    guard 0 <= start, start < end, end <= scalars.count else { return nil }
    var out = String.UnicodeScalarView()
    var plain = false
    var i = start
    while i < end {
      if let span = spans.first(where: { $0.start <= i && i < $0.end }) {
        out.append(contentsOf: span.kind.marker.unicodeScalars)
        i = span.end
        continue
      }
      if scalars[i].properties.isAlphabetic || scalars[i].properties.numericType != nil { plain = true }
      out.append(scalars[i])
      i += 1
    }
    return (String(out), plain)
  }
}
