/// The trust and confidence tracker for strategy leads: each measure over the waves with its
/// intervals, a verdict on each change, breakdowns with suppression, comparability notes,
/// before/after pairs, and how the people who answered compare with the population.
enum TrustTrackerReport {
  static func build(_ inputs: ReportInputs) -> ReportDocument {
    var sections: [HTMLDocument.Section] = [summary(inputs)]
    sections.append(HTMLDocument.Section("Measures over the waves", blocks: [
      .paragraph("Each measure is the share of people who answered on the scale and gave a positive answer. The shaded band around each point is its 95% confidence interval; n is the number of answers. A change is called a rise or a fall only when its interval excludes zero; otherwise it may be noise."),
    ], subsections: MeasureFigures.measures(inputs).map { measureSection(inputs, $0) }))
    if !inputs.breakdowns.isEmpty { sections.append(breakdowns(inputs)) }
    if !inputs.analysis.beforeAfter.isEmpty { sections.append(beforeAfter(inputs)) }
    sections.append(representativeness(inputs))
    let page = HTMLDocument(title: "Trust and confidence tracker",
                            summary: "How trust, confidence and satisfaction moved across the survey waves, with how sure we can be of each figure.",
                            publisher: inputs.publisher, sections: sections, provenance: inputs.provenance)
    var doc = page
    doc.warning = inputs.warning
    return ReportDocument(doc, extraJSON: [("suppressionRule", .string(inputs.policy.description))])
  }

  static func summary(_ inputs: ReportInputs) -> HTMLDocument.Section {
    var blocks: [HTMLDocument.Block] = []
    var figures: [(value: String, label: String)] = []
    for measure in MeasureFigures.measures(inputs) {
      guard let last = MeasureFigures.estimates(inputs.analysis, measure: measure).last else { continue }
      if figures.count < 3, let p = last.published.percent {
        var label = "\(inputs.title(of: measure)) (\(last.wave)"
        if let lo = last.published.lower, let hi = last.published.upper {
          label += "; 95% interval \(NumberFormatting.percent(lo * 100)) to \(NumberFormatting.percent(hi * 100))"
        }
        figures.append((NumberFormatting.percent(p * 100), label + ")"))
      }
    }
    if !figures.isEmpty { blocks.append(.keyFigures(figures)) }
    if let table = SummaryFigures.measuresTable(inputs, caption: "Every measure in its latest wave, and what changed since the wave before") {
      blocks.append(.table(table))
    }
    let breaks = inputs.analysis.changes.filter { $0.group.isEveryone && $0.comparabilityBreak != nil }
    for b in breaks {
      blocks.append(.paragraph([.strong((b.comparability.heading ?? "").capitalizedFirst + ": "), .text("\(inputs.title(of: b.series.measure)) — \(b.comparabilityBreak ?? ""). The \(b.from) and \(b.to) figures are shown side by side but not compared.")]))
    }
    var section = HTMLDocument.Section("Summary", blocks: blocks)
    section.printsAlone = true
    return section
  }

