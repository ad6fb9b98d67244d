import Foundation
import Testing
@testable import Voices

/// What the reports say in words: titles, summaries, missing files, suppressed measures, quotes.
@Suite("Report wording") struct ReportWordingTests {
  @Test("a measure's title comes from the registry or the question, never its id")
  func titles() throws {
    var inputs = try ExampleReports.get().inputs
    let ids = MeasureFigures.measures(inputs)
    #expect(!ids.isEmpty)
    for id in ids { #expect(inputs.title(of: id) != id) }
    // Without a registry the question as worded in the manifests (or the column) is used.
    inputs.load.registry = MeasureRegistry(measures: [])
    for id in ids {
      let title = inputs.title(of: id)
      #expect(title != id, "\(id) shown as its id")
      let labels = inputs.load.exports.flatMap { $0.manifest.measures.filter { $0.measure == id } }.flatMap { [$0.label, $0.column] }
      #expect(labels.contains(title), "\(id): \(title)")
    }
    #expect(ReportInputs.readable("prop-1-q1_agree") == "Prop 1 q1 agree")
    let html = ReportDocument(TrustTrackerReport.build(inputs).page).html()
    for id in ids { #expect(!html.contains(">\(id)</h"), "\(id) is a heading") }
  }

  @Test("a fully suppressed measure gets a sentence, not an empty chart")
  func fullySuppressed() throws {
    var inputs = try ExampleReports.get().inputs
    inputs.policy = SuppressionPolicy(minimumCount: 100_000, minimumBase: 100_000)
    inputs.analysis = MeasureAnalysis(inputs.load, policy: inputs.policy)
    inputs.breakdowns = []
    let page = TrustTrackerReport.build(inputs).page
    let html = page.render()
    #expect(!html.contains("<svg"))
    for id in MeasureFigures.measures(inputs) {
      #expect(MeasureFigures.isFullySuppressed(inputs, measure: id))
      #expect(html.contains(HTMLEscaping.text(MeasureFigures.fullySuppressedSentence(inputs, measure: id))))
    }
    #expect(!AnnualReport.build(inputs).page.render().contains("Trust and confidence in support and advice: share answering"))
  }

  @Test("the actions message tells a missing actions.csv from an empty one")
  func actionsMessage() throws {
    #expect(ActionsFile.missingSentence(nil).contains("has no actions.csv"))
    let empty = ActionsFile.missingSentence(ActionsFile(actions: []))
    #expect(empty.contains("actions.csv lists no action yet"))
    #expect(!empty.contains("has no actions.csv"))
    // As `voices init` writes it: the header alone.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voices-actions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("actions.csv")
    try Data((ActionsFile.columns.joined(separator: ",") + "\n").utf8).write(to: url)
    var inputs = try ExampleReports.get().inputs
    inputs.actions = try ActionsFile.read(contentsOf: url, file: "actions.csv")
    for html in [YouSaidWeDidReport.build(inputs).html(), AnnualReport.build(inputs).html()] {
      #expect(html.contains("actions.csv lists no action yet"))
      #expect(!html.contains("has no actions.csv"))
    }
  }

  @Test("a quote that is mostly markers is never chosen; quotes with nothing replaced come first")
  func mostlyMarkers() throws {
    let email = Redaction(text: "Please ask [name] or [name] at [school] about it: write to [email] or ring [phone] any day",
                          spans: [.init(kind: .name, start: 11, end: 15), .init(kind: .name, start: 19, end: 24), .init(kind: .school, start: 28, end: 40),
                                  .init(kind: .email, start: 60, end: 75), .init(kind: .phone, start: 83, end: 94)])
    #expect(QuoteSelection.isMostlyMarkers(email, minimumLength: 40))
    let short = Redaction(text: "My email is [email]", spans: [.init(kind: .email, start: 12, end: 30)])
    #expect(QuoteSelection.isMostlyMarkers(short, minimumLength: 10))
    let fine = Redaction(text: "I emailed the SEND team three times to ask how the process works and got no reply. My email is [email].",
                         spans: [.init(kind: .email, start: 97, end: 110)])
    #expect(!QuoteSelection.isMostlyMarkers(fine, minimumLength: 40))
    #expect(!QuoteSelection.isMostlyMarkers(Redaction(text: "anything", spans: []), minimumLength: 40))

    let built = try ExampleReports.get()
    let themes = try #require(built.inputs.themes)
    var used = Set<String>()
    let all = built.inputs.quotes.pick(themes.comments, limit: .max, used: &used)
    let marked = all.map { q in RedactionKind.allCases.contains { q.text.contains($0.marker) } }
    // Every quote without a marker comes before every quote with one.
    if let firstMarked = marked.firstIndex(of: true) { #expect(!marked[firstMarked...].contains(false)) }
    #expect(marked.contains(false))
  }

  @Test("the annual report and the tracker open with a one-page summary of measures, themes and actions")
  func summaries() throws {
    let built = try ExampleReports.get()
    for kind in [ReportKind.annual, .trust] {
      let page = try #require(built.documents[kind]).page
      let first = try #require(page.sections.first)
      #expect(first.heading == "Summary")
      #expect(first.printsAlone)
      let html = page.render()
      #expect(html.contains("<section class=\"print-page\" aria-labelledby=\"summary\">"))
      #expect(html.contains("Share positive (95% interval)"))
      #expect(html.contains("95% interval "))
    }
    let annual = try ExampleReports.file("annual-participation-report.html")
    #expect(annual.contains("Most raised themes"))
    #expect(annual.contains("<strong>What was done: </strong>"))
  }
}

@Suite("Theme pack for volunteers") struct ThemePackVolunteerTests {
  @Test("each theme shows at most a fixed number of distinct consenting quotes, one-word codings first")
  func quotesPerTheme() throws {
    let built = try ExampleReports.get()
    let inputs = built.inputs
    let results = try #require(inputs.themes)
    let page = try #require(built.documents[.themes]).page
    var themed = 0
    for section in page.sections where section.heading.hasPrefix("Themes from ") {
      for theme in section.subsections {
        let quotes = theme.blocks.compactMap { block -> String? in
          if case .richQuote(_, let attribution) = block { return attribution } else { return nil }
        }
        #expect(quotes.count <= ThemePackReport.quotesPerTheme)
        for a in quotes { #expect(a.hasSuffix("agreed to be quoted") || a.contains("agreed to be quoted;"), "\(a)") }
        // One-word codings come first.
        let flags = quotes.map { $0.hasPrefix("Check this coding") }
        if let last = flags.lastIndex(of: true) { #expect(!flags[..<last].contains(false)) }
        themed += quotes.isEmpty ? 0 : 1
      }
    }
    #expect(themed > 10)
    // The picker never repeats the same words within a theme.
    for count in results.counts where !count.published.isSuppressed && count.respondents > 0 {
      let chosen = ThemePackReport.examples(results.comments(given: count.theme, audience: count.audience, wave: count.wave), inputs, theme: count.theme)
      let texts = chosen.map { inputs.quotes.redaction($0).text.lowercased() }
      #expect(Set(texts).count == texts.count)
      for c in chosen { #expect(inputs.quotes.mayQuote(c.responseId)) }
    }
  }

  @Test("every coded comment stays in the CSV beside the pack, as in the review sheet")
  func everyCommentInCSV() throws {
    let built = try ExampleReports.get()
    let results = try #require(built.inputs.themes)
    let rows = ThemePackReport.reviewRows(results, built.inputs)
    let csv = try ExampleReports.file("theme-pack.csv")
    let table = try CSVReader.read(bytes: Array(csv.utf8), file: "theme-pack.csv", dialect: CSVDialect(delimiter: UInt8(ascii: ","), quote: UInt8(ascii: "\"")))
    let header = ["Response ID", "Wave", "Question", "Comment (redacted)", "Theme", "Theme label", "Evidence", "Consent to quote"]
    let records = table.records.map(\.fields)
    let start = try #require(records.firstIndex { Array($0.prefix(header.count)) == header })
    let body = records[(start + 1)...].filter { $0.count >= header.count }
    #expect(body.count == rows.count)
    #expect(Set(ThemePackReport.shownComments(results).map(\.responseId)).isSubset(of: Set(body.map { $0[0] })))
    for (record, row) in zip(body, rows) {
      #expect(record[0] == row.key.responseId && record[3] == row.comment && record[4] == row.proposedTheme)
    }
    #expect(try ExampleReports.file("theme-pack.html").count < csv.count)
  }
}
