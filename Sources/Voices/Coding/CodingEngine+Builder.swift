import Foundation

/// Turns a codebook's pattern trees into the engine's term ids, trie, groups and chains.
struct CodingEngineBuilder {
  let codebook: Codebook
  var stemTerms: [String: Int32] = [:]
  var formTerms: [String: Int32] = [:]
  var prefixTerms: [String: Int32] = [:]
  var nextTerm: Int32 = 0
  var trieChildren: [[Int32: Int32]] = [[:]]
  var trieAccepts: [[Int32]] = [[]]
  /// Groups by their phrases (sorted), so operands with the same phrases share one group.
  var groupKeys: [[[Int32]]: Int32] = [:]
  var groupCount = 0
  /// Per group, a guess at how often comments hit it: each of its phrases counts 1 for one
  /// word, an eighth for two, and so on (a longer phrase is rarer than any of its words).
  var groupWeights: [Double] = []
  var chains: [CodingEngine.Chain] = []
  var rules: [CodingEngine.Rule] = []
  var specialGroups: [String: Int32] = [:]
  var lists: [String: [Pattern]] = [:]
  /// Each word slot's term ids and each word list's phrases, worked out once: a codebook
  /// repeats the same words and lists many times, and analysing a word is the costly part.
  var termsMemo: [Pattern.Term: [Int32]] = [:]
  var listMemo: [String: [[Int32]]] = [:]
  /// The words analysed so far, shared by every pattern word (a fresh cache per word cost
  /// more than the analysis).
  var words = WordCache()

  init(codebook: Codebook) { self.codebook = codebook }

  mutating func build() throws {
    let listRow = SourceLocation(file: codebook.name, row: 0)
    for list in codebook.wordLists {
      lists[list.name] = try list.patterns.map { try Self.parse($0, at: listRow) }
    }
    for (name, patterns) in CodingDefaults.lists where lists[name] == nil {
      lists[name] = try patterns.map { try Self.parse($0, at: listRow) }
    }
    for name in ["negator", "negative", "relief", "sarcasm"] {
      guard let patterns = lists[name] else { continue }
      var sequences: [[Int32]] = []
      for pattern in patterns { sequences += try expand(pattern, at: listRow, depth: 0) }
      specialGroups[name] = group(for: sequences)
    }
    for (t, theme) in codebook.themes.enumerated() {
      let location = SourceLocation(file: codebook.name, row: t + 2)
      for (text, isExclusion) in theme.patterns.map({ ($0, false) }) + theme.exclusions.map({ ($0, true) }) {
        let pattern = try Self.parse(text, at: location)
        let rule = Int32(rules.count)
        rules.append(.init(theme: Int32(t), patternText: text, isExclusion: isExclusion))
        for alternative in Self.topAlternatives(pattern) {
          var operands: [Pattern] = []
          var links: [(Int32, Bool)] = []
          Self.flattenNear(alternative, into: &operands, links: &links)
          var groups: [Int32] = []
          for operand in operands {
            let sequences = try expand(operand, at: location, depth: 0)
            groups.append(group(for: sequences))
          }
          chains.append(.init(groups: groups, links: links.map { (distance: $0.0, ordered: $0.1) }, rule: rule))
        }
      }
    }
  }

  static func parse(_ text: String, at location: SourceLocation) throws -> Pattern {
    do { return try PatternParser.parse(text) } catch {
      throw CodebookError.badPattern(at: location, pattern: text, offset: error.offset, reason: error.reason)
    }
  }

  /// The alternatives at the top of a pattern (each may hold NEAR).
  static func topAlternatives(_ pattern: Pattern) -> [Pattern] {
    if case .alternatives(let options) = pattern { return options }
    return [pattern]
  }

  static func flattenNear(_ pattern: Pattern, into operands: inout [Pattern], links: inout [(Int32, Bool)]) {
    if case .near(let a, let b, let distance, let ordered) = pattern {
      flattenNear(a, into: &operands, links: &links)
      links.append((Int32(distance), ordered))
      flattenNear(b, into: &operands, links: &links)
    } else {
      operands.append(pattern)
    }
  }

