/// The theme pack for the Parent Carer Council, sized for volunteers: a one-page summary of
/// the themes (counts, change, confidence in the coding), then per theme its definition, its
/// trend and a fixed number of varied quotes (consenting, anonymised, not mostly markers), the
/// codings least certain first; what to review, candidate new themes and the review sheet.
/// Every coded comment is in the review sheet and in the CSV beside the pack, not on its pages.
enum ThemePackReport {
  /// Quotes shown for each theme.
  static let quotesPerTheme = 4

  static func build(_ inputs: ReportInputs) -> ReportDocument {
    let about: [HTMLDocument.Block] = [
      .paragraph("This pack is for the Parent Carer Council to read, check and challenge how the comments were coded. Every comment shown is anonymised: names, schools, addresses, emails, phone numbers, postcodes, NHS numbers and dates of birth are replaced by markers such as [name]."),
      .paragraph([.strong("Not for publication. "), .text("Each theme shows up to \(quotesPerTheme) comments from people who agreed to be quoted, the least certain codings first; every coded comment is in the review sheet and the CSV beside this pack. Highlighted words "),
                  .mark("look like this"), .text(": they are the words the coder matched for the theme.")]),
    ]
    var sections: [HTMLDocument.Section] = []
    guard let results = inputs.themes else {
      sections.append(HTMLDocument.Section("Summary of themes", blocks: about + [ThemeFigures.notCoded]))
      return finish(sections, inputs, results: nil)
    }
    var summary = HTMLDocument.Section("Summary of themes", blocks: about + summaryBlocks(results, inputs))
    summary.printsAlone = true
    sections.append(summary)
    for audience in [Theme.Audience.parentCarers, .youngPeople] {
      guard let latest = results.waves(audience).last else { continue }
      var subsections: [HTMLDocument.Section] = []
      for count in results.ranked(audience, wave: latest) {
        subsections.append(themeSection(results, inputs, count: count))
      }
      sections.append(HTMLDocument.Section("Themes from \(ThemeFigures.audienceName(audience)), \(latest)", blocks: [
        .figure(ChartFigure(.bars(ThemeFigures.bars(results, inputs, audience: audience, wave: latest)),
                            data: ThemeFigures.table(results, inputs, audience: audience, wave: latest))),
      ], subsections: subsections))
    }
    sections.append(review(results, inputs))
    sections.append(emergingThemes(results, inputs))
    sections.append(HTMLDocument.Section("Review sheet", blocks: [
      .paragraph([.text("The spreadsheet "), .link(reviewSheetName, href: reviewSheetName),
                  .text(" beside this pack has one row for every comment of the latest wave and each theme it was given (and one row for a comment with no theme), anonymised as here, with the words the coder matched. Open it in Excel, choose agree or disagree for each theme, add themes the coder missed, and write your initials. A council officer then runs voices review import \(reviewSheetName): every row is checked, the decisions are added to the workspace's decisions log (never overwritten; two reviewers who disagree are both kept), and the next reports count your decisions before the coder's.")]),
    ]))
    return finish(sections, inputs, results: results)
  }

  /// Per audience, each theme's respondents, share, change and how sure the coding is.
  static func summaryBlocks(_ results: ThemeResults, _ inputs: ReportInputs) -> [HTMLDocument.Block] {
    var blocks: [HTMLDocument.Block] = []
    for audience in [Theme.Audience.parentCarers, .youngPeople] {
      guard let latest = results.waves(audience).last else { continue }
      let base = results.bases[.init(audience: audience, wave: latest)] ?? 0
      let rows = results.ranked(audience, wave: latest).map { c -> [DataTable.Cell] in
        var change = "–"
        if let d = c.change { change = ChangeVerdict(d).description } else if c.previousWave == nil { change = "first wave" } else if c.share != nil, c.isNew { change = "new" }
        return [DataTable.Cell(inputs.label(of: c.theme)), MeasureFigures.cell(c.published),
                c.share.map { .percent($0.estimate * 100) } ?? .numericText("suppressed"), DataTable.Cell(change),
                DataTable.Cell(c.published.isSuppressed || c.respondents == 0 ? "–" : confidence(results, theme: c.theme, audience: audience, wave: latest))]
      }
      blocks.append(.table(DataTable(
        caption: "Themes from \(ThemeFigures.audienceName(audience)), \(latest) (\(NumberFormatting.count(base)) respondents commented)",
        columns: ["Theme", "Respondents", "Share", "Change since previous wave", "Confidence in the coding"], rows: rows,
        notes: ["Confidence in the coding: high when fewer than 1 in 10 of the theme's comments were given it on a single matched word, low when 1 in 3 or more, medium between; the least certain are shown first under each theme.",
                MeasureFigures.suppressionNote(inputs)])))
    }
    return blocks
  }

