/// A codebook compiled once into a matcher over token ids, then run on any number of comments.
///
/// Compilation:
/// 1. Every word of every pattern is normalised and stemmed like comment text and given a term
///    id (`wait` -> the stem `wait`; `=ot` -> the exact form `ot`; `assess*` -> a prefix).
///    A comment token's term ids are looked up once per distinct word form and cached, so a
///    wildcard costs a prefix test per distinct word, not per pattern per token.
/// 2. Every phrase (after expanding groups and `@lists`) is a path of term ids in one trie, whose
///    accepting nodes name the phrase groups (the operands of `|` and `NEAR`) it belongs to.
///    Matching walks the trie from each token; words in no pattern have no term id and stop the
///    walk at once, so the cost per comment depends on its length, not on the codebook's size.
/// 3. Each pattern is a list of chains `g0 NEAR/n g1 ...`; only chains whose groups were hit are
///    evaluated, then the theme's negation and sentiment rules and its exclusions are applied.
///
/// Negation and sentiment (the rules the codebook README explains):
/// - `positive` themes: a match is dropped when a negator (`@negator`, or a token the Text
///   module marks as negating) is within 3 tokens before it or right after it in the same clause,
///   or when a word of `@negative` is anywhere in the clauses it spans. Words that are part of
///   the match itself never cancel it ("no problems with transport" written as a pattern).
///   A word of `@sarcasm` ("oh yes", "if you enjoy") anywhere in the comment cancels every
///   positive match in it.
/// - `difficulty` and `aspiration` themes: a match is dropped when a word of `@relief`
///   ("thankfully", "no longer", "used to"...) is in the same clause: the difficulty is over.
/// - `neutral` themes: never dropped; young people's topics are coded whatever the tone.
/// - Exclusions: if any exclusion pattern of a theme matches anywhere, the theme is not given.
public struct CodingEngine: Sendable {
  public let codebook: Codebook

  struct Chain: Sendable {
    var groups: [Int32]
    /// `links[k]` joins `groups[k]` and `groups[k + 1]`.
    var links: [(distance: Int32, ordered: Bool)]
    var rule: Int32
  }

  struct Rule: Sendable {
    var theme: Int32
    var patternText: String
    var isExclusion: Bool
  }

  // Term lookup.
  let stemTerms: [String: Int32]
  let formTerms: [String: Int32]
  /// Sorted by prefix; `prefixStart[b]..<prefixStart[b + 1]` are those starting with byte `b`.
  let prefixTerms: [(prefix: [UInt8], id: Int32)]
  let prefixStart: [Int32]
  // Phrase trie: edges below the root keyed by `node << 32 | term`, and the groups each node
  // completes (`acceptGroups[acceptStart[n]..<acceptStart[n + 1]]`).
  let trieEdges: EdgeTable
  /// Per node, bit `term % 64` set for each child's term (0: no children): most steps of the
  /// walk lead nowhere, and this answers most of them without probing `trieEdges`, whose
  /// cache misses were the walk's main cost.
  let trieChildTerms: [UInt64]
  let acceptStart: [Int32]
  let acceptGroups: [Int32]
  /// The root's children as a dense table by term id (-1: none), the hottest lookup.
  let rootChildren: [Int32]
  let groupCount: Int
  /// Chains flattened: chain `c`'s groups are `chainGroups[chainStart[c]..<chainStart[c + 1]]`,
  /// and the link from group slot `k` to `k + 1` is `linkDistance[k + 1]`, `linkOrdered[k + 1]`.
  let chainStart: [Int32]
  let chainGroups: [Int32]
  let linkDistance: [Int32]
  let linkOrdered: [Bool]
  let chainRule: [Int32]
  /// The most groups any chain has.
  let maxChainWidth: Int
  /// The chains to look at when group `g` is hit (each chain under one of its groups only),
  /// as records in `keyChains[keyChainStart[g]..<keyChainStart[g + 1]]`: the chain, how many
  /// other groups it has, and those groups, so finding which chains can match reads one
  /// stretch of memory per group hit (through four arrays, it missed the cache 18 times a
  /// comment).
  let keyChainStart: [Int32]
  let keyChains: [Int32]
  /// Each theme's polarity, so matching never copies a `Theme`.
  let polarities: [Theme.Polarity]
  let rules: [Rule]
  /// `rules[r].theme` and `.isExclusion` as plain arrays for the matching loop.
  let ruleTheme: [Int32]
  let ruleIsExclusion: [Bool]
  /// Groups of the word lists the rules read (-1 when the codebook lacks the list).
  let negatorGroup: Int32
  let negativeGroup: Int32
  let reliefGroup: Int32
  let sarcasmGroup: Int32

