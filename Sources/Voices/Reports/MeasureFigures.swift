/// Charts and tables of the measures, shared by the reports: they place the values
/// `MeasureAnalysis` computed (shares as points, intervals, verdicts) and compute none.
enum MeasureFigures {
  /// The series of one measure without a timepoint (paired measures are shown as before/after).
  static func estimates(_ analysis: MeasureAnalysis, measure: String, group: BreakdownGroup = .everyone) -> [MeasureEstimate] {
    analysis.estimates.filter { $0.series.measure == measure && $0.series.timepoint == nil && $0.group == group }
  }

  /// Measure ids with a series without timepoint, in the registry's order, then the rest.
  static func measures(_ inputs: ReportInputs) -> [String] {
    let present = Set(inputs.analysis.estimates.filter { $0.series.timepoint == nil }.map(\.series.measure))
    let registered = inputs.load.registry.measures.map(\.id).filter(present.contains)
    return registered + present.subtracting(registered).sorted()
  }

  /// True when no wave of the measure has a share that may be published: a chart of it would
  /// be empty, so the reports say so in a sentence instead.
  static func isFullySuppressed(_ inputs: ReportInputs, measure: String) -> Bool {
    estimates(inputs.analysis, measure: measure).allSatisfy { $0.published.percent == nil }
  }

  /// What a fully suppressed measure gets in place of its chart.
  static func fullySuppressedSentence(_ inputs: ReportInputs, measure: String) -> String {
    let waves = estimates(inputs.analysis, measure: measure).map(\.wave)
    let when = waves.isEmpty ? "" : " in " + (waves.count == 1 ? waves[0] : waves.dropLast().joined(separator: ", ") + " or " + (waves.last ?? ""))
    return "Too few people answered this question\(when) to publish a figure (\(inputs.policy.description)), so no chart is drawn."
  }

  /// "45% (40% to 50%)" or "suppressed".
  static func shareText(_ e: MeasureEstimate) -> String {
    guard let p = e.published.percent else { return "suppressed" }
    var text = NumberFormatting.percent(p * 100)
    if let lo = e.published.lower, let hi = e.published.upper {
      text += " (\(NumberFormatting.percent(lo * 100)) to \(NumberFormatting.percent(hi * 100)))"
    }
    return text
  }

  static func cell(_ cell: SuppressedCell) -> DataTable.Cell {
    switch cell {
    case .shown(let n): .count(n)
    case .rounded(let n): DataTable.Cell("~" + NumberFormatting.count(n), number: Double(n))
    case .suppressed: .numericText("suppressed")
    }
  }

  static func percentCell(_ proportion: Double?) -> DataTable.Cell {
    proportion.map { .percent($0 * 100) } ?? .numericText("suppressed")
  }

  /// The measure's share positive over the waves, with intervals, bases and wording breaks.
  static func trend(_ inputs: ReportInputs, measure: String) -> TrendChart {
    let line = estimates(inputs.analysis, measure: measure)
    let waves = line.map { TrendChart.Wave(label: $0.wave, base: $0.published.base.isSuppressed ? nil : $0.tally.base) }
    let values: [TrendChart.Point?] = line.map { e in
      guard let p = e.published.percent else { return .suppressed }
      return .value(p * 100, lower: e.published.lower.map { $0 * 100 }, upper: e.published.upper.map { $0 * 100 })
    }
    var breaks: [TrendChart.Break] = []
    for change in changes(inputs.analysis, measure: measure) where change.comparabilityBreak != nil {
      if let at = line.firstIndex(where: { $0.wave == change.from }) {
        breaks.append(.init(afterWave: at, note: change.shortVerdict.replacingOccurrences(of: "not compared: ", with: "") + " in \(change.to)"))
      }
    }
    let positive = line.first.map { positiveLabels($0).joined(separator: " or ") } ?? "positive"
    return TrendChart(title: "\(inputs.title(of: measure)): share answering \(positive), by wave", summary: nil, waves: waves,
                      series: [.init(name: "All", points: values)], breaks: breaks,
                      suppressionNote: suppressionNote(inputs))
  }

  static func positiveLabels(_ e: MeasureEstimate) -> [String] {
    e.tally.positiveOptions.sorted().map { e.tally.scale.labels[$0] }
  }

  static func suppressionNote(_ inputs: ReportInputs) -> String {
    "Suppressed: " + inputs.policy.description + "."
  }

  /// Changes between consecutive waves for everyone.
  static func changes(_ analysis: MeasureAnalysis, measure: String, group: BreakdownGroup = .everyone) -> [MeasureChange] {
    analysis.changes.filter { $0.series.measure == measure && $0.series.timepoint == nil && $0.group == group }
  }

