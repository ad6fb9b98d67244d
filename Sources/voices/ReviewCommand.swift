import Foundation
import Voices

/// `voices review export` and `voices review import`: the human review loop.
enum ReviewCommand {
  static let command = Command(
    name: "review",
    summary: "Export coded comments for review; import reviewers' decisions",
    help: """
      Usage: voices review export [WORKSPACE] --out FILE.xlsx|FILE.csv [--theme ID] [--wave W]
                                  [--sample N] [--uncertain N] [--model MODEL]
             voices review import FILE [WORKSPACE]

      export: codes the workspace's comments (as `voices code` does) and writes a review sheet:
      one row per comment and proposed theme (a comment with no theme gets one row), with the
      comment redacted (names, emails, phone numbers, postcodes ... replaced by markers), the
      evidence words, and columns for the reviewer: Agree? (agree/disagree), Add theme,
      Reviewer comment, Initials. An XLSX has drop-down lists, a Codebook sheet and an
      Instructions sheet; a CSV is UTF-8 with a byte order mark so Excel shows it right.
        --theme ID      only rows proposing this theme
        --wave W        only comments of this wave
        --uncertain N   the N comments a trained model is least sure of: those whose
                        probability for some theme sits closest to that theme's threshold. The
                        model is --model MODEL (a file or folder from `voices learn`), else
                        WORKSPACE/models/ when it exists. With no model, a rule-based proxy
                        (said on the terminal): comments with no theme first, then those with
                        one theme found only by a NEAR/BEFORE pattern, then one single match
        --model MODEL   the model (or folder of models) for --uncertain
        --sample N      N more comments in a fixed pseudo-random order (the same every run)
        --codebook PATH code with this codebook (a CSV file or a folder of them) instead of
                        WORKSPACE/codebooks/

      import: checks every row of a filled-in sheet against the workspace (theme ids, edited
      comments, rows from another workspace, missing initials) and, only if all rows are fine,
      appends the decisions to WORKSPACE/review/decisions.jsonl. The log is only ever added to;
      importing the same sheet again adds nothing. Reviewers who disagree are both kept and
      reported as conflicts. SOURCE_DATE_EPOCH, when set, is used as the import time.

      Examples:
        voices review export --uncertain 50 --sample 50 --out review-2025.xlsx
        voices review export surveys --theme mainstream-support --wave 2025 --out mainstream.csv
        voices review import review-2025.xlsx
      """,
    valueOptions: ["--out", "--theme", "--wave", "--sample", "--uncertain", "--codebook", "--model"],
    flagOptions: [],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard let action = arguments.positional.first else { throw UsageError("say export or import") }
    let rest = Array(arguments.positional.dropFirst())
    switch action {
    case "export": return try export(arguments, rest)
    case "import": return try importSheet(arguments, rest)
    default: throw UsageError("unknown action \"\(action)\"; use export or import")
    }
  }

  static func count(_ arguments: Arguments, _ name: String) throws -> Int? {
    guard let text = arguments.value(name) else { return nil }
    guard let n = Int(text), n >= 0 else { throw UsageError("\(name) needs a whole number, not \"\(text)\"") }
    return n
  }

