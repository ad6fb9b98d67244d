/// The theme pack for the Parent Carer Council: per theme its definition, count and trend and
/// every coded comment of the latest wave (anonymised) with the words it was coded from
/// highlighted; the least certain and the uncoded comments to review; what is not there yet.
enum ThemePackReport {
  static func build(_ inputs: ReportInputs) -> ReportDocument {
    var sections: [HTMLDocument.Section] = [
      HTMLDocument.Section("About this pack", blocks: [
        .paragraph("This pack is for the Parent Carer Council to read, check and challenge how the comments were coded. Every comment shown is anonymised: names, schools, addresses, emails, phone numbers, postcodes, NHS numbers and dates of birth are replaced by markers such as [name]."),
        .paragraph([.strong("Not for publication: "), .text("comments here include people who did not agree to be quoted (each says whether they did). Only the quotes in the annual report and in You said, we did may be published.")]),
        .paragraph([.text("Highlighted words "), .mark("look like this"), .text(": they are the words the coder matched for the theme. A comment can be given several themes.")]),
      ]),
    ]
    guard let results = inputs.themes else {
      sections.append(HTMLDocument.Section("Themes", blocks: [ThemeFigures.notCoded]))
      return finish(sections, inputs)
    }
    for audience in [Theme.Audience.parentCarers, .youngPeople] {
      guard let latest = results.waves(audience).last else { continue }
      var subsections: [HTMLDocument.Section] = []
      for count in results.ranked(audience, wave: latest) {
        subsections.append(themeSection(results, inputs, count: count))
      }
      sections.append(HTMLDocument.Section("Themes from \(ThemeFigures.audienceName(audience)), \(latest)", blocks: [
        .figure(ChartFigure(.bars(ThemeFigures.bars(results, inputs, audience: audience, wave: latest)))),
        .table(ThemeFigures.table(results, inputs, audience: audience, wave: latest)),
      ], subsections: subsections))
    }
    sections.append(review(results, inputs))
    sections.append(emergingThemes(results, inputs))
    sections.append(HTMLDocument.Section("Review sheet", blocks: [
      .paragraph([.text("The spreadsheet "), .link(reviewSheetName, href: reviewSheetName),
                  .text(" beside this pack has one row for each comment shown here and each theme it was given (and one row for a comment with no theme), anonymised as here, with the words the coder matched. Open it in Excel, choose agree or disagree for each theme, add themes the coder missed, and write your initials. A council officer then runs voices review import \(reviewSheetName): every row is checked, the decisions are added to the workspace's decisions log (never overwritten; two reviewers who disagree are both kept), and the next reports count your decisions before the coder's.")]),
    ]))
    return finish(sections, inputs)
  }

  /// The review sheet's file name, beside the pack.
  static let reviewSheetName = "theme-pack-review-sheet.xlsx"

  /// The comments the pack shows (the latest wave of each audience), coded.
  static func shownComments(_ results: ThemeResults) -> [CodedComment] {
    [Theme.Audience.parentCarers, .youngPeople].flatMap { audience -> [CodedComment] in
      guard let latest = results.waves(audience).last else { return [] }
      return results.comments.filter { $0.wave == latest && $0.audience == audience }
    }
  }

  /// The review sheet for the comments the pack shows (XLSX, see `ReviewSheet`), without the
  /// rows of a theme held back under the small-number rule; nil when nothing was coded.
  static func reviewSheet(_ inputs: ReportInputs) -> [UInt8]? {
    guard let results = inputs.themes else { return nil }
    // Theme ids belong to one audience's codebook, so a wave and a theme name the count.
    let suppressed = Set(results.counts.filter(\.published.isSuppressed).map { "\($0.wave)|\($0.theme)" })
    let rows = ReviewSheet.rows(for: shownComments(results), codebook: results.codebook, redactor: inputs.redactor)
      .filter { row in
        row.proposedTheme.isEmpty || !suppressed.contains("\(row.key.wave)|\(row.proposedTheme)")
      }
    return try? ReviewSheet.xlsx(rows, codebook: results.codebook)
  }

