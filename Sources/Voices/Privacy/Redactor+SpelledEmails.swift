/// Emails written out so a form will take them: "jane at gmail dot com", "j.smith (at)
/// hotmail (dot) co (dot) uk", "tom[at]example[dot]org".
///
/// The shape is a local part (words, numbers, and `.` `_` `-` between them without spaces),
/// "at" (bare or in brackets), then domain labels joined by "dot" (bare or bracketed) or `.`,
/// ending in a top-level label people use for email (com, uk, org, net, ...). At least one
/// "dot" must be spelled out, or the "at" bracketed: "a blog at www.example.co.uk" is a
/// website, not an email, and "at home. Com" never matches; the last label must be a known
/// one, so "we met at school dot dot dot" stays.
extension Redactor {
  static let hashAt = Scan.hash("at"), hashDot = Scan.hash("dot")
  static let emailTopLabels: Set<UInt64> = NameTable.hashes("com uk org net co gov ac nhs sch edu info me io biz ie eu")

  func findSpelledEmails(_ scan: Scan, into findings: inout [Finding]) {
    let tokens = scan.tokens
    /// The word "at" or "dot" at `i`, bare or bracketed: the token after it, and whether bracketed.
    func spelled(_ word: UInt64, at i: Int) -> (next: Int, bracketed: Bool)? {
      if i < tokens.count, tokens[i].kind == .word, tokens[i].hash == word { return (i + 1, false) }
      if scan.isChar(i, "(") || scan.isChar(i, "["), i + 2 < tokens.count, tokens[i + 1].hash == word,
         scan.isChar(i + 2, ")") || scan.isChar(i + 2, "]") {
        return (i + 3, true)
      }
      return nil
    }
    func isLabel(_ i: Int) -> Bool { i < tokens.count && tokens[i].kind != .other && !tokens[i].lineBreakBefore }
    var t = 1
    while t < tokens.count {
      guard let at = spelled(Redactor.hashAt, at: t), isLabel(t - 1), isLabel(at.next) else { t += 1; continue }
      // the local part: back over words joined by . _ - written without spaces
      var first = t - 1
      while first >= 2, !tokens[first].spaceBefore, scan.isChar(first - 1, ".") || scan.isChar(first - 1, "_") || scan.isChar(first - 1, "-"),
            !tokens[first - 1].spaceBefore, isLabel(first - 2) {
        first -= 2
      }
      // the domain: labels joined by "dot" or "."
      var k = at.next, last = at.next, spelledDots = 0
      while true {
        if let dot = spelled(Redactor.hashDot, at: k + 1), isLabel(dot.next) {
          spelledDots += 1
          k = dot.next
        } else if scan.isChar(k + 1, "."), !tokens[k + 1].spaceBefore, k + 2 < tokens.count, !tokens[k + 2].spaceBefore, isLabel(k + 2) {
          k += 2
        } else if scan.isChar(k + 1, "-"), !tokens[k + 1].spaceBefore, k + 2 < tokens.count, !tokens[k + 2].spaceBefore, isLabel(k + 2) {
          k += 2
          continue
        } else {
          break
        }
        if Redactor.emailTopLabels.contains(tokens[k].hash) { last = k }
      }
      guard last > at.next, spelledDots > 0 || at.bracketed else { t += 1; continue }
      var end = tokens[last].end
      if scan.isChar(last + 1, ")") || scan.isChar(last + 1, "]"), !tokens[last + 1].spaceBefore { end = tokens[last + 1].end }
      findings.append(Finding(kind: .email, start: tokens[first].start, end: end))
      t = last + 1
    }
  }
}
