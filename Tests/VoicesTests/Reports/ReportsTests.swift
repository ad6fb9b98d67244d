import Foundation
import Testing
@testable import Voices

/// The example workspace read once and every report built once, shared by the tests below
/// (building takes a few seconds in a debug build).
enum ExampleReports {
  struct Built: Sendable {
    var workspace: Workspace
    var load: SurveyCollection
    var inputs: ReportInputs
    var files: [ReportFile]
    var documents: [ReportKind: ReportDocument]
  }

  static let built: Result<Built, any Error> = Result {
    let workspace = try Workspace.open(TestPaths.packageRoot.appendingPathComponent("surveys").path)
    let load = workspace.load()
    let coded = try workspace.code(load, codebook: workspace.codebook()).corpus
    let inputs = try ReportInputs.gather(workspace.reportWorkspace, load: load, coded: coded, environment: [:])
    let files = ReportBuilder.render(ReportKind.allCases, formats: ReportFormat.allCases, inputs: inputs)
    var documents: [ReportKind: ReportDocument] = [:]
    for kind in ReportKind.allCases { documents[kind] = ReportBuilder.document(kind, inputs) }
    return Built(workspace: workspace, load: load, inputs: inputs, files: files, documents: documents)
  }

  static func get() throws -> Built { try built.get() }

  static func file(_ name: String) throws -> String {
    try #require(try get().files.first { $0.name == name }?.contents, "no \(name)")
  }
}

private func count(_ needle: String, in haystack: String) -> Int { haystack.components(separatedBy: needle).count - 1 }

@Suite("Reports from the example workspace") struct ReportsTests {
  @Test("the committed reports/ match a fresh build (run `swift run voices report` to refresh)")
  func notStale() throws {
    let built = try ExampleReports.get()
    let folder = TestPaths.packageRoot.appendingPathComponent("reports")
    let committed = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") && $0 != "README.md" })
    #expect(committed == Set(built.files.map(\.name)), "reports/ holds other files than a build makes: run `swift run voices report`")
    for file in built.files {
      let committedBytes = (try? Data(contentsOf: folder.appendingPathComponent(file.name))).map { [UInt8]($0) }
      let same = committedBytes == file.bytes
      #expect(same, "reports/\(file.name) is stale: run `swift run voices report` (without SOURCE_DATE_EPOCH) and commit reports/")
    }
  }

