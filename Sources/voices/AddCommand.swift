import Foundation
import Voices

/// `voices add EXPORT [WORKSPACE]`: copies an export into a workspace and drafts its manifest.
enum AddCommand {
  static let command = Command(
    name: "add",
    summary: "Add a survey export to a workspace and draft its manifest",
    help: """
      Usage: voices add EXPORT [WORKSPACE] [--wave W] [--source KIND] [--sheet NAME|INDEX]

      Copies EXPORT (a CSV or XLSX file) into WORKSPACE/exports/ (default ./surveys), recognises
      the survey tool that made it (SmartSurvey, SurveyMonkey, Google Forms, Microsoft Forms,
      Qualtrics, or a plain sheet), and writes WORKSPACE/manifests/NAME.json describing it.
      It prints what it decided for every column and why, what it left out, and then checks
      the export through the new manifest as `voices validate` does.

      The manifest is a draft: read the decisions and edit the file where they are wrong.
      Nothing is overwritten: a different export of the same name, or an existing manifest,
      stops the command before anything is written.

      Options:
        --wave W             the wave label, normally the year (default: a year in the file
                             name, else the year most answers were submitted)
        --source KIND        parent-carer-survey, takeover-challenge, annual-conversation,
                             focus-group, participation-event or other (default: guessed)
        --sheet NAME|INDEX   XLSX: the sheet to read, by name or 1-based number (default: first)
        --all                print every problem the check finds (default: the first 20)

      Examples:
        voices add ~/Downloads/parent-carer-survey-2025.csv
        voices add "Takeover 2025.xlsx" --source takeover-challenge --sheet Form1
      """,
    valueOptions: ["--wave", "--source", "--sheet"],
    flagOptions: ["--all"],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard (1...2).contains(arguments.positional.count) else {
      throw UsageError("give the EXPORT file, then optionally the WORKSPACE folder")
    }
    var options = ManifestDrafter.Options()
    if let wave = arguments.value("--wave") {
      guard !wave.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("--wave needs a label such as 2025") }
      options.wave = wave
    }
    if let source = arguments.value("--source") {
      guard let kind = SurveySource(rawValue: source) else {
        throw UsageError("--source must be one of \(SurveySource.allCases.map(\.rawValue).joined(separator: ", ")), not \(source)")
      }
      options.source = kind
    }
    if let sheet = arguments.value("--sheet") { options.sheet = Int(sheet).map(Manifest.SheetReference.index) ?? .name(sheet) }
    let export = arguments.positional[0]
    let workspace = try Workspace.open(arguments.positional.count == 2 ? arguments.positional[1] : "surveys")
    let result = try workspace.add(exportAt: URL(fileURLWithPath: export), options: options)
    let draft = result.draft

    Terminal.out(result.copied ? "copied   \(export) -> \(workspace.displayName(of: result.exportPath))"
                               : "kept     \(workspace.displayName(of: result.exportPath)) (the same file was already there)")
    Terminal.out("wrote    \(workspace.displayName(of: result.manifestPath))\n")
    for note in draft.notes where !note.needsAttention { Terminal.out(note.message) }
    if !draft.decisions.isEmpty {
      Terminal.out("\n" + Terminal.styled("Columns used:", .bold))
      let width = min(24, draft.decisions.map { $0.column.count }.max() ?? 0)
      for decision in draft.decisions {
        Terminal.out("  " + shortened(decision.column, width) + "  " + decision.summary + " (" + decision.reason + ")")
      }
    }
    if !draft.unresolved.isEmpty {
      Terminal.out("\n" + Terminal.styled("Columns left out:", .bold))
      let width = min(24, draft.unresolved.map { $0.column.count }.max() ?? 0)
      for column in draft.unresolved { Terminal.out("  " + shortened(column.column, width) + "  " + column.reason) }
    }
    let attention = draft.notes.filter(\.needsAttention)
    if !attention.isEmpty {
      Terminal.out("\n" + Terminal.styled("Please check in \(workspace.displayName(of: result.manifestPath)):", .bold))
      for note in attention { Terminal.out("  - " + note.message) }
    }
    Terminal.out("")
    WorkspaceArgument.printDiagnostics(result.validation, limit: arguments.has("--all") ? .max : 20)
    if !Terminal.quiet { Terminal.out(ValidateCommand.accountingTable(workspace, result.validation)) }
    return WorkspaceArgument.exitCode(for: result.validation)
  }

  /// A column name cut to `width` characters (with `…`) or padded to it, for aligned lines.
  static func shortened(_ name: String, _ width: Int) -> String {
    let flat = name.replacingOccurrences(of: "\n", with: " ")
    if flat.count > width { return String(flat.prefix(max(1, width - 1))) + "…" }
    return flat.padding(toLength: width, withPad: " ", startingAt: 0)
  }
}
