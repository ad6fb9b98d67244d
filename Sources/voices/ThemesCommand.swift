import Foundation
import Voices

/// `voices themes suggest`: candidate new themes from comments no theme covers.
enum ThemesCommand {
  static let command = Command(
    name: "themes",
    summary: "Suggest new themes from comments the codebook does not cover",
    help: """
      Usage: voices themes suggest [WORKSPACE] [--min-size N] [--limit N] [--codebook FILE]

      Codes the workspace's comments (as `voices code` does), takes those with no theme, and
      groups them around terms that are much more common in them than in the coded comments
      (words as stems, and pairs of neighbouring words; ranked by a smoothed log-odds ratio).
      The best term's comments form the first group, the next term's remaining comments the
      next, and so on. Each candidate shows its term, related terms, its size and three
      example comments (redacted). The same input always gives the same output.

      Options:
        --min-size N   smallest group to show (default 3)
        --limit N      most groups to show (default 10)

      Examples:
        voices themes suggest
        voices themes suggest surveys --min-size 5
      """,
    valueOptions: ["--min-size", "--limit", "--codebook"],
    flagOptions: [],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard arguments.positional.first == "suggest" else { throw UsageError("say suggest: voices themes suggest [WORKSPACE]") }
    let rest = Array(arguments.positional.dropFirst())
    guard rest.count <= 1 else { throw UsageError("give at most one WORKSPACE folder") }
    var suggester = ThemeSuggester()
    if let n = try ReviewCommand.count(arguments, "--min-size") { suggester.minimumSize = max(1, n) }
    if let n = try ReviewCommand.count(arguments, "--limit") { suggester.limit = n }
    let workspace = try Workspace.open(rest.first ?? "surveys")
    let codebook = try Codebook.load(at: arguments.value("--codebook") ?? workspace.root.appendingPathComponent("codebooks").path)
    let load = WorkspaceArgument.load(workspace)
    WorkspaceArgument.printDiagnostics(load, limit: 5, minimum: .error)
    var comments = ReviewComments.of(load)
    CodingRun.code(&comments, with: try CodingEngine(codebook))
    let uncovered = comments.filter { $0.assignments.isEmpty }.count
    let suggestions = suggester.suggest(comments, redactor: ReviewComments.redactor(for: workspace.root))
    Terminal.out("\(uncovered) of \(comments.count) comments have no theme; \(suggestions.count) candidate themes:")
    for (i, s) in suggestions.enumerated() {
      Terminal.out("")
      Terminal.out("\(i + 1). \"\(s.term)\": \(s.size) comments, \(s.distinctComments) different (log-odds \(String(format: "%.2f", s.score)))")
      if !s.relatedTerms.isEmpty { Terminal.out("   related: \(s.relatedTerms.joined(separator: ", "))") }
      for example in s.examples { Terminal.out("   - \(example.replacingOccurrences(of: "\n", with: " "))") }
    }
    return WorkspaceArgument.exitCode(for: load)
  }
}
