import Foundation

extension Workspace {
  /// The workspace as the reports see it.
  public var reportWorkspace: ReportWorkspace {
    ReportWorkspace(root: root, displayPath: displayPath, name: settings.name, synthetic: settings.synthetic,
                    policy: settings.suppression, codebookFiles: codebookFileNames(),
                    manifestFiles: manifestURLs().map { "manifests/\($0.lastPathComponent)" })
  }

  /// Builds `kinds` in `formats` from `surveys` (read from this workspace): its comments are
  /// coded the one way every command codes them (`code(_:codebook:modelPath:)`), when the
  /// workspace has codebooks. Nothing is written (see `ReportBuilder.write`).
  ///
  /// - Parameters:
  ///   - modelPath: A trained model (file or folder from `voices learn`) to code with beside
  ///     the rules.
  ///   - environment: The process environment; only `SOURCE_DATE_EPOCH` is read.
  /// - Returns: The files, and a torn last line of the decisions log if one was set aside.
  public func buildReports(_ kinds: [ReportKind], formats: [ReportFormat], surveys: SurveyCollection, modelPath: String? = nil,
                           environment: [String: String]) throws -> (files: [ReportFile], setAside: DecisionLog.SetAside?) {
    var coded: (corpus: CodedCorpus, setAside: DecisionLog.SetAside?)? = nil
    if !codebookFileNames().isEmpty { coded = try code(surveys, codebook: try codebook(), modelPath: modelPath) }
    let files = try ReportBuilder.build(kinds, formats: formats, workspace: reportWorkspace, load: surveys, coded: coded?.corpus,
                                        environment: environment)
    return (files, coded?.setAside)
  }
}
