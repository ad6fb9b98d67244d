/// The annual participation report for participation officers: who took part, what they said,
/// how trust, confidence and satisfaction moved, what was done, and the participation audit.
enum AnnualReport {
  static func build(_ inputs: ReportInputs) -> ReportDocument {
    let wave = inputs.latestWave ?? ""
    var page = HTMLDocument(
      title: "Annual participation report \(wave)",
      summary: "Who took part in \(wave), what children, young people and parent carers told us, how their trust and confidence moved, and what was done as a result.",
      publisher: inputs.publisher,
      sections: [summary(inputs, wave), whoTookPart(inputs, wave), whatTheySaid(inputs, wave), measures(inputs), whatWasDone(inputs), audit(inputs, wave)],
      provenance: inputs.provenance)
    page.warning = inputs.warning
    return ReportDocument(page, extraJSON: [("wave", .string(wave)), ("quoteRule", .string(inputs.quotes.description)),
                                            ("suppressionRule", .string(inputs.policy.description))])
  }

  /// Counts for one wave with the small-number rule applied as one line with its total.
  static func suppressed(_ totals: [(String, Int)], _ inputs: ReportInputs) -> (cells: [SuppressedCell], total: SuppressedCell) {
    let counts = totals.map(\.1)
    switch inputs.policy.rule {
    case .nhs: return (NHSSuppression.apply(counts), NHSSuppression.apply([counts.reduce(0, +)])[0])
    case .threshold:
      return SuppressionRule(minimumCount: inputs.policy.minimumCount, minimumBase: inputs.policy.minimumBase)
        .suppress(counts: counts, total: counts.reduce(0, +))
    }
  }

  static func rows(_ inputs: ReportInputs, wave: String, attendance: Bool, by dimension: (ParticipationCounts.Row) -> String) -> [(String, Int)] {
    var sums: [String: Int] = [:]
    for row in inputs.participation.rows where row.wave == wave && row.isAttendance == attendance { sums[dimension(row), default: 0] += row.count }
    return sums.sorted { $0.key < $1.key }
  }

  static func summary(_ inputs: ReportInputs, _ wave: String) -> HTMLDocument.Section {
    let people = suppressed(rows(inputs, wave: wave, attendance: false) { $0.route.displayName }, inputs).total
    let attendances = suppressed(rows(inputs, wave: wave, attendance: true) { $0.route.displayName }, inputs).total
    var figures: [(value: String, label: String)] = []
    if case .shown(let n) = people { figures.append((NumberFormatting.count(n), "people answered a survey or took part in a workshop in \(wave)")) }
    if case .shown(let n) = attendances, n > 0 { figures.append((NumberFormatting.count(n), "attendances at participation events in \(wave)")) }
    if let trust = MeasureFigures.estimates(inputs.analysis, measure: "trust-confidence").last, let p = trust.published.percent {
      var label = "of parent carers trust and have confidence in the support and advice they receive (\(trust.wave)"
      if let lo = trust.published.lower, let hi = trust.published.upper {
        label += "; 95% interval \(NumberFormatting.percent(lo * 100)) to \(NumberFormatting.percent(hi * 100))"
      }
      figures.append((NumberFormatting.percent(p * 100), label + ")"))
    }
    var blocks: [HTMLDocument.Block] = [.keyFigures(figures)]
    blocks.append(.note("Survey respondents are counted once each; event attendances count every visit, so one person can be counted at several events. The two are never added together."))
    if let table = SummaryFigures.measuresTable(inputs, caption: "What changed: each measure in its latest wave") { blocks.append(.table(table)) }
    let themes = SummaryFigures.topThemes(inputs)
    if !themes.isEmpty {
      blocks.append(.paragraph([.strong("Most raised themes"), .text(" (share of those who commented):")]))
      blocks.append(.list(themes))
    }
    blocks.append(.paragraph([.strong("What was done: "), .text(SummaryFigures.actionsSentence(inputs))]))
    var section = HTMLDocument.Section("Summary", blocks: blocks)
    section.printsAlone = true
    return section
  }

