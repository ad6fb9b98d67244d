import Foundation
import Synchronization
import Voices

/// The WORKSPACE argument every workspace command shares: the folder given, or ./surveys.
enum WorkspaceArgument {
  static func open(_ arguments: Arguments, command: String) throws -> Workspace {
    guard arguments.positional.count <= 1 else {
      throw UsageError("give at most one WORKSPACE folder, not \(arguments.positional.count) arguments")
    }
    return try Workspace.open(arguments.positional.first ?? "surveys")
  }

  /// A FILE then an optional WORKSPACE (`voices add EXPORT [WORKSPACE]`), with the mistake of
  /// giving them the other way round named as such.
  ///
  /// - Throws: `UsageError` when the workspace folder came first.
  static func fileAndWorkspace(_ positional: [String], command: String, fileKind: String) throws -> (file: String, workspace: String) {
    let file = positional[0], workspace = positional.count == 2 ? positional[1] : "surveys"
    if positional.count == 2 {
      var isDirectory: ObjCBool = false
      let firstIsWorkspace = FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) && isDirectory.boolValue
        && FileManager.default.fileExists(atPath: (file as NSString).appendingPathComponent("manifests"))
      var secondIsFolder: ObjCBool = false
      let secondIsFile = FileManager.default.fileExists(atPath: workspace, isDirectory: &secondIsFolder) && !secondIsFolder.boolValue
      if firstIsWorkspace && (secondIsFile || !FileManager.default.fileExists(atPath: workspace)) {
        throw UsageError("the arguments are the other way round: \(file) is the workspace; write `voices \(command) \(workspace) \(file)` (\(fileKind) first, then WORKSPACE)")
      }
    }
    return (file, workspace)
  }

  /// Reads every export, showing which one is being read on a terminal; `keepingFreeText:
  /// false` for commands that never read the comments (see `Workspace.load`).
  ///
  /// The load is also kept until the process exits: a command reads it to the end, and freeing
  /// a million responses one by one on the way out would cost a tenth of a second for nothing.
  static func load(_ workspace: Workspace, keepingFreeText: Bool = true) -> SurveyCollection {
    let load = workspace.load(keepingFreeText: keepingFreeText) { name in Terminal.progress("reading \(name) ...") }
    Terminal.clearProgress()
    keptUntilExit.withLock { $0.append(load) }
    return load
  }

  private static let keptUntilExit = Mutex<[SurveyCollection]>([])

  /// Prints diagnostics to stderr, worst first within each file, at most `limit` per export
  /// so a broken file does not bury the rest; says how many were left out.
  static func printDiagnostics(_ load: SurveyCollection, limit: Int, minimum: Diagnostic.Severity = .note) {
    var groups: [[Diagnostic]] = [load.diagnostics]
    groups += load.exports.map(\.diagnostics)
    groups = groups.map { $0.filter { $0.severity >= minimum } }
    let left = load.allDiagnostics.filter { $0.severity < minimum }.count
    if left > 0 { Terminal.err("(\(left) warnings and notes not shown: run `voices validate` to see them)") }
    for group in groups where !group.isEmpty {
      let sorted = group.enumerated().sorted { a, b in
        a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
      }.map(\.element)
      for diagnostic in sorted.prefix(limit) { Terminal.err(styled(diagnostic)) }
      if sorted.count > limit {
        Terminal.err("... and \(sorted.count - limit) more for \(sorted[0].location.file) (use --all to see every one)")
      }
    }
  }

  static func styled(_ diagnostic: Diagnostic) -> String {
    let text = diagnostic.description
    switch diagnostic.severity {
    case .error: return Terminal.styled(text, .red, forErr: true)
    case .warning: return Terminal.styled(text, .yellow, forErr: true)
    case .note: return Terminal.styled(text, .dim, forErr: true)
    }
  }

  static func exitCode(for load: SurveyCollection) -> ExitCode {
    load.allDiagnostics.worstSeverity == .error ? .inputProblem : .ok
  }
}

extension WorkspaceArgument {
  /// The workspace's decisions log.
  static func decisionLog(_ workspace: Workspace) -> DecisionLog {
    DecisionLog(workspaceRoot: workspace.root, displayName: workspace.displayName(of: "review/decisions.jsonl"))
  }

  /// The log's decisions, after setting aside a torn last line with a warning on stderr.
  static func decisions(_ workspace: Workspace) throws -> [ReviewDecision] {
    let contents = try decisionLog(workspace).load()
    if let torn = contents.setAside { Terminal.err(Terminal.styled("\(torn)", .yellow, forErr: true)) }
    return contents.decisions
  }
}
