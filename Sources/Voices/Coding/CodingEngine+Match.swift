extension CodingEngine {
  /// Per-thread working memory for matching: the term cache and hit lists, reused between
  /// comments so matching allocates little.
  public struct Scratch {
    /// Word form -> its term ids, as a range of `termArena` (no array per word).
    var termCache: [String: (start: Int32, count: Int32)] = [:]
    var termArena: [Int32] = []
    var groupHits: [[(start: Int32, end: Int32)]]
    var touched: [Int32] = []
    var chainSeen: [Bool]
    /// Per token of the current comment: where its term ids are in `termArena`.
    var tokenTerms: [(start: Int32, count: Int32)] = []
    var states: [Int32] = []
    var next: [Int32] = []
    var candidates: [Int32] = []
    /// Analysed words (forms and stems) already seen by this thread.
    var words = TextAnalyzer.WordCache()
    /// Term ids by `CodingToken.wordID` (count -1: not looked up yet), for `words.generation`.
    var termsByWord: [(start: Int32, count: Int32)] = []
    var termsGeneration = -1

    init(groups: Int, chains: Int) {
      groupHits = Array(repeating: [], count: groups)
      chainSeen = Array(repeating: false, count: chains)
    }
  }

  public func makeScratch() -> Scratch { Scratch(groups: groupCount, chains: chains.count) }

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

  /// - Parameter withEvidence: false to skip building evidence (ids only, for `id,themes`).
  public func code(_ text: String, themes allowed: Set<Int>? = nil, withEvidence: Bool = true, scratch: inout Scratch) -> [ThemeAssignment] {
    let tokens = CodingText.tokens(of: text, cache: &scratch.words)
    let found = matches(tokens, allowed: allowed, scratch: &scratch)
    guard withEvidence else { return found.map { ThemeAssignment(themeId: codebook.themes[$0.0].id, evidence: []) } }
    return found.map { theme, matches in
      var evidence: [Evidence] = []
      var seen: [(Int32, Int32, Int32)] = []
      for (rule, spans) in matches {
        for span in spans where !seen.contains(where: { $0 == (rule, span.start, span.end) }) {
          seen.append((rule, span.start, span.end))
          let start = tokens[Int(span.start)].start, end = tokens[Int(span.end) - 1].end
          evidence.append(Evidence(start: start, end: end, patternText: rules[Int(rule)].patternText,
                                   matchedText: CodingText.slice(text, from: tokens[Int(span.start)], to: tokens[Int(span.end) - 1])))
        }
      }
      return ThemeAssignment(themeId: codebook.themes[theme].id, evidence: evidence)
    }
  }

  typealias Span = (start: Int32, end: Int32)

  /// Theme index -> the (rule, spans) matches that survived the polarity rules, themes in order.
  func matches(_ tokens: [CodingToken], allowed: Set<Int>?, scratch: inout Scratch) -> [(Int, [(Int32, [Span])])] {
    let n = tokens.count
    // 1. Term ids per token, cached by form.
    scratch.tokenTerms.removeAll(keepingCapacity: true)
    if scratch.termCache.count > 200_000 {
      // Bound memory on very varied input: start the cache again.
      scratch.termCache.removeAll(keepingCapacity: true)
      scratch.termArena.removeAll(keepingCapacity: true)
      scratch.termsByWord.removeAll(keepingCapacity: true)
    }
    if scratch.termsGeneration != scratch.words.generation {
      scratch.termsByWord.removeAll(keepingCapacity: true)
      scratch.termsGeneration = scratch.words.generation
    }
    for token in tokens {
      let word = Int(token.wordID)
      if word >= 0, word < scratch.termsByWord.count, scratch.termsByWord[word].count >= 0 {
        scratch.tokenTerms.append(scratch.termsByWord[word])
        continue
      }
      let range: (start: Int32, count: Int32)
      if let cached = scratch.termCache[token.form] {
        range = cached
      } else {
        let ids = termIDs(form: token.form, stem: token.stem)
        range = (start: Int32(scratch.termArena.count), count: Int32(ids.count))
        scratch.termArena.append(contentsOf: ids)
        scratch.termCache[token.form] = range
      }
      scratch.tokenTerms.append(range)
      if word >= 0 {
        if word >= scratch.termsByWord.count {
          scratch.termsByWord.append(contentsOf: repeatElement((start: 0, count: -1), count: word - scratch.termsByWord.count + 1))
        }
        scratch.termsByWord[word] = range
      }
    }
    // 2. Walk the trie from each token.
    for i in 0..<n where scratch.tokenTerms[i].count > 0 {
      // First step from the root through the dense table, then the per-node dictionaries.
      scratch.states.removeAll(keepingCapacity: true)
      let first = scratch.tokenTerms[i]
      for k in Int(first.start)..<Int(first.start + first.count) {
        let child = rootChildren[Int(scratch.termArena[k])]
        if child >= 0 { scratch.states.append(child) }
      }
      var j = i
      while !scratch.states.isEmpty {
        for state in scratch.states {
          for a in Int(acceptStart[Int(state)])..<Int(acceptStart[Int(state) + 1]) {
            let g = acceptGroups[a]
            if scratch.groupHits[Int(g)].isEmpty { scratch.touched.append(g) }
            scratch.groupHits[Int(g)].append((Int32(i), Int32(j + 1)))
          }
        }
        j += 1
        guard j < n else { break }
        scratch.next.removeAll(keepingCapacity: true)
        let terms = scratch.tokenTerms[j]
        for state in scratch.states where trieHasChildren[Int(state)] {
          for k in Int(terms.start)..<Int(terms.start + terms.count) {
            let term = scratch.termArena[k]
            if let child = trieEdges[UInt64(state) << 32 | UInt64(UInt32(term))] { scratch.next.append(child) }
          }
        }
        swap(&scratch.states, &scratch.next)
      }
    }
    defer {
      for g in scratch.touched { scratch.groupHits[Int(g)].removeAll(keepingCapacity: true) }
      scratch.touched.removeAll(keepingCapacity: true)
    }
    // 3. Evaluate the chains whose groups were hit.
    scratch.candidates.removeAll(keepingCapacity: true)
    for g in scratch.touched {
      for k in Int(groupChainStart[Int(g)])..<Int(groupChainStart[Int(g) + 1]) {
        let c = groupChains[k]
        guard !scratch.chainSeen[Int(c)] else { continue }
        scratch.chainSeen[Int(c)] = true
        scratch.candidates.append(c)
      }
    }
    for c in scratch.candidates { scratch.chainSeen[Int(c)] = false }
    guard !scratch.candidates.isEmpty else { return [] }
    scratch.candidates.sort()
    let candidate = scratch.candidates
    var byTheme: [Int: [(Int32, [Span])]] = [:]
    var excluded = Set<Int>()
    for c in candidate {
      let chain = chains[Int(c)]
      let rule = rules[Int(chain.rule)]
      let theme = Int(rule.theme)
      if let allowed, !allowed.contains(theme) { continue }
      if excluded.contains(theme) { continue }
      for spans in chainMatches(chain, hits: scratch.groupHits) {
        if rule.isExclusion { excluded.insert(theme); break }
        if cancelled(spans, polarity: polarities[theme], tokens: tokens, hits: scratch.groupHits) { continue }
        byTheme[theme, default: []].append((chain.rule, spans))
      }
    }
    return byTheme.keys.sorted().compactMap { theme in excluded.contains(theme) ? nil : (theme, byTheme[theme] ?? []) }
  }

  /// The term ids of a word: its stem's, its exact form's, and every matching prefix's.
  func termIDs(form: String, stem: String) -> [Int32] {
    var ids: [Int32] = []
    if let id = stemTerms[stem] { ids.append(id) }
    if let id = formTerms[form] { ids.append(id) }
    if !prefixTerms.isEmpty {
      let f = Array(form.utf8), s = Array(stem.utf8)
      for (prefix, id) in prefixTerms where f.starts(with: prefix) || s.starts(with: prefix) {
        if !ids.contains(id) { ids.append(id) }
      }
    }
    return ids
  }

  /// Every way the chain's groups occur in order of the chain within their distances (at most 8).
  func chainMatches(_ chain: Chain, hits: [[Span]]) -> [[Span]] {
    var results: [[Span]] = []
    var current: [Span] = []
    func extend(_ k: Int) {
      if results.count >= 8 { return }
      if k == chain.groups.count { results.append(current); return }
      for hit in hits[Int(chain.groups[k])] {
        if k > 0 {
          let previous = current[k - 1]
          let link = chain.links[k - 1]
          let gap: Int32
          if link.ordered {
            gap = hit.start - previous.end
          } else {
            gap = max(hit.start - previous.end, previous.start - hit.end)
          }
          guard gap >= 0, gap <= link.distance else { continue }
        }
        current.append(hit)
        extend(k + 1)
        current.removeLast()
      }
    }
    extend(0)
    return results
  }

  /// Whether the theme's negation or sentiment rule cancels a match.
  func cancelled(_ spans: [Span], polarity: Theme.Polarity, tokens: [CodingToken], hits: [[Span]]) -> Bool {
    guard polarity != .neutral, let first = spans.map(\.start).min(), let last = spans.map(\.end).max() else { return false }
    func inside(_ k: Int32) -> Bool { spans.contains { k >= $0.start && k < $0.end } }
    let firstClause = tokens[Int(first)].clause, lastClause = tokens[Int(last) - 1].clause
    func inClauses(_ span: Span) -> Bool {
      let c = tokens[Int(span.start)].clause
      return c >= firstClause && c <= lastClause
    }
    switch polarity {
    case .positive:
      let low = max(0, first - 3), high = min(Int32(tokens.count), last)
      for k in low..<high where !inside(k) && tokens[Int(k)].isNegator {
        if tokens[Int(k)].clause == (k < first ? firstClause : lastClause) { return true }
      }
      if negatorGroup >= 0 {
        for hit in hits[Int(negatorGroup)] where hit.start >= low && hit.start < high && !inside(hit.start) {
          if tokens[Int(hit.start)].clause == (hit.start < first ? firstClause : lastClause) { return true }
        }
      }
      if sarcasmGroup >= 0, !hits[Int(sarcasmGroup)].isEmpty { return true }
      if negativeGroup >= 0 {
        for hit in hits[Int(negativeGroup)] where inClauses(hit) && !inside(hit.start) { return true }
      }
      return false
    case .difficulty, .aspiration:
      if reliefGroup >= 0 {
        for hit in hits[Int(reliefGroup)] where inClauses(hit) && !inside(hit.start) { return true }
      }
      return false
    case .neutral:
      return false
    }
  }
}
