extension CodingEngine {
  /// Per-thread working memory for matching, reused between comments so that coding a
  /// comment allocates nothing once the buffers have grown: the text pipeline's buffers and
  /// word cache, each word's term ids, the hit lists and the surviving matches (`hits.found`).
  ///
  /// Copies share their hit buffers (`MatchHits`) and word records (`WordStepTable`): give
  /// each thread a scratch of its own (`makeScratch`), never a copy of another's. Internal for
  /// that reason: outside the module, `code(_:themes:)` and `CodingRun` make their own.
  struct Scratch: Sendable {
    /// Analysed words (forms and stems) already seen by this thread, and the scan buffers.
    var words = WordCache()
    var scan = TextAnalyzer.Scan()
    var tokens: [CodingToken] = []
    /// What each word does in the trie, by `CodingToken.wordID`, valid for `words.generation`
    /// `stepsGeneration`.
    let steps = WordStepTable()
    var stepsGeneration = -1
    /// The trie walk's live states, the hits (one list per group), the candidate chains,
    /// each theme's state and the matches that survived.
    let hits: MatchHits

    init(nodes: Int, groups: Int, keyGroups: [Bool], chainWidth: Int, chains: Int, themes: Int) {
      hits = MatchHits(nodes: nodes, groups: groups, keyGroups: keyGroups, chainWidth: chainWidth, maxWays: CodingEngine.maxWays,
                       chains: chains, themes: themes)
    }
  }

  /// One surviving way a chain matched: its theme, chain, rule and spans (`MatchHits.spans(of:)`).
  struct Found {
    var theme: Int32
    var chain: Int32
    var rule: Int32
    var spans: Range<Int>
  }

  func makeScratch() -> Scratch {
    Scratch(nodes: trieChildTerms.count, groups: groupCount,
            keyGroups: (0..<groupCount).map { keyChainStart[$0 + 1] > keyChainStart[$0] },
            chainWidth: maxChainWidth, chains: chainRule.count, themes: codebook.themes.count)
  }

  /// Which themes may be given: `mask[theme]`, or nil for all.
  public typealias ThemeMask = [Bool]

  /// The mask allowing `themes` (indices into `codebook.themes`).
  public func mask(_ themes: Set<Int>) -> ThemeMask {
    (0..<codebook.themes.count).map { themes.contains($0) }
  }

  /// The themes of one comment, with evidence.
  ///
  /// - Parameters:
  ///   - text: The comment as written.
  ///   - themes: Indices into `codebook.themes` to try (nil: all).
  /// - Returns: Assignments in codebook order.
  public func code(_ text: String, themes allowed: Set<Int>? = nil) -> [ThemeAssignment] {
    var scratch = makeScratch()
    return code(text, themes: allowed, scratch: &scratch)
  }

  /// The same, reusing `scratch` (one per thread).
  func code(_ text: String, themes allowed: Set<Int>? = nil, withEvidence: Bool = true, scratch: inout Scratch) -> [ThemeAssignment] {
    code(text, mask: allowed.map(mask), withEvidence: withEvidence, scratch: &scratch)
  }

  /// - Parameter withEvidence: false to skip building evidence (ids only, for `id,themes`).
  func code(_ text: String, mask: ThemeMask?, withEvidence: Bool = true, scratch: inout Scratch) -> [ThemeAssignment] {
    CodingText.tokens(of: text, into: &scratch.tokens, scan: &scratch.scan, cache: &scratch.words)
    match(mask: mask, scratch: &scratch)
    var out: [ThemeAssignment] = []
    let found = scratch.hits.found
    var k = 0
    while k < found.count {
      let theme = found[k].theme
      var evidence: [Evidence] = []
      var seen: [(rule: Int32, span: Span)] = []
      while k < found.count, found[k].theme == theme {
        let f = found[k]
        k += 1
        guard withEvidence else { continue }
        for span in scratch.hits.spans(of: f) where !seen.contains(where: { $0.rule == f.rule && $0.span == span }) {
          seen.append((f.rule, span))
          let given = scratch.scan.span(from: scratch.tokens[Int(span.start)], to: scratch.tokens[Int(span.end) - 1])
          evidence.append(Evidence(start: given.scalars.lowerBound, end: given.scalars.upperBound,
                                   patternText: rules[Int(f.rule)].patternText, matchedText: CodingText.slice(text, given)))
        }
      }
      out.append(ThemeAssignment(themeId: codebook.themes[Int(theme)].id, evidence: evidence))
    }
    return out
  }

