/// "You said, we did": each theme families raised, what the partnership did about it (from
/// `actions.csv`), and how the measures the actions should move have moved.
enum YouSaidWeDidReport {
  static func build(_ inputs: ReportInputs) -> ReportDocument {
    var sections: [HTMLDocument.Section] = []
    guard let actions = inputs.actions, !actions.actions.isEmpty else {
      sections.append(HTMLDocument.Section("No actions yet", blocks: [
        .paragraph(ActionsFile.missingSentence(inputs.actions)),
      ]))
      return finish(sections, inputs)
    }
    var blocks: [HTMLDocument.Block] = [
      .paragraph("What children, young people and parent carers told us, what the SEND partnership did about it, and whether the measures it should move have moved. Actions are numbered by the SEND strategy priority they belong to (P1/001 is priority 1's first action)."),
    ]
    let statuses = Dictionary(grouping: actions.actions, by: { $0.status.isEmpty ? "not stated" : $0.status }).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
    blocks.append(.keyFigures(statuses.map { (NumberFormatting.count($0.1), ($0.1 == 1 ? "action " : "actions ") + $0.0) }))
    sections.append(HTMLDocument.Section("Summary", blocks: blocks))

    var used = Set<String>()
    var themeOrder: [String] = []
    for action in actions.actions { for t in action.themes where !themeOrder.contains(t) { themeOrder.append(t) } }
    if let results = inputs.themes {
      // Most raised first, in the latest wave of the theme's audience.
      func rank(_ id: String) -> Int {
        guard let theme = results.codebook.theme(id) else { return -1 }
        let audience: Theme.Audience = theme.audience == .youngPeople ? .youngPeople : .parentCarers
        guard let wave = results.waves(audience).last,
              let c = results.counts.first(where: { $0.theme == id && $0.audience == audience && $0.wave == wave }), !c.published.isSuppressed else { return -1 }
        return c.respondents
      }
      let ranks = Dictionary(uniqueKeysWithValues: themeOrder.map { ($0, rank($0)) })
      themeOrder = themeOrder.enumerated().sorted { (ranks[$0.element] ?? -1, -$0.offset) > (ranks[$1.element] ?? -1, -$1.offset) }.map(\.element)
    }
    var subsections: [HTMLDocument.Section] = []
    for id in themeOrder {
      subsections.append(themeSection(id, actions: actions.actions.filter { $0.themes.contains(id) }, inputs, used: &used))
    }
    sections.append(HTMLDocument.Section("You said, we did", blocks: [], subsections: subsections))
    sections.append(HTMLDocument.Section("Every action", blocks: [
      .table(DataTable(caption: "Every action in actions.csv", columns: ["Action", "What we did", "Themes", "Status", "Date", "Evidence"],
                       rows: actions.actions.map { a in
                         [DataTable.Cell(a.id), DataTable.Cell(a.whatWeDid), DataTable.Cell(a.themes.map(inputs.label).joined(separator: "; ")),
                          DataTable.Cell(a.status), DataTable.Cell(a.date), DataTable.Cell(a.evidence)]
                       })),
    ]))
    return finish(sections, inputs)
  }

  static func finish(_ sections: [HTMLDocument.Section], _ inputs: ReportInputs) -> ReportDocument {
    var page = HTMLDocument(title: "You said, we did",
                            summary: "What you told us, what we did about it, and what has changed since.",
                            publisher: inputs.publisher, sections: sections, provenance: inputs.provenance)
    page.warning = inputs.warning
    return ReportDocument(page, extraJSON: [("quoteRule", .string(inputs.quotes.description)),
                                            ("suppressionRule", .string(inputs.policy.description))])
  }

  static func themeSection(_ id: String, actions: [ActionsFile.Action], _ inputs: ReportInputs, used: inout Set<String>) -> HTMLDocument.Section {
    var blocks: [HTMLDocument.Block] = []
    let theme = inputs.themes?.codebook.theme(id)
    blocks.append(.paragraph([.strong("You said: "), .text(theme.map { $0.youSaid.isEmpty ? $0.label : $0.youSaid } ?? id)]))
    if let results = inputs.themes, let theme {
      let audience: Theme.Audience = theme.audience == .youngPeople ? .youngPeople : .parentCarers
      if let wave = results.waves(audience).last,
         let c = results.counts.first(where: { $0.theme == id && $0.audience == audience && $0.wave == wave }) {
        if let share = c.share {
          var text = "\(NumberFormatting.count(c.respondents)) of \(NumberFormatting.count(c.base)) \(ThemeFigures.audienceName(audience)) who commented in \(wave) raised this (\(NumberFormatting.percent(share.estimate * 100)))"
          if let d = c.change, let prev = c.previousWave { text += "; since \(prev): \(ChangeVerdict(d).description)" }
          blocks.append(.paragraph(text + "."))
        } else if c.published.isSuppressed {
          blocks.append(.paragraph("Fewer than \(inputs.policy.minimumCount) \(ThemeFigures.audienceName(audience)) raised this in \(wave)."))
        }
        blocks += ThemeFigures.quotes(results, inputs, theme: id, audience: audience, wave: wave, limit: 1, used: &used)
      }
    }
    let items: [[HTMLDocument.Inline]] = actions.map { a in
      var runs: [HTMLDocument.Inline] = [.strong("\(a.id): "), .text(a.whatWeDid)]
      var facts: [String] = []
      if !a.status.isEmpty { facts.append(a.status) }
      if !a.date.isEmpty { facts.append(a.date) }
      if !facts.isEmpty { runs.append(.text(" (" + facts.joined(separator: ", ") + ")")) }
      if !a.evidence.isEmpty {
        runs.append(.text(" "))
        runs.append(a.evidence.hasPrefix("http") ? .link("Evidence for \(a.id)", href: a.evidence) : .text("Evidence: \(a.evidence)"))
      }
      return runs
    }
    blocks.append(.paragraph([.strong("We did:")]))
    blocks.append(.list(items))
    let measures = actions.flatMap(\.measures).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    var changed: [[HTMLDocument.Inline]] = []
    for measure in measures {
      guard let last = MeasureFigures.estimates(inputs.analysis, measure: measure).last else { continue }
      var text = "\(last.wave): \(MeasureFigures.shareText(last))"
      if let change = MeasureFigures.changes(inputs.analysis, measure: measure).last { text += "; \(change.from) to \(change.to): \(change.verdict)" }
      changed.append([.strong(inputs.title(of: measure) + ": "), .text(text + ".")])
    }
    if !changed.isEmpty {
      blocks.append(.paragraph([.strong("What changed:")]))
      blocks.append(.list(changed))
    }
    return HTMLDocument.Section(inputs.label(of: id), id: "said-\(id)", blocks: blocks)
  }
}
