import Foundation

extension Workspace {
  /// The export a manifest's `file` names, checked to lie inside the workspace's `exports/`.
  ///
  /// A manifest is a file anyone can edit or send, so its `file` is not trusted: it must be a
  /// relative path under `exports/` with no `..` or `.` component, and once symbolic links are
  /// resolved (the folder's and the file's own) it must still be inside `exports/`. Otherwise
  /// `"exports/../../../../etc/passwd"`, or a link in `exports/` to a file elsewhere, would
  /// have its lines read and quoted into review sheets and reports.
  ///
  /// - Parameters:
  ///   - path: The manifest's `file` field.
  ///   - manifest: The manifest's name in messages.
  /// - Throws: `ManifestError.invalidValue` naming the manifest and its `file` field.
  func exportURL(_ path: String, manifest: String) throws -> URL {
    func refuse(_ why: String) -> ManifestError {
      .invalidValue(file: manifest, path: "file", reason: "\"\(path)\" \(why); a manifest may name only a file under exports/ (such as \"exports/survey-2025.csv\")")
    }
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !path.hasPrefix("/"), !path.contains("\\"), components.count >= 2, components.first == "exports" else {
      throw refuse("is not under exports/")
    }
    guard !components.dropFirst().contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
      throw refuse("has a \"..\", \".\" or empty part")
    }
    let folder = root.appendingPathComponent("exports").resolvingSymlinksInPath().standardizedFileURL.path
    let url = root.appendingPathComponent(path)
    // A missing file (or a dangling link) is left for the reader to report as missing.
    guard FileManager.default.fileExists(atPath: url.path) else { return url }
    let resolved = url.resolvingSymlinksInPath().standardizedFileURL.path
    guard resolved.hasPrefix(folder + "/") else {
      throw refuse("is a link to a file outside exports/ (\(resolved))")
    }
    return url
  }
}