  /// Candidate new themes among the shown comments no theme fits (`EmergingThemes`, the
  /// computation `voices themes suggest` makes); each holds at least the small-number minimum of
  /// comments, so no small count is shown, and quotes only people who agreed to be quoted.
  static func emergingThemes(_ results: ThemeResults, _ inputs: ReportInputs) -> HTMLDocument.Section {
    var subsections: [HTMLDocument.Section] = []
    let settings = EmergingThemes.Settings(minimumSize: max(3, inputs.policy.minimumCount))
    for audience in [Theme.Audience.parentCarers, .youngPeople] {
      guard let latest = results.waves(audience).last else { continue }
      let comments = results.comments.filter { $0.wave == latest && $0.audience == audience }
      let found = EmergingThemes.find(comments, redactions: comments.map(inputs.quotes.redaction),
                                      mayQuote: { inputs.quotes.mayQuote($0.responseId) }, settings: settings)
      var blocks: [HTMLDocument.Block] = []
      if found.groups.isEmpty {
        blocks.append(.paragraph("No group of \(settings.minimumSize) or more uncoded comments says the same thing."))
      }
      for g in found.groups.prefix(8) {
        var facts: [[HTMLDocument.Inline]] = [[.strong("Comments: "), .text("\(NumberFormatting.count(g.size)) (\(String(format: "%.0f", g.share * 100))% of the uncoded)")]]
        if g.phrases.count > 1 { facts.append([.strong("Also said: "), .text(g.phrases.dropFirst().joined(separator: "; "))]) }
        blocks.append(.paragraph([.strong("\(g.number). “\(g.name)”")]))
        blocks.append(.list(facts))
        for quote in g.quotes { blocks.append(.quote(quote, attribution: nil)) }
      }
      subsections.append(HTMLDocument.Section("Emerging themes: \(ThemeFigures.audienceName(audience)), \(latest)", blocks: blocks))
    }
    return HTMLDocument.Section("Emerging themes", blocks: [
      .paragraph("Comments no theme was given, grouped by what they say (a short-text mixture model over their words and word pairs, negated words kept apart) and named by the phrases most particular to each group: candidates for a new theme in the codebook, for the Council to judge. Quotes are only from people who agreed to be quoted. The command voices themes suggest lists the same for any workspace, with every comment's group (--format csv), and voices themes adopt drafts a codebook row from a group."),
    ], subsections: subsections)
  }

  static func finish(_ sections: [HTMLDocument.Section], _ inputs: ReportInputs) -> ReportDocument {
    var page = HTMLDocument(title: "Theme pack for the Parent Carer Council",
                            summary: "Every theme the coder found in what families and young people wrote, with its definition, its trend and the comments behind it, to check and challenge.",
                            publisher: inputs.publisher, sections: sections, provenance: inputs.provenance)
    page.warning = inputs.warning
    return ReportDocument(page, extraJSON: [("suppressionRule", .string(inputs.policy.description))])
  }

  static func themeSection(_ results: ThemeResults, _ inputs: ReportInputs, count: ThemeResults.ThemeCount) -> HTMLDocument.Section {
    let theme = results.codebook.theme(count.theme)
    var blocks: [HTMLDocument.Block] = []
    if let theme {
      blocks.append(.paragraph([.strong("You said: "), .text(theme.youSaid.isEmpty ? theme.label : theme.youSaid)]))
      var facts: [[HTMLDocument.Inline]] = [[.strong("Theme id: "), .text(theme.id)], [.strong("Kind: "), .text(theme.polarity.rawValue)]]
      if !theme.priority.isEmpty { facts.append([.strong("Strategy priority: "), .text(theme.priority)]) }
      if !theme.notes.isEmpty { facts.append([.strong("Coding notes: "), .text(theme.notes)]) }
      blocks.append(.list(facts))
    }
    let history = results.counts.filter { $0.theme == count.theme && $0.audience == count.audience }
    let rows = history.map { c -> [DataTable.Cell] in
      [DataTable.Cell(c.wave), .count(c.base), MeasureFigures.cell(c.published), c.share.map { .percent($0.estimate * 100) } ?? .numericText("suppressed"),
       DataTable.Cell(c.change.map { ChangeVerdict($0).description } ?? (c.previousWave == nil ? "first wave" : "–"))]
    }
    blocks.append(.table(DataTable(caption: "\(inputs.label(of: count.theme)): respondents by wave",
                                   columns: ["Wave", "Respondents who commented", "Raised the theme", "Share", "Change since previous wave"], rows: rows,
                                   notes: [MeasureFigures.suppressionNote(inputs)])))
    if count.published.isSuppressed {
      blocks.append(.paragraph("Fewer than \(inputs.policy.minimumCount) respondents raised this theme in \(count.wave), so their comments are held back from this pack under the small-number rule. Review them in coded/coded.csv on a council machine."))
    } else if count.respondents == 0 {
      blocks.append(.paragraph("No comment in \(count.wave) was given this theme."))
    } else {
      let comments = results.comments(given: count.theme, audience: count.audience, wave: count.wave)
      blocks.append(.paragraph("The \(NumberFormatting.count(comments.count)) comments given this theme in \(count.wave):"))
      for c in comments { blocks.append(comment(c, inputs, theme: count.theme)) }
    }
    return HTMLDocument.Section(inputs.label(of: count.theme), id: "theme-\(count.theme)", blocks: blocks)
  }

