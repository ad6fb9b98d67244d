/// The one entry point of the text pipeline: free text in, tokens with stems, spans into the
/// original, clause indices and negation flags out.
///
/// Pipeline: ``TextNormalizer`` (fold case, diacritics, quotes, dashes, spaces) →
/// ``Tokenizer`` (words, numbers, contractions, sentences and clauses) → for each ASCII word
/// ``SpellingVariants`` then ``Porter2Stemmer`` → ``Abbreviations`` (spelled-out domain terms
/// to one canonical token).
///
/// A `TextAnalyzer` holds only immutable tables, so one value can be shared by any number of
/// threads; each call uses its own scratch buffers. Hot loops keep a ``WordCache`` and a
/// `Scan` per thread and call `scan(_:into:cache:)`, which allocates nothing per word once
/// its buffers have grown: the words are numbers into the cache, not `String`s.
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

  /// Analyzes one comment, reusing (and filling) `cache`; same result as ``analyze(_:)``.
  public func analyze(_ text: String, cache: inout WordCache) -> AnalyzedText {
    var scan = Scan()
    self.scan(text, into: &scan, cache: &cache)
    let tokens = scan.tokens.map { t in
      let entry = cache.entries[Int(t.word)]
      var token = Token(text: entry.text, stem: entry.stem, kind: t.kind, span: t.span,
                        sentence: t.sentence, clause: t.clause, isNegator: t.isNegator)
      token.wordID = t.word
      return token
    }
    return AnalyzedText(text: text, tokens: tokens)
  }

  /// One token as ``scan(_:into:cache:)`` leaves it: its word by number in the `WordCache`
  /// (text and stem are there), so scanning a comment copies no `String`.
  struct ScannedToken: Sendable {
    var word: Int32
    var kind: Token.Kind
    var span: TextSpan
    var sentence: Int
    var clause: Int
    var isNegator: Bool
  }

  /// Working memory for ``scan(_:into:cache:)``, reused from comment to comment; `tokens`
  /// holds the result of the last scan.
  struct Scan: Sendable {
    var normalized = NormalizedText()
    var pieces: [Tokenizer.Piece] = []
    var tokens: [ScannedToken] = []
  }

  /// The allocation-free core of ``analyze(_:cache:)``: the tokens of `text` into `scan.tokens`.
  func scan(_ text: String, into scan: inout Scan, cache: inout WordCache) {
    normalizer.normalize(text, into: &scan.normalized)
    tokenizer.pieces(of: scan.normalized, into: &scan.pieces)
    cache.bound(200_000)
    var tokens = scan.tokens
    scan.tokens = []
    tokens.removeAll(keepingCapacity: true)
    var abbreviationStarts = false
    scan.normalized.folded.withUnsafeBufferPointer { folded in
      for piece in scan.pieces {
        let id = piece.withText(in: folded) { bytes in cache.find(bytes) ?? insert(bytes, into: &cache) }
        if cache.abbreviationLists[Int(id)] >= 0, piece.kind == .word || piece.kind == .alphanumeric {
          abbreviationStarts = true
        }
        tokens.append(ScannedToken(word: id, kind: piece.kind, span: scan.normalized.span(of: piece.range),
                                   sentence: piece.sentence, clause: piece.clause, isNegator: piece.isNegator))
      }
    }
    if abbreviationStarts { foldAbbreviations(&tokens, scan: scan, cache: &cache) }
    scan.tokens = tokens
  }

  /// Analyses a word seen for the first time (the result depends only on its bytes: pieces
  /// of letters a-z are always words) and adds it to `cache`.
  private func insert(_ bytes: UnsafeBufferPointer<UInt8>, into cache: inout WordCache) -> Int32 {
    let text = String(decoding: bytes, as: UTF8.self)
    var stem = text
    if Self.isStemmable(bytes) {
      cache.buffer.removeAll(keepingCapacity: true)
      cache.buffer.append(contentsOf: bytes)
      Self.stemWord(&cache.buffer, stemmer: stemmer, spelling: spelling)
      stem = String(decoding: cache.buffer, as: UTF8.self)
    }
    return cache.insert(bytes, WordCache.Entry(text: text, stem: stem),
                        abbreviationList: abbreviations.listByFirstStem[stem] ?? -1)
  }

  /// The stem a pattern word should be compared with: the same folding, spelling and
  /// stemming as comment words (`Behaviours` → `behavior`). Multi-word domain phrases and
  /// abbreviations become their canonical form (`EHC plan` → `EHCP`).
  public func stems(of pattern: String) -> [String] {
    analyze(pattern).tokens.map(\.stem)
  }

  /// Only words of ASCII letters and apostrophes go through spelling folding and stemming.
  static func isStemmable(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
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

  /// Replaces domain phrases and abbreviations by their canonical token, in place
  /// (`tokens[i]` came from `scan.pieces[i]`).
  func foldAbbreviations(_ tokens: inout [ScannedToken], scan: Scan, cache: inout WordCache) {
    var shouting: Bool?
    var out = 0
    var i = 0
    outer: while i < tokens.count {
      let first = tokens[i]
      let list = cache.abbreviationLists[Int(first.word)]
      if list >= 0, first.kind == .word || first.kind == .alphanumeric {
        let candidates = abbreviations.lists[Int(list)]
        for entry in candidates {
          let k = entry.stems.count
          guard i + k <= tokens.count else { continue }
          var matches = true
          for j in 0..<k {
            let t = tokens[i + j]
            if t.clause != first.clause || t.kind == .number || cache.entries[Int(t.word)].stem != entry.stems[j] {
              matches = false
              break
            }
          }
          guard matches else { continue }
          if entry.caseRule == .uppercaseUnlessShouting, shouting == nil { shouting = Self.isShouting(scan.normalized) }
          guard caseAllows(entry.caseRule, piece: scan.pieces[i], normalized: scan.normalized, shouting: shouting ?? false)
          else { continue }
          let last = tokens[i + k - 1]
          let id = entry.canonicalBytes.withUnsafeBufferPointer { key in
            cache.find(key) ?? cache.insert(key, WordCache.Entry(text: entry.canonical, stem: entry.canonical))
          }
          tokens[out] = ScannedToken(word: id, kind: .abbreviation, span: first.span.union(last.span),
                                     sentence: first.sentence, clause: first.clause, isNegator: false)
          out += 1
          i += k
          continue outer
        }
      }
      tokens[out] = first
      out += 1
      i += 1
    }
    tokens.removeLast(tokens.count - out)
  }

  private func caseAllows(_ rule: Abbreviations.CaseRule, piece: Tokenizer.Piece,
                          normalized: NormalizedText, shouting: Bool) -> Bool
  {
    // Capitals throughout, allowing a lowercase plural `s` (`EPs`).
    let (uppercase, letters) = piece.letterCase(in: normalized)
    let capitals = uppercase >= 2
      && (uppercase == letters
          || (uppercase == letters - 1
              && normalized.folded[piece.textRange.upperBound - 1] == UInt8(ascii: "s")))
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
