import Foundation
import Voices

/// `voices themes suggest|adopt`: groups of comments no theme covers, and a codebook row for one.
enum ThemesCommand {
  static let command = Command(
    name: "themes",
    summary: "Group comments the codebook does not cover into candidate themes; adopt one",
    help: """
      Usage: voices themes suggest [WORKSPACE] [--format text|csv|json] [--min-size N] [--limit N]
                                   [--audience WHO] [--all] [--codebook FILE]
             voices themes suggest FILE.csv --id-column NAME --text-column NAME [--consent-column NAME]
                                   [--codebook FILE] [--format text|csv|json] [--min-size N]
             voices themes adopt GROUP [WORKSPACE | FILE.csv ...] --id NEW-THEME-ID --label "..."
                                   [--polarity difficulty|positive|aspiration|neutral] [--dry-run]

      suggest codes the comments (as `voices code` does), takes those no theme was given, and
      groups them by what they say: a short-text mixture model (GSDMM, fixed seed) over their
      words and word pairs, with negated words kept apart ("ban" and "don't ban"), built from
      the words more common in them than in the coded comments. The model chooses how many
      groups. Each group is named by its most distinctive 2-4 word phrases from the comments,
      with its size, share, waves, where its comments come from and up to three varied quotes
      (redacted, only from people who agreed to be quoted). The same input always gives the
      same groups.
        --format csv   every comment considered, one row each: wave,response_id,question,
                       group,group_name,strength,text (redacted; strength is the model's
                       probability of the group)
        --format json  the groups and every comment's group
      With FILE.csv: a plain CSV (no manifest); with no --codebook every comment is grouped
      (a consultation with no codebook yet); --all does the same in a workspace.

      adopt drafts a codebook row for group GROUP (its number in suggest's output, run on the
      same input): patterns from the group's distinctive words and word pairs, shows the group
      comments it finds and misses and the other comments it finds, and appends the row to the
      codebook (the workspace's codebook file for the group's audience, or --codebook FILE),
      written to a temporary file and renamed. Edit it there, then run voices codebook check.

      Options:
        --min-size N        fewest different comments in a group (default 3)
        --limit N           most groups to print in text format (default 15; csv/json have all)
        --audience WHO      "parent carers" or "young people": only their comments
        --id, --label       (adopt) the new theme's id (lower-case letters, digits, hyphens) and label
        --polarity P        (adopt) default difficulty for parent carers, neutral otherwise
        --dry-run           (adopt) show the row and what it finds, write nothing

      Examples:
        voices themes suggest
        voices themes suggest --format csv > emerging.csv
        voices themes adopt 2 --id short-breaks --label "Short breaks"
        voices themes suggest answers.csv --id-column id --text-column answer --format json
      """,
    valueOptions: ["--min-size", "--limit", "--codebook", "--format", "--audience", "--id-column", "--text-column",
                   "--consent-column", "--id", "--label", "--polarity"],
    flagOptions: ["--all", "--dry-run"],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard let action = arguments.positional.first, ["suggest", "adopt"].contains(action) else {
      throw UsageError("say suggest or adopt: voices themes suggest [WORKSPACE]")
    }
    var rest = Array(arguments.positional.dropFirst())
    var groupNumber: Int? = nil
    if action == "adopt" {
      guard let first = rest.first, let n = Int(first), n >= 1 else { throw UsageError("say which group: voices themes adopt GROUP --id ID --label LABEL") }
      groupNumber = n
      rest.removeFirst()
    }
    guard rest.count <= 1 else { throw UsageError("give at most one WORKSPACE folder or FILE.csv") }
    var settings = EmergingThemes.Settings()
    if let n = try ReviewCommand.count(arguments, "--min-size") { settings.minimumSize = max(1, n) }
    let input = try ThemesInput.gather(rest.first, arguments, settings: &settings)
    let found = EmergingThemes.find(input.comments, redactions: input.redactions, mayQuote: input.mayQuote, settings: settings)
    if let number = groupNumber {
      try ThemesAdopt.run(number, found: found, input: input, arguments: arguments)
      return input.exitCode
    }
    switch arguments.value("--format") ?? "text" {
    case "csv": Terminal.out(found.csv)
    case "json": Terminal.out(found.json)
    case "text": printText(found, limit: try ReviewCommand.count(arguments, "--limit") ?? 15, everyComment: settings.everyComment)
    case let other: throw UsageError("--format is text, csv or json, not \"\(other)\"")
    }
    return input.exitCode
  }

  static func printText(_ found: EmergingThemes, limit: Int, everyComment: Bool) {
    let what = everyComment ? "comments grouped" : "comments have no theme"
    Terminal.out("\(found.considered) of \(found.total) \(what); \(found.groups.count) groups:")
    for g in found.groups.prefix(limit) {
      Terminal.out("")
      Terminal.out("\(g.number). \(g.name): \(g.size) comments (\(String(format: "%.0f", g.share * 100))%), \(g.distinctComments) different")
      if g.phrases.count > 1 { Terminal.out("   also: \(g.phrases.dropFirst().joined(separator: "; "))") }
      Terminal.out("   waves: " + g.waves.map { "\($0.name.isEmpty ? "-" : $0.name) \($0.comments)" }.joined(separator: ", "))
      Terminal.out("   from: " + g.sources.prefix(4).map { "\($0.name) \($0.comments)" }.joined(separator: ", "))
      for q in g.quotes { Terminal.out("   - \(q.replacingOccurrences(of: "\n", with: " "))") }
      if g.quotes.isEmpty { Terminal.out("   (no quotes: nobody in this group agreed to be quoted)") }
    }
    if found.groups.count > limit { Terminal.out("\n\(found.groups.count - limit) more groups: --limit N, or --format csv for every comment.") }
  }
}
