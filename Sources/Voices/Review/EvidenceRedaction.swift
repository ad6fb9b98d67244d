import Foundation

/// The matched words of coded comments as the redacted comments show them.
///
/// Evidence is found on the original text, so a matched word can be personal data or part of
/// it (a pattern `maze` inside "Maze Hill Primary"). Files that carry evidence words without
/// the comment (`coded/coded.csv`, `coded/coded.jsonl`) take them from here, so no file
/// Voices writes holds a word the redactor removed from the comment.
public enum EvidenceRedaction {
  /// Replaces each evidence's `matchedText` by `Redaction.excerpt` of the comment's own
  /// redaction (markers in place of personal data); offsets stay those of the original text.
  ///
  /// - Complexity: one redaction per comment that has evidence, on every core.
  public static func redactMatchedText(of comments: inout [CodedComment], redactor: Redactor) {
    let withEvidence = comments.indices.filter { i in comments[i].assignments.contains { !$0.evidence.isEmpty } }
    guard !withEvidence.isEmpty else { return }
    let redactions = redactor.redact(all: withEvidence.map { comments[$0].text })
    for (i, redaction) in zip(withEvidence, redactions) where !redaction.spans.isEmpty {
      let text = comments[i].text
      for a in comments[i].assignments.indices {
        for e in comments[i].assignments[a].evidence.indices {
          let evidence = comments[i].assignments[a].evidence[e]
          comments[i].assignments[a].evidence[e].matchedText = redaction.excerpt(of: text, start: evidence.start, end: evidence.end)?.text ?? ""
        }
      }
    }
  }
}
