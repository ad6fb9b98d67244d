import Foundation
import Testing
@testable import Voices

/// Occurrences of `needle` in `haystack`.
private func count(_ needle: String, in haystack: String) -> Int {
  haystack.components(separatedBy: needle).count - 1
}

@Suite("HTML report page") struct ReportKitPageTests {
  static let epoch = ["SOURCE_DATE_EPOCH": "1740821400"]  // 2025-03-01T09:30:00Z

  @Test("skeleton: language, charset, viewport, title, skip link and landmarks in order")
  func skeleton() throws {
    let html = try ReportKitSample.page().render()
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"))
    #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
    #expect(html.contains("<title>Voices report toolkit: sample page</title>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("http://") || !html.contains("src=\"http"))
    let order = ["<a class=\"skip-link\" href=\"#main\">", "<header>", "<h1>", "<nav ", "<main id=\"main\"", "</main>", "<footer>"]
    let positions = try order.map { try #require(html.range(of: $0)?.lowerBound, "missing \($0)") }
    #expect(positions == positions.sorted())
    for tag in ["<header>", "<nav ", "<main ", "<footer>"] { #expect(count(tag, in: html) == 1) }
  }

  @Test("headings never skip a level and there is one h1")
  func headings() throws {
    let html = try ReportKitSample.page().render()
    #expect(count("<h1", in: html) == 1)
    var levels: [Int] = []
    var rest = html[...]
    while let r = rest.range(of: "<h") {
      let next = rest[r.upperBound...].first
      if let d = next?.wholeNumberValue { levels.append(d) }
      rest = rest[r.upperBound...]
    }
    #expect(levels.first == 1)
    for (a, b) in zip(levels, levels.dropFirst()) { #expect(b <= a + 1, "h\(a) then h\(b)") }
  }

  @Test("tables have captions, th scope and right-aligned numbers")
  func tables() throws {
    let html = try ReportKitSample.page().render()
    let tables = count("<table", in: html)
    // Four figure tables under "Show the data", the same four in the print appendix, one plain
    // table, the provenance inputs.
    #expect(tables == 10)
    #expect(count("<details class=\"chart-data\">", in: html) == 4)
    #expect(html.contains("<h2 id=\"data-appendix\">Appendix: the data behind the figures</h2>"))
    #expect(count("<caption", in: html) == tables)
    #expect(!html.contains("<th>"))
    #expect(html.contains("<th scope=\"col\" class=\"num\">Base (n)</th>"))
    #expect(html.contains("<th scope=\"row\">2023</th><td class=\"num\">510</td><td class=\"num\">15%</td>"))
    #expect(html.contains(".num { text-align: right;"))
  }

  @Test("every chart is a figure with a caption, an SVG with title and desc, and its data table")
  func charts() throws {
    let html = try ReportKitSample.page().render()
    let figures = count("<figure", in: html)
    #expect(figures == 4)
    #expect(count("<figcaption", in: html) == figures)
    #expect(count("role=\"img\"", in: html) == figures)
    for n in 1...figures {
      #expect(html.contains("aria-labelledby=\"figure-\(n)-svg-title\" aria-describedby=\"figure-\(n)-svg-desc\""))
      #expect(html.contains("<title id=\"figure-\(n)-svg-title\">"))
      #expect(html.contains("<desc id=\"figure-\(n)-svg-desc\">"))
      #expect(html.contains("<table id=\"figure-\(n)-data\">"))
      #expect(html.contains("<caption id=\"figure-\(n)-data-caption\">Figure \(n) data: "))
    }
  }

  @Test("colour is never the only signal: segments, bars and lines carry text labels")
  func directLabels() {
    let diverging = ReportKitSample.trust.svg(id: "d")
    for label in ReportKitSample.agreement.map(\.label) { #expect(diverging.contains(">\(HTMLEscaping.text(label))</text>")) }
    for percent in ["21%", "27%", "28%", "33%", "39%"] { #expect(diverging.contains(">\(percent)</text>")) }
    #expect(diverging.contains(">suppressed</text>"))
    #expect(diverging.contains("url(#voices-suppressed-hatch)"))
    #expect(diverging.contains(">n=510</text>"))
    let trend = ReportKitSample.trend.svg(id: "t")
    for name in ["Parent carers", "Young people"] { #expect(trend.contains(">\(name)</text>")) }
    for value in ["36%", "45%", "49%", "56%", "52%", "58%"] { #expect(trend.contains(">\(value)</text>")) }
    #expect(trend.contains(">Question reworded in 2023</text>"))
    #expect(trend.contains("stroke-dasharray=\"3 5\""))  // the line across the break is dashed
    #expect(trend.contains("<rect x="))  // second series uses square markers, not only another colour
    let themes = ReportKitSample.themes.svg(id: "b")
    for change in ["+4", "\u{2212}2", ">0<", "new", "n/c"] { #expect(themes.contains(change)) }
    #expect(themes.contains("&lt;0.5%"))
  }

  @Test("long labels wrap onto more lines in the chart, nothing cut, and stay whole in the table")
  func wrapping() {
    let long = "Worry about support in mainstream schools and the lack of the right range of provision across the county"
    let svg = ReportKitSample.themes.svg(id: "b")
    #expect(!svg.contains("…"))
    let lines = TextMetrics.wrap(long, toWidth: 260)
    #expect(lines.count > 1)
    #expect(lines.joined(separator: " ") == long)
    for line in lines {
      #expect(TextMetrics.width(line) <= 260)
      #expect(svg.contains(">\(HTMLEscaping.text(line))</text>"))
    }
    #expect(ReportKitSample.themes.dataTable.rows.contains { $0.first?.text == long })
    #expect(TextMetrics.wrap("short", toWidth: 500) == ["short"])
    // A word wider than the line is broken between letters, never dropped.
    let word = String(repeating: "w", count: 40)
    #expect(TextMetrics.wrap(word, toWidth: 100).joined() == word)
    #expect(TextMetrics.wrap("Speech and language therapy/occupational therapy", toWidth: 200).joined(separator: " ")
            .replacingOccurrences(of: "/ ", with: "/") == "Speech and language therapy/occupational therapy")
  }

  @Test("a chart with every value suppressed is a sentence and its table, not an empty drawing")
  func emptyChart() {
    let chart = BarChart(title: "People by route", rows: [.init(label: "Survey", value: nil, suppressed: true),
                                                          .init(label: "Workshop", value: nil, suppressed: true)],
                         valueKind: .count, rowHeading: "Route", valueHeading: "People")
    let page = HTMLDocument(title: "T", publisher: "P", sections: [.init("S", blocks: [.figure(ChartFigure(.bars(chart)))])])
    let html = page.render()
    #expect(!html.contains("<svg"))
    #expect(!html.contains("<figure"))
    #expect(html.contains("No chart of “People by route”: every value in it is suppressed"))
    #expect(html.contains("<caption id=\"table-1-caption\">People by route</caption>"))
    let doc = ReportDocument(page)
    #expect(doc.markdown().contains("No chart of “People by route”"))
    #expect(doc.tables.map(\.table.caption) == ["People by route"])
  }

  @Test("trend labels are pushed apart and stay in bounds")
  func spread() {
    let out = TrendChart.spread([(y: 100, text: "a"), (y: 101, text: "b"), (y: 300, text: "c")], gap: 17, minY: 0, maxY: 305)
    #expect(out.map(\.y) == [100, 117, 300])
    let clamped = TrendChart.spread([(y: 300, text: "a"), (y: 299, text: "b")], gap: 20, minY: 0, maxY: 300)
    #expect(clamped.map(\.y) == [300, 280])
  }

  @Test("print stylesheet for A4: no nav, black text, link URLs, whole tables and figures")
  func print() {
    let css = HTMLDocument.stylesheet
    #expect(css.contains("@page { size: A4; margin: 18mm 16mm 20mm; }"))
    #expect(css.contains(".skip-link, nav.contents, details.chart-data { display: none; }"))
    #expect(css.contains(".print-only { display: block; break-before: page; }"))
    #expect(css.contains(".print-page { break-after: page; }"))
    #expect(css.contains("a[href^=\"http\"]::after"))
    #expect(css.contains("figure, blockquote, .key-figures li, tr, caption { break-inside: avoid;"))
    #expect(css.contains("body { font-size: 10.5pt; line-height: 1.3; color: #000;"))
    #expect(css.contains("font-size: 19px"))
  }

  @Test("same input gives the same bytes; the committed sample matches")
  func determinism() throws {
    let a = try ReportKitSample.page(environment: Self.epoch).render()
    let b = try ReportKitSample.page(environment: Self.epoch).render()
    #expect(a == b)
    let url = TestPaths.fixture("reports/sample-report.html")
    if ProcessInfo.processInfo.environment["VOICES_UPDATE_FIXTURES"] == "1" {
      try Data(a.utf8).write(to: url, options: .atomic)
    }
    let committed = try String(contentsOf: url, encoding: .utf8)
    #expect(committed == a, "regenerate with VOICES_UPDATE_FIXTURES=1 if the change is intended")
  }
}

@Suite("Provenance") struct ProvenanceTests {
  @Test("SOURCE_DATE_EPOCH wins over the caller's date and shows in every format")
  func sourceDateEpoch() throws {
    #expect(try Provenance.buildTime(environment: ["SOURCE_DATE_EPOCH": "1740821400"], fallback: 5) == 1_740_821_400)
    #expect(try Provenance.buildTime(environment: [:], fallback: 5) == 5)
    #expect(try Provenance.buildTime(environment: [:]) == nil)
    #expect(throws: ProvenanceError.invalidSourceDateEpoch("yesterday")) {
      try Provenance.buildTime(environment: ["SOURCE_DATE_EPOCH": "yesterday"])
    }
    let p = try ReportKitSample.provenance(environment: ["SOURCE_DATE_EPOCH": "1740821400"])
    #expect(p.builtAtISO == "2025-03-01T09:30:00Z")
    #expect(p.html().contains("<time datetime=\"2025-03-01T09:30:00Z\">"))
    #expect(MarkdownDocument(blocks: p.markdown).render().contains("- Built: 2025-03-01T09:30:00Z"))
    #expect(p.json.render().contains("\"builtAt\": \"2025-03-01T09:30:00Z\""))
    let page = try ReportKitSample.page(environment: ["SOURCE_DATE_EPOCH": "1740821400"]).render()
    #expect(page.contains("2025-03-01T09:30:00Z"))
    #expect(!(try ReportKitSample.page().render()).contains("<time"))
  }

  @Test("ISO dates from epoch seconds", arguments: [
    (Int64(0), "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"), (1_709_251_199, "2024-02-29T23:59:59Z"),
    (-1, "1969-12-31T23:59:59Z"), (253_402_300_799, "9999-12-31T23:59:59Z"),
  ])
  func iso(_ seconds: Int64, _ expected: String) {
    #expect(Provenance.iso8601(seconds) == expected)
  }

  @Test("input files carry their streamed SHA-256; JSON keys in fixed order")
  func inputs() throws {
    let file = try Provenance.input(fileAt: TestPaths.fixture("reports/sha256-input.csv"), path: "exports/a.csv")
    #expect(file == .init(path: "exports/a.csv", sha256: "f274abba1e075115439f929b23c8c6bcf875cc299f016342f4f4b2337ab4dfb0"))
    let json = Provenance(inputs: [file], codebookVersion: "cb 1", rules: ["Counts below 5 are suppressed."]).json.render()
    #expect(json == """
      {
        "builtAt": null,
        "voicesVersion": "\(Voices.version)",
        "codebookVersion": "cb 1",
        "modelVersion": null,
        "rules": [
          "Counts below 5 are suppressed."
        ],
        "inputs": [
          {
            "path": "exports/a.csv",
            "sha256": "f274abba1e075115439f929b23c8c6bcf875cc299f016342f4f4b2337ab4dfb0"
          }
        ]
      }

      """)
  }
}

@Suite("Report palette contrast") struct ReportPaletteTests {
  @Test("WCAG relative luminance and contrast match the definition's known values")
  func formula() {
    #expect(RGBColour(0x000000).relativeLuminance == 0)
    #expect(abs(RGBColour(0xffffff).relativeLuminance - 1) < 1e-12)
    #expect(abs(RGBColour(0x000000).contrast(with: RGBColour(0xffffff)) - 21) < 1e-9)
    // #767676 on white is the well-known smallest grey passing 4.5:1 (4.54:1).
    #expect(abs(RGBColour(0x767676).contrast(with: .init(0xffffff)) - 4.54) < 0.01)
    #expect(RGBColour(0x0072b2).description == "#0072b2")
  }

  @Test("every text colour on every fill it is drawn on is at least 4.5:1", arguments: ReportPalette.textFills)
  func textOnFills(_ fill: RGBColour) {
    let text = ReportPalette.textColour(on: fill)
    #expect(text.contrast(with: fill) >= 4.5, "\(text) on \(fill): \(text.contrast(with: fill))")
  }

  @Test("page text, secondary text, links and focus pairs are at least 4.5:1", arguments: [
    (ReportPalette.text, ReportPalette.background), (ReportPalette.secondaryText, ReportPalette.background),
    (ReportPalette.link, ReportPalette.background), (ReportPalette.visitedLink, ReportPalette.background),
    (ReportPalette.text, ReportPalette.focus), (ReportPalette.white, ReportPalette.text), (ReportPalette.text, ReportPalette.lightFill),
    (ReportPalette.secondaryText, ReportPalette.lightFill), (ReportPalette.link, ReportPalette.lightFill),
  ])
  func pagePairs(_ text: RGBColour, _ background: RGBColour) {
    #expect(text.contrast(with: background) >= 4.5, "\(text) on \(background): \(text.contrast(with: background))")
  }
}