  /// Only which themes one comment has: `code` without building assignments, for output that
  /// lists theme ids and nothing else. The comment is given as UTF-8 bytes (valid UTF-8), as a
  /// comment file's reader holds it. The themes are then those of `scratch.hits.found`, in
  /// codebook order, each as often as it matched (`forEachTheme`).
  func matchThemes(ofUTF8 text: UnsafeBufferPointer<UInt8>, mask: ThemeMask?, scratch: inout Scratch) {
    CodingText.tokens(ofUTF8: text, into: &scratch.tokens, scan: &scratch.scan, cache: &scratch.words)
    match(mask: mask, scratch: &scratch)
  }

  /// Each theme the last match found, once, as an index into `codebook.themes`, in codebook order.
  static func forEachTheme(in scratch: borrowing Scratch, _ body: (Int) -> Void) {
    var last: Int32 = -1
    for f in scratch.hits.found where f.theme != last {
      last = f.theme
      body(Int(last))
    }
  }

  typealias Span = MatchHits.Span

  /// Matches `scratch.tokens`, leaving in `scratch.hits.found` the matches that survived the
  /// polarity rules and exclusions, by theme in codebook order (then in the order found).
  func match(mask: ThemeMask?, scratch s: inout Scratch) {
    lookUpSteps(&s)
    // 1. Walk the trie from each token: the hits of every group.
    walkTrie(&s)
    // 2. The chains whose groups were hit (in any order: step 4 sorts what survives).
    let hits = s.hits, tokens = s.tokens
    candidateChains(hits)
    guard !hits.candidates.isEmpty else { return }
    // 3. Every way each chain occurs, kept unless the theme's rules cancel it.
    for chain in hits.candidates {
      let c = Int(chain)
      let rule = chainRule[c]
      let theme = ruleTheme[Int(rule)]
      if let mask, !mask[Int(theme)] { continue }
      if hits.state(ofTheme: theme) == .excluded { continue }
      let width = Int(chainStart[c + 1] - chainStart[c])
      let ways = chainWays(c, hits)
      for w in 0..<ways {
        let spans = (w * width)..<((w + 1) * width)
        if ruleIsExclusion[Int(rule)] {
          hits.setState(ofTheme: theme, to: .excluded)
          break
        }
        if cancelled(spans, polarity: polarities[Int(theme)], hits, tokens: tokens) { continue }
        if hits.state(ofTheme: theme) == .untouched { hits.setState(ofTheme: theme, to: .matched) }
        hits.addFound(theme: theme, chain: chain, rule: rule, ways: spans)
      }
    }
    // 4. Excluded themes go (an exclusion wins whichever chain came first); the rest by theme
    //    in codebook order, then by chain in codebook order.
    let found = hits.found
    var kept = 0
    for k in found.indices where hits.state(ofTheme: found[k].theme) == .matched {
      found[kept] = found[k]
      kept += 1
    }
    hits.keepFound(kept)
    Self.insertionSort(UnsafeMutableBufferPointer(rebasing: found[..<kept])) { ($0.theme, $0.chain) < ($1.theme, $1.chain) }
  }

  /// Step 2 of `match`: into `hits.candidates`, the chains with a hit for every one of their
  /// groups (only those can match), found from the groups hit that key chains. Read through
  /// buffer pointers: this loop runs for every such group of every comment.
  private func candidateChains(_ hits: MatchHits) {
    let head = hits.head
    keyChainStart.withUnsafeBufferPointer { starts in
    keyChains.withUnsafeBufferPointer { records in
      for g in hits.touchedKeys {
        var k = Int(starts[Int(g)])
        let end = Int(starts[Int(g) + 1])
        while k < end {
          // A record: the chain, the number of its other groups, those groups.
          let others = Int(records[k + 1])
          var complete = true
          for slot in (k + 2)..<(k + 2 + others) where head[Int(records[slot])] < 0 {
            complete = false
            break
          }
          if complete { hits.addCandidate(records[k]) }
          k += 2 + others
        }
      }
    }
    }
  }

  /// Sorts a short buffer in place, stably (cheaper than `sort` for the few items a comment has).
  static func insertionSort<T>(_ a: UnsafeMutableBufferPointer<T>, by less: (T, T) -> Bool) {
    guard a.count > 1 else { return }
    for i in 1..<a.count {
      let item = a[i]
      var j = i
      while j > 0, less(item, a[j - 1]) {
        a[j] = a[j - 1]
        j -= 1
      }
      a[j] = item
    }
  }