  static func whoTookPart(_ inputs: ReportInputs, _ wave: String) -> HTMLDocument.Section {
    var blocks: [HTMLDocument.Block] = []
    let byRoute = rows(inputs, wave: wave, attendance: false) { $0.route.displayName }
    let routeCells = suppressed(byRoute, inputs).cells
    blocks.append(.figure(ChartFigure(.bars(BarChart(
      title: "People taking part by route, \(wave)", summary: nil,
      rows: zip(byRoute, routeCells).map { BarChart.Row(label: $0.0.0, value: $0.1.isSuppressed ? nil : Double($0.0.1), suppressed: $0.1.isSuppressed) },
      valueKind: .count, rowHeading: "Route", valueHeading: "People", suppressionNote: MeasureFigures.suppressionNote(inputs))))))
    let byLocality = rows(inputs, wave: wave, attendance: false) { $0.locality }
    let localityCells = suppressed(byLocality, inputs).cells
    blocks.append(.figure(ChartFigure(.bars(BarChart(
      title: "People taking part by locality, \(wave)", summary: nil,
      rows: zip(byLocality, localityCells).map { BarChart.Row(label: $0.0.0, value: $0.1.isSuppressed ? nil : Double($0.0.1), suppressed: $0.1.isSuppressed) },
      valueKind: .count, rowHeading: "Locality", valueHeading: "People", suppressionNote: MeasureFigures.suppressionNote(inputs))))))
    // Groups by wave.
    let waves = inputs.waves
    let groups = Set(inputs.participation.rows.filter { !$0.isAttendance }.map(\.group)).sorted()
    var columns: [[SuppressedCell]] = []
    for w in waves {
      let sums = groups.map { g in inputs.participation.rows.filter { $0.wave == w && !$0.isAttendance && $0.group == g }.reduce(0) { $0 + $1.count } }
      columns.append(suppressed(Array(zip(groups, sums)), inputs).cells)
    }
    let groupRows = groups.indices.map { i in [DataTable.Cell(groups[i].capitalizedFirst)] + waves.indices.map { MeasureFigures.cell(columns[$0][i]) } }
    blocks.append(.table(DataTable(caption: "People taking part by respondent group and wave", columns: ["Group"] + waves, rows: groupRows,
                                   notes: [MeasureFigures.suppressionNote(inputs)])))
    let routes = Set(inputs.participation.rows.filter { !$0.isAttendance }.map(\.route.displayName)).sorted()
    var routeColumns: [[SuppressedCell]] = []
    for w in waves {
      let sums = routes.map { r in inputs.participation.rows.filter { $0.wave == w && !$0.isAttendance && $0.route.displayName == r }.reduce(0) { $0 + $1.count } }
      routeColumns.append(suppressed(Array(zip(routes, sums)), inputs).cells)
    }
    blocks.append(.table(DataTable(caption: "People taking part by route and wave", columns: ["Route"] + waves,
                                   rows: routes.indices.map { i in [DataTable.Cell(routes[i])] + waves.indices.map { MeasureFigures.cell(routeColumns[$0][i]) } },
                                   notes: ["A route not used in a wave shows 0."])))
    let representativeness = RepresentativenessFigures.section(inputs, heading: "How representative", latestOnly: true)
    return HTMLDocument.Section("Who took part", blocks: blocks, subsections: [representativeness])
  }

  static func whatTheySaid(_ inputs: ReportInputs, _ wave: String) -> HTMLDocument.Section {
    guard let results = inputs.themes else { return HTMLDocument.Section("What they said", blocks: [ThemeFigures.notCoded]) }
    var subsections: [HTMLDocument.Section] = []
    var used = Set<String>()
    for audience in [Theme.Audience.parentCarers, .youngPeople] {
      guard let latest = results.waves(audience).last else { continue }
      var blocks: [HTMLDocument.Block] = [
        .paragraph("Themes found in the free-text answers by the Voices coder, ranked by how many respondents raised them. The theme pack has examples of each for checking, and its review sheet every coded comment."),
        .figure(ChartFigure(.bars(ThemeFigures.bars(results, inputs, audience: audience, wave: latest)),
                            data: ThemeFigures.table(results, inputs, audience: audience, wave: latest))),
      ]
      var quoteBlocks: [HTMLDocument.Block] = []
      for count in results.ranked(audience, wave: latest).prefix(3) where !count.published.isSuppressed && count.respondents > 0 {
        let quotes = ThemeFigures.quotes(results, inputs, theme: count.theme, audience: audience, wave: latest, limit: 1, used: &used)
        if !quotes.isEmpty {
          quoteBlocks.append(.paragraph([.strong(inputs.label(of: count.theme))]))
          quoteBlocks += quotes
        }
      }
      if !quoteBlocks.isEmpty {
        blocks.append(.paragraph("In their own words, one quote for each of the three most raised themes:"))
        blocks += quoteBlocks
        blocks.append(.note("How quotes are chosen and anonymised: see Rules applied under About this report."))
      }
      subsections.append(HTMLDocument.Section("What \(ThemeFigures.audienceName(audience)) said, \(latest)", blocks: blocks))
    }
    return HTMLDocument.Section("What they said", blocks: [], subsections: subsections)
  }

