/// Why `voices add` or `voices init` stopped before changing anything.
public enum ManifestDraftError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `exports/` already holds a different file of the same name.
  case exportExists(path: String)
  /// A manifest of that name exists: it may hold a person's edits.
  case manifestExists(path: String)
  /// `--like` names a manifest the workspace does not have (or that cannot be read).
  case unknownManifest(name: String, known: [String])
  /// The file reads as a table but is not a survey export (a README, a sheet of question
  /// definitions, an empty file).
  case notASurvey(file: String, reason: String)
  /// The export does not read cleanly through its drafted manifest (`--force` adds it anyway).
  case invalid(file: String, problems: [String])
  /// A file could not be written.
  case unwritable(path: String, reason: String)

  public var description: String {
    switch self {
    case .exportExists(let path):
      "\(path) already exists and is a different file; nothing was copied. Rename the new export (for example add the year) or remove the old one first"
    case .manifestExists(let path):
      "\(path) already exists; it was left as it is (it may hold your edits). Delete it first to draft it again"
    case .unknownManifest(let name, let known):
      "\(name): no manifest of that name reads with its export; the workspace has \(known.isEmpty ? "none" : known.joined(separator: ", "))"
    case .notASurvey(let file, let reason):
      "\(file) was not added: \(reason). Nothing was written"
    case .invalid(let file, let problems):
      "\(file) was not added: it does not read cleanly, so nothing was written (fix the file, or add it with --force and edit its manifest):\n"
        + problems.prefix(10).map { "  \($0)" }.joined(separator: "\n") + (problems.count > 10 ? "\n  ... and \(problems.count - 10) more" : "")
    case .unwritable(let path, let reason): "\(path): could not write the file: \(reason)"
    }
  }
}
