import Foundation

/// A folder of exports and the manifests that describe them (`surveys/` by default).
///
/// ```
/// workspace.json     name and settings
/// manifests/*.json   one per export
/// exports/           the files as the survey tools gave them
/// ```
public struct Workspace: Sendable {
  public let root: URL
  /// The workspace's path as the user gave it, used to name files in messages.
  public let displayPath: String
  public var settings: WorkspaceSettings

  /// Opens a workspace folder.
  ///
  /// - Throws: `WorkspaceError` when the folder is missing, has no `manifests/`, or its
  ///   `workspace.json` cannot be read.
  public static func open(_ path: String) throws -> Workspace {
    let root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw WorkspaceError.notFound(path: path)
    }
    guard FileManager.default.fileExists(atPath: root.appendingPathComponent("manifests").path) else {
      throw WorkspaceError.notAWorkspace(path: path)
    }
    let display = path.hasSuffix("/") ? String(path.dropLast()) : path
    var settings = WorkspaceSettings(name: root.lastPathComponent)
    let settingsURL = root.appendingPathComponent("workspace.json")
    if let data = try? Data(contentsOf: settingsURL) {
      let file = "\(display)/workspace.json"
      do { settings = try JSONDecoder().decode(WorkspaceSettings.self, from: data) } catch let error as DecodingError {
        throw WorkspaceError.invalidSettings(file: file, reason: "\(ManifestLoader.translate(error, file: file))")
      } catch {
        throw WorkspaceError.invalidSettings(file: file, reason: "not valid JSON: \(ManifestLoader.jsonReason(error))")
      }
    }
    return Workspace(root: root, displayPath: display, settings: settings)
  }

  /// The manifest files, in name order so every run reads them in the same order.
  public func manifestURLs() -> [URL] {
    let folder = root.appendingPathComponent("manifests")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.lowercased().hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
  }

  /// A workspace file's name for messages: the workspace path the user typed, then the file.
  public func displayName(of relativePath: String) -> String {
    displayPath == "." ? relativePath : "\(displayPath)/\(relativePath)"
  }

  /// Reads every manifest and its export.
  ///
  /// Exports are read side by side, one per core (a council's waves are separate files), and
  /// their responses and diagnostics are then put together in manifest order, so the result is
  /// the same as reading them one after another.
  ///
  /// - Parameters:
  ///   - keepingFreeText: Whether responses keep their free-text answers; `false` for work that
  ///     never reads them (validating, measures): the comments are most of a big export's bytes.
  ///   - progress: Called once before reading, with what is about to be read.
  /// - Returns: Every export that could be read, and every problem found on the way.
  public func load(keepingFreeText: Bool = true, progress: ((String) -> Void)? = nil) -> SurveyCollection {
    var load = SurveyCollection(exports: [], diagnostics: [], registry: MeasureRegistry(measures: []))
    loadRegistry(into: &load)
    loadPopulation(into: &load)
    let urls = manifestURLs()
    progress?(urls.count == 1 ? urls[0].deletingPathExtension().lastPathComponent : "\(urls.count) exports")
    let parts = parallelMap(urls.count) { i -> SurveyCollection in
      var part = SurveyCollection(exports: [], diagnostics: [], registry: MeasureRegistry(measures: []))
      readExport(manifestAt: urls[i], name: urls[i].deletingPathExtension().lastPathComponent,
                 keepingFreeText: keepingFreeText, into: &part)
      return part
    }
    for part in parts {
      load.exports += part.exports
      load.diagnostics += part.diagnostics
    }
    load.countCrossExportDuplicatesOnce()
    checkMeasuresRegistered(in: &load)
    checkScalesWithinWaves(in: &load)
    return load
  }

  /// Reads one manifest and the export it names into `load`: the export when both can be
  /// read, else a diagnostic saying why not.
  func readExport(manifestAt url: URL, name: String, keepingFreeText: Bool = true, into load: inout SurveyCollection) {
    let manifestName = displayName(of: "manifests/\(url.lastPathComponent)")
    let manifest: Manifest
    do {
      let (decoded, diagnostics) = try ManifestLoader.load(contentsOf: url, file: manifestName)
      load.diagnostics += diagnostics
      guard diagnostics.worstSeverity != .error else { return }
      manifest = decoded
    } catch {
      load.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: manifestName, row: 1), "\(error)"))
      return
    }
    let fileName = displayName(of: manifest.file)
    do {
      load.exports.append(try SurveyLoader.load(contentsOf: root.appendingPathComponent(manifest.file), file: fileName,
                                                manifest: manifest, name: name, keepingFreeText: keepingFreeText))
    } catch {
      load.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: fileName, row: 0), "\(error) (export named by \(manifestName))"))
    }
  }

  /// Reads `measures.json` when the workspace has one.
  func loadRegistry(into load: inout SurveyCollection) {
    let url = root.appendingPathComponent("measures.json")
    guard let data = try? Data(contentsOf: url) else { return }
    let file = displayName(of: "measures.json")
    do {
      let (registry, diagnostics) = try MeasureRegistry.decode(data, file: file)
      load.registry = registry
      load.diagnostics += diagnostics
    } catch {
      load.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, row: 0), "\(error)"))
    }
  }

  /// Reads `population.json` when the workspace has one.
  func loadPopulation(into load: inout SurveyCollection) {
    guard let data = try? Data(contentsOf: root.appendingPathComponent("population.json")) else { return }
    let file = displayName(of: "population.json")
    do { load.population = try PopulationProfile.decode(data, file: file) } catch {
      load.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, row: 0), "\(error)"))
    }
  }

  /// Answers to one measure in one wave are pooled across exports, which is only sound when
  /// every export asked it on the same scale.
  func checkScalesWithinWaves(in load: inout SurveyCollection) {
    // The first export to ask each series in each wave, and its scale.
    var first: [MeasureSeries: [String: (scale: String, export: String)]] = [:]
    for export in load.exports {
      let wave = export.manifest.wave
      for column in export.manifest.measures {
        let series = MeasureSeries(measure: column.measure, timepoint: column.timepoint)
        guard let seen = first[series]?[wave] else {
          first[series, default: [:]][wave] = (column.scale, export.name)
          continue
        }
        guard seen.scale != column.scale else { continue }
        load.diagnostics.append(Diagnostic(.error, at: SourceLocation(file: displayName(of: "manifests/\(export.name).json"), row: 0),
          "measure \"\(column.measure)\" is on the \(column.scale) scale here but on \(seen.scale) in \(seen.export), the same wave (\(export.manifest.wave)); answers of one wave are counted together, so use one scale (options are matched by label and others counted as unrecognised)"))
      }
    }
  }

  /// A measure a manifest uses but the registry lacks cannot be checked for comparability
  /// between waves, so it is named once per manifest.
  func checkMeasuresRegistered(in load: inout SurveyCollection) {
    guard !load.registry.measures.isEmpty else { return }
    for export in load.exports {
      let missing = Set(export.manifest.measures.map(\.measure)).filter { load.registry.definition($0) == nil }.sorted()
      for id in missing {
        load.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: displayName(of: "manifests/\(export.name).json"), row: 0),
          "measure \"\(id)\" is not in measures.json, so changes in its wording between waves cannot be checked"))
      }
    }
  }
}

extension SheetSelector {
  init(_ reference: Manifest.SheetReference) {
    switch reference {
    case .name(let name): self = .name(name)
    case .index(let index): self = .index(index)
    }
  }
}
