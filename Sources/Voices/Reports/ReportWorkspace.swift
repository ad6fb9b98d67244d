import Foundation

/// What the reports need to know of the workspace they describe: where its files are, its
/// name and publishing rule, and how to name its files to a reader. `Workspace` makes one
/// (`Workspace.reportWorkspace`), so the reports need not know the workspace on disk.
public struct ReportWorkspace: Sendable {
  public var root: URL
  /// The workspace as the user named it, for messages.
  public var displayPath: String
  public var name: String
  public var synthetic: Bool
  public var policy: SuppressionPolicy
  /// The CSV files of `codebooks/` and the manifests, relative to `root`.
  public var codebookFiles: [String]
  public var manifestFiles: [String]

  public init(root: URL, displayPath: String, name: String, synthetic: Bool, policy: SuppressionPolicy,
              codebookFiles: [String], manifestFiles: [String]) {
    self.root = root
    self.displayPath = displayPath
    self.name = name
    self.synthetic = synthetic
    self.policy = policy
    self.codebookFiles = codebookFiles
    self.manifestFiles = manifestFiles
  }

  /// A workspace file's path as the user sees it.
  public func displayName(of relativePath: String) -> String {
    displayPath == "." ? relativePath : "\(displayPath)/\(relativePath)"
  }
}