  /// Compiles `codebook`.
  ///
  /// - Throws: `CodebookError.badPattern` or `.unknownWordList`, naming the theme's row.
  public init(_ codebook: Codebook) throws {
    var builder = CodingEngineBuilder(codebook: codebook)
    try builder.build()
    self.codebook = codebook
    stemTerms = builder.stemTerms
    formTerms = builder.formTerms
    let prefixes = builder.prefixTerms.map { (Array($0.key.utf8), $0.value) }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
    prefixTerms = prefixes
    // A wildcard needs two letters before its `*`, so every prefix has a first byte.
    prefixStart = (0...256).map { b in Int32(prefixes.prefix { Int($0.0.first ?? 0) < b }.count) }
    var edges: [UInt64: Int32] = [:]
    for (node, children) in builder.trieChildren.enumerated() where node > 0 {
      for (term, child) in children { edges[UInt64(node) << 32 | UInt64(UInt32(term))] = child }
    }
    trieEdges = EdgeTable(edges)
    trieChildTerms = builder.trieChildren.map { children in
      children.keys.reduce(UInt64(0)) { $0 | 1 << UInt64(UInt32($1) & 63) }
    }
    (acceptStart, acceptGroups) = Self.compressed(builder.trieAccepts)
    polarities = codebook.themes.map(\.polarity)
    var root = [Int32](repeating: -1, count: Int(builder.nextTerm))
    for (term, child) in builder.trieChildren[0] { root[Int(term)] = child }
    rootChildren = root
    groupCount = builder.groupCount
    (chainStart, chainGroups) = Self.compressed(builder.chains.map(\.groups))
    linkDistance = builder.chains.flatMap { [0] + $0.links.map(\.distance) }
    linkOrdered = builder.chains.flatMap { [false] + $0.links.map(\.ordered) }
    chainRule = builder.chains.map(\.rule)
    maxChainWidth = builder.chains.map(\.groups.count).max() ?? 1
    // A chain can match only when every one of its groups was hit, so it need be looked at
    // from one of them only: the one likeliest to be rare in comments, by the phrases it holds
    // (`@good NEAR/12 @ehcp` from `@ehcp`, not from the many words of `@good`), then by how
    // few chains use it. Which one is chosen changes the work, never the result.
    var uses = [Int](repeating: 0, count: builder.groupCount)
    for chain in builder.chains {
      for g in Set(chain.groups) { uses[Int(g)] += 1 }
    }
    let weights = builder.groupWeights
    var byGroup = [[Int32]](repeating: [], count: builder.groupCount)
    for (c, chain) in builder.chains.enumerated() {
      guard let keySlot = chain.groups.indices.min(by: { a, b in
        let (x, y) = (chain.groups[a], chain.groups[b])
        return (weights[Int(x)], uses[Int(x)], x) < (weights[Int(y)], uses[Int(y)], y)
      }) else { continue }
      var others = chain.groups
      others.remove(at: keySlot)
      byGroup[Int(chain.groups[keySlot])] += [Int32(c), Int32(others.count)] + others
    }
    (keyChainStart, keyChains) = Self.compressed(byGroup)
    rules = builder.rules
    ruleTheme = builder.rules.map(\.theme)
    ruleIsExclusion = builder.rules.map(\.isExclusion)
    negatorGroup = builder.specialGroups["negator"] ?? -1
    negativeGroup = builder.specialGroups["negative"] ?? -1
    reliefGroup = builder.specialGroups["relief"] ?? -1
    sarcasmGroup = builder.specialGroups["sarcasm"] ?? -1
  }

  /// The prefixes starting with byte `b`, as indices into `prefixTerms`.
  func prefixRange(_ b: UInt8) -> Range<Int> { Int(prefixStart[Int(b)])..<Int(prefixStart[Int(b) + 1]) }

  /// Lists of lists as one array and start offsets (one allocation, no per-list retain).
  static func compressed(_ lists: [[Int32]]) -> ([Int32], [Int32]) {
    var starts: [Int32] = [0], flat: [Int32] = []
    for list in lists {
      flat += list
      starts.append(Int32(flat.count))
    }
    return (starts, flat)
  }

  /// Number of distinct term ids (words, exact forms and prefixes) in the compiled codebook.
  var termCount: Int { stemTerms.count + formTerms.count + prefixTerms.count }
}
