import Foundation

extension Workspace {
  /// A manifest of the workspace with its export's header, as series matching compares them.
  struct SeriesCandidate {
    var name: String
    var manifest: Manifest
    var header: ExportHeader
  }

  /// Which earlier wave a new export continues, if any.
  enum PreviousWave {
    /// The latest wave of the one series whose exports have columns like the new one's.
    case found(SeriesCandidate, reason: String)
    /// Exports of more than one series are equally alike: the user names one with `--like`.
    case ambiguous([String])
    case none
  }

  /// The least share of alike columns (name and question) for two exports to be one series.
  static let seriesLikeness = 0.7

  /// Finds the series a new export belongs to: the workspace's exports of the same layout whose
  /// columns and questions are most like the new export's, and of that series the latest wave.
  ///
  /// Column likeness decides, since a survey keeps its questions from year to year while its
  /// file name and dates change. When two series are equally alike (two SmartSurvey surveys
  /// with the same Q1..Q14 codes), the file name breaks the tie; failing that, nothing is
  /// carried and the user is asked for `--like`.
  ///
  /// - Parameters:
  ///   - header: The new export's header.
  ///   - fileName: The new export's file name.
  ///   - excluding: A manifest name not to match (the one being replaced).
  func previousWave(for header: ExportHeader, fileName: String, excluding: String? = nil) -> PreviousWave {
    var best: [String: (score: Double, latest: SeriesCandidate)] = [:]
    for candidate in seriesCandidates(excluding: excluding) where candidate.manifest.layout == header.layout {
      let score = header.likeness(to: candidate.header)
      guard score >= Workspace.seriesLikeness else { continue }
      let series = candidate.manifest.seriesId
      if let seen = best[series] {
        let later = Workspace.waveOrder(candidate.manifest.wave, seen.latest.manifest.wave)
        best[series] = (max(seen.score, score), later ? candidate : seen.latest)
      } else {
        best[series] = (score, candidate)
      }
    }
    let ranked = best.sorted { $0.value.score != $1.value.score ? $0.value.score > $1.value.score : $0.key < $1.key }
    guard let top = ranked.first else { return .none }
    let alike = "same layout, \(Int((top.value.score * 100).rounded()))% of columns alike"
    if ranked.count == 1 || top.value.score - ranked[1].value.score >= 0.1 { return .found(top.value.latest, reason: alike) }
    let tied = ranked.filter { top.value.score - $0.value.score < 0.1 }
    let named = Manifest.seriesName(forFile: fileName)
    if let byName = tied.first(where: { $0.key == named }) {
      return .found(byName.value.latest, reason: alike + ", and the file name")
    }
    return .ambiguous(tied.map { "manifests/\($0.value.latest.name).json" })
  }

  /// The manifest named by `--like` (`manifests/x.json`, `x.json` or `x`) with its export.
  ///
  /// - Throws: `ManifestDraftError.unknownManifest` when there is no such manifest or it
  ///   cannot be read with its export.
  func candidate(named like: String) throws -> SeriesCandidate {
    var name = (like as NSString).lastPathComponent
    if name.lowercased().hasSuffix(".json") { name = String(name.dropLast(5)) }
    let known = manifestURLs().map { $0.deletingPathExtension().lastPathComponent }
    guard known.contains(name), let candidate = seriesCandidate(name) else {
      throw ManifestDraftError.unknownManifest(name: like, known: known)
    }
    return candidate
  }

  /// Every manifest that reads, with its export's header.
  func seriesCandidates(excluding: String?) -> [SeriesCandidate] {
    manifestURLs().map { $0.deletingPathExtension().lastPathComponent }.filter { $0 != excluding }.compactMap(seriesCandidate)
  }

  func seriesCandidate(_ name: String) -> SeriesCandidate? {
    let url = root.appendingPathComponent("manifests/\(name).json")
    guard let (manifest, _) = try? ManifestLoader.load(contentsOf: url, file: name),
          let table = try? TableReader.read(contentsOf: root.appendingPathComponent(manifest.file), file: manifest.file,
                                            sheet: manifest.sheet.map(SheetSelector.init)) else { return nil }
    return SeriesCandidate(name: name, manifest: manifest, header: ExportHeader(table, layout: manifest.layout, headerRows: manifest.effectiveHeaderRows))
  }

  /// True when wave `a` comes after wave `b` (years compared as numbers, else as text).
  static func waveOrder(_ a: String, _ b: String) -> Bool {
    if let x = Int(a), let y = Int(b) { return x > y }
    return a > b
  }
}