  /// "high", "medium" or "low": how many of the theme's comments rest on one matched word.
  static func confidence(_ results: ThemeResults, theme: String, audience: Theme.Audience, wave: String) -> String {
    let comments = results.comments(given: theme, audience: audience, wave: wave)
    guard !comments.isEmpty else { return "–" }
    let thin = comments.filter { c in c.assignments.contains { $0.themeId == theme && restsOnOneWord($0) } }.count
    return 10 * thin < comments.count ? "high" : 3 * thin >= comments.count ? "low" : "medium"
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
    return try? ReviewSheet.xlsx(reviewRows(results, inputs), codebook: results.codebook)
  }

  /// The review sheet's rows: every shown comment and each theme it was given, without the rows
  /// of a theme held back under the small-number rule.
  static func reviewRows(_ results: ThemeResults, _ inputs: ReportInputs) -> [ReviewRow] {
    let hidden = Hidden(results)
    return ReviewSheet.rows(for: shownComments(results), codebook: results.codebook, redactor: inputs.redactor)
      .filter { row in row.proposedTheme.isEmpty || !hidden.contains(row.proposedTheme, wave: row.key.wave) }
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

  static func finish(_ sections: [HTMLDocument.Section], _ inputs: ReportInputs, results: ThemeResults?) -> ReportDocument {
    var page = HTMLDocument(title: "Theme pack for the Parent Carer Council",
                            summary: "The themes the coder found in what families and young people wrote, how sure the coding is, and examples of the comments behind each, to check and challenge.",
                            publisher: inputs.publisher, sections: sections, provenance: inputs.provenance)
    page.warning = inputs.warning
    var doc = ReportDocument(page, extraJSON: [("suppressionRule", .string(inputs.policy.description))])
    if let results { doc.csvRecords = { commentRecords(results, inputs) } }
    return doc
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
      let chosen = examples(comments, inputs, theme: count.theme)
      let shown = chosen.isEmpty ? "None of them can be shown here: no one who wrote them agreed to be quoted, or each is too short or too long once anonymised."
        : "\(chosen.count == 1 ? "One is" : "\(chosen.count) are") shown, the least certain first."
      blocks.append(.paragraph("\(NumberFormatting.count(comments.count)) \(comments.count == 1 ? "comment was" : "comments were") given this theme in \(count.wave); all are in the review sheet. \(shown)"))
      let hidden = Hidden(results)
      for c in chosen { blocks.append(comment(c, inputs, theme: count.theme, hidden: hidden)) }
    }
    return HTMLDocument.Section(inputs.label(of: count.theme), id: "theme-\(count.theme)", blocks: blocks)
  }

  /// The themes held back under the small-number rule, by wave: the pack never names one of
  /// them against a comment ("also coded", "coded on one word"), or the comments it holds
  /// back would be shown under another theme with the held-back theme beside them.
  struct Hidden {
    /// "wave|theme": theme ids belong to one audience's codebook, so a wave and a theme name
    /// the count.
    var keys: Set<String>

    init(_ results: ThemeResults) {
      keys = Set(results.counts.filter(\.published.isSuppressed).map { "\($0.wave)|\($0.theme)" })
    }

    func contains(_ theme: String, wave: String) -> Bool { keys.contains("\(wave)|\(theme)") }
  }

  /// One comment, anonymised, with the theme's evidence highlighted; themes held back in its
  /// wave are not named.
  static func comment(_ c: CodedComment, _ inputs: ReportInputs, theme: String?, hidden: Hidden) -> HTMLDocument.Block {
    let evidence = c.assignments.filter { theme == nil || $0.themeId == theme }.flatMap(\.evidence)
    let runs = CommentMarkup.runs(c.text, evidence: evidence, redaction: inputs.quotes.redaction(c))
    let consent = inputs.quotes.responses[c.responseId]?.consentToQuote == true ? "agreed to be quoted" : "did not agree to be quoted"
    let others = c.assignments.map(\.themeId).filter { $0 != theme && !hidden.contains($0, wave: c.wave) }.map(inputs.label)
    var attribution = "\(c.question), \(c.responseId); \(consent)"
    if let theme, c.assignments.contains(where: { $0.themeId == theme && restsOnOneWord($0) }) { attribution = "Check this coding: it rests on one word. " + attribution }
    if !others.isEmpty { attribution += "; also coded: " + others.joined(separator: "; ") }
    return .richQuote(runs, attribution: attribution)
  }