  /// The answers by wave as a diverging bar chart, when the scale has words (not 0–10 or 1–5).
  ///
  /// Each bar's segments are the published counts over the wave's base (answers on the scale).
  static func distribution(_ inputs: ReportInputs, measure: String) -> DivergingBarChart? {
    let line = estimates(inputs.analysis, measure: measure)
    guard let first = line.first, first.tally.scale.values == nil, line.allSatisfy({ $0.tally.scale.labels == first.tally.scale.labels }) else { return nil }
    let labels = first.tally.scale.labels
    let positives = first.tally.positiveOptions
    let firstPositive = positives.min() ?? labels.count
    let categories = labels.indices.map { i -> DivergingBarChart.Category in
      let polarity: DivergingBarChart.Polarity = positives.contains(i) ? .positive
        : (labels.count % 2 == 1 && i == labels.count / 2 && i < firstPositive) ? .neutral : .negative
      return .init(label: labels[i], polarity: polarity)
    }
    let rows = line.map { e -> DivergingBarChart.Row in
      let base = e.tally.base
      let shown = !e.published.base.isSuppressed && base > 0
      let segments = labels.indices.map { i -> DivergingBarChart.Segment in
        guard shown, i < e.published.distribution.count else { return .suppressed }
        switch e.published.distribution[i] {
        case .shown(let n), .rounded(let n): return .percent(Double(n) / Double(base) * 100)
        case .suppressed: return .suppressed
        }
      }
      return .init(label: e.wave, base: shown ? base : nil, segments: segments)
    }
    return DivergingBarChart(title: "\(inputs.title(of: measure)): answers by wave", summary: nil, categories: categories, rows: rows,
                             neutral: .apart, rowHeading: "Wave", suppressionNote: suppressionNote(inputs))
  }

  /// The changes between waves with their intervals and verdicts.
  static func changeTable(_ inputs: ReportInputs, measure: String, group: BreakdownGroup = .everyone, caption: String? = nil) -> DataTable? {
    let list = changes(inputs.analysis, measure: measure, group: group)
    guard !list.isEmpty else { return nil }
    let rows = list.map { c -> [DataTable.Cell] in
      let shown = !c.isSuppressed && c.comparabilityBreak == nil
      let d = shown ? c.difference : nil
      return [DataTable.Cell("\(c.from) to \(c.to)"),
              d.map { DataTable.Cell(NumberFormatting.change($0.estimate * 100), number: $0.estimate * 100) } ?? .numericText("–"),
              d.map { DataTable.Cell(NumberFormatting.change($0.lower * 100), number: $0.lower * 100) } ?? .numericText("–"),
              d.map { DataTable.Cell(NumberFormatting.change($0.upper * 100), number: $0.upper * 100) } ?? .numericText("–"),
              DataTable.Cell(c.verdict)]
    }
    return DataTable(caption: caption ?? "\(inputs.title(of: measure)): change between waves (percentage points)",
                     columns: ["Waves", "Change (points)", "Lower", "Upper", "Verdict"], rows: rows,
                     notes: ["Lower and upper: the 95% interval of the change (Newcombe's hybrid score method).", NumberFormatting.changeRoundingNote])
  }

  /// One breakdown field's groups for a measure in a wave.
  static func breakdownTable(_ inputs: ReportInputs, field: String, analysis: MeasureAnalysis, measure: String, wave: String) -> DataTable? {
    let rows = analysis.estimates.filter { $0.series.measure == measure && $0.series.timepoint == nil && $0.wave == wave && !$0.group.isEveryone }
    guard !rows.isEmpty else { return nil }
    let body = rows.map { e -> [DataTable.Cell] in
      let change = analysis.changes.first { $0.series == e.series && $0.group == e.group && $0.to == wave }
      return [DataTable.Cell(e.group.values.first?.value ?? e.group.description), cell(e.published.base), percentCell(e.published.percent),
              e.published.lower.map { .percent($0 * 100) } ?? .numericText("–"), e.published.upper.map { .percent($0 * 100) } ?? .numericText("–"),
              DataTable.Cell(change?.shortVerdict ?? "–")]
    }
    return DataTable(caption: "\(inputs.title(of: measure)) by \(field), \(wave)",
                     columns: [field.capitalizedFirst, "Base (n)", "Share positive", "Lower", "Upper", "Change since previous wave"],
                     rows: body, notes: ["Lower and upper: the 95% Wilson interval.", suppressionNote(inputs)])
  }
}
