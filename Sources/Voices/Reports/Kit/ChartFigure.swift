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
/// that alternative (the SVG's `<desc>` summarises), and it holds the full labels that a chart
/// may shorten. Pairing them in one value means a report cannot forget the table.
struct ChartFigure: Equatable, Sendable {
  var chart: Chart
  /// Notes under the chart (sources, what a break means).
  var notes: [String] = []

  init(_ chart: Chart, notes: [String] = []) {
    self.chart = chart
    self.notes = notes
  }

  /// `<figure>` holding the numbered caption and the SVG, followed by the data table.
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
    var table = chart.dataTable
    table.caption = "\(label) data: \(table.caption)"
    out += table.html(id: "\(id)-data")
    return out
  }

  /// Markdown: the chart's data table (Markdown has no inline SVG that all readers show).
  func markdown(number: Int) -> [MarkdownDocument.Block] {
    var table = chart.dataTable
    table.caption = "Figure \(number): \(table.caption)"
    return [table.markdown] + notes.map { .paragraph($0) }
  }
}
