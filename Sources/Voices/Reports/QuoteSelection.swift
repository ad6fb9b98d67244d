import Foundation

/// Picks the quotes a report may publish, by one stated, deterministic rule.
///
/// A comment may be quoted only when:
/// 1. the respondent agreed to be quoted (`Response.consentToQuote`);
/// 2. the respondent is not in a small group: at least `minimumCount` respondents of the same
///    export share their respondent group and their locality (so a quote cannot point at one
///    of a handful of people), and the theme's count is itself published;
/// 3. after redaction (`Redactor`, with the workspace's name and school lists) it is between
///    `minimumLength` and `maximumLength` characters;
/// 4. it has not already been quoted in the same report;
/// 5. it is not mostly markers: markers are under a quarter of its words, and what is left
///    without them is still `minimumLength` long ("My email is [email]" says nothing).
/// Candidates with nothing replaced come first (a quote with a marker in it reads worse),
/// each group ordered by the SHA-256 of "response id|question" (a stable, neutral order
/// nobody chose), and the first ones taken. `description` states the rule in the report.
struct QuoteSelection: Sendable {
  var policy: SuppressionPolicy
  var redactor: Redactor
  var minimumLength = 40
  var maximumLength = 300
  /// Response id -> the response, for consent and groups.
  var responses: [String: Response]
  /// Response ids in a small group (rule 2).
  var smallGroup: Set<String>
  /// Redactions made once per comment, with the text they were made from (a lookup for other
  /// text redacts afresh); shared by every report. Keyed by where the comment is, not by its
  /// text: a key holding the text made every lookup copy and hash the whole comment.
  var redacted: [CommentKey: (text: String, redaction: Redaction)] = [:]

  init(load: SurveyCollection, policy: SuppressionPolicy, redactor: Redactor) {
    self.policy = policy
    self.redactor = redactor
    var responses: [String: Response] = [:]
    var small = Set<String>()
    for export in load.exports {
      var groups: [String: Int] = [:], localities: [String: Int] = [:]
      for r in export.responses {
        responses[r.id] = r
        groups[r.group ?? BreakdownGroup.notKnown, default: 0] += 1
        localities[r.breakdowns["locality"] ?? BreakdownGroup.notKnown, default: 0] += 1
      }
      for r in export.responses
      where (groups[r.group ?? BreakdownGroup.notKnown] ?? 0) < policy.minimumCount
        || (localities[r.breakdowns["locality"] ?? BreakdownGroup.notKnown] ?? 0) < policy.minimumCount {
        small.insert(r.id)
      }
    }
    self.responses = responses
    self.smallGroup = small
  }

  /// The rule in words, for the report.
  var description: String {
    "Quotes are only from people who agreed to be quoted; never from a group of fewer than \(policy.minimumCount) respondents "
      + "(by respondent group or locality) nor for a theme whose count is not shown; anonymised (names, schools, emails, phone "
      + "numbers, postcodes, NHS numbers and dates of birth replaced by markers such as [name]); \(minimumLength) to "
      + "\(maximumLength) characters long after anonymising, and not mostly markers (a quarter of the words or more); comments "
      + "with nothing replaced come first, and each group is taken in the order of the SHA-256 hash of the response id "
      + "and question, so the same data always give the same quotes and nobody chose them."
  }

  /// A comment fit to publish, redacted.
  struct Quote: Sendable, Equatable {
    var responseId: String
    var question: String
    var wave: String
    var text: String
    var group: String?
  }

  /// Redacts every comment once, so reports that show a comment several times redact it once.
  mutating func prepare(_ comments: [CodedComment]) {
    for (c, redaction) in zip(comments, redactor.redact(all: comments.map(\.text))) {
      redacted[CommentKey(c)] = (c.text, redaction)
    }
  }

  /// The comment anonymised (from the cache when prepared).
  func redaction(_ c: CodedComment) -> Redaction {
    if let known = redacted[CommentKey(c)], known.text == c.text {
      return known.redaction
    }
    return redactor.redact(c.text)
  }

  /// Whether the respondent's comment may be quoted at all (rules 1 and 2, first half).
  func mayQuote(_ responseId: String) -> Bool {
    guard let r = responses[responseId], r.consentToQuote else { return false }
    return !smallGroup.contains(responseId)
  }

  /// Up to `limit` quotes from `comments`, skipping those in `used` and adding the ones taken.
  func pick(_ comments: [CodedComment], limit: Int, used: inout Set<String>) -> [Quote] {
    var candidates: [(key: String, quote: Quote)] = []
    for c in comments where mayQuote(c.responseId) {
      let id = "\(c.responseId)|\(c.question)"
      guard !used.contains(id) else { continue }
      let redacted = redaction(c)
      let text = redacted.text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard text.count >= minimumLength, text.count <= maximumLength, !Self.isMostlyMarkers(redacted, minimumLength: minimumLength) else { continue }
      candidates.append(((redacted.spans.isEmpty ? "0" : "1") + SHA256.hex(SHA256.hash(Array(id.utf8))),
                         Quote(responseId: c.responseId, question: c.question, wave: c.wave, text: text, group: responses[c.responseId]?.group)))
    }
    candidates.sort { $0.key < $1.key }
    let taken = candidates.prefix(limit).map(\.quote)
    for q in taken { used.insert("\(q.responseId)|\(q.question)") }
    return taken
  }

  /// Rule 5: markers are a quarter or more of the words, or the text without them is shorter
  /// than `minimumLength`.
  static func isMostlyMarkers(_ redaction: Redaction, minimumLength: Int) -> Bool {
    guard !redaction.spans.isEmpty else { return false }
    var rest = redaction.text
    for kind in RedactionKind.allCases { rest = rest.replacingOccurrences(of: kind.marker, with: " ") }
    let words = redaction.text.split(whereSeparator: \.isWhitespace).count
    let remaining = rest.split(whereSeparator: \.isWhitespace)
    return remaining.joined(separator: " ").count < minimumLength || 4 * (words - remaining.count) >= max(words, 1)
  }

  /// "Parent carer, 2025 survey" style attribution: group and wave only, never a locality.
  static func attribution(_ q: Quote, source: String) -> String {
    let who = (q.group ?? "respondent").capitalizedFirst
    return "\(who), \(source) \(q.wave)"
  }
}

extension String {
  /// The first letter in upper case.
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
