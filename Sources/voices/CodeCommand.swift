import Foundation
import Voices

/// `voices code [WORKSPACE]` and `voices code FILE.csv --id-column NAME --text-column NAME`.
enum CodeCommand {
  static let command = Command(
    name: "code",
    summary: "Code free-text answers against the codebook's themes",
    help: """
      Usage: voices code [WORKSPACE] [--codebook FILE] [--model MODEL] [--quiet]
             voices code FILE.csv --id-column NAME --text-column NAME [--codebook FILE] [--model MODEL]
                         [--format csv|jsonl] [--audience "parent carers"|"young people"|all]

      With a WORKSPACE (default ./surveys): codes every free-text answer of every wave with the
      codebooks in WORKSPACE/codebooks/*.csv (parent carers' answers with the parent carer
      themes, everyone else's with the young people's) and writes
        WORKSPACE/coded/coded.csv     response_id,wave,question,themes,evidence
        WORKSPACE/coded/coded.jsonl   one JSON object per answer, with every matched span
      With --model, a model trained by `voices learn` (a file, or a folder such as
      WORKSPACE/models with one per codebook) adds the themes it is sure of that the rules did not
      give; each such theme's evidence is the model's probability ("theme@model p=0.83").
      When WORKSPACE/review/decisions.jsonl has reviewers' decisions (voices review import),
      they beat the rules, and the rules beat the model. WORKSPACE/coded/sources.csv then says
      who gave each theme (response_id,wave,question,theme,source,conflict,model_probability;
      source human, rule, model or none).
      Each file is written to a temporary file and renamed, so a failed run leaves the old one.

      With a FILE.csv: codes one column of a plain CSV (no manifest needed) and prints to
      stdout `id,themes` (themes joined by ;, empty when none) or JSON Lines with evidence;
      with --model also a `model_themes` column (the themes only the model gave). --codebook
      defaults to ./surveys/codebooks (every CSV in it); with --model and no --codebook, the
      model alone codes the file (for a coding frame with no rules, such as the NHS one).

      Options:
        --codebook FILE     a codebook CSV (or a folder of them) instead of the workspace's
        --model MODEL       a model from `voices learn`, or a folder of them
        --id-column NAME    (FILE mode) the column with the comment's id
        --text-column NAME  (FILE mode) the column with the comment
        --format csv|jsonl  (FILE mode) output format, default csv
        --audience WHO      (FILE mode) try only the themes for "parent carers" or "young people"
                            (default all: every theme of every codebook)

      Examples:
        voices code
        voices code comments.csv --id-column id --text-column text --format jsonl
        voices learn && voices code --model surveys/models
        voices code nhs.csv --id-column "Comment ID" --text-column "FFT answer" --model nhs-model.json
      """,
    valueOptions: ["--codebook", "--id-column", "--text-column", "--format", "--audience", "--model"],
    flagOptions: [],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    if let first = arguments.positional.first, first.lowercased().hasSuffix(".csv") {
      return try codeFile(first, arguments)
    }
    let workspace = try WorkspaceArgument.open(arguments, command: "code")
    let codebook = try workspace.codebook(at: arguments.value("--codebook"))
    let load = WorkspaceArgument.load(workspace)
    WorkspaceArgument.printDiagnostics(load, limit: 5)
    // The one coding path: reviewers' decisions (voices review import) beat the rules, the
    // rules beat the model (see CodedCorpus).
    let (corpus, torn) = try workspace.code(load, codebook: codebook, modelPath: arguments.value("--model"))
    if let torn { Terminal.err(Terminal.styled("\(torn)", .yellow, forErr: true)) }
    let comments = corpus.comments
    let folder = workspace.root.appendingPathComponent("coded")
    if let finals = corpus.sources {
      try CodedWriter.writeAtomically(FinalCoding.csv(finals), to: folder.appendingPathComponent("sources.csv"))
      if !Terminal.quiet {
        if let model = corpus.model {
          let added = finals.reduce(0) { $0 + $1.assignments.filter { $0.source == .model }.count }
          Terminal.out("The model\(model.models.count == 1 ? "" : "s") added \(added) themes the rules did not give.")
        }
        if let (decisions, applied) = corpus.reviewed {
          Terminal.out("Applied \(decisions) review decisions: \(applied.byReviewers) themes decided by reviewers, \(applied.removed) proposals removed, "
            + "\(applied.conflicts) conflicts left as the rules said (see \(workspace.displayName(of: "coded/sources.csv")))"
            + (applied.orphaned > 0 ? "; \(applied.orphaned) decisions are about comments no longer in the workspace." : "."))
        }
      }
    }
    try CodedWriter.writeCSV(comments, to: folder.appendingPathComponent("coded.csv"))
    try CodedWriter.writeJSONLines(comments, to: folder.appendingPathComponent("coded.jsonl"))
    if !Terminal.quiet {
      let withTheme = comments.filter { !$0.assignments.isEmpty }.count
      Terminal.out("Coded \(comments.count) answers (\(withTheme) with at least one theme) with \(codebook.themes.count) themes.")
      Terminal.out("Wrote \(workspace.displayName(of: "coded/coded.csv")) and \(workspace.displayName(of: "coded/coded.jsonl")).")
    }
    return WorkspaceArgument.exitCode(for: load)
  }

  /// Codes FILE.csv with `CommentFileCoder` (streamed, every core), printing results in order.
  static func codeFile(_ path: String, _ arguments: Arguments) throws -> ExitCode {
    guard arguments.positional.count == 1 else { throw UsageError("give one FILE.csv") }
    guard let idColumn = arguments.value("--id-column"), let textColumn = arguments.value("--text-column") else {
      throw UsageError("coding a CSV file needs --id-column NAME and --text-column NAME")
    }
    let formatText = arguments.value("--format") ?? "csv"
    guard let format = CommentFileCoder.Format(rawValue: formatText) else { throw UsageError("--format is csv or jsonl, not \(formatText)") }
    let audienceText = (arguments.value("--audience") ?? "all").lowercased().replacingOccurrences(of: "-", with: " ")
    guard let audience = Theme.Audience(rawValue: audienceText) else {
      throw UsageError("--audience is \"parent carers\", \"young people\" or all, not \"\(audienceText)\"")
    }
    let modelPath = arguments.value("--model")
    // With a model and no codebook, the model codes alone.
    let codebook = modelPath != nil && arguments.value("--codebook") == nil
      ? Codebook(name: "none", themes: []) : try Codebook.load(at: arguments.value("--codebook") ?? "surveys/codebooks")
    let engine = try CodingEngine(codebook)
    let models = try modelPath.map { ModelCoder(models: try ModelCoder.loadModels(at: $0), codebook: codebook) }
    let coder = CommentFileCoder(engine: engine, postStep: models.map(CodedCorpus.modelStep), audience: audience, format: format)
    let out = FileHandle.standardOutput
    if let header = coder.header { out.write(Data(header.utf8)) }
    do {
      try coder.run(file: path, idColumn: idColumn, textColumn: textColumn) { out.write($0) }
    } catch let error as CommentFileError {
      throw UsageError(error.description)
    }
    return .ok
  }
}
