import Foundation
import Voices

/// `voices codebook check|export|import`: look after the codebook a participation officer edits.
enum CodebookCommand {
  static let command = Command(
    name: "codebook",
    summary: "Check a codebook, or move it to and from REFI-QDA (.qdc)",
    help: """
      Usage: voices codebook check [WORKSPACE] [--errors]
             voices codebook export --format qdc [WORKSPACE] [--out FILE]
             voices codebook import FILE.qdc [--out FILE.csv]

      check   reads WORKSPACE/codebooks/*.csv (default ./surveys) and reports patterns that do
              not read, ids nobody defines, themes that match no answer in the workspace, pairs
              of themes given together nearly always, and, when WORKSPACE/coded-sample has
              human-coded comments, precision, recall and F1 per theme of the rules on them.
              --errors also lists every sample comment the rules code differently.
      export  writes the codebook as a REFI-QDA Codebook (for NVivo, ATLAS.ti, MAXQDA,
              QualCoder) to --out or stdout. Theme GUIDs are stable from one export to the next.
      import  reads a REFI-QDA Codebook and writes the spreadsheet form to --out or stdout;
              nested codes keep their parent.
      --codebook PATH  check or export this codebook (a CSV file or a folder of them) instead
                       of WORKSPACE/codebooks/

      Examples:
        voices codebook check
        voices codebook export --format qdc --out themes.qdc
        voices codebook import themes.qdc --out codebook.csv
      """,
    valueOptions: ["--format", "--out", "--codebook"],
    flagOptions: ["--errors"],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard let action = arguments.positional.first else { throw UsageError("say check, export or import") }
    let rest = try Arguments(Array(arguments.positional.dropFirst()), valueOptions: [], flagOptions: [])
    switch action {
    case "check": return try check(rest, errors: arguments.has("--errors"), codebookPath: arguments.value("--codebook"))
    case "export":
      guard arguments.value("--format") ?? "qdc" == "qdc" else { throw UsageError("the only export format is qdc") }
      let workspace = try WorkspaceArgument.open(rest, command: "codebook export")
      let codebook = try Codebook.load(at: arguments.value("--codebook") ?? workspace.root.appendingPathComponent("codebooks").path)
      return try write(REFIQDA.export(codebook), to: arguments.value("--out"))
    case "import":
      guard rest.positional.count == 1, let file = rest.positional.first else { throw UsageError("give one FILE.qdc to import") }
      let url = URL(fileURLWithPath: file)
      let bytes = try [UInt8](Data(contentsOf: url))
      let codebook = try REFIQDA.importCodebook(bytes, file: file, name: url.deletingPathExtension().lastPathComponent)
      return try write(codebook.csv(), to: arguments.value("--out"))
    default:
      throw UsageError("no codebook action \"\(action)\"; say check, export or import")
    }
  }

  static func write(_ text: String, to path: String?) throws -> ExitCode {
    if let path { try CodedWriter.writeAtomically(text, to: URL(fileURLWithPath: path)) } else { FileHandle.standardOutput.write(Data(text.utf8)) }
    return .ok
  }

  static func check(_ rest: Arguments, errors: Bool, codebookPath: String?) throws -> ExitCode {
    let workspace = try WorkspaceArgument.open(rest, command: "codebook check")
    let codebook = try Codebook.load(at: codebookPath ?? workspace.root.appendingPathComponent("codebooks").path)
    let patternErrors = CodebookCheck.patternErrors(in: codebook)
    for e in patternErrors { Terminal.err(Terminal.styled("error: ", .red, forErr: true) + e.description) }
    guard patternErrors.isEmpty else { return .inputProblem }
    let engine = try CodingEngine(codebook)
    let load = WorkspaceArgument.load(workspace)
    var comments = load.comments()
    CodingRun.code(&comments, with: engine)
    var samples: [(String, Theme.Audience, CodedSample)] = []
    for (file, audience) in [("parent-carers.csv", Theme.Audience.parentCarers), ("young-people.csv", .youngPeople)] {
      let url = workspace.root.appendingPathComponent("coded-sample").appendingPathComponent(file)
      if FileManager.default.fileExists(atPath: url.path) { samples.append((file, audience, try CodedSample.read(contentsOf: url))) }
    }
    let referenced = Set(samples.flatMap { $0.2.items.flatMap(\.themes) })
    let result = CodebookCheck.run(codebook, coded: comments, referencedIDs: referenced)
    var warnings = 0
    Terminal.out(Terminal.styled("Codebook \(codebook.name): \(codebook.themes.count) themes, \(codebook.wordLists.count) word lists; \(comments.count) answers in the workspace", .bold))
    for id in result.unknownIDs { warnings += 1; Terminal.out("warning: id \"\(id)\" is used (coded sample or parent) but is not a theme") }
    for id in result.unmatched { warnings += 1; Terminal.out("warning: theme \(id) matches no answer in the workspace") }
    for p in result.pairs {
      warnings += 1
      Terminal.out("warning: \(p.first) and \(p.second) fire together on \(p.both) of \(p.either) answers; consider merging or sharpening them")
    }
    for (file, audience, sample) in samples {
      let evaluation = sample.evaluate(engine, audience: audience)
      Terminal.out("\nRules against the human coding in coded-sample/\(file) (\(sample.items.count) comments):")
      Terminal.out(evaluation.table())
      if errors {
        let allowed = Set(codebook.themes.indices.filter { codebook.themes[$0].audience == audience || codebook.themes[$0].audience == .all })
        for item in sample.items {
          let assigned = engine.code(item.text, themes: allowed)
          let given = Set(assigned.map(\.themeId))
          guard given != item.themes else { continue }
          let extra = given.subtracting(item.themes).sorted(), missing = item.themes.subtracting(given).sorted()
          var line = "- \(item.responseId) [\(item.question)] \(item.text.replacingOccurrences(of: "\n", with: " "))\n"
          if !extra.isEmpty {
            line += "    extra: " + extra.map { id in
              id + " " + (assigned.first { $0.themeId == id }?.evidence.map { "\"\($0.matchedText)\" by `\($0.patternText)`" }.joined(separator: ", ") ?? "")
            }.joined(separator: "; ") + "\n"
          }
          if !missing.isEmpty { line += "    missing: " + missing.joined(separator: ", ") + "\n" }
          Terminal.out(line)
        }
      }
    }
    if !Terminal.quiet { Terminal.out("\n\(warnings) warning\(warnings == 1 ? "" : "s")") }
    return .ok
  }
}