  static func export(_ arguments: Arguments, _ rest: [String]) throws -> ExitCode {
    guard rest.count <= 1 else { throw UsageError("give at most one WORKSPACE folder") }
    guard let out = arguments.value("--out") else { throw UsageError("--out FILE.xlsx or FILE.csv is required") }
    let lower = out.lowercased()
    guard lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv") else { throw UsageError("--out must end in .xlsx or .csv") }
    let selection = ReviewSelection(theme: arguments.value("--theme"), wave: arguments.value("--wave"),
                                    sample: try count(arguments, "--sample"), uncertain: try count(arguments, "--uncertain"))
    let workspace = try Workspace.open(rest.first ?? "surveys")
    let codebook = try workspace.codebook(at: arguments.value("--codebook"))
    if let theme = selection.theme, codebook.theme(theme) == nil {
      throw UsageError("--theme \(theme) is not in the codebook (themes: \(codebook.themes.map(\.id).joined(separator: ", ")))")
    }
    let load = WorkspaceArgument.load(workspace)
    WorkspaceArgument.printDiagnostics(load, limit: 5, minimum: .error)
    var modelPath = arguments.value("--model")
    let workspaceModels = workspace.root.appendingPathComponent("models").path
    if modelPath == nil, selection.uncertain != nil, FileManager.default.fileExists(atPath: workspaceModels) { modelPath = workspaceModels }
    // The sheet shows what the machine proposes (rules, then the model), not what reviewers
    // already decided: it is for deciding.
    let (corpus, torn) = try workspace.code(load, codebook: codebook, modelPath: modelPath, applyingDecisions: false)
    if let torn { Terminal.err(Terminal.styled("\(torn)", .yellow, forErr: true)) }
    let comments = corpus.comments
    let uncertainty = selection.uncertain == nil ? nil : corpus.model?.uncertainties(of: comments)
    let picked = selection.select(comments, modelUncertainty: uncertainty)
    let rows = ReviewSheet.rows(for: picked, codebook: codebook, redactor: ReviewComments.redactor(for: workspace.root), theme: selection.theme)
    let bytes = lower.hasSuffix(".csv") ? ReviewSheet.csv(rows) : try ReviewSheet.xlsx(rows, codebook: codebook)
    try AtomicFile.write(bytes, to: URL(fileURLWithPath: out))
    if !Terminal.quiet {
      Terminal.out("Wrote \(rows.count) rows (\(picked.count) of \(comments.count) comments) to \(out).")
      if selection.uncertain != nil, let modelPath {
        Terminal.out("--uncertain picked the comments the model (\(modelPath)) is least sure of.")
      } else if selection.uncertain != nil {
        Terminal.err("note: no trained model (run `voices learn`, or give --model), so --uncertain used the rule-based proxy "
          + "(no theme, then one NEAR/BEFORE-only theme, then one single-match theme).")
      }
    }
    return WorkspaceArgument.exitCode(for: load)
  }

  static func importSheet(_ arguments: Arguments, _ rest: [String]) throws -> ExitCode {
    guard let file = rest.first else { throw UsageError("give the review sheet FILE to import") }
    guard rest.count <= 2 else { throw UsageError("give one FILE and at most one WORKSPACE folder") }
    let workspace = try Workspace.open(rest.count == 2 ? rest[1] : "surveys")
    let codebook = try workspace.codebook(at: arguments.value("--codebook"))
    let load = WorkspaceArgument.load(workspace)
    WorkspaceArgument.printDiagnostics(load, limit: 5, minimum: .error)
    let log = workspace.decisionLog
    let summary = try ReviewImport.run(
      sheetAt: URL(fileURLWithPath: file), log: log, comments: ReviewComments.of(load), codebook: codebook,
      redactor: ReviewComments.redactor(for: workspace.root), at: ReviewDecision.timestamp(environment: ProcessInfo.processInfo.environment))
    if let torn = summary.setAside { Terminal.err(Terminal.styled("\(torn)", .yellow, forErr: true)) }
    for error in summary.errors { Terminal.err(Terminal.styled("error: ", .red, forErr: true) + "\(error)") }
    for c in summary.conflicts {
      Terminal.err(Terminal.styled("conflict: ", .yellow, forErr: true)
        + "\(c.key) theme \(c.theme): \(c.agreeing.joined(separator: ", ")) say yes, \(c.disagreeing.joined(separator: ", ")) say no")
    }
    if summary.errors.isEmpty {
      Terminal.out("Imported \(file): \(summary.added.count) decisions added, \(summary.alreadyPresent) already present, "
        + "\(summary.conflicts.count) conflicts, \(summary.skippedRows) rows skipped (no decision), 0 errors.")
      if !summary.added.isEmpty { Terminal.out("Appended to \(log.file).") }
      return .ok
    }
    Terminal.out("Not imported \(file): \(summary.errors.count) errors; nothing was added to \(log.file). Fix the rows named above and import again.")
    return .inputProblem
  }
}
