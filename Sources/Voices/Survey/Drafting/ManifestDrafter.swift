import Foundation

/// Drafts a manifest for an export nobody has described yet: recognises the survey tool's
/// layout, then decides what each column is from its name, its question and its answers.
///
/// Every choice comes with the reason, and every column left out says why, so a person can
/// check the draft in minutes instead of writing it from nothing. The draft always decodes and
/// names only columns the export has; it never chooses a scale that some answer is not on.
public enum ManifestDrafter {
  /// What the user already knows, and the measures to match wordings against.
  public struct Options: Sendable {
    public var wave: String?
    public var source: SurveySource?
    /// XLSX only: the sheet read (recorded in the manifest).
    public var sheet: Manifest.SheetReference?
    /// Registered measures; columns on a scale are matched to them by wording.
    public var registry: MeasureRegistry
    /// Where the registry came from, for messages (`measures.json`).
    public var registryName: String

    public init(wave: String? = nil, source: SurveySource? = nil, sheet: Manifest.SheetReference? = nil,
                registry: MeasureRegistry = .standard, registryName: String = "the standard measures") {
      self.wave = wave
      self.source = source
      self.sheet = sheet
      self.registry = registry
      self.registryName = registryName
    }
  }

  /// Drafts a manifest for one export.
  ///
  /// - Parameters:
  ///   - table: The export exactly as read (header rows included).
  ///   - file: The export's path relative to the workspace root (`exports/x.csv`); its name
  ///     also hints at the wave and source.
  ///   - options: Wave, source and sheet when the user gave them; the measure registry.
  /// - Returns: The manifest with a decision per column, the columns left out and notes.
  public static func draft(_ table: Table, file: String, options: Options = Options()) -> ManifestDraft {
    let rows = table.rows
    let detection = LayoutDetection.detect(Array(rows.prefix(60)))
    let layout = detection.layout
    let headerCount = detection.effectiveHeaderRows
    let headers = Array(rows.prefix(headerCount))
    let names = layout.columnNames(from: headers)
    let data = rows.dropFirst(headerCount).filter { !$0.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    var profiles: [ColumnProfile] = []
    profiles.reserveCapacity(names.count)
    for (index, name) in names.enumerated() {
      var values: [String] = []
      for row in data where index < row.count {
        let value = cell(row[index], layout: layout)
        if !value.isEmpty { values.append(value) }
      }
      profiles.append(ColumnProfile(index: index, name: name, question: question(index, name: name, headers: headers, layout: layout), values: values))
    }

    var state = DraftState(layout: layout, options: options, fileName: (file as NSString).lastPathComponent, rowCount: data.count)
    state.notes.append(DraftNote("layout \(layout.rawValue): \(detection.reason)"))
    for profile in profiles { state.classify(profile) }
    state.finishMeasures()

    let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    let source = state.chooseSource(profiles: profiles)
    let wave = state.chooseWave(profiles: profiles)
    var manifest = Manifest(source: source, wave: wave, file: file, layout: layout)
    manifest.title = source == .other ? (base.contains(wave) ? base : "\(base) \(wave)") : "\(source.displayName) \(wave)"
    manifest.sheet = options.sheet
    manifest.headerRows = detection.headerRows
    manifest.respondentId = state.respondentId
    manifest.submitted = state.submitted
    manifest.attendance = state.attendance
    manifest.consent = state.consent
    manifest.respondentGroupColumn = state.groupColumn
    if state.groupColumn == nil {
      let group = defaultGroup(source, fileName: base)
      manifest.respondentGroup = group
      state.notes.append(DraftNote("respondentGroup \"\(group)\" for every row (\(source == .other ? "no \"Are you a...\" column; set the group these people belong to" : "usual for the \(source.displayName)"))",
                                   needsAttention: source == .other))
    }
    manifest.breakdowns = state.breakdowns
    manifest.measures = state.measures
    manifest.freeText = state.freeText
    manifest.ignore = state.ignore
    let decisions = state.decisions.sorted { $0.index < $1.index }.map(\.decision)
    let unresolved = state.unresolved.sorted { $0.index < $1.index }.map(\.column)
    return ManifestDraft(manifest: manifest, decisions: decisions, unresolved: unresolved, notes: state.notes)
  }

  /// A cell as the layout means it (SmartSurvey's `NA` is blank, `@SQ@` an apostrophe).
  static func cell(_ raw: String, layout: VendorLayout) -> String {
    var value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if layout == .smartsurvey {
      if value == "NA" { return "" }
      if value.contains("@SQ@") { value = value.replacingOccurrences(of: "@SQ@", with: "'") }
    }
    return value
  }

  /// The question as asked: the column name where the layout names columns by their question,
  /// else the longest header cell that is not a placeholder (Qualtrics' row 2, a plain sheet's
  /// second header row).
  static func question(_ index: Int, name: String, headers: [[String]], layout: VendorLayout) -> String {
    switch layout {
    case .surveymonkey, .googleForms, .microsoftForms: return name
    case .smartsurvey, .qualtrics, .plain:
      var best = ""
      for row in headers where index < row.count {
        let text = row[index].trimmingCharacters(in: .whitespacesAndNewlines)
        let key = ColumnName.normalised(text)
        if key == "na" || key == "response" || key == "open-ended response" || key.hasPrefix("{\"importid\"") { continue }
        if text.count > best.count { best = text }
      }
      return best.isEmpty ? name : best
    }
  }

  /// The respondent group when the export has no column saying it.
  static func defaultGroup(_ source: SurveySource, fileName: String) -> String {
    switch source {
    case .parentCarerSurvey: return "parent carers"
    case .takeoverChallenge: return fileName.lowercased().contains("decision") ? "decision makers" : "young people"
    case .annualConversation: return "families and young people"
    case .focusGroup, .participationEvent: return "participants"
    case .other: return "respondents"
    }
  }
}