  static func measures(_ inputs: ReportInputs) -> HTMLDocument.Section {
    var blocks: [HTMLDocument.Block] = []
    if MeasureFigures.estimates(inputs.analysis, measure: "trust-confidence").count > 0,
       !MeasureFigures.isFullySuppressed(inputs, measure: "trust-confidence") {
      blocks.append(.figure(ChartFigure(.trend(MeasureFigures.trend(inputs, measure: "trust-confidence")),
                                        notes: ["Shaded bands: 95% confidence intervals. The trust and confidence tracker has every measure in full."])))
    }
    blocks.append(.paragraph([.text("The summary's table gives every measure in its latest wave with its interval and its latest change; the "),
                              .link("trust and confidence tracker", href: "trust-and-confidence-tracker.html"),
                              .text(" has each measure over every wave, by group, with the question as worded each time.")]))
    return HTMLDocument.Section("How trust, confidence and satisfaction moved", blocks: blocks)
  }

  static func whatWasDone(_ inputs: ReportInputs) -> HTMLDocument.Section {
    guard let actions = inputs.actions, !actions.actions.isEmpty else {
      return HTMLDocument.Section("What was done", blocks: [.paragraph(ActionsFile.missingSentence(inputs.actions))])
    }
    let rows = actions.actions.map { a in
      [DataTable.Cell(a.id), DataTable.Cell(a.whatWeDid), DataTable.Cell(a.themes.map(inputs.label).joined(separator: "; ")), DataTable.Cell(a.status)]
    }
    return HTMLDocument.Section("What was done", blocks: [
      .paragraph([.text("What the partnership did about the themes. The "), .link("You said, we did report", href: "you-said-we-did.html"),
                  .text(" joins each action to its themes and to the measures that should move.")]),
      .table(DataTable(caption: "Actions taken (from actions.csv)", columns: ["Action", "What we did", "Themes it answers", "Status"], rows: rows)),
    ])
  }

  static func audit(_ inputs: ReportInputs, _ wave: String) -> HTMLDocument.Section {
    let events = inputs.participation.rows.filter { $0.wave == wave && $0.isAttendance }
    guard !events.isEmpty else {
      return HTMLDocument.Section("Participation audit", blocks: [.paragraph("No participation events log was read for \(wave).")])
    }
    // ParticipationCounts keeps the log's groups and localities (not its own "route" column).
    var routes: [String: (events: Int, attendance: Int)] = [:]
    var byGroup: [String: (events: Int, attendance: Int)] = [:]
    for e in events {
      byGroup[e.group, default: (0, 0)].events += e.records
      byGroup[e.group, default: (0, 0)].attendance += e.count
      routes[e.locality, default: (0, 0)].events += e.records
      routes[e.locality, default: (0, 0)].attendance += e.count
    }
    func table(_ sums: [String: (events: Int, attendance: Int)], caption: String, heading: String) -> DataTable {
      let keys = sums.keys.sorted()
      let eventCells = suppressed(keys.map { ($0, sums[$0]?.events ?? 0) }, inputs).cells
      let attendanceCells = suppressed(keys.map { ($0, sums[$0]?.attendance ?? 0) }, inputs).cells
      return DataTable(caption: caption, columns: [heading, "Events", "Attendances"],
                       rows: keys.indices.map { [DataTable.Cell(keys[$0].capitalizedFirst), MeasureFigures.cell(eventCells[$0]), MeasureFigures.cell(attendanceCells[$0])] },
                       notes: [MeasureFigures.suppressionNote(inputs)])
    }
    let sorted = routes.sorted { $0.key < $1.key }
    let attendanceCells = suppressed(sorted.map { ($0.key, $0.value.attendance) }, inputs).cells
    return HTMLDocument.Section("Participation audit", blocks: [
      .paragraph("From the participation events log: how many events were held and how many attendances they had. An attendance is one person at one event."),
      .figure(ChartFigure(.bars(BarChart(title: "Attendances at participation events by locality, \(wave)", summary: nil,
                                         rows: zip(sorted, attendanceCells).map { BarChart.Row(label: $0.0.key, value: $0.1.isSuppressed ? nil : Double($0.0.value.attendance), suppressed: $0.1.isSuppressed) },
                                         valueKind: .count, rowHeading: "Locality", valueHeading: "Attendances", suppressionNote: MeasureFigures.suppressionNote(inputs))))),
      .table(table(byGroup, caption: "Events and attendances by who they were for, \(wave)", heading: "Group")),
    ])
  }
}
