/// A diverging stacked bar chart for agreement and satisfaction scales.
///
/// Negative answers run left of a centre line and positive answers right, so "more agreement"
/// reads as "further right" whatever the colours. One bar per wave or group. Values are
/// percentages (0–100) that Measures computed; the chart only places and labels them.
///
/// Colour is never the only signal: the side of the centre line and the order of segments match
/// the key, segments wide enough carry their percentage, suppressed values are named in text,
/// and the chart is always published with `dataTable` (see `ChartFigure`).
struct DivergingBarChart: Equatable, Sendable {
  enum Polarity: Equatable, Sendable { case negative, neutral, positive }

  /// One answer option, listed from most negative to most positive.
  struct Category: Equatable, Sendable {
    var label: String
    var polarity: Polarity
  }

  /// One segment's value: a percentage, or suppressed (never drawn to scale).
  struct Segment: Equatable, Sendable {
    var value: Double?
    var suppressed: Bool = false

    static func percent(_ value: Double) -> Segment { Segment(value: value) }
    static let suppressed = Segment(value: nil, suppressed: true)
  }

  /// One bar: its label, base size and a segment per category (same order as `categories`).
  struct Row: Equatable, Sendable {
    var label: String
    var base: Int?
    var segments: [Segment]
  }

  /// Where neutral answers go: split either side of the centre line, or in a column of their
  /// own to the right (clearer when the neutral share is large).
  enum NeutralPlacement: Equatable, Sendable { case split, apart }

  var title: String
  /// The text alternative; when `nil`, one is written listing every value.
  var summary: String?
  var categories: [Category]
  var rows: [Row]
  var neutral: NeutralPlacement = .apart
  /// Heading of the table's first column (e.g. "Wave", "Locality").
  var rowHeading: String = "Group"
  /// What "suppressed" means here, shown in the key's text and under the table.
  var suppressionNote: String = "Suppressed: too few responses to publish."

  /// Natural width of the drawing in SVG units.
  static let width: Double = 760

  /// Fill for each category, by polarity and distance from the centre.
  func fill(for index: Int) -> RGBColour {
    let category = categories[index]
    switch category.polarity {
    case .neutral: return ReportPalette.neutral
    case .negative:
      let negatives = categories.indices.filter { categories[$0].polarity == .negative }
      return index == negatives.first && negatives.count > 1 ? ReportPalette.vermillion : ReportPalette.orange
    case .positive:
      let positives = categories.indices.filter { categories[$0].polarity == .positive }
      return index == positives.last && positives.count > 1 ? ReportPalette.blue : ReportPalette.skyBlue
    }
  }

  var hasSuppressed: Bool { rows.contains { $0.segments.contains(where: \.suppressed) } }

  /// The drawn share of one cell: 0 for suppressed or missing values.
  func share(_ row: Row, _ index: Int) -> Double {
    guard index < row.segments.count, !row.segments[index].suppressed else { return 0 }
    return max(0, row.segments[index].value ?? 0)
  }

  /// The text alternative: the caller's summary, or every value in words.
  var description: String {
    if let summary { return summary }
    let rowsText = rows.map { row in
      let parts = categories.indices.map { i -> String in
        let segment = i < row.segments.count ? row.segments[i] : Segment(value: nil)
        let text = segment.suppressed ? "suppressed" : segment.value.map { NumberFormatting.percent($0) } ?? "no value"
        return "\(categories[i].label) \(text)"
      }
      return "\(row.label): " + parts.joined(separator: ", ")
    }
    return "Diverging bar chart. " + rowsText.joined(separator: "; ") + "."
  }

  /// Every value with its full labels; suppressed cells say so.
  var dataTable: DataTable {
    let hasBase = rows.contains { $0.base != nil }
    var columns = [rowHeading]
    if hasBase { columns.append("Base (n)") }
    columns += categories.map(\.label)
    let body = rows.map { row -> [DataTable.Cell] in
      var cells: [DataTable.Cell] = [DataTable.Cell(row.label)]
      if hasBase { cells.append(row.base.map(DataTable.Cell.count) ?? .numericText("–")) }
      for i in categories.indices {
        let segment = i < row.segments.count ? row.segments[i] : Segment(value: nil)
        if segment.suppressed { cells.append(.numericText("suppressed")) }
        else if let v = segment.value { cells.append(.percent(v)) }
        else { cells.append(.numericText("–")) }
      }
      return cells
    }
    return DataTable(caption: title, columns: columns, rows: body, notes: hasSuppressed ? [suppressionNote] : [])
  }
}