  @Test("every report comes in four formats with the expected names")
  func fileNames() throws {
    let names = try ExampleReports.get().files.map(\.name)
    for base in ["annual-participation-report", "theme-pack", "trust-and-confidence-tracker", "you-said-we-did"] {
      for ext in ["html", "md", "csv", "json"] { #expect(names.contains("\(base).\(ext)")) }
    }
  }

  @Test("each report has its sections", arguments: [
    ("annual-participation-report.html", ["Summary", "Who took part", "How representative", "What they said", "How trust, confidence and satisfaction moved", "What was done", "Participation audit"]),
    ("theme-pack.html", ["Summary of themes", "Themes from parent carers, 2025", "Comments to review", "Emerging themes", "Review sheet"]),
    ("trust-and-confidence-tracker.html", ["Summary", "Measures over the waves", "Breakdowns", "By support", "By locality", "Before and after", "Who answered compared with the population"]),
    ("you-said-we-did.html", ["Summary", "You said, we did", "Every action"]),
  ])
  func sections(_ name: String, _ headings: [String]) throws {
    let html = try ExampleReports.file(name)
    for heading in headings {
      #expect(html.range(of: "\">\(HTMLEscaping.text(heading))</h", options: []) != nil, "\(name) lacks \(heading)")
    }
    #expect(html.contains("About this report"))
  }

  @Test("pages are self-contained, say the data are synthetic, caption every table and pair every chart with its data",
        arguments: ["annual-participation-report.html", "theme-pack.html", "trust-and-confidence-tracker.html", "you-said-we-did.html"])
  func structure(_ name: String) throws {
    let html = try ExampleReports.file(name)
    #expect(!html.contains("<script"))
    #expect(!html.contains("src=\"http") && !html.contains("<link "))
    #expect(html.contains("<p class=\"warning-banner\"><strong>Warning:</strong> SYNTHETIC DATA."))
    #expect(count("<table", in: html) == count("<caption", in: html))
    let figures = count("<figure class=\"chart\"", in: html)
    #expect(count("-data-caption\">Figure ", in: html) == figures)
    #expect(count("<svg", in: html) == figures)
    #expect(count("<h1", in: html) == 1)
    // Headings never skip a level.
    var last = 1
    var rest = Substring(html)
    while let r = rest.range(of: "<h") {
      rest = rest[r.upperBound...]
      guard let d = rest.first?.wholeNumberValue else { continue }
      #expect(d <= last + 1, "\(name): h\(d) after h\(last)")
      last = d
    }
    // Provenance: every input with its digest.
    for file in ["workspace.json", "manifests/parent-carer-survey-2025.json", "exports/parent-carer-survey-2025.csv", "actions.csv", "codebooks/parent-carers.csv"] {
      #expect(html.contains("<th scope=\"row\">\(file)</th>"), "\(name) lacks provenance of \(file)")
    }
    #expect(html.contains("counts below 5 are not shown"))
  }

  @Test("the 2025 rewording of trust-confidence is shown, and the two waves are not compared")
  func comparability() throws {
    let html = try ExampleReports.file("trust-and-confidence-tracker.html")
    #expect(html.contains("Not compared:"))
    #expect(html.contains("I trust and have confidence in the support and advice I receive"))
    let built = try ExampleReports.get()
    let change = try #require(built.inputs.analysis.changes.first { $0.series.measure == "trust-confidence" && $0.group.isEveryone && $0.to == "2025" })
    #expect(change.comparabilityBreak != nil)
    #expect(html.contains(HTMLEscaping.text(change.verdict)))
  }

  @Test("no suppressed breakdown value reaches the tracker; some cells are suppressed")
  func suppression() throws {
    let built = try ExampleReports.get()
    let doc = try #require(built.documents[.trust])
    var suppressedSeen = 0
    for (field, analysis) in built.inputs.breakdowns {
      for estimate in analysis.estimates where !estimate.group.isEveryone && estimate.series.timepoint == nil {
        let caption = "\(built.inputs.title(of: estimate.series.measure)) by \(field), \(estimate.wave)"
        guard let table = doc.tables.first(where: { $0.table.caption == caption })?.table else { continue }
        let value = estimate.group.values[0].value
        let row = try #require(table.rows.first { $0[0].text == value })
        if estimate.published.base.isSuppressed {
          #expect(row[1].text == "suppressed")
          suppressedSeen += 1
        }
        if estimate.published.isSuppressed {
          #expect(row[2].text == "suppressed" && row[3].number == nil && row[4].number == nil)
          suppressedSeen += 1
        }
      }
    }
    #expect(suppressedSeen > 0)
    // Theme counts below the threshold never appear as numbers.
    if let themes = built.inputs.themes {
      for c in themes.counts where c.published.isSuppressed {
        for kind in ReportKind.allCases {
          for placed in try #require(built.documents[kind]).tables where placed.table.caption.contains("respondents") {
            for row in placed.table.rows where row[0].text == built.inputs.label(of: c.theme) && placed.table.caption.contains(c.wave) {
              #expect(!row.contains { $0.number == Double(c.respondents) && $0.text != "suppressed" && c.respondents > 0 })
            }
          }
        }
      }
    }
  }

