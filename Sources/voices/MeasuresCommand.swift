import Voices

/// `voices measures [WORKSPACE]`: trust, confidence and satisfaction with intervals and verdicts.
enum MeasuresCommand {
  static let command = Command(
    name: "measures",
    summary: "Measures by wave and group: % positive, 95% intervals, changes",
    help: """
      Usage: voices measures [WORKSPACE] [--by FIELD[,FIELD]] [--measure ID] [--format table|csv|json]

      For each measure, wave and group: the base (n), the number answering positively, the
      percent positive with a 95% Wilson score interval, the full answer distribution and the
      mean where the scale is numeric. Between waves: the difference with Newcombe's hybrid
      score interval, a two-proportion test and a plain-language verdict that follows from the
      interval; across three or more waves a chi-square test for linear trend. Waves whose
      question wording or scale changed are flagged, never silently compared.

      Small numbers are not published: the workspace's rule (workspace.json "suppression")
      hides small counts and percentages on small bases, with secondary suppression so a hidden
      cell cannot be worked out from totals. Every output states the rule.

      Options:
        --by FIELD[,FIELD]   break down by one or two fields: a manifest breakdown such as
                             locality, need, support, age-band, or group (respondent group)
        --measure ID         only this measure (ids are in measures.json)
        --format FORMAT      table (default), csv or json

      Examples:
        voices measures
        voices measures --by locality --measure trust-confidence
        voices measures --by support,age-band --format csv > measures.csv
      """,
    valueOptions: ["--by", "--measure", "--format"],
    flagOptions: [],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    let format = arguments.value("--format") ?? "table"
    guard ["table", "csv", "json"].contains(format) else { throw UsageError("--format must be table, csv or json, not \(format)") }
    let fields = (arguments.value("--by") ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard fields.count <= 2 else { throw UsageError("--by takes one or two fields, not \(fields.count)") }
    let workspace = try WorkspaceArgument.open(arguments, command: "measures")
    let load = WorkspaceArgument.load(workspace, keepingFreeText: false)
    WorkspaceArgument.printDiagnostics(load, limit: 5, minimum: .error)
    let known = Set(load.exports.flatMap { $0.manifest.breakdowns.map(\.field) } + ["group"])
    for field in fields where !known.contains(field) {
      throw UsageError("no breakdown field \"\(field)\"; the manifests have: \(known.sorted().joined(separator: ", "))")
    }
    if let measure = arguments.value("--measure"), !load.exports.contains(where: { $0.manifest.measures.contains { $0.measure == measure } }) {
      let ids = Set(load.exports.flatMap { $0.manifest.measures.map(\.measure) }).sorted()
      throw UsageError("no measure \"\(measure)\"; the manifests have: \(ids.joined(separator: ", "))")
    }
    let analysis = MeasureAnalysis(load, by: fields, measure: arguments.value("--measure"), policy: workspace.settings.suppression)
    switch format {
    case "json": Terminal.out(MeasuresOutput.json(analysis))
    case "csv": Terminal.out(MeasuresOutput.csv(analysis))
    default:
      Terminal.out(TextTable.render(MeasuresOutput.tableRows(analysis), rightAligned: [3, 4]))
      if !analysis.beforeAfter.isEmpty {
        Terminal.out("\nBefore and after (paired answers of the same people):")
        Terminal.out(TextTable.render(MeasuresOutput.beforeAfterRows(analysis), rightAligned: [2, 3, 4, 6, 7, 8]))
      }
      Terminal.out("\nSmall numbers: " + analysis.policy.description + " (shown as *).")
    }
    return WorkspaceArgument.exitCode(for: load)
  }
}
