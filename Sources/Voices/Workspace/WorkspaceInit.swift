import Foundation

/// Creates a new, empty workspace: the folders, the settings, the standard measures, an empty
/// actions log and a README for the people who will use it.
///
/// Never overwrites: files that already exist are left as they are and listed, so running
/// `voices init` on a workspace in use is harmless.
public enum WorkspaceInit {
  /// One file a new workspace starts with.
  public struct File: Sendable, Equatable {
    /// Relative to the workspace root.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
      self.path = path
      self.contents = contents
    }
  }

  /// What `create` did.
  public struct Result: Sendable, Equatable {
    /// Files and folders made, relative to the workspace root, in the order made.
    public var created: [String]
    /// Files and folders that were already there and were left alone.
    public var existing: [String]
  }

  /// The folders of a workspace.
  public static let folders = ["exports", "manifests"]

  /// The files a new workspace starts with, in the order they are written.
  ///
  /// Other starter files are appended here (the default codebooks are); append to
  /// the list here and `voices init` writes them, never overwriting a user's copy.
  ///
  /// - Parameter name: The workspace's name for `workspace.json` and the README.
  public static func defaultFiles(name: String) -> [File] {
    [
      File(path: "workspace.json", contents: settingsJSON(name: name)),
      File(path: "measures.json", contents: MeasureRegistry.standard.jsonText()),
      File(path: "actions.csv", contents: "action_id,what_we_did,themes,status,date,evidence\r\n"),
      File(path: "README.md", contents: readme(name: name)),
    ] + DefaultCodebooks.files.map { File(path: "codebooks/\($0.name)", contents: $0.contents) }
  }

  /// `workspace.json` for a real (not synthetic) workspace with the usual small-number rule.
  static func settingsJSON(name: String) -> String {
    DraftJSON.object([
      ("name", .string(name)),
      ("synthetic", .bool(false)),
      ("suppression", .object([("minimumCount", .number(5)), ("minimumBase", .number(10))])),
    ]).text
  }

  /// Creates the workspace folder (if needed), its folders and its starter files.
  ///
  /// - Parameters:
  ///   - path: The workspace folder, as the user typed it.
  ///   - name: Its name in `workspace.json` (default: the folder's name).
  /// - Returns: What was made and what was already there.
  /// - Throws: `ManifestDraftError.unwritable` when a folder or file cannot be made.
  public static func create(at path: String, name: String? = nil) throws -> Result {
    let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    let manager = FileManager.default
    var result = Result(created: [], existing: [])
    var isDirectory: ObjCBool = false
    if manager.fileExists(atPath: root.path, isDirectory: &isDirectory), !isDirectory.boolValue {
      throw ManifestDraftError.unwritable(path: path, reason: "a file of that name exists, not a folder")
    }
    for folder in folders {
      let url = root.appendingPathComponent(folder, isDirectory: true)
      if manager.fileExists(atPath: url.path) { result.existing.append(folder + "/"); continue }
      do { try manager.createDirectory(at: url, withIntermediateDirectories: true) } catch {
        throw ManifestDraftError.unwritable(path: "\(path)/\(folder)", reason: (error as NSError).localizedDescription)
      }
      result.created.append(folder + "/")
    }
    for file in defaultFiles(name: name ?? root.lastPathComponent) {
      let url = root.appendingPathComponent(file.path)
      if manager.fileExists(atPath: url.path) { result.existing.append(file.path); continue }
      try writeAtomically(Data(file.contents.utf8), to: url, display: "\(path)/\(file.path)")
      result.created.append(file.path)
    }
    return result
  }
}