  @Test("quotes come only from consenting respondents outside small groups, anonymised")
  func quotes() throws {
    let built = try ExampleReports.get()
    let themes = try #require(built.inputs.themes)
    var seen = 0
    for kind in [ReportKind.annual, .youSaidWeDid] {
      let doc = try #require(built.documents[kind])
      func walk(_ s: HTMLDocument.Section) throws {
        for block in s.blocks {
          guard case .quote(let text, _) = block else { continue }
          seen += 1
          // Synthetic comments repeat, so some comment with this text must be quotable.
          let sources = themes.comments.filter { built.inputs.redactor.redact($0.text).text.trimmingCharacters(in: .whitespacesAndNewlines) == text }
          #expect(!sources.isEmpty, "quote not from any comment: \(text)")
          #expect(sources.contains { built.inputs.quotes.mayQuote($0.responseId) })
          #expect(!text.contains("@"))
        }
        try s.subsections.forEach(walk)
      }
      try doc.page.sections.forEach(walk)
    }
    #expect(seen >= 5)
    // The picker itself only ever returns consenting respondents outside small groups, redacted.
    var used = Set<String>()
    let all = built.inputs.quotes.pick(themes.comments, limit: .max, used: &used)
    #expect(all.count > 20)
    for q in all {
      let response = try #require(built.inputs.quotes.responses[q.responseId])
      #expect(response.consentToQuote && !built.inputs.quotes.smallGroup.contains(q.responseId))
      #expect(response.texts.contains { $0.question == q.question && q.text == built.inputs.redactor.redact($0.text).text.trimmingCharacters(in: .whitespacesAndNewlines) })
    }
    #expect(all.contains { $0.text.contains("[name]") })
    #expect(!themes.comments.allSatisfy { built.inputs.quotes.mayQuote($0.responseId) })
  }

  @Test("the same inputs give the same bytes")
  func determinism() throws {
    let built = try ExampleReports.get()
    let again = try built.workspace.buildReports(ReportKind.allCases, formats: ReportFormat.allCases, surveys: built.load, environment: [:]).files
    #expect(again == built.files)
  }

  @Test("SOURCE_DATE_EPOCH sets the date shown; without it the newest submission is used; a bad value is refused")
  func sourceDateEpoch() throws {
    let built = try ExampleReports.get()
    var inputs = built.inputs
    inputs.provenance.builtAt = try Provenance.buildTime(environment: ["SOURCE_DATE_EPOCH": "1767225600"], fallback: 1)
    let files = ReportBuilder.render([.trust], formats: [.html, .json], inputs: inputs)
    #expect(files[0].contents.contains("<time datetime=\"2026-01-01T00:00:00Z\">"))
    #expect(files[1].contents.contains("\"builtAt\": \"2026-01-01T00:00:00Z\""))
    let newest = try #require(built.load.exports.flatMap { $0.responses.compactMap(\.submitted) }.max())
    #expect(try ExampleReports.file("trust-and-confidence-tracker.html").contains("<time datetime=\"\(Provenance.iso8601(newest.seconds))\">"))
    #expect(throws: ProvenanceError.invalidSourceDateEpoch("now")) {
      _ = try built.workspace.buildReports([.trust], formats: [.html],
                                           surveys: SurveyCollection(exports: [built.load.exports[0]], diagnostics: [], registry: built.load.registry),
                                           environment: ["SOURCE_DATE_EPOCH": "now"])
    }
  }

  @Test("Markdown, CSV and JSON carry the same tables as the page")
  func otherFormats() throws {
    let built = try ExampleReports.get()
    let doc = try #require(built.documents[.annual])
    let md = try ExampleReports.file("annual-participation-report.md")
    let csv = try ExampleReports.file("annual-participation-report.csv")
    let json = try ExampleReports.file("annual-participation-report.json")
    #expect(md.hasPrefix("# Annual participation report 2025\n"))
    #expect(md.contains("**Warning:** SYNTHETIC DATA."))
    for placed in doc.tables {
      #expect(md.contains("**" + MarkdownDocument.inline(placed.table.caption) + "**"))
      #expect(csv.contains(TableWriter.csvField(placed.table.caption)))
      #expect(json.contains(TableWriter.jsonString(placed.table.caption)))
    }
    let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    #expect((parsed?["tables"] as? [Any])?.count == doc.tables.count)
    #expect(parsed?["provenance"] != nil)
  }
}

