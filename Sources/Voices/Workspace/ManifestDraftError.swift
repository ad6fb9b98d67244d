/// Why `voices add` or `voices init` stopped before changing anything.
public enum ManifestDraftError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `exports/` already holds a different file of the same name.
  case exportExists(path: String)
  /// A manifest of that name exists: it may hold a person's edits.
  case manifestExists(path: String)
  /// A file could not be written.
  case unwritable(path: String, reason: String)

  public var description: String {
    switch self {
    case .exportExists(let path):
      "\(path) already exists and is a different file; nothing was copied. Rename the new export (for example add the year) or remove the old one first"
    case .manifestExists(let path):
      "\(path) already exists; it was left as it is (it may hold your edits). Delete it first to draft it again"
    case .unwritable(let path, let reason): "\(path): could not write the file: \(reason)"
    }
  }
}
