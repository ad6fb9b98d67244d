import Foundation

/// Next year's export of a survey series, mapped as last year's was.
///
/// A council downloads the same survey every year; the columns that were a measure, a
/// breakdown, consent or free text last year are the same this year. So the previous wave's
/// manifest is copied whole (every field, including value maps, scales and the audience) and
/// only what the export itself changes is changed: the wave and file, columns that are gone,
/// questions reworded, and columns that are new (decided as a fresh draft would decide them).
public struct CarryOver: Sendable, Equatable {
  /// The manifest carried from (`manifests/parent-carer-survey-2025.json`).
  public var from: String
  public var previousWave: String
  public var series: String
  /// Why this manifest was chosen (`same layout, 27 of 27 columns alike`, `--like`).
  public var reason: String
  /// Columns mapped as before, with what they are (`Q5 measure trust-confidence`).
  public var carried: [ColumnDecision]
  /// Columns the previous wave did not have, with the fresh draft's decision or reason.
  public var added: [String]
  /// Columns the previous wave used that this export lacks, with what they were.
  public var gone: [String]
  /// Measures and free text whose question is worded differently this wave.
  public var reworded: [String]

  /// Applies the previous wave's mapping to a new export.
  ///
  /// - Parameters:
  ///   - previous: The previous wave's manifest.
  ///   - from: Its path in the workspace, for messages.
  ///   - draft: A fresh draft of the new export (wave, file and decisions for new columns).
  ///   - header: The new export's columns and questions.
  ///   - previousHeader: The previous wave's export's columns: a column it had and its
  ///     manifest left out stays left out; only columns it lacked are new.
  ///   - reason: Why `previous` was chosen.
  /// - Returns: The draft with the carried manifest, and what was carried, new and gone.
  static func apply(_ previous: Manifest, from: String, to draft: ManifestDraft, header: ExportHeader, previousHeader: ExportHeader, reason: String) -> (ManifestDraft, CarryOver) {
    let fresh = draft.manifest
    var m = previous
    m.wave = fresh.wave
    m.file = fresh.file
    m.sheet = fresh.sheet ?? previous.sheet
    m.series = previous.series ?? Manifest.seriesName(forFile: previous.file)
    if let title = previous.title { m.title = title.replacingOccurrences(of: previous.wave, with: fresh.wave) }
    m.note = "Mapping carried over from \(from) (wave \(previous.wave)); check what is new or gone."
    var carry = CarryOver(from: from, previousWave: previous.wave, series: m.series ?? "", reason: reason,
                          carried: [], added: [], gone: [], reworded: [])
    let was = "in \(previous.wave)"
    func keep(_ column: String, _ kind: ColumnDecision.Kind) -> Bool {
      guard header.has(column) else {
        carry.gone.append("\(column) (\(ColumnDecision(column: column, kind: kind, reason: "").summary) \(was))")
        return false
      }
      carry.carried.append(ColumnDecision(column: column, kind: kind, reason: "as \(was)"))
      return true
    }
    if let id = m.respondentId, !keep(id, .respondentId) { m.respondentId = nil }
    if let time = m.submitted, !keep(time, .submitted) { m.submitted = nil }
    if let column = m.attendance, !keep(column, .attendance) { m.attendance = nil }
    if let consent = m.consent, !keep(consent.column, .consent) { m.consent = nil }
    if let group = m.respondentGroupColumn, !keep(group.column, .respondentGroup) {
      m.respondentGroupColumn = nil
      m.respondentGroup = fresh.respondentGroup ?? ManifestDrafter.defaultGroup(m.source, fileName: m.file)
    }
    m.breakdowns = m.breakdowns.filter { keep($0.column, .breakdown(field: $0.field)) }
    m.measures = m.measures.filter { keep($0.column, .measure(id: $0.measure, scale: $0.scale)) }
    m.freeText = m.freeText.filter { keep($0.column, .freeText(question: $0.question)) }
    m.ignore = m.ignore.filter { keep($0, .ignore) }
    for i in m.measures.indices {
      if let label = reworded(m.measures[i].column, m.measures[i].label, header) {
        carry.reworded.append("\(m.measures[i].column) (measure \(m.measures[i].measure)): now \"\(label)\"")
        m.measures[i].label = label
      }
    }
    for i in m.freeText.indices {
      if let label = reworded(m.freeText[i].column, m.freeText[i].label, header) {
        carry.reworded.append("\(m.freeText[i].column) (free text \(m.freeText[i].question)): now \"\(label)\"")
        m.freeText[i].label = label
      }
    }
    let taken = addNewColumns(to: &m, from: draft, previous: previous, previousHeader: previousHeader, carry: &carry)

    var result = draft
    result.manifest = m
    let order = Dictionary(header.names.enumerated().map { (ColumnName.normalised($0.element), $0.offset) }, uniquingKeysWith: { a, _ in a })
    result.decisions = (carry.carried + taken)
      .sorted { (order[ColumnName.normalised($0.column)] ?? .max) < (order[ColumnName.normalised($1.column)] ?? .max) }
    let used = Set(result.decisions.map { ColumnName.normalised($0.column) })
    result.unresolved = header.names.filter { !used.contains(ColumnName.normalised($0)) && !previousUses(previous, $0) }.map { column in
      draft.unresolved.first { $0.column == column }.map { UnresolvedColumn(column: column, reason: previousHeader.has(column) ? "left out in \(previous.wave) too (\($0.reason))" : $0.reason) }
        ?? UnresolvedColumn(column: column, reason: "left out in \(previous.wave) too")
    }
    var notes = [DraftNote("series \(carry.series): the mapping of \(from) (wave \(previous.wave)) carried over (\(reason)); \(carry.carried.count) columns as before, \(carry.added.count) new, \(carry.gone.count) gone")]
    notes += draft.notes.filter { $0.message.hasPrefix("layout ") || $0.message.hasPrefix("wave ") }
    for gone in carry.gone { notes.append(DraftNote("gone since \(previous.wave): \(gone) is not in this export", needsAttention: true)) }
    for text in carry.reworded { notes.append(DraftNote("reworded since \(previous.wave): \(text); trends will say the wording changed", needsAttention: true)) }
    for text in carry.added { notes.append(DraftNote("new since \(previous.wave): \(text)", needsAttention: true)) }
    result.notes = notes
    return (result, carry)
  }