  /// One comment, anonymised, with the theme's evidence highlighted.
  static func comment(_ c: CodedComment, _ inputs: ReportInputs, theme: String?) -> HTMLDocument.Block {
    let evidence = c.assignments.filter { theme == nil || $0.themeId == theme }.flatMap(\.evidence)
    let runs = CommentMarkup.runs(c.text, evidence: evidence, redaction: inputs.quotes.redaction(c))
    let consent = inputs.quotes.responses[c.responseId]?.consentToQuote == true ? "agreed to be quoted" : "did not agree to be quoted"
    let others = c.assignments.map(\.themeId).filter { $0 != theme }.map(inputs.label)
    var attribution = "\(c.question), \(c.responseId); \(consent)"
    if !others.isEmpty { attribution += "; also coded: " + others.joined(separator: "; ") }
    return .richQuote(runs, attribution: attribution)
  }

  /// Whether a theme was given on one word of the comment alone: all its evidence is the same
  /// single word (two patterns that found the same word still found one word).
  static func restsOnOneWord(_ assignment: ThemeAssignment) -> Bool {
    guard let first = assignment.evidence.first, !first.matchedText.contains(" ") else { return false }
    return assignment.evidence.allSatisfy { $0.start == first.start && $0.end == first.end }
  }

  static func review(_ results: ThemeResults, _ inputs: ReportInputs) -> HTMLDocument.Section {
    var subsections: [HTMLDocument.Section] = []
    for audience in [Theme.Audience.parentCarers, .youngPeople] {
      guard let latest = results.waves(audience).last else { continue }
      let comments = results.comments.filter { $0.wave == latest && $0.audience == audience }
      let thin = comments.filter { c in c.assignments.contains(where: restsOnOneWord) }
      let uncoded = comments.filter { $0.assignments.isEmpty }
      var blocks: [HTMLDocument.Block] = []
      blocks.append(.paragraph("Least certain: the coder matches patterns and gives no probability, so as a stand-in these are the comments where a theme rests on a single matched word. \(NumberFormatting.count(thin.count)) of \(NumberFormatting.count(comments.count)) comments."))
      for c in thin {
        let weak = c.assignments.filter(restsOnOneWord).map(\.themeId)
        let runs = CommentMarkup.runs(c.text, evidence: c.assignments.filter { weak.contains($0.themeId) }.flatMap(\.evidence), redaction: inputs.quotes.redaction(c))
        blocks.append(.richQuote(runs, attribution: "\(c.question), \(c.responseId); coded on one word: " + weak.map(inputs.label).joined(separator: "; ")))
      }
      subsections.append(HTMLDocument.Section("Least certain codings: \(ThemeFigures.audienceName(audience)), \(latest)", blocks: blocks))
      var uncodedBlocks: [HTMLDocument.Block] = [
        .paragraph("Comments no theme was given: \(NumberFormatting.count(uncoded.count)) of \(NumberFormatting.count(comments.count)). Some say nothing codable (“no”, “n/a”); others may show a theme the codebook lacks."),
      ]
      for c in uncoded { uncodedBlocks.append(.quote(inputs.quotes.redaction(c).text, attribution: "\(c.question), \(c.responseId)")) }
      subsections.append(HTMLDocument.Section("Uncoded comments: \(ThemeFigures.audienceName(audience)), \(latest)", blocks: uncodedBlocks))
    }
    return HTMLDocument.Section("Comments to review", blocks: [], subsections: subsections)
  }
}