  static func measureSection(_ inputs: ReportInputs, _ measure: String) -> HTMLDocument.Section {
    var blocks: [HTMLDocument.Block] = []
    if let definition = inputs.load.registry.definition(measure) {
      let wordings = definition.wording.sorted { $0.key < $1.key }.map { [HTMLDocument.Inline.strong("\($0.key): "), .text("“\($0.value)”")] }
      if !wordings.isEmpty {
        blocks.append(.paragraph("Asked of \(definition.audience ?? "respondents") on the \(definition.scale) scale. The question as worded in each wave:"))
        blocks.append(.list(wordings))
      }
    }
    for change in MeasureFigures.changes(inputs.analysis, measure: measure) where change.comparabilityBreak != nil {
      blocks.append(.paragraph([.strong((change.comparability.heading ?? "").capitalizedFirst + ": "), .text((change.comparabilityBreak ?? "").capitalizedFirst + ". Figures before and after the break are not compared.")]))
    }
    if MeasureFigures.isFullySuppressed(inputs, measure: measure) {
      blocks.append(.paragraph(MeasureFigures.fullySuppressedSentence(inputs, measure: measure)))
      return HTMLDocument.Section(inputs.title(of: measure), blocks: blocks)
    }
    blocks.append(.figure(ChartFigure(.trend(MeasureFigures.trend(inputs, measure: measure)),
                                      notes: ["Shaded bands: 95% Wilson confidence intervals. n: answers on the scale in that wave."])))
    if let table = MeasureFigures.changeTable(inputs, measure: measure) { blocks.append(.table(table)) }
    if let trend = inputs.analysis.trends.first(where: { $0.series.measure == measure && $0.series.timepoint == nil && $0.group.isEveryone }) {
      blocks.append(.paragraph([.strong("Across all waves: "), .text(trend.verdict + ".")]))
    }
    if let chart = MeasureFigures.distribution(inputs, measure: measure) { blocks.append(.figure(ChartFigure(.diverging(chart)))) }
    let weighted = inputs.analysis.weighted.filter { $0.series.measure == measure && $0.series.timepoint == nil }
    if !weighted.isEmpty {
      let rows = weighted.map { w -> [DataTable.Cell] in
        let unweighted = MeasureFigures.estimates(inputs.analysis, measure: measure).first { $0.wave == w.wave }
        return [DataTable.Cell(w.wave), MeasureFigures.percentCell(unweighted?.published.percent),
                w.isSuppressed ? .numericText("suppressed") : .percent(w.percent * 100),
                w.isSuppressed ? .numericText("–") : .percent(w.lower * 100), w.isSuppressed ? .numericText("–") : .percent(w.upper * 100),
                DataTable.Cell(NumberFormatting.number(w.designEffect, decimals: 2), number: w.designEffect)]
      }
      blocks.append(.table(DataTable(caption: "\(inputs.title(of: measure)): unweighted and weighted to the population by \(weighted[0].field)",
                                     columns: ["Wave", "Unweighted", "Weighted", "Weighted lower", "Weighted upper", "Design effect"], rows: rows,
                                     notes: ["Weighted: each answer counts by how under- or over-represented the respondent's \(weighted[0].field) is (post-stratification); the interval uses the effective base, so it is wider."])))
    }
    return HTMLDocument.Section(inputs.title(of: measure), blocks: blocks)
  }

  static func breakdowns(_ inputs: ReportInputs) -> HTMLDocument.Section {
    var subsections: [HTMLDocument.Section] = []
    for (field, analysis) in inputs.breakdowns {
      var blocks: [HTMLDocument.Block] = []
      for measure in MeasureFigures.measures(inputs) {
        guard let wave = MeasureFigures.estimates(inputs.analysis, measure: measure).last?.wave,
              let table = MeasureFigures.breakdownTable(inputs, field: field, analysis: analysis, measure: measure, wave: wave) else { continue }
        blocks.append(.table(table))
      }
      if !blocks.isEmpty { subsections.append(HTMLDocument.Section("By \(field)", blocks: blocks)) }
    }
    return HTMLDocument.Section("Breakdowns", blocks: [
      .paragraph("Each measure in its latest wave by group. Groups too small to publish are shown as suppressed, and further cells are hidden where a hidden one could be worked out from the totals."),
    ], subsections: subsections)
  }

