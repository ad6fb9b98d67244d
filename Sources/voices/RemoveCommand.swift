import Foundation
import Voices

/// `voices remove EXPORT [WORKSPACE]`: takes an export and its manifest out of a workspace.
enum RemoveCommand {
  static let command = Command(
    name: "remove",
    summary: "Take an export and its manifest out of a workspace",
    help: """
      Usage: voices remove EXPORT [WORKSPACE]

      Moves the manifest named EXPORT (or the manifest of the export file EXPORT) and its export
      into WORKSPACE/removed/ (default ./surveys). Nothing reads removed/, so reports no longer
      count the export; move the files back to undo. An export another manifest still reads is
      left in place.

      Examples:
        voices remove parent-carer-survey-2025-final
        voices remove "parent-carer-survey-2025 final.csv" surveys
      """,
    valueOptions: [],
    flagOptions: [],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard (1...2).contains(arguments.positional.count) else {
      throw UsageError("give the EXPORT (its manifest name or file name), then optionally the WORKSPACE folder")
    }
    let (name, path) = try WorkspaceArgument.fileAndWorkspace(arguments.positional, command: "remove", fileKind: "EXPORT")
    let workspace = try Workspace.open(path)
    let result = try workspace.remove(name)
    for moved in result.moved {
      Terminal.out("moved    \(workspace.displayName(of: moved)) -> \(workspace.displayName(of: result.folder + moved))")
    }
    return .ok
  }
}