  /// The group id for a set of phrases, shared by every operand with the same phrases
  /// (`(school|college)` and `(college|school)`, or a list and its words written out): one
  /// group hit where several would be, each recorded for every word of every comment.
  mutating func group(for sequences: [[Int32]]) -> Int32 {
    let phrases = Set(sequences).filter { !$0.isEmpty }.sorted { $0.lexicographicallyPrecedes($1) }
    if let existing = groupKeys[phrases] { return existing }
    let id = Int32(groupCount)
    groupCount += 1
    groupKeys[phrases] = id
    groupWeights.append(phrases.reduce(0) { $0 + pow(8, -Double($1.count - 1)) })
    for sequence in phrases {
      var node = 0
      for term in sequence {
        if let child = trieChildren[node][term] { node = Int(child) } else {
          trieChildren.append([:])
          trieAccepts.append([])
          trieChildren[node][term] = Int32(trieChildren.count - 1)
          node = trieChildren.count - 1
        }
      }
      if !trieAccepts[node].contains(id) { trieAccepts[node].append(id) }
    }
    return id
  }

  /// Every phrase (as term ids) a phrase-level pattern stands for.
  mutating func expand(_ pattern: Pattern, at location: SourceLocation, depth: Int) throws -> [[Int32]] {
    guard depth < 8 else { throw CodebookError.badPattern(at: location, pattern: pattern.description, offset: 0, reason: "word lists refer to each other in a loop") }
    switch pattern {
    case .term(let term):
      return [terms(for: term)]
    case .sequence(let items):
      var out: [[Int32]] = [[]]
      for item in items {
        let options = try expand(item, at: location, depth: depth)
        var next: [[Int32]] = []
        for prefix in out { for option in options { next.append(prefix + option) } }
        guard next.count <= 4096 else { throw CodebookError.badPattern(at: location, pattern: pattern.description, offset: 0, reason: "too many combinations of alternatives (over 4096); split the pattern") }
        out = next
      }
      return out
    case .alternatives(let options):
      var out: [[Int32]] = []
      for option in options { out += try expand(option, at: location, depth: depth) }
      return out
    case .wordList(let name):
      if let known = listMemo[name] { return known }
      guard let patterns = lists[name] else { throw CodebookError.unknownWordList(at: location, name: name) }
      var out: [[Int32]] = []
      for p in patterns {
        if case .near = p { throw CodebookError.badPattern(at: location, pattern: p.description, offset: 0, reason: "a word list used inside a phrase cannot contain NEAR") }
        out += try expand(p, at: location, depth: depth + 1)
      }
      listMemo[name] = out
      return out
    case .optional(let inner):
      // With the slot and without it (the empty phrase joins the rest of the sequence).
      return try expand(inner, at: location, depth: depth) + [[]]
    case .near:
      throw CodebookError.badPattern(at: location, pattern: pattern.description, offset: 0, reason: "NEAR cannot be inside a phrase or group")
    }
  }

  /// Term ids for one word slot; a word the Text module splits ("after-school") is a phrase.
  mutating func terms(for term: Pattern.Term) -> [Int32] {
    if let known = termsMemo[term] { return known }
    let ids = analysedTerms(for: term)
    termsMemo[term] = ids
    return ids
  }

  private mutating func analysedTerms(for term: Pattern.Term) -> [Int32] {
    switch term {
    case .word(let word):
      let tokens = CodingText.analyzer.analyze(word, cache: &words).tokens
      return tokens.map { intern(.stem, $0.stem) }
    case .exact(let word):
      let tokens = CodingText.analyzer.analyze(word, cache: &words).tokens
      return tokens.map { intern(.form, $0.text) }
    case .prefix(let prefix):
      // `e-bulletin*` is the word `e` then a word starting `bulletin`.
      let tokens = CodingText.analyzer.analyze(prefix, cache: &words).tokens
      guard let last = tokens.last else { return [intern(.prefix, prefix)] }
      return tokens.dropLast().map { intern(.stem, $0.stem) } + [intern(.prefix, last.text)]
    }
  }

  enum TermKind { case stem, form, prefix }

  mutating func intern(_ kind: TermKind, _ key: String) -> Int32 {
    let existing: Int32? = switch kind {
    case .stem: stemTerms[key]
    case .form: formTerms[key]
    case .prefix: prefixTerms[key]
    }
    if let existing { return existing }
    let id = nextTerm
    nextTerm += 1
    switch kind {
    case .stem: stemTerms[key] = id
    case .form: formTerms[key] = id
    case .prefix: prefixTerms[key] = id
    }
    return id
  }
}
