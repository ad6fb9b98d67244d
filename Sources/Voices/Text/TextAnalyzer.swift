/// The one entry point of the text pipeline: free text in, tokens with stems, spans into the
/// original, clause indices and negation flags out.
///
/// Pipeline: ``TextNormalizer`` (fold case, diacritics, quotes, dashes, spaces) →
/// ``Tokenizer`` (words, numbers, contractions, sentences and clauses) → for each ASCII word
/// ``SpellingVariants`` then ``Porter2Stemmer`` → ``Abbreviations`` (spelled-out domain terms
/// to one canonical token).
///
/// A `TextAnalyzer` holds only immutable tables, so one value can be shared by any number of
/// threads; each call uses its own scratch buffers.
public struct TextAnalyzer: Sendable {
  let normalizer = TextNormalizer()
  let tokenizer = Tokenizer()
  let stemmer = Porter2Stemmer()
  let spelling = SpellingVariants.standard
  let abbreviations: Abbreviations

  public init() {
    abbreviations = Self.sharedAbbreviations
  }

  private static let sharedAbbreviations = Abbreviations(stem: { word in
    var buffer = Array(word.utf8)
    stemWord(&buffer, stemmer: Porter2Stemmer(), spelling: .standard)
    return String(decoding: buffer, as: UTF8.self)
  })

  /// Analyzes one comment.
  ///
  /// - Parameter text: The original text, any Unicode.
  /// - Returns: Its tokens; every token's `span` slices `text` back to what it came from.
  /// - Complexity: O(n) in the length of `text`.
  public func analyze(_ text: String) -> AnalyzedText {
    var cache = WordCache()
    return analyze(text, cache: &cache)
  }

  /// Per-thread memory of words already seen: a word's `String` form and its stem, so each
  /// distinct word is folded, stemmed and turned into `String`s once, not once per occurrence.
  /// Keep one per thread and pass it to every call; it bounds its own size.
  public struct WordCache: Sendable {
    struct Entry: Sendable {
      var text: String
      var stem: String
      var id: Int32
    }
    var words: [[UInt8]: Entry] = [:]
    var buffer: [UInt8] = []
    /// Changes each time the cache is emptied (word ids start again from 0).
    private(set) var generation = 0

    public init() {}

    /// Empties the cache when it holds `limit` words, so varied input cannot grow it forever.
    mutating func bound(_ limit: Int) {
      guard words.count >= limit else { return }
      words.removeAll(keepingCapacity: true)
      generation += 1
    }
  }

  /// Analyzes one comment, reusing (and filling) `cache`; same result as ``analyze(_:)``.
  public func analyze(_ text: String, cache: inout WordCache) -> AnalyzedText {
    let normalized = normalizer.normalize(text)
    let pieces = tokenizer.pieces(of: normalized)
    cache.bound(200_000)
    var tokens: [Token] = []
    tokens.reserveCapacity(pieces.count)
    for piece in pieces {
      // The result depends only on the bytes: pieces of letters a-z are always words.
      let textString: String
      let stem: String
      let id: Int32
      if let hit = cache.words[piece.text] {
        (textString, stem, id) = (hit.text, hit.stem, hit.id)
      } else {
        textString = String(decoding: piece.text, as: UTF8.self)
        var stemmed = textString
        if piece.kind == .word, Self.isStemmable(piece.text) {
          cache.buffer.removeAll(keepingCapacity: true)
          cache.buffer.append(contentsOf: piece.text)
          Self.stemWord(&cache.buffer, stemmer: stemmer, spelling: spelling)
          stemmed = String(decoding: cache.buffer, as: UTF8.self)
        }
        stem = stemmed
        id = Int32(cache.words.count)
        cache.words[piece.text] = WordCache.Entry(text: textString, stem: stem, id: id)
      }
      var token = Token(text: textString, stem: stem, kind: piece.kind,
                        span: normalized.span(of: piece.range), sentence: piece.sentence,
                        clause: piece.clause, isNegator: piece.isNegator)
      token.wordID = id
      tokens.append(token)
    }
    let shouting = Self.isShouting(normalized)
    tokens = foldAbbreviations(tokens, pieces: pieces, shouting: shouting)
    return AnalyzedText(text: text, tokens: tokens)
  }

