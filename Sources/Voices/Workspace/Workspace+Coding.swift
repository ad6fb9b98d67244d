import Foundation

extension Workspace {
  /// The codebook at `path` (a CSV file or a folder of them), or every CSV in the workspace's
  /// `codebooks/` merged, each named as the workspace shows it.
  ///
  /// - Throws: `CodebookLocationError`, or the codebook's own errors.
  public func codebook(at path: String? = nil) throws -> Codebook {
    if let path { return try Codebook.load(at: path) }
    let folder = root.appendingPathComponent("codebooks")
    let names = codebookFileNames()
    guard !names.isEmpty else { throw CodebookLocationError.empty(folder: displayName(of: "codebooks")) }
    let books = try names.map { try Codebook.read(contentsOf: folder.appendingPathComponent($0), file: displayName(of: "codebooks/\($0)")) }
    return Codebook.merged(books, name: "codebooks")
  }

  /// The CSV files of `codebooks/`, sorted (none when the folder is missing).
  func codebookFileNames() -> [String] {
    let folder = root.appendingPathComponent("codebooks")
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
  }

  /// Codes every free-text answer of `surveys` (read from this workspace) the one way every
  /// command does: `codebook`'s rules, the model at `modelPath` (a file or folder from
  /// `voices learn`) when given, and the reviewers' decisions in `review/decisions.jsonl` on
  /// top, unless `applyingDecisions` is false (a review sheet shows the machine's proposals).
  ///
  /// A torn last line of the decisions log is set aside first (`DecisionLog.load`); it is
  /// returned so the caller can say so.
  public func code(_ surveys: SurveyCollection, codebook: Codebook, modelPath: String? = nil,
                   applyingDecisions: Bool = true) throws -> (corpus: CodedCorpus, setAside: DecisionLog.SetAside?) {
    let log = try decisionLog.load()
    let model = try modelPath.map { ModelCoder(models: try ModelCoder.loadModels(at: $0), codebook: codebook) }
    let corpus = try CodedCorpus.code(surveys.comments(), codebook: codebook, model: model, modelName: modelPath,
                                      decisions: applyingDecisions ? log.decisions : [])
    return (corpus, log.setAside)
  }

  /// The workspace's decisions log.
  public var decisionLog: DecisionLog {
    DecisionLog(workspaceRoot: root, displayName: displayName(of: "review/decisions.jsonl"))
  }
}