  static func beforeAfter(_ inputs: ReportInputs) -> HTMLDocument.Section {
    let rows = inputs.analysis.beforeAfter.map { pair -> [DataTable.Cell] in
      let c = pair.comparison
      func two(_ v: Double?) -> DataTable.Cell {
        pair.isSuppressed ? .numericText("suppressed") : v.map { DataTable.Cell(NumberFormatting.number($0, decimals: 2), number: $0) } ?? .numericText("–")
      }
      let p = pair.isSuppressed ? nil : c?.p
      return [DataTable.Cell("\(inputs.title(of: pair.measure)), \(pair.wave)"), pair.isSuppressed ? .numericText("suppressed") : .count(pair.pairs),
              two(pair.meanBefore), two(pair.meanAfter), two(c?.meanDifference), two(c?.lower), two(c?.upper),
              MeasureFigures.cell(pair.published[0]), MeasureFigures.cell(pair.published[1]), MeasureFigures.cell(pair.published[2]),
              p.map { DataTable.Cell(MeasureTrend.pText($0).replacingOccurrences(of: "= ", with: ""), number: $0) } ?? .numericText("–")]
    }
    var blocks: [HTMLDocument.Block] = [
      .paragraph("The same young people rated their confidence before and after the Takeover Challenge. The mean change has a 95% t interval and the paired t test's p beside it, so the two always agree."),
      .table(DataTable(caption: "Before and after: paired ratings",
                       columns: ["Measure", "Pairs", "Mean before", "Mean after", "Mean change", "Lower", "Upper", "Improved", "Same", "Worse", "p (paired t)"],
                       rows: rows, notes: [MeasureFigures.suppressionNote(inputs)])),
    ]
    for pair in inputs.analysis.beforeAfter where !pair.isSuppressed {
      if let c = pair.comparison, let lo = c.lower, let hi = c.upper {
        let verdict = lo > 0 ? "confidence rose: the whole interval is above zero" : hi < 0 ? "confidence fell: the whole interval is below zero" : "no clear change: the interval includes zero"
        blocks.append(.paragraph([.strong("\(inputs.title(of: pair.measure)), \(pair.wave): "), .text(verdict + ".")]))
      }
    }
    return HTMLDocument.Section("Before and after", blocks: blocks)
  }

  static func representativeness(_ inputs: ReportInputs) -> HTMLDocument.Section {
    RepresentativenessFigures.section(inputs, heading: "Who answered compared with the population")
  }
}

/// Respondents against `population.json`, as Measures compared them.
enum RepresentativenessFigures {
  static func section(_ inputs: ReportInputs, heading: String, latestOnly: Bool = false) -> HTMLDocument.Section {
    var list = inputs.analysis.representativeness
    if latestOnly, let last = list.map(\.wave).max() { list = list.filter { $0.wave == last } }
    guard !list.isEmpty else {
      return HTMLDocument.Section(heading, blocks: [.paragraph("The workspace has no population.json, so respondents are not compared with the population.")])
    }
    var blocks: [HTMLDocument.Block] = [
      .paragraph("Each group's share of the people who answered beside its share of the population. An adjusted residual below −2 means the group is clearly under-represented, above +2 over-represented."),
    ]
    for r in list {
      let rows = r.rows.map { row -> [DataTable.Cell] in
        [DataTable.Cell(row.answer), MeasureFigures.cell(row.published),
         row.published.isSuppressed ? .numericText("suppressed") : .percent(row.sampleShare * 100),
         .percent(row.populationShare * 100),
         row.published.isSuppressed ? .numericText("–") : DataTable.Cell(NumberFormatting.number(row.adjustedResidual, decimals: 1), number: row.adjustedResidual)]
      }
      var notes = ["Population: \(r.profile.source ?? "not stated")."]
      if r.unmatched > 0 { notes.append("\(NumberFormatting.count(r.unmatched)) respondents gave no answer in this list (for example “Prefer not to say”) and are left out.") }
      if let test = r.test { notes.append("Chi-square goodness of fit: \(NumberFormatting.number(test.statistic, decimals: 1)) on \(test.degreesOfFreedom) degrees of freedom, p \(MeasureTrend.pText(test.p)).") }
      blocks.append(.table(DataTable(caption: "\(r.profile.title): respondents and population, \(r.wave)",
                                     columns: [r.profile.field.capitalizedFirst, "Respondents", "Share of respondents", "Share of population", "Adjusted residual"],
                                     rows: rows, notes: notes)))
      if !r.underRepresented.isEmpty {
        blocks.append(.paragraph([.strong("Under-represented in \(r.wave): "), .text(r.underRepresented.joined(separator: "; ") + ".")]))
      }
    }
    return HTMLDocument.Section(heading, blocks: blocks)
  }
}
