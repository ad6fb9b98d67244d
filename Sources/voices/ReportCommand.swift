import Foundation
import Voices

/// `voices report [annual|themes|trust|you-said-we-did|all] [WORKSPACE] [--out DIR] [--format ...]`.
enum ReportCommand {
  static let command = Command(
    name: "report",
    summary: "Write the annual report, theme pack, trust tracker and You said, we did",
    help: """
      Usage: voices report [annual|themes|trust|you-said-we-did|all] [WORKSPACE] [--out DIR]
                           [--format html,md,csv,json] [--model MODEL] [--all]

      Builds reports from every wave of WORKSPACE (default ./surveys) and writes them to DIR
      (default ./reports). With no arguments: every report for ./surveys into ./reports.

        annual            annual participation report: who took part (routes, groups,
                          localities, how representative), what they said (themes, quotes),
                          how trust, confidence and satisfaction moved, what was done, and
                          the participation audit
        themes            theme pack for the Parent Carer Council: each theme's definition,
                          count and trend, every coded comment (anonymised) with the words it
                          was coded from highlighted, the comments to review, emerging
                          themes, and a review sheet (theme-pack-review-sheet.xlsx) beside it
                          for `voices review import`
        trust             trust and confidence tracker: each measure over the waves with 95%
                          intervals, verdicts on each change, breakdowns, comparability
                          notes, before/after and representativeness
        you-said-we-did   each theme joined to the actions in WORKSPACE/actions.csv and to
                          the movement of the measures they should move
        all               every report (the default)

      Each report is one self-contained HTML page (no script, nothing fetched; accessible to
      WCAG 2.2 AA; prints on A4) with Markdown, CSV and JSON beside it. Small numbers are
      suppressed by the workspace's rule; quotes come only from people who agreed to be
      quoted, anonymised, picked by a stated rule. Every report lists its input files with
      their SHA-256. The date shown comes from SOURCE_DATE_EPOCH, else the newest submission
      in the data, so the same inputs always give the same bytes. Files are written only after
      every report is built, each to a temporary file then renamed.

      Problems found while reading the workspace go to stderr; the files written to stdout.

      Options:
        --out DIR          where to write (default ./reports)
        --format LIST      formats, comma-separated: html, md, csv, json (default all four)
        --all              show every reading problem, not the first 5 per file
        --model MODEL      code with a trained model (a file or folder from `voices learn`)
                           beside the rules, as `voices code --model` does; the reports
                           count its themes and name it in their provenance

      Examples:
        voices report
        voices report trust --format html
        SOURCE_DATE_EPOCH=1767225600 voices report all my-workspace --out out/reports
      """,
    valueOptions: ["--out", "--format", "--model"],
    flagOptions: ["--all"],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    var positional = arguments.positional
    var kinds = ReportKind.allCases
    if let first = positional.first {
      if first == "all" {
        positional.removeFirst()
      } else if let kind = ReportKind(rawValue: first) {
        kinds = [kind]
        positional.removeFirst()
      } else if !FileManager.default.fileExists(atPath: first) {
        throw UsageError("no report \"\(first)\" and no folder of that name; the reports are annual, themes, trust, you-said-we-did and all")
      }
    }
    guard positional.count <= 1 else { throw UsageError("give at most one report and one WORKSPACE folder") }
    var formats: [ReportFormat] = ReportFormat.allCases
    if let list = arguments.value("--format") {
      formats = []
      for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
        guard let format = ReportFormat(rawValue: name == "markdown" ? "md" : name) else {
          throw UsageError("--format takes html, md, csv and json, not \(name)")
        }
        if !formats.contains(format) { formats.append(format) }
      }
      guard !formats.isEmpty else { throw UsageError("--format needs at least one of html, md, csv, json") }
    }
    let workspace = try Workspace.open(positional.first ?? "surveys")
    let load = WorkspaceArgument.load(workspace)
    WorkspaceArgument.printDiagnostics(load, limit: arguments.has("--all") ? .max : 5, minimum: .error)
    let (files, torn) = try workspace.buildReports(kinds, formats: formats, surveys: load, modelPath: arguments.value("--model"),
                                                   environment: ProcessInfo.processInfo.environment)
    if let torn { Terminal.err(Terminal.styled("\(torn)", .yellow, forErr: true)) }
    let out = arguments.value("--out") ?? "reports"
    let written = try ReportBuilder.write(files, to: URL(fileURLWithPath: out, isDirectory: true))
    for (url, file) in zip(written, files) {
      _ = url
      Terminal.out((out.hasSuffix("/") ? out : out + "/") + file.name)
    }
    return WorkspaceArgument.exitCode(for: load)
  }
}
