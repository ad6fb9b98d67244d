/// One of the chart kinds Voices draws.
enum Chart: Equatable, Sendable {
  case diverging(DivergingBarChart)
  case trend(TrendChart)
  case bars(BarChart)

  var title: String {
    switch self {
    case .diverging(let c): c.title
    case .trend(let c): c.title
    case .bars(let c): c.title
    }
  }

  /// The text alternative placed in the SVG's `<desc>`.
  var description: String {
    switch self {
    case .diverging(let c): c.description
    case .trend(let c): c.description
    case .bars(let c): c.description
    }
  }

  func svg(id: String) -> String {
    switch self {
    case .diverging(let c): c.svg(id: id)
    case .trend(let c): c.svg(id: id)
    case .bars(let c): c.svg(id: id)
    }
  }

  /// False when every value is suppressed or missing: such a chart would be empty, so a page
  /// says so in a sentence instead of drawing it.
  var hasValues: Bool {
    switch self {
    case .diverging(let c): c.rows.contains { $0.segments.contains { !$0.suppressed && $0.value != nil } }
    case .trend(let c): c.series.indices.contains { s in c.waves.indices.contains { c.point(s, $0) != nil } }
    case .bars(let c): c.rows.contains { !$0.suppressed && $0.value != nil }
    }
  }

  /// The chart's data, with full labels.
  var dataTable: DataTable {
    switch self {
    case .diverging(let c): c.dataTable
    case .trend(let c): c.dataTable
    case .bars(let c): c.dataTable
    }
  }
}

/// A chart published with its data table: the only way the toolkit puts a chart on a page.
///
/// WCAG 2.2 needs a text alternative carrying the same information as the chart; the table is
/// that alternative (the SVG's `<desc>` summarises), and it holds the full labels. On screen the
/// table sits under a "Show the data" disclosure below the chart; in print the page gathers the
/// tables in an appendix (`HTMLDocument`), so a printed report is not a chart then its table
/// over and over. Pairing them in one value means a report cannot forget the table.
struct ChartFigure: Equatable, Sendable {
  var chart: Chart
  /// Notes under the chart (sources, what a break means).
  var notes: [String] = []
  /// A fuller table than the chart's own (e.g. with intervals and verdicts), shown as its data.
  var data: DataTable?

  init(_ chart: Chart, notes: [String] = [], data: DataTable? = nil) {
    self.chart = chart
    self.notes = notes
    self.data = data
  }

  /// Said in place of a chart with nothing to draw (`Chart.hasValues` false).
  var emptySentence: String {
    "No chart of “\(chart.title)”: every value in it is suppressed under the small-number rule or missing, as the table shows."
  }

  /// The table published with the chart.
  var dataTable: DataTable { data ?? chart.dataTable }

  /// `<figure>` holding the numbered caption, the SVG and its notes, followed by the data table
  /// in a closed `<details>` ("Show the data"), hidden in print.
  ///
  /// - Parameters:
  ///   - id: Unique in the page, e.g. "figure-2".
  ///   - number: The figure's number in the page.
  func html(id: String, number: Int) -> String {
    let label = "Figure \(number)"
    var out = "<figure class=\"chart\" id=\"\(id)\" aria-labelledby=\"\(id)-caption\">\n"
    out += "<figcaption id=\"\(id)-caption\"><span class=\"figure-number\">\(label):</span> \(HTMLEscaping.text(chart.title))</figcaption>\n"
    out += "<div class=\"chart-drawing\">\n" + chart.svg(id: "\(id)-svg") + "\n</div>\n"
    for note in notes { out += "<p class=\"note\">\(HTMLEscaping.text(note))</p>\n" }
    out += "</figure>\n"
    var table = dataTable
    table.caption = "\(label) data: \(table.caption)"
    out += "<details class=\"chart-data\">\n<summary>Show the data<span class=\"visually-hidden\"> for figure \(number)</span></summary>\n"
    out += table.html(id: "\(id)-data") + "</details>\n"
    return out
  }

  /// The data table as printed in the page's appendix.
  func printedTable(id: String, number: Int) -> String {
    var table = dataTable
    table.caption = "Figure \(number): \(table.caption)"
    return table.html(id: "\(id)-print")
  }

  /// Markdown: the chart's data table (Markdown has no inline SVG that all readers show).
  func markdown(number: Int) -> [MarkdownDocument.Block] {
    var table = dataTable
    table.caption = "Figure \(number): \(table.caption)"
    return [table.markdown] + notes.map { .paragraph($0) }
  }
}