  /// Whether a theme was given on one word of the comment alone: all its evidence is the same
  /// single word (two patterns that found the same word still found one word).
  static func restsOnOneWord(_ assignment: ThemeAssignment) -> Bool {
    guard let first = assignment.evidence.first, !first.matchedText.contains(" ") else { return false }
    return assignment.evidence.allSatisfy { $0.start == first.start && $0.end == first.end }
  }

  /// Up to `quotesPerTheme` comments for a theme, varied and fit to show: from people who
  /// agreed to be quoted, outside small groups, `QuoteSelection`'s length and marker rules, no
  /// two with the same words; the codings resting on one word first, then the rest, each group
  /// in `QuoteSelection`'s neutral hash order.
  static func examples(_ comments: [CodedComment], _ inputs: ReportInputs, theme: String) -> [CodedComment] {
    var used = Set<String>()
    let candidates = inputs.quotes.pick(comments, limit: .max, used: &used)
    var byKey: [String: CodedComment] = [:]
    for c in comments { byKey["\(c.responseId)|\(c.question)"] = c }
    var thin: [CodedComment] = [], sure: [CodedComment] = []
    var texts = Set<String>()
    for q in candidates {
      guard let c = byKey["\(q.responseId)|\(q.question)"], texts.insert(q.text.lowercased()).inserted else { continue }
      if c.assignments.contains(where: { $0.themeId == theme && restsOnOneWord($0) }) { thin.append(c) } else { sure.append(c) }
    }
    let first = Array(thin.prefix(quotesPerTheme / 2))
    return first + Array((sure + thin.dropFirst(first.count)).prefix(quotesPerTheme - first.count))
  }

  static func review(_ results: ThemeResults, _ inputs: ReportInputs) -> HTMLDocument.Section {
    var items: [[HTMLDocument.Inline]] = []
    for audience in [Theme.Audience.parentCarers, .youngPeople] {
      guard let latest = results.waves(audience).last else { continue }
      let comments = results.comments.filter { $0.wave == latest && $0.audience == audience }
      let thin = comments.filter { c in c.assignments.contains(where: restsOnOneWord) }.count
      let uncoded = comments.filter { $0.assignments.isEmpty }.count
      items.append([.strong("\(ThemeFigures.audienceName(audience).capitalizedFirst), \(latest): "),
                    .text("\(NumberFormatting.count(comments.count)) comments; \(NumberFormatting.count(thin)) have a theme resting on a single matched word, and \(NumberFormatting.count(uncoded)) were given no theme.")])
    }
    return HTMLDocument.Section("Comments to review", blocks: [
      .paragraph("The coder matches patterns and gives no probability, so as a stand-in the least certain codings are those where a theme rests on a single matched word. Comments with no theme may say nothing codable (“no”, “n/a”) or show a theme the codebook lacks (see Emerging themes)."),
      .list(items),
      .paragraph([.text("Every one of them is a row of the review sheet: filter its Evidence column for a single quoted word, or its Proposed theme column for blanks.")]),
    ])
  }

  /// Every comment of the latest wave with each theme it was given, for the CSV beside the pack:
  /// the review sheet's rows (the same held-back themes left out), anonymised.
  static func commentRecords(_ results: ThemeResults, _ inputs: ReportInputs) -> [[String]] {
    var records: [[String]] = [["Every coded comment of the latest wave, one row per theme given (anonymised)"],
                               ["Response ID", "Wave", "Question", "Comment (redacted)", "Theme", "Theme label", "Evidence", "Consent to quote"]]
    for row in reviewRows(results, inputs) {
      let consent = inputs.quotes.responses[row.key.responseId]?.consentToQuote == true ? "yes" : "no"
      records.append([row.key.responseId, row.key.wave, row.key.question, row.comment, row.proposedTheme, row.themeLabel, row.evidence, consent])
    }
    return records
  }
}
