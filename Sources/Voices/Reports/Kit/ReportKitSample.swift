/// A sample page using every part of the toolkit, with made-up figures.
///
/// Tests check its structure and bytes; `scripts/check-report-accessibility` renders it in a
/// browser and runs axe on it. The figures are invented for layout only (no Measures behind
/// them), and one quote carries `<script>` to show escaping on the real page.
enum ReportKitSample {
  static let agreement = [
    DivergingBarChart.Category(label: "Strongly disagree", polarity: .negative),
    DivergingBarChart.Category(label: "Disagree", polarity: .negative),
    DivergingBarChart.Category(label: "Neither agree nor disagree", polarity: .neutral),
    DivergingBarChart.Category(label: "Agree", polarity: .positive),
    DivergingBarChart.Category(label: "Strongly agree", polarity: .positive),
  ]

  static let trust = DivergingBarChart(
    title: "I trust and have confidence in the support and advice I receive",
    summary: nil,
    categories: agreement,
    rows: [
      .init(label: "2021", base: 412, segments: [.percent(21), .percent(27), .percent(16), .percent(28), .percent(8)]),
      .init(label: "2023", base: 510, segments: [.percent(15), .percent(22), .percent(18), .percent(33), .percent(12)]),
      .init(label: "2025", base: 486, segments: [.percent(9), .percent(18), .percent(17), .percent(39), .percent(17)]),
      .init(label: "Young carers group (2025)", base: 9, segments: [.suppressed, .percent(33), .percent(22), .percent(33), .suppressed]),
    ],
    neutral: .apart, rowHeading: "Wave or group",
    suppressionNote: "Suppressed: fewer than 5 responses, or could reveal a suppressed value.")

  static let trend = TrendChart(
    title: "Parent carers who trust and have confidence in the advice they receive",
    summary: "Agreement rose from 36% in 2021 to 56% in 2025. The 2023 question was reworded, so 2021 is not directly comparable with later waves.",
    waves: [.init(label: "2021", base: 412), .init(label: "2023", base: 510), .init(label: "2024", base: 300), .init(label: "2025", base: 486)],
    series: [
      .init(name: "Parent carers", points: [.value(36, lower: 31.5, upper: 40.8), .value(45, lower: 40.7, upper: 49.4),
                                            .value(49, lower: 43.4, upper: 54.6), .value(56, lower: 51.6, upper: 60.3)]),
      .init(name: "Young people", points: [nil, .value(52, lower: 44.1, upper: 59.8), .suppressed, .value(58, lower: 50.2, upper: 65.4)]),
    ],
    breaks: [.init(afterWave: 0, note: "Question reworded in 2023")])

  static let themes = BarChart(
    title: "What families said is hard: share of comments per theme, 2025",
    summary: nil,
    rows: [
      .init(label: "Too long a wait for assessments and therapies", value: 31, change: .points(4)),
      .init(label: "Understanding how the system works is difficult", value: 24, change: .points(-2)),
      .init(label: "Services are not joined up", value: 18, change: .points(0.3)),
      .init(label: "An EHC plan feels like the only route to support", value: 12, change: .new),
      .init(label: "Worry about support in mainstream schools and the lack of the right range of provision across the county", value: 0.3,
            change: .notComparable),
      .init(label: "Fitting in and friendships", value: nil, suppressed: true),
    ],
    rowHeading: "Theme", valueHeading: "Share of comments", changeHeading: "Change since 2023")

  static let routes = BarChart(
    title: "Children, young people and parent carers taking part, by route, 2025",
    summary: nil,
    rows: [
      .init(label: "Parent carer survey", value: 1486),
      .init(label: "Annual Conversation focus groups", value: 212),
      .init(label: "Participation events", value: 2318),
      .init(label: "Takeover Challenge", value: 23),
    ],
    valueKind: .count, rowHeading: "Route", valueHeading: "People")

  /// The sample provenance; `builtAt` from `SOURCE_DATE_EPOCH` in `environment`.
  static func provenance(environment: [String: String]) throws(ProvenanceError) -> Provenance {
    Provenance(
      inputs: [
        .init(path: "exports/parent-carer-survey-2025.csv", sha256: "f274abba1e075115439f929b23c8c6bcf875cc299f016342f4f4b2337ab4dfb0"),
        .init(path: "exports/annual-conversation-2025.xlsx", sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ],
      codebookVersion: "send-themes 2021.1", modelVersion: "themes-linear 0.3 (2025-02)",
      rules: ["Counts below 5 are suppressed, with secondary suppression so a suppressed cell cannot be worked out from totals.",
              "Quotes are anonymised: names, schools, emails, phone numbers, postcodes, NHS numbers and dates of birth removed."],
      builtAt: try Provenance.buildTime(environment: environment))
  }

  /// The sample page.
  static func page(environment: [String: String] = [:]) throws(ProvenanceError) -> HTMLDocument {
    HTMLDocument(
      title: "Voices report toolkit: sample page",
      summary: "A sample of every element the annual participation report, the theme pack, the trust tracker and the You said, we did page are built from. The figures are made up.",
      publisher: "Example County Council · SEND participation",
      sections: [
        .init("Summary", blocks: [
          .keyFigures([(value: NumberFormatting.count(4039), label: "people took part"),
                       (value: NumberFormatting.percent(56), label: "of parent carers trust the advice they receive"),
                       (value: NumberFormatting.change(11), label: "points since 2023")]),
          .paragraph([.text("Figures are rounded to whole percentages. Read more about the "),
                      .link("SEND Local Offer", href: "https://www.example.gov.uk/send/local-offer"), .text(".")]),
        ]),
        .init("Trust and confidence", blocks: [
          .figure(ChartFigure(.trend(trend), notes: ["Shaded bands show the 95% confidence interval."])),
          .figure(ChartFigure(.diverging(trust))),
        ]),
        .init("What families told us", blocks: [
          .figure(ChartFigure(.bars(themes))),
          .quote("We waited 18 months for speech and language therapy. <script>alert('x')</script> & nobody told us why.",
                 attribution: "Parent carer, 2025 survey"),
        ], subsections: [
          .init("You said, we did", blocks: [
            .list([[.strong("You said: "), .text("it is hard to find out what is available.")],
                   [.strong("We did: "), .text("rewrote the Local Offer pages with the Parent Carer Council.")]]),
          ]),
        ]),
        .init("Who took part", blocks: [
          .figure(ChartFigure(.bars(routes))),
          .table(DataTable(caption: "Participation by locality, 2025", columns: ["Locality", "Children and young people", "Parent carers"],
                           rows: [["North", .count(612), .count(1204)], ["South", .count(488), .count(371)], ["East", .count(1_733), .count(1_002)]])),
        ]),
      ],
      provenance: try provenance(environment: environment))
  }
}
