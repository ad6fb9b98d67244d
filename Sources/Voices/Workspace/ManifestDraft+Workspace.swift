import Foundation

extension Workspace {
  /// How `add` treats what is already in the workspace.
  public struct AddOptions: Sendable {
    /// Wave, source, sheet and the measures to match wordings against.
    public var draft: ManifestDrafter.Options
    /// A manifest whose mapping to carry over (`--like`), when the series cannot be told.
    public var like: String?
    /// Write the export and manifest even when the export does not validate.
    public var force: Bool
    /// Replace an export and manifest of the same name (a corrected or fuller download),
    /// carrying over the existing manifest's mapping and edits.
    public var replace: Bool

    public init(draft: ManifestDrafter.Options = .init(), like: String? = nil, force: Bool = false, replace: Bool = false) {
      self.draft = draft
      self.like = like
      self.force = force
      self.replace = replace
    }
  }

  /// What `add` did.
  public struct AddResult: Sendable {
    /// The export's path in the workspace (`exports/x.csv`).
    public var exportPath: String
    /// False when an identical file was already in `exports/`.
    public var copied: Bool
    /// True when an export or manifest of the same name was replaced (`--replace`).
    public var replaced: Bool
    /// The manifest written (`manifests/x.json`).
    public var manifestPath: String
    public var draft: ManifestDraft
    /// The earlier wave whose mapping was carried over, when the export continues a series.
    public var carry: CarryOver?
    /// The sheets of a workbook, and which was read.
    public var sheets: [String]
    /// The new export read through its manifest, checked as `voices validate` checks it.
    public var validation: SurveyCollection
  }

  /// Adds an export to the workspace: drafts its manifest (carrying over the previous wave's
  /// mapping when the export continues a series), checks the export through it, and only then
  /// copies the export into `exports/` and writes the manifest.
  ///
  /// Nothing is written when the export is not a survey export, or does not validate (unless
  /// `force`), or a file of the same name is in the way (unless `replace`). The two files are
  /// written one after the other, and the first is put back when the second cannot be written.
  ///
  /// - Parameters:
  ///   - url: The export to add (CSV or XLSX).
  ///   - options: Drafting options, `--like`, `--force` and `--replace`.
  /// - Throws: Any reader error for the export; `ManifestDraftError` when the file is not a
  ///   survey export, does not validate, or a file is in the way.
  public func add(exportAt url: URL, options: AddOptions) throws -> AddResult {
    let fileName = url.lastPathComponent
    let exportPath = "exports/\(fileName)"
    let manifestName = Workspace.manifestName(for: fileName)
    let manifestPath = "manifests/\(manifestName).json"
    let manager = FileManager.default
    let target = root.appendingPathComponent(exportPath)
    let manifestURL = root.appendingPathComponent(manifestPath)
    if let reason = ExportShape.refusal(fileName: fileName) { throw ManifestDraftError.notASurvey(file: fileName, reason: reason) }
    let source = try Data(contentsOf: url)
    var copied = true, replaced = false
    if manager.fileExists(atPath: target.path) {
      if let existing = try? Data(contentsOf: target), existing == source {
        copied = false
      } else if options.replace {
        replaced = true
      } else {
        throw ManifestDraftError.exportExists(path: displayName(of: exportPath))
      }
    }
    let manifestExists = manager.fileExists(atPath: manifestURL.path)
    if manifestExists {
      guard options.replace else { throw ManifestDraftError.manifestExists(path: displayName(of: manifestPath)) }
      replaced = true
    }

    // The sheet: the user's, else the one the manifest being replaced or carried from read.
    var draftOptions = options.draft
    let like = try options.like.map { try candidate(named: $0) } ?? (options.replace && manifestExists ? seriesCandidate(manifestName) : nil)
    if draftOptions.sheet == nil, let sheet = like?.manifest.sheet { draftOptions.sheet = sheet }
    let sheets = (try? TableReader.format(of: url, file: fileName)) == .xlsx ? (try? XLSXReader.sheetNames(contentsOf: url, file: fileName)) ?? [] : []
    let table = try TableReader.read(contentsOf: url, file: url.path, sheet: draftOptions.sheet.map(SheetSelector.init))
    let header = ExportHeader(detecting: table)
    if let reason = ExportShape.refusal(table, header: header) {
      throw ManifestDraftError.notASurvey(file: fileName, reason: reason + Workspace.otherSheets(sheets, read: draftOptions.sheet))
    }

    var registryNote: DraftNote? = nil
    if let data = try? Data(contentsOf: root.appendingPathComponent("measures.json")) {
      do {
        let (registry, _) = try MeasureRegistry.decode(data, file: displayName(of: "measures.json"))
        draftOptions.registry = registry
        draftOptions.registryName = "measures.json"
      } catch {
        registryNote = DraftNote("measures.json could not be read (\(error)); wordings were matched against the standard measures", needsAttention: true)
      }
    }
    var draft = ManifestDrafter.draft(table, file: exportPath, options: draftOptions)
    var carry: CarryOver? = nil
    let previous: (SeriesCandidate, String)?
    if let like {
      previous = (like, options.like != nil ? "named by --like" : "the manifest replaced")
    } else {
      switch previousWave(for: header, fileName: fileName, excluding: manifestName) {
      case .found(let candidate, let reason): previous = (candidate, reason)
      case .ambiguous(let names):
        previous = nil
        draft.notes.append(DraftNote("this export is as like \(names.joined(separator: " as ")); nothing was carried over. Run again with --like MANIFEST to take one's mapping", needsAttention: true))
      case .none: previous = nil
      }
    }
    if let (candidate, reason) = previous {
      var carried = draftOptions
      // The wave a replaced manifest had stays unless the user gives one.
      if options.replace, options.like == nil, carried.wave == nil { carried.wave = candidate.manifest.wave }
      if carried.wave != draftOptions.wave { draft = ManifestDrafter.draft(table, file: exportPath, options: carried) }
      let applied = CarryOver.apply(candidate.manifest, from: "manifests/\(candidate.name).json", to: draft, header: header,
                                       previousHeader: candidate.header, reason: reason)
      draft = applied.0
      carry = applied.1
    } else {
      draft.manifest.series = Manifest.seriesName(forFile: fileName)
    }
    if let registryNote { draft.notes.append(registryNote) }

    // Check before writing: the manifest on its own, then the export read through it.
    let display = displayName(of: manifestPath)
    var validation = SurveyCollection(exports: [], diagnostics: [], registry: MeasureRegistry(measures: []))
    validation.diagnostics = ManifestLoader.check(draft.manifest, at: SourceLocation(file: display, row: 1))
    validation.exports = [SurveyLoader.load(table, manifest: draft.manifest, name: manifestName)]
    let errors = validation.allDiagnostics.filter { $0.severity == .error }
    if !errors.isEmpty, !options.force {
      throw ManifestDraftError.invalid(file: fileName, problems: errors.map(\.description))
    }

    let previousExport = replaced && copied ? try? Data(contentsOf: target) : nil
    if copied { try WorkspaceInit.writeAtomically(source, to: target, display: displayName(of: exportPath)) }
    do {
      try WorkspaceInit.writeAtomically(Data(draft.manifest.jsonText().utf8), to: manifestURL, display: display)
    } catch {
      if copied {
        if let previousExport { try? AtomicFile.write(previousExport, to: target) } else { try? manager.removeItem(at: target) }
      }
      throw error
    }
    var written = check(manifestAt: manifestURL, name: manifestName)
    if let note = alreadyThere(&written, except: manifestName) { draft.notes.append(note) }
    return AddResult(exportPath: exportPath, copied: copied, replaced: replaced, manifestPath: manifestPath, draft: draft,
                     carry: carry, sheets: sheets, validation: written)
  }

