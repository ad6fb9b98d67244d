import Foundation

/// A candidate new theme found among comments no theme covers.
public struct ThemeSuggestion: Sendable, Equatable {
  /// The term the group was built around, as people wrote it (`"short breaks"`).
  public var term: String
  /// Other distinctive terms common in the group, most frequent first (at most 5).
  public var relatedTerms: [String]
  /// How many uncovered comments the group holds.
  public var size: Int
  /// How many different texts among them (repeated texts count once when grouping).
  public var distinctComments: Int
  /// The term's smoothed log-odds ratio: uncovered against covered comments.
  public var score: Double
  /// Up to three comments of the group, redacted, in a stable order.
  public var examples: [String]
  /// The comments of the group.
  public var keys: [CommentKey]
}

/// Proposes new themes from the comments the codebook does not cover.
///
/// The method, chosen to be explainable to a reviewer and the same on every run:
/// 0. Comments are redacted and markers removed; comments with the same words (stems) count
///    as one, so a pasted sentence or a duplicated submission is not a theme.
/// 1. Each comment becomes a set of terms: the Text module's stems of its words (stop words and
///    words under 3 letters dropped) and bigrams of neighbouring kept words in one clause.
/// 2. Each term gets a smoothed log-odds ratio of appearing in an uncovered comment rather than
///    a covered one: `log((a+½)/(U−a+½)) − log((c+½)/(C−c+½))` with `a` of `U` uncovered and `c`
///    of `C` covered comments holding it. Terms in at least `minimumSize` uncovered comments
///    with a positive score are distinctive; bigrams are preferred over their words by sorting
///    by score, then size, then the term.
/// 3. Greedy grouping: take the best distinctive term; its group is every uncovered comment
///    holding it that no earlier group took; keep it when it has `minimumSize` comments. Repeat
///    until `limit` groups or no terms left.
/// Ties break on the term text and comments are ordered by a stable hash, so the output depends
/// only on the input.
public struct ThemeSuggester: Sendable {
  public var minimumSize: Int
  public var limit: Int

  public init(minimumSize: Int = 3, limit: Int = 10) {
    self.minimumSize = minimumSize
    self.limit = limit
  }

  /// Candidate themes among `comments` that have no assignments, against those that have.
  ///
  /// - Complexity: O(n) in the total text, plus O(t log t) for t terms.
  public func suggest(_ comments: [CodedComment], redactor: Redactor) -> [ThemeSuggestion] {
    suggest(comments, redactions: redactor.redact(all: comments.map(\.text)))
  }

  /// The same, with each comment's redaction already made (`redactions[i]` is `comments[i]`'s),
  /// for a caller that has redacted them for other uses.
  public func suggest(_ comments: [CodedComment], redactions: [Redaction]) -> [ThemeSuggestion] {
    precondition(redactions.count == comments.count, "one redaction per comment")
    // Terms come from the redacted text with the markers taken out, so personal data never
    // becomes a term. One document per distinct term sequence and coverage: a sentence pasted
    // into many responses (or a duplicated submission) counts once, so a theme needs
    // `minimumSize` different comments.
    let analyzer = TextAnalyzer()
    var words = WordCache()
    var documents: [Document] = []
    var documentIndex: [DocumentKey: Int] = [:]
    var surfaces: [String: [String: Int]] = [:]
    for (i, c) in comments.enumerated() {
      let redacted = redactions[i].text
      let analyzed = analyzer.analyze(Self.withoutMarkers(redacted), cache: &words)
      let key = DocumentKey(stems: analyzed.tokens.map(\.stem).joined(separator: " "), covered: !c.assignments.isEmpty)
      if let d = documentIndex[key] { documents[d].members.append(i); continue }
      documentIndex[key] = documents.count
      var document = Document(covered: key.covered, members: [i], example: redacted)
      var previous: (stem: String, surface: String, clause: Int)? = nil
      for token in analyzed.tokens {
        guard token.kind == .word || token.kind == .abbreviation else { previous = nil; continue }
        guard token.kind == .abbreviation || (token.text.utf8.count >= 3 && !Self.stopWords.contains(token.text) && !Self.stopWords.contains(token.stem)) else {
          previous = nil
          continue
        }
        let surface = String(analyzed.surface(of: token)).lowercased()
        document.terms.insert(token.stem)
        if !key.covered { surfaces[token.stem, default: [:]][surface, default: 0] += 1 }
        if let p = previous, p.clause == token.clause {
          let bigram = p.stem + " " + token.stem
          document.terms.insert(bigram)
          if !key.covered { surfaces[bigram, default: [:]][p.surface + " " + surface, default: 0] += 1 }
        }
        previous = (token.stem, surface, token.clause)
      }
      documents.append(document)
    }
    var coveredFrequency: [String: Int] = [:], uncoveredFrequency: [String: Int] = [:]
    var uncoveredCount = 0
    for d in documents {
      if d.covered {
        for t in d.terms { coveredFrequency[t, default: 0] += 1 }
      } else {
        uncoveredCount += 1
        for t in d.terms { uncoveredFrequency[t, default: 0] += 1 }
      }
    }
    let u = Double(uncoveredCount), cc = Double(documents.count - uncoveredCount)
    func score(_ term: String) -> Double {
      let a = Double(uncoveredFrequency[term] ?? 0), c = Double(coveredFrequency[term] ?? 0)
      return log((a + 0.5) / (u - a + 0.5)) - log((c + 0.5) / (cc - c + 0.5))
    }
    var distinctive: [Candidate] = []
    for (term, size) in uncoveredFrequency where size >= minimumSize {
      let s = score(term)
      if s > 0 { distinctive.append(Candidate(term: term, size: size, score: s)) }
    }
    distinctive.sort(by: Candidate.ranks)
    let distinctiveSet = Set(distinctive.map(\.term))
    func display(_ term: String) -> String {
      (surfaces[term] ?? [:]).max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? term
    }
    let hashes = documents.map { CommentKey(comments[$0.members[0]]).stableHash }
    let order = documents.indices.filter { !documents[$0].covered }.sorted { (hashes[$0], $0) < (hashes[$1], $1) }
    var taken = Set<Int>()
    var out: [ThemeSuggestion] = []
    for candidate in distinctive where out.count < limit {
      let members = order.filter { !taken.contains($0) && documents[$0].terms.contains(candidate.term) }
      guard members.count >= minimumSize else { continue }
      taken.formUnion(members)
      let words = Set(candidate.term.split(separator: " ").map(String.init))
      var related: [String: Int] = [:]
      for m in members {
        for t in documents[m].terms where t != candidate.term && distinctiveSet.contains(t) && !words.contains(t) {
          related[t, default: 0] += 1
        }
      }
      let relatedTerms = related.filter { $0.value >= 2 }.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
        .prefix(5).map { display($0.key) }
      let keys = members.flatMap { documents[$0].members }.sorted().map { CommentKey(comments[$0]) }
      out.append(ThemeSuggestion(
        term: display(candidate.term), relatedTerms: relatedTerms, size: keys.count, distinctComments: members.count, score: candidate.score,
        examples: members.prefix(3).map { documents[$0].example }, keys: keys))
    }
    return out
  }

