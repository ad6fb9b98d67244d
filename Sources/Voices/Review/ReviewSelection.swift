/// Which coded comments go into a review sheet.
///
/// Filters first (`wave`, `theme`), then picks: `uncertain` comments the coder is least sure of,
/// then a deterministic `sample` of the rest; with neither, every filtered comment. The sheet
/// lists the picked comments in workspace order.
public struct ReviewSelection: Sendable, Equatable {
  public var theme: String?
  public var wave: String?
  public var sample: Int?
  public var uncertain: Int?

  public init(theme: String? = nil, wave: String? = nil, sample: Int? = nil, uncertain: Int? = nil) {
    self.theme = theme
    self.wave = wave
    self.sample = sample
    self.uncertain = uncertain
  }

  /// How unsure the rules are about a comment, highest first, until a trained model gives
  /// probabilities (Learning): a rule-based proxy.
  ///
  /// - 3: no theme at all (the rules may have missed something: a new theme, or wording the
  ///   codebook does not know);
  /// - 2: one theme, earned only by proximity patterns (`NEAR/n`, `BEFORE/n`), the loosest kind;
  /// - 1: one theme, earned by a single stretch of text;
  /// - 0: anything else (several themes, or one theme found more than once).
  public static func uncertainty(of comment: CodedComment) -> Int {
    guard let only = comment.assignments.first else { return 3 }
    guard comment.assignments.count == 1 else { return 0 }
    let proximity = !only.evidence.isEmpty && only.evidence.allSatisfy { $0.patternText.contains(" NEAR/") || $0.patternText.contains(" BEFORE/") }
    if proximity { return 2 }
    return only.evidence.count <= 1 ? 1 : 0
  }

  /// The comments to review, in their original order.
  ///
  /// - Complexity: O(n log n) for the orderings.
  public func select(_ comments: [CodedComment]) -> [CodedComment] {
    let filtered = comments.filter { c in
      (wave == nil || c.wave == wave) && (theme == nil || c.assignments.contains { $0.themeId == theme })
    }
    guard uncertain != nil || sample != nil else { return filtered }
    var picked = Set<Int>()
    let hashes = filtered.map { CommentKey($0).stableHash }
    if let uncertain, uncertain > 0 {
      let scored = filtered.indices.map { (index: $0, score: Self.uncertainty(of: filtered[$0])) }.filter { $0.score > 0 }
      let ordered = scored.sorted { a, b in a.score != b.score ? a.score > b.score : (hashes[a.index], a.index) < (hashes[b.index], b.index) }
      for item in ordered.prefix(uncertain) { picked.insert(item.index) }
    }
    if let sample, sample > 0 {
      let rest = filtered.indices.filter { !picked.contains($0) }.sorted { (hashes[$0], $0) < (hashes[$1], $1) }
      for index in rest.prefix(sample) { picked.insert(index) }
    }
    return picked.sorted().map { filtered[$0] }
  }
}
