import Foundation

extension Workspace {
  /// What `remove` did.
  public struct RemoveResult: Sendable, Equatable {
    /// Workspace paths moved aside (`manifests/x.json`, `exports/x.csv`).
    public var moved: [String]
    /// Where they went (`removed/`).
    public var folder: String
  }

  /// Takes an export out of the workspace: its manifest and its file are moved into
  /// `removed/`, which nothing reads, so a mistaken remove is undone by moving them back.
  ///
  /// - Parameter name: The manifest's name (`parent-carer-survey-2025`, with or without
  ///   `manifests/` and `.json`) or the export's file name (`parent-carer-survey-2025.csv`).
  /// - Throws: `ManifestDraftError.unknownManifest` when nothing in the workspace has that
  ///   name; `.unwritable` when a file cannot be moved.
  public func remove(_ name: String) throws -> RemoveResult {
    let given = (name as NSString).lastPathComponent
    let stem = given.lowercased().hasSuffix(".json") ? String(given.dropLast(5)) : given
    var manifests: [(name: String, file: String?)] = []
    for url in manifestURLs() {
      let manifestName = url.deletingPathExtension().lastPathComponent
      let file = (try? ManifestLoader.load(contentsOf: url, file: manifestName))?.0.file
      if manifestName == stem || file.map({ ($0 as NSString).lastPathComponent == given }) == true {
        manifests.append((manifestName, file))
      }
    }
    guard !manifests.isEmpty else {
      throw ManifestDraftError.unknownManifest(name: name, known: manifestURLs().map { $0.deletingPathExtension().lastPathComponent })
    }
    // An export another manifest still reads stays where it is.
    let staying = Set(seriesFiles(excluding: Set(manifests.map(\.name))))
    var paths = manifests.map { "manifests/\($0.name).json" }
    paths += manifests.compactMap(\.file).filter { !staying.contains($0) && FileManager.default.fileExists(atPath: root.appendingPathComponent($0).path) }
    var moved: [String] = []
    for path in paths {
      let from = root.appendingPathComponent(path)
      let to = root.appendingPathComponent("removed/" + path)
      do {
        try FileManager.default.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.fileExists(atPath: to.path) { try FileManager.default.removeItem(at: to) }
        try FileManager.default.moveItem(at: from, to: to)
        moved.append(path)
      } catch {
        throw ManifestDraftError.unwritable(path: displayName(of: path), reason: "could not move it to removed/: \(error.localizedDescription)")
      }
    }
    return RemoveResult(moved: moved, folder: "removed/")
  }

  /// The export files named by manifests other than `excluding`.
  func seriesFiles(excluding: Set<String>) -> [String] {
    manifestURLs().compactMap { url in
      let name = url.deletingPathExtension().lastPathComponent
      guard !excluding.contains(name) else { return nil }
      return (try? ManifestLoader.load(contentsOf: url, file: name))?.0.file
    }
  }
}
