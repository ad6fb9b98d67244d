import Foundation

extension Workspace {
  /// What `add` did.
  public struct AddResult: Sendable {
    /// The export's path in the workspace (`exports/x.csv`).
    public var exportPath: String
    /// False when an identical file was already in `exports/`.
    public var copied: Bool
    /// The manifest written (`manifests/x.json`).
    public var manifestPath: String
    public var draft: ManifestDraft
    /// The new export read through its manifest, checked as `voices validate` checks it.
    public var validation: SurveyCollection
  }

  /// Adds an export to the workspace: copies it into `exports/`, drafts and writes its
  /// manifest, then reads it back through the manifest to check it.
  ///
  /// Nothing is changed unless the export reads: the table is read from where it is first.
  /// A different file of the same name in `exports/`, or an existing manifest, stops the
  /// command before anything is written.
  ///
  /// - Parameters:
  ///   - url: The export to add (CSV or XLSX).
  ///   - options: Wave, source and sheet when the user knows them; the registry is replaced
  ///     by the workspace's `measures.json` when it has one.
  /// - Throws: Any reader error for the export; `ManifestDraftError` when a file is in the way.
  public func add(exportAt url: URL, options: ManifestDrafter.Options = .init()) throws -> AddResult {
    let fileName = url.lastPathComponent
    let exportPath = "exports/\(fileName)"
    let sheet = options.sheet.map(SheetSelector.init)
    let table = try TableReader.read(contentsOf: url, file: url.path, sheet: sheet)
    let manifestName = Workspace.manifestName(for: fileName)
    let manifestPath = "manifests/\(manifestName).json"
    let manager = FileManager.default
    let target = root.appendingPathComponent(exportPath)
    let manifestURL = root.appendingPathComponent(manifestPath)
    let source = try Data(contentsOf: url)
    var copied = true
    if manager.fileExists(atPath: target.path) {
      guard let existing = try? Data(contentsOf: target), existing == source else {
        throw ManifestDraftError.exportExists(path: displayName(of: exportPath))
      }
      copied = false
    }
    if manager.fileExists(atPath: manifestURL.path) { throw ManifestDraftError.manifestExists(path: displayName(of: manifestPath)) }

    var options = options
    var registryNote: DraftNote? = nil
    let registryURL = root.appendingPathComponent("measures.json")
    if let data = try? Data(contentsOf: registryURL) {
      do {
        let (registry, _) = try MeasureRegistry.decode(data, file: displayName(of: "measures.json"))
        options.registry = registry
        options.registryName = "measures.json"
      } catch {
        registryNote = DraftNote("measures.json could not be read (\(error)); wordings were matched against the standard measures", needsAttention: true)
      }
    }
    var draft = ManifestDrafter.draft(table, file: exportPath, options: options)
    if let registryNote { draft.notes.append(registryNote) }
    if copied { try WorkspaceInit.writeAtomically(source, to: target, display: displayName(of: exportPath)) }
    try WorkspaceInit.writeAtomically(Data(draft.manifest.jsonText().utf8), to: manifestURL, display: displayName(of: manifestPath))
    let validation = check(manifestAt: manifestURL, name: manifestName)
    return AddResult(exportPath: exportPath, copied: copied, manifestPath: manifestPath, draft: draft, validation: validation)
  }

  /// Reads one manifest and its export as `load()` reads each of them.
  func check(manifestAt url: URL, name: String) -> SurveyCollection {
    var load = SurveyCollection(exports: [], diagnostics: [], registry: MeasureRegistry(measures: []))
    readExport(manifestAt: url, name: name, into: &load)
    return load
  }

  /// A manifest name from an export's file name: lower case, words joined by hyphens
  /// (`Parent Carer Survey 2025.xlsx` -> `parent-carer-survey-2025`).
  static func manifestName(for fileName: String) -> String {
    let base = (fileName as NSString).deletingPathExtension
    var out = "", pendingHyphen = false
    for scalar in base.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingHyphen, !out.isEmpty { out += "-" }
        pendingHyphen = false
        out.unicodeScalars.append(scalar)
      } else {
        pendingHyphen = true
      }
    }
    return out.isEmpty ? "export" : out
  }
}
