import Foundation

extension WorkspaceInit {
  /// Writes a workspace file through `AtomicFile` (temporary file beside it, then rename),
  /// creating its folder first, and names the file as the user knows it in any error.
  ///
  /// - Throws: `ManifestDraftError.unwritable`.
  static func writeAtomically(_ data: Data, to url: URL, display: String) throws {
    do {
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try AtomicFile.write(data, to: url)
    } catch {
      throw ManifestDraftError.unwritable(path: display, reason: "\(error)")
    }
  }
}
