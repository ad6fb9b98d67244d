/// The terms a comment is grouped by, and the phrases a group can be named with.
///
/// Terms are the Text module's Porter2 stems of the comment's content words (stop words and
/// words under 3 letters dropped; abbreviations kept whole) and pairs of neighbouring content
/// words in one clause. The content word a negator governs (the first within 3 words after
/// `not`, `no`, `never`, `n't` ... in the same clause, as the Text module marks them) becomes a
/// different term, `¬stem`, so "ban them" and "don't ban them" do not count as the same thing.
///
/// Phrases are runs of 2 to 4 words as written (folded to lower case) that start and end on a
/// content word and stay inside one clause: what a person would call the group.
struct CommentTerms: Sendable {
  /// The terms, in the order they occur (repeats kept: a mixture model counts them).
  var terms: [String] = []
  /// The phrases (each once), as their stems joined by spaces, with how they were written.
  var phrases: [String: String] = [:]
  /// How each content word's stem was written here (its first form).
  var words: [String: String] = [:]
  /// The stems of every word, in order (the key that makes two comments the same comment).
  var stems: [String] = []

  /// The prefix that marks a word in a negator's scope.
  static let negated = "¬"

  /// Splits `text` (already redacted, markers removed) into terms and phrases.
  init(_ text: String, analyzer: TextAnalyzer, cache: inout WordCache) {
    let analyzed = analyzer.analyze(text, cache: &cache)
    let tokens = analyzed.tokens
    stems = tokens.map(\.stem)
    // A negator's scope: the next content word within 3 tokens, in the same clause
    // ("do not ban the ads": ban; "will not use the school toilets": use, not toilets).
    var negatedUntil = -1, negatedClause = -1
    var previous: (stem: String, clause: Int)? = nil
    var kept: [Bool] = []
    kept.reserveCapacity(tokens.count)
    for (position, token) in tokens.enumerated() {
      if token.isNegator {
        (negatedUntil, negatedClause) = (position + 3, token.clause)
        previous = nil
        kept.append(false)
        continue
      }
      guard Self.isContent(token) else { previous = nil; kept.append(false); continue }
      kept.append(true)
      if words[token.stem] == nil { words[token.stem] = token.text }
      let negated = position <= negatedUntil && token.clause == negatedClause
      if negated { negatedUntil = -1 }
      let stem = (negated ? Self.negated : "") + token.stem
      terms.append(stem)
      if let p = previous, p.clause == token.clause { terms.append(p.stem + " " + stem) }
      previous = (stem, token.clause)
    }
    // Phrases: 2-4 tokens in one clause, content words at both ends, words only.
    for start in tokens.indices where kept[start] {
      var end = start
      while end + 1 < tokens.count, end - start < 3 {
        end += 1
        let t = tokens[end]
        guard t.clause == tokens[start].clause, t.kind == .word || t.kind == .abbreviation else { break }
        guard kept[end] else { continue }
        let slice = tokens[start...end]
        let key = slice.map(\.stem).joined(separator: " ")
        if phrases[key] == nil {
          let first = tokens[start].span, last = tokens[end].span
          let whole = TextSpan(scalars: first.scalars.lowerBound..<last.scalars.upperBound,
                               utf8: first.utf8.lowerBound..<max(first.utf8.lowerBound, last.utf8.upperBound))
          let written = String(text.slice(whole)).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
          phrases[key] = written.isEmpty ? slice.map(\.text).joined(separator: " ") : written
        }
      }
    }
  }

  /// Whether a token says something about a topic: an abbreviation, or a word of 3 or more
  /// letters that is not a stop word.
  static func isContent(_ token: Token) -> Bool {
    if token.kind == .abbreviation { return true }
    guard token.kind == .word, token.text.utf8.count >= 3 else { return false }
    return !stopWords.contains(token.text) && !stopWords.contains(token.stem)
  }

  /// How a term reads to a person: `¬ban` is "not ban".
  static func display(_ term: String) -> String {
    term.split(separator: " ").map { $0.hasPrefix(negated) ? "not " + $0.dropFirst(negated.count) : String($0) }
      .joined(separator: " ")
  }

  /// Common English words that say nothing about a topic, as the Text module folds them
  /// (lowercase, contractions expanded) and as Porter2 stems them.
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
    "cannot", "cant", "dont", "im", "ive", "able", "always", "something", "anything", "everything",
    "someone", "anyone", "everyone", "people", "went", "going", "goes", "come", "came", "take", "took", "give", "gave",
    "tell", "told", "said", "says", "done", "often", "sometimes", "since", "whether", "though", "although", "might",
    "yet", "already", "quite", "rather", "enough", "many", "less", "least", "better", "best", "back", "thi", "becaus",
    "whi", "veri", "realli", "onli", "alway", "everi", "ani", "mani", "someth", "anyth", "everyth", "peopl", "goe",
    "sinc", "alreadi", "pleas", "please", "thank", "thanks", "absolutely", "absolut", "definitely", "definit",
    "certainly", "probably", "probabl", "actually", "actual",
  ]
}
