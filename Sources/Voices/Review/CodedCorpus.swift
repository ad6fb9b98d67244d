/// Every free-text answer of a set of surveys with its final themes, and who gave each: the one
/// place the precedence rule is applied (a reviewer's decision beats a rule, a rule beats the
/// model). `voices code`, the review sheets and the reports all code through `code(...)`, so the
/// themes a report counts are the themes `voices code` writes.
public struct CodedCorpus: Sendable {
  public var codebook: Codebook
  /// Every non-empty answer, in survey order, with its final themes (rules' evidence, the
  /// model's probability).
  public var comments: [CodedComment]
  /// Who gave each theme of each comment; nil when only the rules coded (no decisions, no model).
  public var sources: [FinalComment]?
  /// What the reviewers' decisions changed, and how many decisions there were; nil when none.
  public var reviewed: (decisions: Int, changes: FinalCodingSummary)?
  /// The model that proposed themes beside the rules, if one was used.
  public var model: ModelCoder?
  /// How the themes were decided, in a sentence, for provenance.
  public var method: String

  /// Codes `comments` with `codebook`'s rules, then the model's proposals (when `model` is
  /// given) and the reviewers' `decisions` on top.
  ///
  /// - Parameters:
  ///   - modelName: How to name the model in `method` (its file, say).
  ///   - withEvidence: The rules' evidence (matched words and offsets) on each theme.
  public static func code(_ comments: [CodedComment], codebook: Codebook, model: ModelCoder? = nil, modelName: String? = nil,
                          decisions: [ReviewDecision] = [], withEvidence: Bool = true) throws -> CodedCorpus {
    var comments = comments
    CodingRun.code(&comments, with: try CodingEngine(codebook), withEvidence: withEvidence)
    let method = model == nil ? "rule-based coder (codebook patterns; no learned model)"
      : "rule-based coder (codebook patterns) with a trained model (\(modelName ?? "\(model!.models.count) theme models")) proposing themes the rules did not give"
    var corpus = CodedCorpus(codebook: codebook, comments: comments, sources: nil, reviewed: nil, model: model, method: method)
    guard !decisions.isEmpty || model != nil else { return corpus }
    let proposals = model.map { FinalCoding.modelProposals($0.proposals(for: comments), of: comments) } ?? [:]
    let (finals, applied) = FinalCoding.apply(decisions, to: comments, model: proposals)
    FinalCoding.replaceAssignments(of: &corpus.comments, with: finals)
    corpus.sources = finals
    if !decisions.isEmpty {
      corpus.reviewed = (decisions.count, applied)
      corpus.method += "; reviewers' decisions from review/decisions.jsonl applied first"
    }
    return corpus
  }

  /// The model's proposals as a step of `CommentFileCoder`, under the same rule (a rule beats
  /// the model; no reviewers' decisions apply to a plain file).
  public static func modelStep(_ model: ModelCoder) -> CommentFileCoder.PostStep {
    CommentFileCoder.PostStep(column: "model_themes") { batch in
      let proposals = FinalCoding.modelProposals(model.proposals(for: batch), of: batch)
      FinalCoding.replaceAssignments(of: &batch, with: FinalCoding.apply([], to: batch, model: proposals).comments)
    }
  }
}