@Suite("Report pieces") struct ReportPiecesTests {
  @Test("evidence is highlighted, personal data replaced and never highlighted")
  func commentMarkup() {
    let text = "We waited ages. Ask Jack Smith at jack@example.com about the wait for speech therapy"
    let redactor = Redactor()
    let redaction = redactor.redact(text)
    let waitStart = Array(text.utf8).count - Array("wait for speech therapy".utf8).count
    let evidence = [Evidence(start: 3, end: 9, patternText: "wait*", matchedText: "waited"),
                    Evidence(start: waitStart, end: waitStart + 4, patternText: "wait", matchedText: "wait")]
    let runs = CommentMarkup.runs(text, evidence: evidence, redaction: redaction)
    let html = runs.map(\.html).joined()
    #expect(html.contains("We <mark>waited</mark> ages."))
    #expect(html.contains("the <mark>wait</mark> for speech therapy"))
    #expect(!html.contains("Jack") && !html.contains("example.com"))
    #expect(html.contains("[email]"))
  }

  @Test("evidence from the coder lands on its words after curly quotes, accents and emoji")
  func commentMarkupBeyondASCII() throws {
    let text = "We couldn’t get café help 😞 and Mrs Okafor said “mental health” waits are long"
    let engine = try CodingEngineTests.engine(["\"mental health\""])
    let evidence = try #require(engine.code(text).first).evidence
    let html = CommentMarkup.runs(text, evidence: evidence, redaction: Redactor().redact(text)).map(\.html).joined()
    #expect(html.contains("“<mark>mental health</mark>”"))
    #expect(html.contains("We couldn’t get café help 😞 and Mrs [name] said"))
  }

  @Test("actions.csv: columns by name, themes split on ;, a missing column named")
  func actionsFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voices-actions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let good = folder.appendingPathComponent("actions.csv")
    try Data("Status,action_id,what_we_did,themes,date,evidence\r\ndone,P1/001,Did it,a; b,2024-01,\r\n".utf8).write(to: good)
    let read = try ActionsFile.read(contentsOf: good, file: "actions.csv")
    #expect(read.actions.count == 1)
    #expect(read.actions[0].id == "P1/001" && read.actions[0].themes == ["a", "b"] && read.actions[0].status == "done")
    let bad = folder.appendingPathComponent("bad.csv")
    try Data("action_id,what_we_did\r\nP1/001,x\r\n".utf8).write(to: bad)
    #expect(throws: ReportError.self) { try ActionsFile.read(contentsOf: bad, file: "bad.csv") }
  }
}

@Suite("Theme pack review sheet") struct ThemePackReviewSheetTests {
  @Test("the sheet beside the theme pack is linked from it and imports cleanly once filled in")
  func roundTrip() throws {
    let built = try ExampleReports.get()
    let sheet = try #require(built.files.first { $0.name == ThemePackReport.reviewSheetName })
    #expect(try ExampleReports.file("theme-pack.html").contains("<a href=\"\(ThemePackReport.reviewSheetName)\">"))
    var table = try XLSXReader.read(bytes: sheet.bytes, file: "sheet.xlsx", sheet: .name(ReviewSheet.sheetName))
    let header = table.records[0].fields
    let verdict = try #require(header.firstIndex(of: "Agree?")), initials = try #require(header.firstIndex(of: "Initials"))
    let proposed = try #require(header.firstIndex(of: "Proposed theme"))
    let row = try #require(table.records.indices.dropFirst().first { !table.records[$0].fields[proposed].isEmpty })
    table.records[row].fields[verdict] = "agree"
    table.records[row].fields[initials] = "PC"
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voices-pack-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("filled.csv")
    try Data(TableWriter.csv(table.rows).utf8).write(to: url)
    let root = built.workspace.root
    let codebook = try Codebook.load(at: root.appendingPathComponent("codebooks").path)
    let summary = try ReviewImport.run(sheetAt: url, log: DecisionLog(workspaceRoot: folder), comments: ReviewComments.of(built.load),
                                       codebook: codebook, redactor: ReviewComments.redactor(for: root), at: "2026-01-01T00:00:00Z")
    #expect(summary.errors.isEmpty, "\(summary.errors.prefix(3))")
    #expect(summary.added.count == 1 && summary.added.first?.reviewer == "PC")
    // Every row is a comment the pack shows: the latest wave.
    let waves = Set(table.records.dropFirst().map { $0.fields[1] })
    #expect(waves == ["2025"])
  }

