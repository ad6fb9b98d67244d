import Voices

/// `voices validate [WORKSPACE]`: checks every manifest and export and accounts for every row.
enum ValidateCommand {
  static let command = Command(
    name: "validate",
    summary: "Check a workspace's manifests and exports; count every row",
    help: """
      Usage: voices validate [WORKSPACE] [--all] [--quiet]

      Reads every manifest in WORKSPACE/manifests (default ./surveys) and the export it names,
      and prints, for each wave, where every row went:
        read = accepted + rejected + duplicates
      Problems are listed on stderr with file, row, column, the value found and what was
      expected. Exit code 1 when there is an error, 0 when there are only warnings or notes.

      Options:
        --all     list every diagnostic (default: at most 20 per export)
        --quiet   print only the problems, not the table

      Examples:
        voices validate
        voices validate my-council-workspace --all
      """,
    valueOptions: [],
    flagOptions: ["--all"],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    let workspace = try WorkspaceArgument.open(arguments, command: "validate")
    let load = WorkspaceArgument.load(workspace, keepingFreeText: false)
    WorkspaceArgument.printDiagnostics(load, limit: arguments.has("--all") ? .max : 20)
    if !Terminal.quiet { Terminal.out(accountingTable(workspace, load)) }
    return WorkspaceArgument.exitCode(for: load)
  }

  static func accountingTable(_ workspace: Workspace, _ load: SurveyCollection) -> String {
    var rows: [[String]] = [["wave", "source", "export", "read", "accepted", "rejected", "duplicates"]]
    for export in load.exports {
      let a = export.accounting
      rows.append([export.manifest.wave, export.manifest.source.displayName, export.name,
                   "\(a.read)", "\(a.accepted)", "\(a.rejected)", "\(a.duplicates)"])
    }
    let total = load.accounting
    rows.append(["all", "", "\(load.exports.count) exports", "\(total.read)", "\(total.accepted)", "\(total.rejected)", "\(total.duplicates)"])
    let diagnostics = load.allDiagnostics
    var text = Terminal.styled("Workspace \(workspace.displayPath): \(workspace.settings.name)", .bold) + "\n"
    if workspace.settings.synthetic { text += "(synthetic example data)\n" }
    text += TextTable.render(rows, rightAligned: [3, 4, 5, 6]) + "\n"
    for export in load.exports where !export.accounting.rejectedBy.isEmpty {
      let reasons = export.accounting.rejectedBy.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
      text += "\(export.name): rejected \(reasons)\n"
    }
    func counted(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
    text += [counted(diagnostics.count(of: .error), "error"), counted(diagnostics.count(of: .warning), "warning"),
             counted(diagnostics.count(of: .note), "note")].joined(separator: ", ")
    return text
  }
}

/// Plain aligned text tables for the terminal.
enum TextTable {
  static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    return rows.enumerated().map { r, row in
      let line = row.enumerated().map { i, cell in
        let pad = String(repeating: " ", count: widths[i] - cell.count)
        return rightAligned.contains(i) ? pad + cell : cell + pad
      }.joined(separator: "  ")
      let trimmed = String(line.reversed().drop { $0 == " " }.reversed())
      return r == 0 ? Terminal.styled(trimmed, .bold) : trimmed
    }.joined(separator: "\n")
  }
}
