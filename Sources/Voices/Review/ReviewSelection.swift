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

  /// How unsure the rules are about a comment, highest first: the proxy used when no trained
  /// model is at hand (see `select`).
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
  /// - Parameter modelUncertainty: For `uncertain`, how unsure a trained model is about each
  ///   comment (`ModelCoder.uncertainties`, same order as `comments`): the most unsure come
  ///   first. Without it, the rule-based proxy `uncertainty(of:)` orders them.
  /// - Complexity: O(n log n) for the orderings.
  public func select(_ comments: [CodedComment], modelUncertainty: [Double]? = nil) -> [CodedComment] {
    let kept = comments.indices.filter { i in
      (wave == nil || comments[i].wave == wave) && (theme == nil || comments[i].assignments.contains { $0.themeId == theme })
    }
    guard uncertain != nil || sample != nil else { return kept.map { comments[$0] } }
    var picked = Set<Int>()
    let hashes = Dictionary(uniqueKeysWithValues: kept.map { ($0, CommentKey(comments[$0]).stableHash) })
    func byHash(_ a: Int, _ b: Int) -> Bool { (hashes[a]!, a) < (hashes[b]!, b) }
    if let uncertain, uncertain > 0 {
      let scored: [(index: Int, score: Double)]
      if let modelUncertainty, modelUncertainty.count == comments.count {
        scored = kept.map { ($0, modelUncertainty[$0]) }
      } else {
        scored = kept.map { ($0, Double(Self.uncertainty(of: comments[$0]))) }.filter { $0.score > 0 }
      }
      let ordered = scored.sorted { a, b in a.score != b.score ? a.score > b.score : byHash(a.index, b.index) }
      for item in ordered.prefix(uncertain) { picked.insert(item.index) }
    }
    if let sample, sample > 0 {
      let rest = kept.filter { !picked.contains($0) }.sorted(by: byHash)
      for index in rest.prefix(sample) { picked.insert(index) }
    }
    return picked.sorted().map { comments[$0] }
  }
}
