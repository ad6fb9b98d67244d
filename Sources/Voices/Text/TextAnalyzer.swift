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
      var token = Token(text: entry.text, stem: entry.stem, kind: t.kind, span: scan.span(from: t, to: t),
                        sentence: Int(t.sentence), clause: Int(t.clause), isNegator: t.isNegator)
      token.wordID = t.word
      return token
    }
    return AnalyzedText(text: text, tokens: tokens)
  }

  /// One token as ``scan(_:into:cache:)`` leaves it: its word by number in the `WordCache`
  /// (text and stem are there) and the folded bytes it came from (its span in the original
  /// is worked out from them only when asked for: `Scan.span(from:to:)`), so scanning a
  /// comment copies no `String` and writes 28 bytes per token.
  struct ScannedToken: Sendable {
    var word: Int32
    /// The folded bytes the token covers, `lo..<hi` of `Scan.normalized`, and where its text
    /// ends in them (`child` of `child's`; for the case rules of abbreviations).
    var lo: Int32
    var hi: Int32
    var textHi: Int32
    var sentence: Int32
    var clause: Int32
    var kind: Token.Kind
    var isNegator: Bool
  }

  /// Working memory for ``scan(_:into:cache:)``, reused from comment to comment; `tokens`
  /// holds the result of the last scan.
  struct Scan: Sendable {
    var normalized = NormalizedText()
    var tokens: [ScannedToken] = []
    /// Scratch for a run seen for the first time.
    var pieces: [Tokenizer.Piece] = []
    /// The tokens whose word starts a domain phrase (for `foldAbbreviations`).
    var phraseStarts: [Int32] = []
    /// When the scanned text was repaired from the text as given (SmartSurvey's `@SQ@` read
    /// as `'`), each of its scalars' offset in the text as given, and that text's length at
    /// the end, set by the caller after the scan; every scan empties it (the text as given).
    var givenScalarOffsets: [Int] = []

    /// Where tokens `first` through `last` (in order, `last` may be `first`) came from in the
    /// text as given. The UTF-8 offsets are -1 when the text was repaired (slice by scalars).
    func span(from first: ScannedToken, to last: ScannedToken) -> TextSpan {
      let span = normalized.span(of: Int(first.lo)..<Int(last.hi))
      guard !givenScalarOffsets.isEmpty else { return span }
      // The end maps through the span's last scalar, so a span ending in a repaired `@SQ@`
      // (never the case: `'` is inside words) is not cut short.
      let offsets = givenScalarOffsets
      let start = offsets[min(span.scalars.lowerBound, offsets.count - 1)]
      let last = span.scalars.upperBound
      let end = last > 0 ? offsets[min(last - 1, offsets.count - 1)] + 1 : 0
      return TextSpan(scalars: start..<end, utf8: -1..<(-1))
    }
  }

  /// The allocation-free core of ``analyze(_:cache:)``: the tokens of `text` into `scan.tokens`.
  ///
  /// Each run of letters and digits is looked up whole in the cache's runs, which give its
  /// tokens (words by number, negation and clause flags) as worked out the first time the run
  /// was seen; the tokenizer's rules run only for new runs.
  func scan(_ text: String, into scan: inout Scan, cache: inout WordCache) {
    normalizer.normalize(text, into: &scan.normalized)
    tokenize(into: &scan, cache: &cache)
  }

  /// The same for text given as UTF-8 bytes (which must be valid UTF-8), so a caller holding
  /// bytes need not make a `String`.
  func scan(utf8 bytes: UnsafeBufferPointer<UInt8>, into scan: inout Scan, cache: inout WordCache) {
    normalizer.normalize(utf8: bytes, into: &scan.normalized)
    tokenize(into: &scan, cache: &cache)
  }

  /// The tokens of `scan.normalized` into `scan.tokens`.
  private func tokenize(into scan: inout Scan, cache: inout WordCache) {
    cache.bound(200_000)
    // The text scanned is the text as given unless the caller says otherwise afterwards.
    if !scan.givenScalarOffsets.isEmpty { scan.givenScalarOffsets.removeAll(keepingCapacity: true) }
    var tokens = scan.tokens
    var pieces = scan.pieces
    scan.tokens = []
    scan.pieces = []
    tokens.removeAll(keepingCapacity: true)
    var starts = scan.phraseStarts
    scan.phraseStarts = []  // so that `starts` is the buffer's only owner (else emptying it reallocates)
    if !starts.isEmpty { starts.removeAll(keepingCapacity: true) }  // a call even when empty, as it mostly is
    var position = Tokenizer.Position()
    scan.normalized.folded.withUnsafeBufferPointer { b in
      tokenizer.walk(b, position: &position, run: { range, kind, apostrophe, position in
        let start = Int32(range.lowerBound)
        switch cache.findRun(b, range)
          ?? learnRun(range, kind: kind, apostrophe: apostrophe, in: b, pieces: &pieces, cache: &cache) {
        case .one(let part):
          Self.add(part, runStart: start, position: &position, tokens: &tokens, starts: &starts)
        case .many(let parts):
          for index in parts {
            Self.add(cache.runParts[index], runStart: start, position: &position, tokens: &tokens, starts: &starts)
          }
        }
      }, ampersand: { i, position in
        let id = Tokenizer.replacementBytes[Int(Tokenizer.Replacement.and.rawValue)].withUnsafeBufferPointer { bytes in
          cache.find(bytes) ?? insert(bytes, into: &cache)
        }
        let and = WordCache.RunPart(lo: 0, hi: 1, textHi: 1, word: id, kind: .word, isNegator: false, opensClause: false,
                                    startsPhrase: false)
        Self.add(and, runStart: Int32(i), position: &position, tokens: &tokens, starts: &starts)
      })
    }
    scan.pieces = pieces
    if !starts.isEmpty { foldAbbreviations(&tokens, starts: starts, normalized: scan.normalized, cache: &cache) }
    scan.phraseStarts = starts
    scan.tokens = tokens
  }

  /// Appends the token `part` of the run starting at folded byte `start`.
  @inline(__always)
  private static func add(_ part: WordCache.RunPart, runStart start: Int32, position: inout Tokenizer.Position,
                          tokens: inout [ScannedToken], starts: inout [Int32]) {
    let (sentence, clause) = position.next(opensClause: part.opensClause)
    if part.startsPhrase { starts.append(Int32(tokens.count)) }
    tokens.append(ScannedToken(word: part.word, lo: start + part.lo, hi: start + part.hi, textHi: start + part.textHi,
                               sentence: Int32(sentence), clause: Int32(clause), kind: part.kind, isNegator: part.isNegator))
  }

  /// Works out the tokens of a run seen for the first time with the tokenizer's rules
  /// (contractions, possessives, negators, clause openers), numbers their words, and remembers
  /// them in `cache`.
  private func learnRun(_ range: Range<Int>, kind: Token.Kind, apostrophe: Bool, in b: UnsafeBufferPointer<UInt8>,
                        pieces: inout [Tokenizer.Piece], cache: inout WordCache) -> WordCache.RunTokens {
    pieces.removeAll(keepingCapacity: true)
    var position = Tokenizer.Position()
    tokenizer.emitWord(range, kind: kind, apostrophe: apostrophe, bytes: b, into: &pieces, position: &position)
    let start = range.lowerBound
    let parts = pieces.map { piece in
      let word = piece.withText(in: b) { bytes in cache.find(bytes) ?? insert(bytes, into: &cache) }
      let startsPhrase = cache.abbreviationLists[Int(word)] >= 0 && (piece.kind == .word || piece.kind == .alphanumeric)
      return WordCache.RunPart(lo: Int32(piece.range.lowerBound - start), hi: Int32(piece.range.upperBound - start),
                               textHi: Int32(piece.textRange.upperBound - start), word: word, kind: piece.kind,
                               isNegator: piece.isNegator, opensClause: piece.opensClause, startsPhrase: startsPhrase)
    }
    return cache.insertRun(b, range, parts: parts)
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
                        abbreviationList: abbreviations.listByFirstStem[stem] ?? -1,
                        phraseStem: abbreviations.stemIDs[stem] ?? -1)
  }

  /// The stem a pattern word should be compared with: the same folding, spelling and
  /// stemming as comment words (`Behaviours` → `behavior`). Multi-word domain phrases and
  /// abbreviations become their canonical form (`EHC plan` → `EHCP`).
  public func stems(of pattern: String) -> [String] {
    analyze(pattern).tokens.map(\.stem)
  }

  /// `word` (a word's folded form) with its spelling folded as it is before stemming (`usefull`
  /// → `useful`, `organised` → `organized`), or nil when that changes nothing: for matching
  /// exact forms, which are compared unstemmed.
  func foldedSpelling(of word: String) -> String? {
    var bytes = Array(word.utf8)
    guard bytes.withUnsafeBufferPointer(Self.isStemmable) else { return nil }
    spelling.fold(&bytes)
    let folded = String(decoding: bytes, as: UTF8.self)
    return folded == word ? nil : folded
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
  static func isShouting(_ normalized: borrowing NormalizedText) -> Bool {
    var letters = 0
    var upper = 0
    if normalized.isIdentity {
      // ASCII text: its letters of either case, and its capitals, counted on the original
      // bytes without a branch (a loop the compiler vectorises; byte by byte through
      // `isUppercase` this was most of the cost of folding a domain phrase).
      normalized.original.withUnsafeBufferPointer { original in
        for c in original {
          letters &+= (c | 0x20) &- UInt8(ascii: "a") < 26 ? 1 : 0
          upper &+= c &- UInt8(ascii: "A") < 26 ? 1 : 0
        }
      }
    } else {
      for (j, c) in normalized.folded.enumerated()
      where c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") {
        letters += 1
        if normalized.isUppercase(j) { upper += 1 }
      }
    }
    return letters >= 12 && upper * 10 > letters * 6
  }

  /// Replaces domain phrases and abbreviations by their canonical token, in place
  /// (`tokens` as the scan made them); `starts` are the tokens whose word starts a
  /// phrase of `abbreviations`, in order, the only places one can be folded.
  func foldAbbreviations(_ tokens: inout [ScannedToken], starts: [Int32], normalized: borrowing NormalizedText,
                         cache: inout WordCache) {
    var shouting: Bool?
    // Tokens before the first fold stay where they are; after it, each moves back over the
    // tokens folded away.
    var out = Int(starts[0]), i = out
    func keep(upTo end: Int) {
      if out == i { (out, i) = (end, end) }
      while i < end {
        tokens[out] = tokens[i]
        out += 1
        i += 1
      }
    }
    for start in starts where Int(start) >= i {  // a start inside a folded phrase is passed
      keep(upTo: Int(start))
      if let (token, length) = phrase(at: i, tokens, normalized: normalized, cache: &cache, shouting: &shouting) {
        tokens[out] = token
        out += 1
        i += length
      } else {
        keep(upTo: i + 1)
      }
    }
    keep(upTo: tokens.count)
    if out < tokens.count { tokens.removeLast(tokens.count - out) }
  }

  /// The canonical token of the longest domain phrase starting at `tokens[i]` that its case
  /// allows, and how many tokens it covers.
  private func phrase(at i: Int, _ tokens: [ScannedToken], normalized: borrowing NormalizedText, cache: inout WordCache,
                      shouting: inout Bool?) -> (ScannedToken, Int)? {
    let first = tokens[i]
    let list = Int(cache.abbreviationLists[Int(first.word)])
    // The entries' stems are matched as numbers, from their records; the first word's stem is
    // the list's, so matching starts at the second.
    var record = 0
    for e in abbreviations.lists[list].indices {
      let k = Int(abbreviations.stemRecords[list][record])
      let stems = record + 1
      record += k
      guard i + k <= tokens.count else { continue }
      var matches = true
      for j in stride(from: 1, to: k, by: 1) {
        let t = tokens[i + j]
        if t.clause != first.clause || t.kind == .number
          || cache.phraseStems[Int(t.word)] != abbreviations.stemRecords[list][stems + j - 1] {
          matches = false
          break
        }
      }
      guard matches else { continue }
      // Read in place, not copied (a copy retains and releases each of its arrays and strings).
      let rule = abbreviations.lists[list][e].caseRule
      guard caseAllows(rule, first, normalized: normalized, shouting: &shouting) else { continue }
      let number = abbreviations.lists[list][e].canonicalNumber
      let id: Int32
      if let known = cache.canonicalWord(number) {
        id = known
      } else {
        let entry = abbreviations.lists[list][e]
        id = entry.canonicalBytes.withUnsafeBufferPointer { key in
          cache.find(key) ?? cache.insert(key, WordCache.Entry(text: entry.canonical, stem: entry.canonical))
        }
        cache.setCanonicalWord(number, id)
      }
      let last = tokens[i + k - 1]
      return (ScannedToken(word: id, lo: first.lo, hi: last.hi, textHi: last.textHi,
                           sentence: first.sentence, clause: first.clause, kind: .abbreviation, isNegator: false), k)
    }
    return nil
  }

  /// Whether `rule` allows the phrase starting with `token`; `shouting` is worked out (once a
  /// comment) only when it decides.
  private func caseAllows(_ rule: Abbreviations.CaseRule, _ token: ScannedToken,
                          normalized: borrowing NormalizedText, shouting: inout Bool?) -> Bool
  {
    if rule == .any { return true }
    // Capitals throughout, allowing a lowercase plural `s` (`EPs`).
    var uppercase = 0, letters = 0
    for j in Int(token.lo)..<Int(token.hi) where Tokenizer.isLetter(normalized.folded[j]) {
      letters += 1
      if normalized.isUppercase(j) { uppercase += 1 }
    }
    let capitals = uppercase >= 2
      && (uppercase == letters
          || (uppercase == letters - 1
              && normalized.folded[Int(token.textHi) - 1] == UInt8(ascii: "s")))
    switch rule {
    case .any: return true
    case .uppercase: return capitals
    case .uppercaseUnlessShouting:
      guard capitals else { return false }
      if shouting == nil { shouting = Self.isShouting(normalized) }
      return shouting == false
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
