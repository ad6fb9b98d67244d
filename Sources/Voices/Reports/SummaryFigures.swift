/// The pieces of a one-page summary that opens a report: the headline measures with their
/// intervals and what changed, the most raised themes, and what was done. They place figures
/// Measures and Coding computed; the full sections after the summary hold the same facts.
enum SummaryFigures {
  /// Each measure in its latest wave with its 95% interval, its previous wave's share and the
  /// verdict on the change. The previous share is shown rather than a difference in points, so
  /// the reader compares two figures printed the same way (no rounding puzzle).
  static func measuresTable(_ inputs: ReportInputs, caption: String) -> DataTable? {
    var rows: [[DataTable.Cell]] = []
    for measure in MeasureFigures.measures(inputs) {
      let line = MeasureFigures.estimates(inputs.analysis, measure: measure)
      guard let last = line.last else { continue }
      var change = "first wave"
      if let c = MeasureFigures.changes(inputs.analysis, measure: measure).last {
        let before = line.first { $0.wave == c.from }?.published.percent
        let from = before.map { "from \(NumberFormatting.percent($0 * 100)) in \(c.from)" } ?? "since \(c.from)"
        change = c.comparabilityBreak != nil ? "\(c.from) not compared (\(c.shortVerdict.replacingOccurrences(of: "not compared: ", with: "")))"
          : c.isSuppressed ? "\(c.from): \(c.verdict)" : "\(from): \(c.verdict)"
      }
      rows.append([DataTable.Cell(inputs.title(of: measure)), DataTable.Cell(last.wave), MeasureFigures.cell(last.published.base),
                   DataTable.Cell(MeasureFigures.shareText(last), number: last.published.percent.map { $0 * 100 }), DataTable.Cell(change)])
    }
    guard !rows.isEmpty else { return nil }
    return DataTable(caption: caption, columns: ["Measure", "Wave", "Base (n)", "Share positive (95% interval)", "Change since the previous wave"],
                     rows: rows)
  }

  /// The `limit` most raised themes of each audience in its latest wave, as list items.
  static func topThemes(_ inputs: ReportInputs, limit: Int = 3) -> [[HTMLDocument.Inline]] {
    guard let results = inputs.themes else { return [] }
    var items: [[HTMLDocument.Inline]] = []
    for audience in [Theme.Audience.parentCarers, .youngPeople] {
      guard let wave = results.waves(audience).last else { continue }
      let top = results.ranked(audience, wave: wave).filter { !$0.published.isSuppressed && $0.respondents > 0 }.prefix(limit)
      guard !top.isEmpty else { continue }
      let base = results.bases[.init(audience: audience, wave: wave)] ?? 0
      let parts = top.map { c -> String in
        var text = inputs.label(of: c.theme)
        if let share = c.share { text += " (\(NumberFormatting.percent(share.estimate * 100)))" }
        return text
      }
      items.append([.strong("\(ThemeFigures.audienceName(audience).capitalizedFirst), \(wave) (\(NumberFormatting.count(base)) commented): "),
                    .text(parts.joined(separator: "; ") + ".")])
    }
    return items
  }

  /// "12 actions: 6 done, 4 in progress, 2 planned." or what is missing.
  static func actionsSentence(_ inputs: ReportInputs) -> String {
    guard let actions = inputs.actions, !actions.actions.isEmpty else { return ActionsFile.missingSentence(inputs.actions) }
    var statuses: [(String, Int)] = []
    for a in actions.actions {
      let status = a.status.isEmpty ? "status not stated" : a.status
      if let i = statuses.firstIndex(where: { $0.0 == status }) { statuses[i].1 += 1 } else { statuses.append((status, 1)) }
    }
    let n = actions.actions.count
    return "\(NumberFormatting.count(n)) \(n == 1 ? "action" : "actions") in answer to what people said: "
      + statuses.map { "\(NumberFormatting.count($0.1)) \($0.0)" }.joined(separator: ", ") + "."
  }
}
