/// Why a workspace could not be opened at all.
public enum WorkspaceError: Error, Equatable, Sendable, CustomStringConvertible {
  case notFound(path: String)
  case notAWorkspace(path: String)
  case invalidSettings(file: String, reason: String)

  public var description: String {
    switch self {
    case .notFound(let path): "\(path): no such folder"
    case .notAWorkspace(let path):
      "\(path): not a Voices workspace (it has no manifests/ folder); make one with `voices init \(path)`, or name the workspace folder"
    case .invalidSettings(let file, let reason): reason.hasPrefix(file) ? reason : "\(file): \(reason)"
    }
  }
}
