import Voices

/// `voices init [WORKSPACE]`: makes a new workspace folder with its starter files.
enum InitCommand {
  static let command = Command(
    name: "init",
    summary: "Create a new workspace folder with its starter files",
    help: """
      Usage: voices init [WORKSPACE] [--name NAME]

      Creates WORKSPACE (default ./surveys) with:
        exports/         where `voices add` copies your survey exports
        manifests/       one description per export, drafted by `voices add`
        workspace.json   the workspace's name and the small-numbers rule (5 / 10)
        measures.json    the standard measures (trust and confidence, satisfaction, ...)
        actions.csv      an empty "You said, we did" actions log
        README.md        what goes where and what to run next

      Files that already exist are left exactly as they are and listed.

      Options:
        --name NAME   the workspace's name in workspace.json (default: the folder's name)

      Examples:
        voices init
        voices init send-voices --name "SEND participation evidence"
      """,
    valueOptions: ["--name"],
    flagOptions: [],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard arguments.positional.count <= 1 else {
      throw UsageError("give at most one WORKSPACE folder, not \(arguments.positional.count) arguments")
    }
    let path = arguments.positional.first ?? "surveys"
    let result = try WorkspaceInit.create(at: path, name: arguments.value("--name"))
    for item in result.created { Terminal.out("created  \(path)/\(item)") }
    for item in result.existing { Terminal.out("kept     \(path)/\(item) (already there, not changed)") }
    if result.created.isEmpty {
      Terminal.out("\(path) is already a workspace; nothing was changed.")
    } else {
      Terminal.out("""

        Next: add an export with
          voices add path/to/export.csv \(path == "surveys" ? "" : path)
        """)
    }
    return .ok
  }
}