  /// The stem a pattern word should be compared with: the same folding, spelling and
  /// stemming as comment words (`Behaviours` → `behavior`). Multi-word domain phrases and
  /// abbreviations become their canonical form (`EHC plan` → `EHCP`).
  public func stems(of pattern: String) -> [String] {
    analyze(pattern).tokens.map(\.stem)
  }

  /// Only words of ASCII letters and apostrophes go through spelling folding and stemming.
  static func isStemmable(_ text: [UInt8]) -> Bool {
    for c in text where !((c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
                          || c == UInt8(ascii: "'")) {
      return false
    }
    return true
  }

  static func stemWord(_ buffer: inout [UInt8], stemmer: Porter2Stemmer,
                       spelling: SpellingVariants)
  {
    spelling.fold(&buffer)
    stemmer.stem(&buffer)
  }

  /// A comment mostly in capitals cannot tell `SEND` from `send`.
  static func isShouting(_ normalized: NormalizedText) -> Bool {
    var letters = 0
    var upper = 0
    for (j, c) in normalized.folded.enumerated()
    where c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") {
      letters += 1
      if normalized.isUppercase[j] { upper += 1 }
    }
    return letters >= 12 && upper * 10 > letters * 6
  }

  /// Replaces domain phrases and abbreviations by their canonical token.
  func foldAbbreviations(_ tokens: [Token], pieces: [Tokenizer.Piece], shouting: Bool)
    -> [Token]
  {
    var out: [Token] = []
    out.reserveCapacity(tokens.count)
    var i = 0
    outer: while i < tokens.count {
      let first = tokens[i]
      if first.kind == .word || first.kind == .alphanumeric,
        let candidates = abbreviations.entries[first.stem]
      {
        for entry in candidates {
          let k = entry.stems.count
          guard i + k <= tokens.count else { continue }
          var matches = true
          for j in 0..<k {
            let t = tokens[i + j]
            if t.stem != entry.stems[j] || t.clause != first.clause || t.kind == .number {
              matches = false
              break
            }
          }
          guard matches, caseAllows(entry.caseRule, piece: pieces[i], shouting: shouting)
          else { continue }
          let last = tokens[i + k - 1]
          out.append(Token(text: entry.canonical, stem: entry.canonical, kind: .abbreviation,
                           span: first.span.union(last.span), sentence: first.sentence,
                           clause: first.clause, isNegator: false))
          i += k
          continue outer
        }
      }
      out.append(first)
      i += 1
    }
    return out
  }

  private func caseAllows(_ rule: Abbreviations.CaseRule, piece: Tokenizer.Piece,
                          shouting: Bool) -> Bool
  {
    // Capitals throughout, allowing a lowercase plural `s` (`EPs`).
    let capitals = piece.uppercaseLetters >= 2
      && (piece.uppercaseLetters == piece.letters
          || (piece.uppercaseLetters == piece.letters - 1
              && piece.text.last == UInt8(ascii: "s")))
    switch rule {
    case .any: return true
    case .uppercase: return capitals
    case .uppercaseUnlessShouting: return capitals && !shouting
    }
  }
}

/// The tokens of one comment, with the original text they point into.
public struct AnalyzedText: Sendable, Equatable {
  public var text: String
  public var tokens: [Token]

  /// The original text of `token` (slice of ``text`` by the token's span).
  public func surface(of token: Token) -> Substring { text.slice(token.span) }

  /// The stems in order (handy for tests and quick looks).
  public var stems: [String] { tokens.map(\.stem) }
}