  /// The words of a comment (as stems) and whether a theme covers it.
  struct DocumentKey: Hashable {
    var stems: String
    var covered: Bool
  }

  /// Comments that read the same (same stems after redaction) and share coverage.
  struct Document {
    var covered: Bool
    var members: [Int]
    /// The first member, redacted.
    var example: String
    var terms: Set<String> = []
  }

  /// A distinctive term and how it ranks.
  struct Candidate {
    var term: String
    var size: Int
    var score: Double

    static func ranks(_ a: Candidate, _ b: Candidate) -> Bool {
      if a.score != b.score { return a.score > b.score }
      if a.size != b.size { return a.size > b.size }
      return a.term < b.term
    }
  }

  /// Common English words that say nothing about a topic, as the Text module folds them
  /// (lowercase, contractions expanded) and as Porter2 stems them.
  /// The redaction markers (`[name]` ...) as bytes, for `withoutMarkers`.
  static let markers: [[UInt8]] = RedactionKind.allCases.map { Array($0.marker.utf8) }

  /// `text` with every redaction marker replaced by " . " (a break no term spans), in one pass
  /// over the bytes.
  static func withoutMarkers(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard bytes.contains(UInt8(ascii: "[")) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "["), let marker = markers.first(where: { bytes[i...].starts(with: $0) }) {
        out += Array(" . ".utf8)
        i += marker.count
        continue
      }
      out.append(bytes[i])
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  static let stopWords: Set<String> = [
    "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out",
    "has", "have", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "way", "who", "did", "get",
    "got", "let", "say", "she", "too", "use", "that", "with", "this", "they", "them", "then", "than", "there", "their",
    "theirs", "these", "those", "what", "when", "where", "which", "while", "will", "would", "could", "should", "shall",
    "been", "being", "were", "from", "into", "onto", "about", "above", "after", "again", "against", "also", "because",
    "before", "below", "between", "both", "does", "doing", "down", "during", "each", "even", "every", "ever", "few",
    "further", "here", "just", "more", "most", "much", "must", "only", "other", "over", "own", "same", "some", "such",
    "through", "under", "until", "very", "why", "your", "yours", "yourself", "myself", "ourselves", "themselves",
    "himself", "herself", "itself", "off", "once", "really", "still", "thing", "things", "lot", "lots", "like", "want",
    "wanted", "know", "think", "feel", "felt", "make", "made", "need", "needs", "needed", "time", "well", "good", "bad",
    "yes", "didn", "don", "doesn", "isn", "wasn", "aren", "haven", "hasn", "won", "wouldn", "couldn", "shouldn",
    "cannot", "cant", "dont", "im", "ive", "able", "always", "never", "something", "anything", "nothing", "everything",
    "someone", "anyone", "everyone", "people", "son", "daughter", "child", "children", "kid", "kids", "year", "years",
    "went", "going", "goes", "come", "came", "take", "took", "give", "gave", "tell", "told", "said", "says", "mum",
    "dad", "done", "often", "sometimes", "since", "whether", "though", "although", "might", "yet", "already", "quite",
    "rather", "enough", "many", "less", "least", "better", "best", "back", "thi", "becaus", "whi", "veri", "realli",
    "onli", "alway", "everi", "ani", "mani", "someth", "anyth", "noth", "everyth", "peopl", "childr", "goe", "sinc",
    "alreadi", "pleas", "mrs", "miss", "please", "thank", "thanks", "help",
  ]
}
