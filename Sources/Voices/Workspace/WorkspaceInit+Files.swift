import Foundation

extension WorkspaceInit {
  /// Writes `data` to `url` through a temporary file in the same folder and a rename, so a
  /// reader never sees half a file and an interrupted write leaves the old file (if any) whole.
  ///
  /// - Throws: `ManifestDraftError.unwritable`.
  static func writeAtomically(_ data: Data, to url: URL, display: String) throws {
    let folder = url.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      guard FileManager.default.createFile(atPath: temporary.path, contents: data) else {
        throw ManifestDraftError.unwritable(path: display, reason: "cannot create a file in \(folder.path)")
      }
      guard rename(temporary.path, url.path) == 0 else {
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw ManifestDraftError.unwritable(path: display, reason: reason)
      }
    } catch let error as ManifestDraftError {
      throw error
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw ManifestDraftError.unwritable(path: display, reason: (error as NSError).localizedDescription)
    }
  }
}
