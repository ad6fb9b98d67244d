import Foundation

/// Everything the reports format, computed once: the measures (overall and by breakdown), the
/// participation counts, the coded comments and theme counts, the actions, the quote rule and
/// the provenance. Each report reads from here and computes nothing itself.
struct ReportInputs: Sendable {
  var workspaceName: String
  var synthetic: Bool
  var policy: SuppressionPolicy
  var load: SurveyCollection
  var analysis: MeasureAnalysis
  /// Breakdown field -> the analysis by that field (fields the manifests have, of `breakdownFields`).
  var breakdowns: [(field: String, analysis: MeasureAnalysis)]
  var participation: ParticipationCounts
  /// `nil` when the workspace has no codebooks.
  var themes: ThemeResults?
  /// `nil` when the workspace has no `actions.csv`.
  var actions: ActionsFile?
  var quotes: QuoteSelection
  var redactor: Redactor
  var provenance: Provenance

  /// The breakdowns the trust tracker shows, when the manifests have them.
  static let breakdownFields = ["support", "locality"]

  /// - Parameters:
  ///   - workspace: The workspace the reports describe.
  ///   - load: What was read from it.
  ///   - coded: Its comments coded (`Workspace.code`), nil when it has no codebooks.
  ///   - environment: The process environment; only `SOURCE_DATE_EPOCH` is read.
  static func gather(_ workspace: ReportWorkspace, load: SurveyCollection, coded: CodedCorpus?,
                     environment: [String: String]) throws -> ReportInputs {
    let root = workspace.root
    let fm = FileManager.default
    let policy = workspace.policy
    // The review sheet beside the theme pack must redact as `voices review import` checks.
    let redactor = ReviewComments.redactor(for: root)

    let analysis = MeasureAnalysis(load, policy: policy)
    let known = Set(load.exports.flatMap { $0.manifest.breakdowns.map(\.field) })
    let breakdowns = breakdownFields.filter(known.contains).map { ($0, MeasureAnalysis(load, by: [$0], policy: policy)) }

    let codebookNames = workspace.codebookFiles
    let themes = coded.map { ThemeResults.counting($0, policy: policy) }

    var actions: ActionsFile? = nil
    let actionsURL = root.appendingPathComponent("actions.csv")
    if fm.fileExists(atPath: actionsURL.path) {
      let file = workspace.displayName(of: "actions.csv")
      let read = try ActionsFile.read(contentsOf: actionsURL, file: file)
      if let themes {
        for action in read.actions {
          for id in action.themes where themes.codebook.theme(id) == nil { throw ReportError.unknownTheme(location: action.location, theme: id) }
        }
      }
      actions = read
    }

    // Inputs: settings, registry, population, lists, codebooks, actions, manifests and exports.
    var paths = ["workspace.json", "measures.json", "population.json", "names.txt", "schools.txt", "actions.csv", "review/decisions.jsonl"]
    paths += codebookNames.map { "codebooks/\($0)" }
    paths += workspace.manifestFiles
    paths += load.exports.map(\.manifest.file)
    var inputs: [Provenance.InputFile] = []
    for path in paths where fm.fileExists(atPath: root.appendingPathComponent(path).path) {
      inputs.append(try Provenance.input(fileAt: root.appendingPathComponent(path), path: path))
    }
    let digests = Dictionary(inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
    let codebookVersion = codebookNames.isEmpty ? nil
      : codebookNames.map { "\($0) (SHA-256 \(String((digests["codebooks/\($0)"] ?? "").prefix(12))))" }.joined(separator: "; ")
    let newest = load.exports.flatMap { $0.responses.compactMap(\.submitted) }.max()
    let builtAt = try Provenance.buildTime(environment: environment, fallback: newest.map(\.seconds))
    var quotes = QuoteSelection(load: load, policy: policy, redactor: redactor)
    if let themes { quotes.prepare(themes.comments) }
    var rules = ["Small numbers: " + policy.description + "."]
    rules.append(Self.intervalRule)
    rules.append(quotes.description)
    if environment["SOURCE_DATE_EPOCH"] == nil {
      rules.append("The date shown is the newest submission in the data (SOURCE_DATE_EPOCH was not set), so rebuilding gives the same bytes.")
    }
    let provenance = Provenance(inputs: inputs, codebookVersion: codebookVersion, modelVersion: coded?.method,
                                rules: rules, builtAt: builtAt)
    return ReportInputs(workspaceName: workspace.name, synthetic: workspace.synthetic, policy: policy, load: load,
                        analysis: analysis, breakdowns: breakdowns, participation: ParticipationCounts(load.exports), themes: themes,
                        actions: actions, quotes: quotes, redactor: redactor, provenance: provenance)
  }

  /// The method note on intervals and verdicts, in every report.
  static let intervalRule = "Shares have 95% Wilson score intervals; a change between waves has Newcombe's hybrid score interval and is called a rise or a fall only when that whole interval is above or below zero. Any p-value beside a change comes from the same interval (p is below 0.05 exactly when the 95% interval excludes zero). A 95% interval shows sampling error only: how much a figure could move by chance in which of the people answered. People chose whether to answer, so it does not show how those who did not answer would have answered, nor the effect of a change in who answered between waves; a rise or fall is a rise or fall among those who answered."

  /// The warning on every page of a synthetic workspace.
  var warning: String? {
    synthetic ? "SYNTHETIC DATA. Every figure, comment and quote in this report comes from made-up example data, not from real people. Do not use it as evidence." : nil
  }

  var publisher: String { workspaceName }

  /// The waves with any export, oldest first.
  var waves: [String] { Set(load.exports.map(\.manifest.wave)).sorted() }

  /// The newest wave.
  var latestWave: String? { waves.last }

  /// A measure's title for a reader, never its id: the registry's title when it gives one,
  /// else the question as the newest wave's manifest or the registry words it, else the
  /// export's column heading (which is the question in survey tools' exports).
  func title(of measure: String) -> String {
    let definition = load.registry.definition(measure)
    if let title = definition?.title.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty, title != measure { return title }
    let columns = load.exports.sorted { $0.manifest.wave < $1.manifest.wave }.flatMap { export in
      export.manifest.measures.filter { $0.measure == measure }.map { (wave: export.manifest.wave, column: $0) }
    }
    if let label = columns.reversed().compactMap({ $0.column.label?.trimmingCharacters(in: .whitespacesAndNewlines) }).first(where: { !$0.isEmpty }) {
      return label
    }
    if let wording = definition?.wording.sorted(by: { $0.key < $1.key }).last?.value.trimmingCharacters(in: .whitespacesAndNewlines), !wording.isEmpty {
      return wording
    }
    if let column = columns.last?.column.column.trimmingCharacters(in: .whitespacesAndNewlines), !column.isEmpty, column != measure { return column }
    return Self.readable(measure)
  }

  /// An id made readable as a last resort: "prop-1-q1_agree" -> "Prop 1 q1 agree".
  static func readable(_ id: String) -> String {
    id.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " }).joined(separator: " ").capitalizedFirst
  }

  /// A theme's label, else its id.
  func label(of theme: String) -> String { themes?.codebook.theme(theme)?.label ?? theme }
}
