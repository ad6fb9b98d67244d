import Foundation
import Voices

/// The comments `voices themes` works on: a workspace's (coded with its codebook) or a plain
/// CSV's (coded with --codebook when given), redacted, with who agreed to be quoted.
struct ThemesInput {
  var comments: [CodedComment]
  var redactions: [Redaction]
  var consenting: Set<String>
  var workspace: Workspace?
  /// The codebook file or folder the comments were coded with (nil: none).
  var codebookPath: String?
  var exitCode: ExitCode = .ok

  func mayQuote(_ c: CodedComment) -> Bool { consenting.contains(c.responseId) }

  static func gather(_ place: String?, _ arguments: Arguments, settings: inout EmergingThemes.Settings) throws -> ThemesInput {
    if arguments.has("--all") { settings.everyComment = true }
    if let place, place.lowercased().hasSuffix(".csv") { return try file(place, arguments, settings: &settings) }
    let workspace = try Workspace.open(place ?? "surveys")
    let codebookPath = arguments.value("--codebook") ?? workspace.root.appendingPathComponent("codebooks").path
    let codebook = try workspace.codebook(at: arguments.value("--codebook"))
    let load = WorkspaceArgument.load(workspace)
    WorkspaceArgument.printDiagnostics(load, limit: 5, minimum: .error)
    // Coded the one way every command codes (rules, then reviewers' decisions): a comment a
    // reviewer gave a theme is covered.
    let (corpus, torn) = try workspace.code(load, codebook: codebook)
    if let torn { Terminal.err(Terminal.styled("\(torn)", .yellow, forErr: true)) }
    var comments = corpus.comments
    if let who = arguments.value("--audience") {
      guard let audience = Theme.Audience(rawValue: who), audience != .all else {
        throw UsageError("--audience is \"parent carers\" or \"young people\", not \"\(who)\"")
      }
      comments = comments.filter { $0.audience == audience }
    }
    let consenting = Set(load.exports.flatMap(\.responses).filter(\.consentToQuote).map(\.id))
    let redactions = ReviewComments.redactor(for: workspace.root).redact(all: comments.map(\.text))
    return ThemesInput(comments: comments, redactions: redactions, consenting: consenting, workspace: workspace,
                       codebookPath: codebookPath, exitCode: WorkspaceArgument.exitCode(for: load))
  }

  /// A plain CSV: one comment per row.
  static func file(_ path: String, _ arguments: Arguments, settings: inout EmergingThemes.Settings) throws -> ThemesInput {
    guard let idColumn = arguments.value("--id-column"), let textColumn = arguments.value("--text-column") else {
      throw UsageError("with a FILE.csv, say --id-column NAME and --text-column NAME")
    }
    let table = try TableReader.read(contentsOf: URL(fileURLWithPath: path), file: path)
    guard let header = table.records.first?.fields else { throw UsageError("\(path) is empty: expected a header row") }
    func column(_ name: String) throws -> Int {
      guard let i = header.firstIndex(of: name) else { throw CommentFileError.missingColumn(file: path, column: name, columns: header) }
      return i
    }
    let id = try column(idColumn), text = try column(textColumn)
    let consent = try arguments.value("--consent-column").map(column)
    var comments: [CodedComment] = [], consenting = Set<String>()
    for record in table.records.dropFirst() {
      let f = record.fields
      let value = { (i: Int) in i < f.count ? f[i] : "" }
      guard !value(text).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
      comments.append(CodedComment(responseId: value(id), question: textColumn, text: value(text)))
      if let c = consent, ["yes", "y", "true", "1", "agree", "agreed"].contains(value(c).lowercased().trimmingCharacters(in: .whitespaces)) {
        consenting.insert(value(id))
      }
    }
    let codebookPath = arguments.value("--codebook")
    if let codebookPath {
      CodingRun.code(&comments, with: try CodingEngine(try Codebook.load(at: codebookPath)))
    } else {
      settings.everyComment = true
    }
    return ThemesInput(comments: comments, redactions: Redactor().redact(all: comments.map(\.text)), consenting: consenting,
                       workspace: nil, codebookPath: codebookPath)
  }
}