  /// Adds an export with drafting options only (no carry-over choice, no force or replace).
  public func add(exportAt url: URL, options: ManifestDrafter.Options = .init()) throws -> AddResult {
    try add(exportAt: url, options: AddOptions(draft: options))
  }

  /// Says when the export just added repeats one already in the workspace (the same wave of
  /// the same series, sharing respondent ids or identical submissions), and counts those
  /// responses once in `added` as `load()` will.
  func alreadyThere(_ added: inout SurveyCollection, except name: String) -> DraftNote? {
    guard let new = added.exports.first else { return nil }
    var others = SurveyCollection(exports: [], diagnostics: [], registry: MeasureRegistry(measures: []))
    for url in manifestURLs() where url.deletingPathExtension().lastPathComponent != name {
      guard let (m, _) = try? ManifestLoader.load(contentsOf: url, file: url.lastPathComponent),
            m.wave == new.manifest.wave, m.seriesId == new.manifest.seriesId else { continue }
      readExport(manifestAt: url, name: url.deletingPathExtension().lastPathComponent, keepingFreeText: false, into: &others)
    }
    guard !others.exports.isEmpty else { return nil }
    var all = others
    all.exports.append(new)
    let before = all.accounting.duplicates
    all.countCrossExportDuplicatesOnce()
    let shared = all.accounting.duplicates - before
    guard shared > 0, let checked = all.exports.last else { return nil }
    added.exports[0] = checked
    return DraftNote("this export looks like one already in the workspace: \(shared) of its \(new.accounting.accepted) responses are also in \(others.exports.map(\.name).joined(separator: ", ")) (wave \(new.manifest.wave)); each person is counted once. If it is a second download, `voices remove \(name)`; if it replaces the other, remove that one", needsAttention: true)
  }

  /// The other sheets of a workbook, for a message about the one read.
  static func otherSheets(_ sheets: [String], read: Manifest.SheetReference?) -> String {
    guard sheets.count > 1 else { return "" }
    let index: Int
    switch read {
    case .index(let i): index = i - 1
    case .name(let name): index = sheets.firstIndex(of: name) ?? 0
    case nil: index = 0
    }
    let others = sheets.enumerated().filter { $0.offset != index }.map { "\($0.offset + 1) \"\($0.element)\"" }
    return ". The workbook has \(sheets.count) sheets; sheet \(index + 1) \"\(sheets[max(0, min(index, sheets.count - 1))])\" was read; the others are \(others.joined(separator: ", ")): choose one with --sheet"
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