  /// Step 1 of `match`: walks the trie from each token; every accepting state is a hit of its
  /// groups, recorded in `s.hits` (emptied first). The first step, from the root, was worked
  /// out once per word (`WordStepTable`); only longer phrases walk on.
  private func walkTrie(_ s: inout Scratch) {
    let hits = s.hits
    hits.reset()
    let n = s.tokens.count
    let tokens = s.tokens
    var states = hits.states, next = hits.next
    let records = s.steps.records, spill = s.steps.spill
    func steps(_ i: Int) -> WordStepTable.Record { WordStepTable.Record(tokens[i].word, in: records, spill: spill) }
    for i in 0..<n {
      let first = steps(i)
      let accepts = first.accepts
      for a in 0..<first.acceptCount {
        hits.add(group: accepts[a], start: Int32(i), end: Int32(i + 1))
      }
      // Most words go on to no phrase, or not to the word after them: one test of their
      // bits says so (a branch that is nearly always the same, where testing the count of
      // onward nodes was taken for one word in three, unpredictably).
      guard i + 1 < n, first.onwardBits & steps(i + 1).termBits != 0 else { continue }
      var live = first.onwardCount
      for x in 0..<live { states[x] = first.onward[x] }
      var j = i + 1
      while live > 0, j < n {
        var nextLive = 0
        let word = steps(j)
        for x in 0..<live {
          let state = states[x]
          let childTerms = trieChildTerms[Int(state)]
          guard childTerms != 0 else { continue }
          for k in 0..<word.termCount {
            let term = UInt64(UInt32(word.terms[k]))
            guard childTerms & (1 << (term & 63)) != 0 else { continue }
            if let child = trieEdges[UInt64(state) << 32 | term] {
              next[nextLive] = child
              nextLive += 1
            }
          }
        }
        swap(&states, &next)
        live = nextLive
        j += 1
        for x in 0..<live {
          let state = Int(states[x])
          for a in Int(acceptStart[state])..<Int(acceptStart[state + 1]) {
            hits.add(group: acceptGroups[a], start: Int32(i), end: Int32(j))
          }
        }
      }
    }
  }

  /// Fills in the record (`WordStepTable`) of each token's word not seen before: its term ids
  /// (its stem's, its exact form's, every matching prefix's), then what the trie's first step
  /// does with them.
  private func lookUpSteps(_ s: inout Scratch) {
    if s.stepsGeneration != s.words.generation {
      s.steps.removeAll()
      s.stepsGeneration = s.words.generation
    }
    for token in s.tokens where !s.steps.isLooked(Int(token.word)) {
      fillSteps(of: token.word, s.words.entries[Int(token.word)], into: s.steps)
    }
  }

  /// Works out a word's record.
  private func fillSteps(of word: Int32, _ entry: WordCache.Entry, into table: WordStepTable) {
    var terms: [Int32] = []
    if let id = stemTerms[entry.stem] { terms.append(id) }
    if let id = formTerms[entry.text], !terms.contains(id) { terms.append(id) }
    // An exact form is matched as spelt, or as its spelling folds (`usefull` is `=useful`).
    if !formTerms.isEmpty, let folded = CodingText.analyzer.foldedSpelling(of: entry.text), let id = formTerms[folded],
      !terms.contains(id) {
      terms.append(id)
    }
    if !prefixTerms.isEmpty {
      let f = Array(entry.text.utf8), stem = Array(entry.stem.utf8)
      // Only prefixes starting with the form's or the stem's first byte can match (in the
      // sorted order of `prefixTerms`, as the lower byte's come first).
      let firsts = [f.first, stem.first].compactMap { $0 }.sorted()
      for (b, first) in firsts.enumerated() where b == 0 || first != firsts[b - 1] {
        for (prefix, id) in prefixTerms[prefixRange(first)] where (f.starts(with: prefix) || stem.starts(with: prefix))
          && !terms.contains(id) {
          terms.append(id)
        }
      }
    }
    // The root's children through each term, in term order, as the walk would meet them.
    let children = terms.map { rootChildren[Int($0)] }.filter { $0 >= 0 }
    let accepts = children.flatMap { acceptGroups[Int(acceptStart[Int($0)])..<Int(acceptStart[Int($0) + 1])] }
    table.set(Int(word), termBits: terms.reduce(0) { $0 | 1 << UInt64(UInt32($1) & 63) },
              onwardBits: children.reduce(0) { $0 | trieChildTerms[Int($1)] },
              terms: terms, accepts: accepts, onward: children.filter { trieChildTerms[Int($0)] != 0 })
  }