  @Test("reviewers' decisions beat the rules in the reports' theme counts")
  func decisionsCount() throws {
    let built = try ExampleReports.get()
    let results = try #require(built.inputs.themes)
    let target = try #require(results.comments.first { !$0.assignments.isEmpty })
    let theme = target.assignments[0].themeId
    let decision = ReviewDecision(at: "2026-01-01T00:00:00Z", reviewer: "AB", verdict: .disagree, theme: theme, key: CommentKey(target),
                                  sheet: "s.csv", sheetSHA256: "0", row: 2)
    let after = ThemeResults.counting(try CodedCorpus.code(built.load.comments(), codebook: results.codebook, decisions: [decision]),
                                      policy: built.inputs.policy)
    let reviewed = try #require(after.comments.first { CommentKey($0) == CommentKey(target) })
    #expect(!reviewed.assignments.contains { $0.themeId == theme })
    let hits = { (r: ThemeResults) in r.counts.filter { $0.theme == theme && $0.wave == target.wave }.map(\.respondents).reduce(0, +) }
    #expect(hits(after) <= hits(results))
  }

  @Test("the comments given a theme are those a filter over every comment finds, in the same order")
  func commentsByTheme() throws {
    let built = try ExampleReports.get()
    let results = try #require(built.inputs.themes)
    var checked = 0
    for count in results.counts {
      let filtered = results.comments.filter { c in
        c.wave == count.wave && c.audience == count.audience && c.assignments.contains { $0.themeId == count.theme }
      }
      #expect(results.comments(given: count.theme, audience: count.audience, wave: count.wave) == filtered)
      checked += filtered.count
    }
    #expect(checked > 100)
    #expect(results.comments(given: "no-such-theme", audience: .parentCarers, wave: "2025").isEmpty)
  }

  @Test("a comment is redacted once; the same place with other text is redacted afresh")
  func redactionCache() throws {
    let built = try ExampleReports.get()
    let quotes = built.inputs.quotes
    let results = try #require(built.inputs.themes)
    let named = try #require(results.comments.first { quotes.redaction($0).text != $0.text })
    #expect(quotes.redaction(named) == built.inputs.redactor.redact(named.text))
    var changed = named
    changed.text = "Ask Mrs Patel at Oakfield Primary, 07700 900123."
    let fresh = quotes.redaction(changed)
    #expect(fresh == built.inputs.redactor.redact(changed.text))
    #expect(fresh.text != quotes.redaction(named).text)
  }
}

@Suite("Theme pack") struct ThemePackTests {
  @Test("a theme rests on one word when all its evidence is that word, whichever patterns found it")
  func restsOnOneWord() {
    let word = Evidence(start: 4, end: 11, patternText: "anxi*", matchedText: "anxiety")
    let sameWord = Evidence(start: 4, end: 11, patternText: "=anxiety", matchedText: "anxiety")
    let otherWord = Evidence(start: 20, end: 26, patternText: "stress*", matchedText: "stress")
    let phrase = Evidence(start: 0, end: 13, patternText: "waiting list", matchedText: "waiting list")
    func rests(_ evidence: [Evidence]) -> Bool { ThemePackReport.restsOnOneWord(ThemeAssignment(themeId: "t", evidence: evidence)) }
    #expect(rests([word]))
    #expect(rests([word, sameWord]))
    #expect(!rests([word, otherWord]))
    #expect(!rests([phrase]))
    #expect(!rests([]))
  }
}
