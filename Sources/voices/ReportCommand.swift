import Voices

/// `voices report [WORKSPACE]`: until the report builders exist, reads and checks the whole
/// workspace and says what it read; it writes no files and does not pretend to be a report.
enum ReportCommand {
  static let command = Command(
    name: "report",
    summary: "Read every wave of a workspace and summarise what was read",
    help: """
      Usage: voices report [WORKSPACE] [--all] [--quiet]

      Reads every export of WORKSPACE (default ./surveys) through its manifest, checks it as
      `voices validate` does, and summarises what was read per wave: responses, people, answers
      to each measure and free-text comments.

      The report builders (annual participation report, theme pack, trust tracker, You said, we
      did) are not built yet: this command writes nothing to reports/ today.

      Examples:
        voices report
        voices report my-council-workspace
      """,
    valueOptions: [],
    flagOptions: ["--all"],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    let workspace = try WorkspaceArgument.open(arguments, command: "report")
    let load = WorkspaceArgument.load(workspace)
    WorkspaceArgument.printDiagnostics(load, limit: arguments.has("--all") ? .max : 20)
    guard !Terminal.quiet else { return WorkspaceArgument.exitCode(for: load) }
    Terminal.out(ValidateCommand.accountingTable(workspace, load))
    var rows: [[String]] = [["wave", "export", "groups", "people", "measure answers", "comments"]]
    for summary in ExportSummary.all(load) {
      rows.append([summary.wave, summary.name, summary.groups.joined(separator: ", "), "\(summary.people)",
                   "\(summary.substantiveAnswers)", "\(summary.comments)"])
    }
    Terminal.out("\n" + TextTable.render(rows, rightAligned: [3, 4, 5]))
    Terminal.out("\nNo report files were written: the report builders are not built yet (see README).")
    return WorkspaceArgument.exitCode(for: load)
  }
}
