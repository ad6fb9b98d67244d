/// A theme in the final coding of a comment, and who gave it.
public struct FinalAssignment: Sendable, Equatable {
  /// Who decided: a reviewer beats the rules, the rules beat the model.
  public enum Source: String, Sendable, Equatable, CaseIterable {
    case human, rule, model
  }

  public var themeId: String
  public var source: Source
  /// The rules' evidence when the rules proposed the theme; empty for a theme only a reviewer
  /// or the model gave.
  public var evidence: [Evidence]
  /// The model's probability when the theme stands on the model's word (source `model`).
  public var probability: Double?

  public init(themeId: String, source: Source, evidence: [Evidence] = [], probability: Double? = nil) {
    self.themeId = themeId
    self.source = source
    self.evidence = evidence
    self.probability = probability
  }
}

/// One comment's final themes.
public struct FinalComment: Sendable, Equatable {
  public var key: CommentKey
  public var assignments: [FinalAssignment]
  /// Themes reviewers disagree about on this comment (kept or left out as the rules said).
  public var conflicts: [String]
}

/// What applying the decisions changed, for a summary line.
public struct FinalCodingSummary: Sendable, Equatable {
  /// Themes reviewers confirmed or added (source `human`).
  public var byReviewers = 0
  /// Proposals (rule or model) reviewers removed.
  public var removed = 0
  /// (comment, theme) pairs where reviewers disagree.
  public var conflicts = 0
  /// Decisions about comments no longer in the workspace, ignored.
  public var orphaned = 0
}

/// Applies the decisions log to coded comments: a human decision beats a rule, a rule beats
/// the model.
///
/// For each comment and theme, each reviewer's latest decision counts (a reviewer corrects
/// themselves with a new decision). Then:
/// - reviewers only say yes (agree or add): the theme is in, source `human`;
/// - reviewers only say no (disagree): the theme is out, whatever the rules or model said;
/// - reviewers disagree with each other: a conflict; the rules' proposal stands (source
///   `rule`, or `model` when only the model proposed it), and the conflict is listed;
/// - no decision: the rules' proposal, else the model's.
public enum FinalCoding {
  /// One theme on one comment.
  struct Item: Hashable, Sendable {
    var key: CommentKey
    var theme: String
  }

  /// Each reviewer's latest verdict per comment and theme (later lines of the log win).
  static func latestVerdicts(_ decisions: [ReviewDecision]) -> [Item: [String: ReviewDecision.Verdict]] {
    var out: [Item: [String: ReviewDecision.Verdict]] = [:]
    for d in decisions { out[Item(key: d.key, theme: d.theme), default: [:]][d.reviewer] = d.verdict }
    return out
  }

  /// Where reviewers' latest decisions disagree, sorted by comment and theme.
  public static func conflicts(in decisions: [ReviewDecision]) -> [ReviewConflict] {
    latestVerdicts(decisions).compactMap { item, verdicts -> ReviewConflict? in
      let yes = verdicts.filter { $0.value.isPositive }.keys.sorted(), no = verdicts.filter { !$0.value.isPositive }.keys.sorted()
      return yes.isEmpty || no.isEmpty ? nil : ReviewConflict(key: item.key, theme: item.theme, agreeing: yes, disagreeing: no)
    }.sorted { ($0.key, $0.theme) < ($1.key, $1.theme) }
  }

  /// Keys `ModelCoder.proposals(for:)` (one array per comment, in order) by comment.
  public static func modelProposals(_ proposals: [[ModelProposal]], of comments: [CodedComment]) -> [CommentKey: [ModelProposal]] {
    var out: [CommentKey: [ModelProposal]] = [:]
    for (c, p) in zip(comments, proposals) where !p.isEmpty { out[CommentKey(c)] = p }
    return out
  }

