import Foundation
import Voices

/// `voices add EXPORT [WORKSPACE]`: copies an export into a workspace and drafts its manifest,
/// carrying over the previous wave's mapping when the export continues a series.
enum AddCommand {
  static let command = Command(
    name: "add",
    summary: "Add a survey export to a workspace (this year's wave maps itself)",
    help: """
      Usage: voices add EXPORT [WORKSPACE] [--wave W] [--source KIND] [--sheet NAME|INDEX]
                        [--like MANIFEST] [--replace] [--force] [--quiet]

      Copies EXPORT (a CSV or XLSX file) into WORKSPACE/exports/ (default ./surveys) and writes
      WORKSPACE/manifests/NAME.json describing it.

      When the export is next year's download of a survey already in the workspace (same survey
      tool, the same columns and questions), the previous wave's manifest is carried over whole:
      measures, breakdowns, consent, free text, audience and your edits. It says what it carried,
      which columns are new and which are gone. Otherwise it recognises the survey tool
      (SmartSurvey, SurveyMonkey, Google Forms, Microsoft Forms, Qualtrics, or a plain sheet)
      and drafts the manifest column by column, saying what it decided and why.

      Nothing is written unless the export reads cleanly through its manifest; a file that is
      not a survey export (a README, a sheet of question definitions) is refused with the reason.
      Nothing is overwritten unless you say --replace.

      Options:
        --wave W             the wave label, normally the year (default: a year in the file
                             name, else the year most answers were submitted)
        --source KIND        parent-carer-survey, takeover-challenge, annual-conversation,
                             focus-group, participation-event or other (default: guessed)
        --sheet NAME|INDEX   XLSX: the sheet to read, by name or 1-based number (default: first)
        --like MANIFEST      carry over this manifest's mapping (when add cannot tell the series)
        --replace            replace the export and manifest of the same name (a corrected
                             download), keeping the manifest's mapping and edits
        --force              add an export that does not read cleanly; its problems are listed
        --quiet              print only the problems
        --all                print every problem the check finds (default: the first 20)

      Examples:
        voices add ~/Downloads/parent-carer-survey-2026.csv
        voices add "Takeover 2025.xlsx" --source takeover-challenge --sheet Form1
        voices add pcs-jan.csv --like parent-carer-survey-2025
      """,
    valueOptions: ["--wave", "--source", "--sheet", "--like"],
    flagOptions: ["--all", "--force", "--replace"],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard (1...2).contains(arguments.positional.count) else {
      throw UsageError("give the EXPORT file, then optionally the WORKSPACE folder")
    }
    var options = Workspace.AddOptions(like: arguments.value("--like"), force: arguments.has("--force"), replace: arguments.has("--replace"))
    if let wave = arguments.value("--wave") {
      guard !wave.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("--wave needs a label such as 2025") }
      options.draft.wave = wave
    }
    if let source = arguments.value("--source") {
      guard let kind = SurveySource(rawValue: source) else {
        throw UsageError("--source must be one of \(SurveySource.allCases.map(\.rawValue).joined(separator: ", ")), not \(source)")
      }
      options.draft.source = kind
    }
    if let sheet = arguments.value("--sheet") { options.draft.sheet = Int(sheet).map(Manifest.SheetReference.index) ?? .name(sheet) }
    let (export, workspacePath) = try WorkspaceArgument.fileAndWorkspace(arguments.positional, command: "add", fileKind: "EXPORT")
    let workspace = try Workspace.open(workspacePath)
    let result = try workspace.add(exportAt: URL(fileURLWithPath: export), options: options)
    let draft = result.draft
    let quiet = Terminal.quiet

    if !quiet {
      let verb = result.replaced ? "replaced" : "copied  "
      Terminal.out(result.copied ? "\(verb) \(export) -> \(workspace.displayName(of: result.exportPath))"
                                 : "kept     \(workspace.displayName(of: result.exportPath)) (the same file was already there)")
      Terminal.out("wrote    \(workspace.displayName(of: result.manifestPath))\n")
      if result.sheets.count > 1 {
        let read = draft.manifest.sheet.map { reference -> String in
          switch reference {
          case .name(let name): return name
          case .index(let index): return index >= 1 && index <= result.sheets.count ? result.sheets[index - 1] : "\(index)"
          }
        } ?? result.sheets[0]
        Terminal.out("sheets   " + result.sheets.enumerated().map { "\($0.offset + 1) \"\($0.element)\"\($0.element == read ? " (read)" : "")" }.joined(separator: ", "))
      }
      for note in draft.notes where !note.needsAttention { Terminal.out(note.message) }
      if !draft.decisions.isEmpty {
        Terminal.out("\n" + Terminal.styled(result.carry == nil ? "Columns used:" : "Columns (as in \(result.carry?.previousWave ?? "") unless new):", .bold))
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
    }
    let attention = draft.notes.filter(\.needsAttention)
    if !attention.isEmpty {
      Terminal.out((quiet ? "" : "\n") + Terminal.styled("Please check in \(workspace.displayName(of: result.manifestPath)):", .bold))
      for note in attention { Terminal.out("  - " + note.message) }
    }
    if !quiet { Terminal.out("") }
    WorkspaceArgument.printDiagnostics(result.validation, limit: arguments.has("--all") ? .max : 20)
    if !quiet { Terminal.out(ValidateCommand.accountingTable(workspace, result.validation)) }
    return WorkspaceArgument.exitCode(for: result.validation)
  }

  /// A column name cut to `width` characters (with `…`) or padded to it, for aligned lines.
  static func shortened(_ name: String, _ width: Int) -> String {
    let flat = name.replacingOccurrences(of: "\n", with: " ")
    if flat.count > width { return String(flat.prefix(max(1, width - 1))) + "…" }
    return flat.padding(toLength: width, withPad: " ", startingAt: 0)
  }
}