  /// Every way chain `c`'s groups occur in order within their distances (at most `maxWays`),
  /// into `hits.ways` from its start (a span per group slot each); returns how many. Depth
  /// first, hits in the order found. Works in the hit list's own buffers, with no array to
  /// check or retain: every chain a comment may match is searched here.
  private func chainWays(_ c: Int, _ hits: MatchHits) -> Int {
    let base = Int(chainStart[c]), width = Int(chainStart[c + 1]) - base
    let cursor = hits.cursor, out = hits.ways
    var ways = 0, used = 0
    var level = 0
    cursor[0] = hits.head[Int(chainGroups[base])]
    while level >= 0 {
      let h = cursor[level]
      if h < 0 {
        level -= 1
        if level >= 0 { cursor[level] = hits[cursor[level]].next }
        continue
      }
      let hit = hits[h]
      if level > 0 {
        let previous = hits[cursor[level - 1]]
        let gap = linkOrdered[base + level] ? hit.start - previous.end
          : max(hit.start - previous.end, previous.start - hit.end)
        guard gap >= 0, gap <= linkDistance[base + level] else {
          cursor[level] = hit.next
          continue
        }
      }
      if level == width - 1 {
        for k in 0..<width {
          let way = hits[cursor[k]]
          out[used] = (way.start, way.end)
          used += 1
        }
        ways += 1
        if ways >= Self.maxWays { break }
        cursor[level] = hit.next
      } else {
        level += 1
        cursor[level] = hits.head[Int(chainGroups[base + level])]
      }
    }
    return ways
  }

  /// The most ways `chainWays` finds for one chain.
  static let maxWays = 8

  /// How many words either side of a positive match a negative word cancels it from.
  static let negativeReach: Int32 = 10

  /// Whether the theme's negation or sentiment rule cancels the way `hits.ways[spans]`.
  private func cancelled(_ spans: Range<Int>, polarity: Theme.Polarity, _ hits: MatchHits, tokens: [CodingToken]) -> Bool {
    guard polarity != .neutral else { return false }
    let ways = hits.ways
    var first = Int32.max, last = Int32.min
    for j in spans {
      first = min(first, ways[j].start)
      last = max(last, ways[j].end)
    }
    // Whether token `k` is part of the match: each span tested with one unsigned comparison
    // and no branch, as the answer is no guess for a predictor.
    func inside(_ k: Int32) -> Bool {
      var count = 0
      for j in spans {
        count += UInt32(bitPattern: k &- ways[j].start) < UInt32(bitPattern: ways[j].end &- ways[j].start) ? 1 : 0
      }
      return count > 0
    }
    let firstClause = tokens[Int(first)].clause, lastClause = tokens[Int(last) - 1].clause
    func inClauses(_ start: Int32) -> Bool {
      let c = tokens[Int(start)].clause
      return c >= firstClause && c <= lastClause
    }
    func anyHit(_ group: Int32, _ test: (Int32) -> Bool) -> Bool {
      guard group >= 0 else { return false }
      var h = hits.head[Int(group)]
      while h >= 0 {
        if test(hits[h].start) { return true }
        h = hits[h].next
      }
      return false
    }
    switch polarity {
    case .positive:
      let low = max(0, first - 3), high = min(Int32(tokens.count), last)
      for k in low..<high where tokens[Int(k)].isNegator && !inside(k) {
        if tokens[Int(k)].clause == (k < first ? firstClause : lastClause) { return true }
      }
      if anyHit(negatorGroup, { start in
        start >= low && start < high && !inside(start)
          && tokens[Int(start)].clause == (start < first ? firstClause : lastClause)
      }) { return true }
      if sarcasmGroup >= 0, hits.head[Int(sarcasmGroup)] >= 0 { return true }
      // A negative word far along a long run-on clause is usually about something else
      // ("the transport team sorted his route ..., and the driver texts me if they're running
      // late"), so only one within `negativeReach` words of the match cancels it.
      return anyHit(negativeGroup) { start in
        start >= first - Self.negativeReach && start < last + Self.negativeReach && inClauses(start) && !inside(start)
      }
    case .difficulty, .aspiration:
      return anyHit(reliefGroup) { inClauses($0) && !inside($0) }
    case .neutral:
      return false
    }
  }
}