  /// The final themes of every comment.
  ///
  /// - Parameters:
  ///   - decisions: The decisions log, in log order.
  ///   - comments: Comments coded by the rules (`CodingRun`).
  ///   - model: Themes trained models propose (`ModelCoder`), by comment; none by default.
  /// - Returns: One `FinalComment` per comment, in order, and a summary.
  public static func apply(_ decisions: [ReviewDecision], to comments: [CodedComment],
                           model: [CommentKey: [ModelProposal]] = [:]) -> (comments: [FinalComment], summary: FinalCodingSummary) {
    let verdicts = latestVerdicts(decisions)
    var byComment: [CommentKey: [String]] = [:]
    for item in verdicts.keys { byComment[item.key, default: []].append(item.theme) }
    var summary = FinalCodingSummary()
    var seenKeys = Set<CommentKey>()
    var out: [FinalComment] = []
    out.reserveCapacity(comments.count)
    for c in comments {
      let key = CommentKey(c)
      seenKeys.insert(key)
      let proposals = model[key] ?? []
      let modelThemes = proposals.map(\.theme)
      func byModel(_ theme: String) -> FinalAssignment? {
        proposals.first { $0.theme == theme }.map { FinalAssignment(themeId: theme, source: .model, probability: $0.probability) }
      }
      let decided = byComment[key] ?? []
      guard !decided.isEmpty else {
        var final = c.assignments.map { FinalAssignment(themeId: $0.themeId, source: .rule, evidence: $0.evidence) }
        let ruled = Set(c.assignments.map(\.themeId))
        final += modelThemes.filter { !ruled.contains($0) }.compactMap(byModel)
        out.append(FinalComment(key: key, assignments: final, conflicts: []))
        continue
      }
      var candidates = c.assignments.map(\.themeId)
      for t in modelThemes + decided.sorted() where !candidates.contains(t) { candidates.append(t) }
      var final: [FinalAssignment] = []
      var conflicts: [String] = []
      for theme in candidates {
        let rule = c.assignments.first { $0.themeId == theme }
        let proposed: FinalAssignment? = rule.map { FinalAssignment(themeId: theme, source: .rule, evidence: $0.evidence) }
          ?? byModel(theme)
        guard let v = verdicts[Item(key: key, theme: theme)] else {
          if let proposed { final.append(proposed) }
          continue
        }
        let yes = v.values.contains { $0.isPositive }, no = v.values.contains { !$0.isPositive }
        if yes && no {
          conflicts.append(theme)
          summary.conflicts += 1
          if let proposed { final.append(proposed) }
        } else if yes {
          final.append(FinalAssignment(themeId: theme, source: .human, evidence: rule?.evidence ?? []))
          summary.byReviewers += 1
        } else if proposed != nil {
          summary.removed += 1
        }
      }
      out.append(FinalComment(key: key, assignments: final, conflicts: conflicts))
    }
    summary.orphaned = decisions.filter { !seenKeys.contains($0.key) }.count
    return (out, summary)
  }

  /// Sets each comment's assignments to its final themes (from `apply`, same order), so the
  /// coded files show what reviewers decided; a theme only a reviewer gave has no evidence.
  public static func replaceAssignments(of comments: inout [CodedComment], with finals: [FinalComment]) {
    for i in comments.indices where i < finals.count && finals[i].key == CommentKey(comments[i]) {
      comments[i].assignments = finals[i].assignments.map {
        ThemeAssignment(themeId: $0.themeId, evidence: $0.evidence, modelProbability: $0.source == .model ? $0.probability : nil)
      }
    }
  }

  /// `response_id,wave,question,theme,source,conflict,model_probability`: one row per final
  /// theme, plus a row with source `none` for each conflict whose theme ended up out (the rules
  /// did not propose it); `model_probability` only for a theme that stands on the model's word.
  public static func csv(_ comments: [FinalComment]) -> String {
    var rows = [["response_id", "wave", "question", "theme", "source", "conflict", "model_probability"]]
    for c in comments {
      for a in c.assignments {
        rows.append([c.key.responseId, c.key.wave, c.key.question, a.themeId, a.source.rawValue,
                     c.conflicts.contains(a.themeId) ? "yes" : "", a.probability.map(CodedWriter.probabilityText) ?? ""])
      }
      for theme in c.conflicts where !c.assignments.contains(where: { $0.themeId == theme }) {
        rows.append([c.key.responseId, c.key.wave, c.key.question, theme, "none", "yes", ""])
      }
    }
    return TableWriter.csv(rows)
  }
}
