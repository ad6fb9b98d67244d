/// Theme charts, tables and quotes shared by the reports: they place the counts `ThemeResults`
/// made and the changes Measures' `ProportionDifference` computed.
enum ThemeFigures {
  static func audienceName(_ audience: Theme.Audience) -> String {
    switch audience {
    case .parentCarers: "parent carers"
    case .youngPeople: "young people and others"
    case .all: "everyone"
    }
  }

  static func changeCell(_ c: ThemeResults.ThemeCount) -> BarChart.Change? {
    guard c.previousWave != nil else { return nil }
    if c.share == nil { return nil }
    if let d = c.change { return .points(d.estimate * 100) }
    return c.isNew ? .new : nil
  }

  /// Themes of one audience and wave as bars: share of respondents who commented, with the
  /// change since the previous wave when there is one.
  static func bars(_ results: ThemeResults, _ inputs: ReportInputs, audience: Theme.Audience, wave: String, limit: Int? = nil) -> BarChart {
    var ranked = results.ranked(audience, wave: wave)
    if let limit { ranked = Array(ranked.prefix(limit)) }
    let previous = ranked.first?.previousWave
    let rows = ranked.map { c in
      BarChart.Row(label: inputs.label(of: c.theme), value: c.share.map { $0.estimate * 100 }, suppressed: c.share == nil,
                   change: changeCell(c))
    }
    return BarChart(title: "Themes raised by \(audienceName(audience)), \(wave): share of those who commented", summary: nil, rows: rows,
                    valueKind: .percent, rowHeading: "Theme", valueHeading: "Share of respondents who commented",
                    changeHeading: previous.map { "Change since \($0) (points)" }, suppressionNote: MeasureFigures.suppressionNote(inputs))
  }

  /// The counts behind `bars`, with bases, intervals and the verdict on each change.
  static func table(_ results: ThemeResults, _ inputs: ReportInputs, audience: Theme.Audience, wave: String) -> DataTable {
    let ranked = results.ranked(audience, wave: wave)
    let rows = ranked.map { c -> [DataTable.Cell] in
      var verdict = "–"
      if let d = c.change { verdict = ChangeVerdict(d).description } else if c.previousWave != nil, c.share != nil, c.isNew { verdict = "new" }
      return [DataTable.Cell(inputs.label(of: c.theme)), MeasureFigures.cell(c.published),
              c.share.map { .percent($0.estimate * 100) } ?? .numericText("suppressed"),
              c.share.map { .percent($0.lower * 100) } ?? .numericText("–"), c.share.map { .percent($0.upper * 100) } ?? .numericText("–"),
              DataTable.Cell(verdict)]
    }
    let base = results.bases[.init(audience: audience, wave: wave)] ?? 0
    return DataTable(caption: "Themes raised by \(audienceName(audience)), \(wave): respondents and share (\(NumberFormatting.count(base)) respondents commented)",
                     columns: ["Theme", "Respondents", "Share", "Lower", "Upper", "Change since previous wave"], rows: rows,
                     notes: ["A respondent counts once per theme however many of their comments raised it; one comment can raise several themes, so shares add up to more than 100%.",
                             "Lower and upper: the 95% Wilson interval.", NumberFormatting.changeRoundingNote, MeasureFigures.suppressionNote(inputs)])
  }

  /// Publishable quotes for a theme in one audience and wave (none when its count is suppressed).
  static func quotes(_ results: ThemeResults, _ inputs: ReportInputs, theme: String, audience: Theme.Audience, wave: String,
                     limit: Int, used: inout Set<String>) -> [HTMLDocument.Block] {
    guard let count = results.counts.first(where: { $0.theme == theme && $0.audience == audience && $0.wave == wave }),
          !count.published.isSuppressed else { return [] }
    let comments = results.comments(given: theme, audience: audience, wave: wave)
    return inputs.quotes.pick(comments, limit: limit, used: &used).map { q in
      .quote(q.text, attribution: QuoteSelection.attribution(q, source: sourceName(inputs, q.responseId)))
    }
  }

  /// The route a response came through, for attributions ("Parent carer survey").
  static func sourceName(_ inputs: ReportInputs, _ responseId: String) -> String {
    inputs.quotes.responses[responseId].map { $0.source.displayName.lowercased() } ?? "survey"
  }

  /// Said when the workspace has no codebooks.
  static let notCoded: HTMLDocument.Block = .paragraph(
    "The free-text answers have not been coded: the workspace has no codebooks (codebooks/*.csv), so no themes are shown. Add the default codebooks and run the report again.")
}