  /// The question as this export words it, when it differs from the label last wave had.
  static func reworded(_ column: String, _ label: String?, _ header: ExportHeader) -> String? {
    guard let label, let question = header.question(of: column), ColumnName.normalised(question) != ColumnName.normalised(column),
          ColumnName.normalised(question) != ColumnName.normalised(label) else { return nil }
    return question
  }

  /// Whether the previous manifest names `column` anywhere.
  static func previousUses(_ m: Manifest, _ column: String) -> Bool {
    let key = ColumnName.normalised(column)
    var names = [m.respondentId, m.submitted, m.attendance, m.consent?.column, m.respondentGroupColumn?.column].compactMap { $0 }
    names += m.breakdowns.map(\.column) + m.measures.map(\.column) + m.freeText.map(\.column) + m.ignore
    return names.contains { ColumnName.normalised($0) == key }
  }

  /// Columns the previous wave did not name take the fresh draft's decision.
  ///
  /// - Returns: The decisions taken for new columns.
  static func addNewColumns(to m: inout Manifest, from draft: ManifestDraft, previous: Manifest, previousHeader: ExportHeader,
                            carry: inout CarryOver) -> [ColumnDecision] {
    let fresh = draft.manifest
    var taken: [ColumnDecision] = []
    func unique(_ id: String, _ used: [String]) -> String {
      guard used.contains(id) else { return id }
      var n = 2
      while used.contains("\(id)-\(n)") { n += 1 }
      return "\(id)-\(n)"
    }
    for decision in draft.decisions where !previousUses(previous, decision.column) && !previousHeader.has(decision.column) {
      let column = decision.column
      switch decision.kind {
      case .respondentId where m.respondentId == nil: m.respondentId = column
      case .submitted where m.submitted == nil: m.submitted = column
      case .attendance where m.attendance == nil: m.attendance = column
      case .consent where m.consent == nil: m.consent = fresh.consent
      case .breakdown:
        guard var b = fresh.breakdowns.first(where: { $0.column == column }) else { continue }
        b.field = unique(b.field, m.breakdowns.map(\.field))
        m.breakdowns.append(b)
      case .measure:
        guard var x = fresh.measures.first(where: { $0.column == column }) else { continue }
        if m.measures.contains(where: { $0.measure == x.measure && $0.timepoint == x.timepoint }) {
          x.measure = unique(x.measure, m.measures.map(\.measure))
        }
        m.measures.append(x)
      case .freeText:
        guard var t = fresh.freeText.first(where: { $0.column == column }) else { continue }
        t.question = unique(t.question, m.freeText.map(\.question))
        m.freeText.append(t)
      case .ignore: m.ignore.append(column)
      default:
        carry.added.append("\(column) left out (\(decision.summary) already taken)")
        continue
      }
      carry.added.append("\(column) \(decision.summary) (\(decision.reason))")
      taken.append(decision)
    }
    for column in draft.unresolved where !previousUses(previous, column.column) && !previousHeader.has(column.column) {
      carry.added.append("\(column.column) left out (\(column.reason))")
    }
    return taken
  }
}

extension Manifest {
  /// The series an export belongs to when its manifest does not say: its file name without
  /// the year and the words around it that change each wave (`parent-carer-survey-2025.csv`
  /// -> `parent-carer-survey`).
  public static func seriesName(forFile file: String) -> String {
    let base = ((file as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
    var words: [String] = []
    var word = ""
    func flush() {
      defer { word = "" }
      guard !word.isEmpty else { return }
      if word.allSatisfy(\.isNumber), word.count == 4 || word.count == 2 { return }
      if ["final", "copy", "export", "download", "v1", "v2", "v3", "latest"].contains(word) { return }
      words.append(word)
    }
    for ch in base {
      if ch.isLetter || ch.isNumber { word.append(ch) } else { flush() }
    }
    flush()
    return words.isEmpty ? "survey" : words.joined(separator: "-")
  }

  /// The series this manifest belongs to: its own `series`, else named from its file.
  public var seriesId: String { series ?? Manifest.seriesName(forFile: file) }
}
