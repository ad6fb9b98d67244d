import Foundation

/// Horizontal bars with a value at each bar's end, and optionally a "change since last wave"
/// column: used for themes (share of comments per theme, "+4", "−2", "new") and for
/// participation by route and locality (counts).
///
/// One colour for every bar, so colour carries no meaning at all: the label, length and the
/// printed value do. Values are what Measures or Coding computed; changes are passed in, never
/// worked out here.
struct BarChart: Equatable, Sendable {
  enum ValueKind: Equatable, Sendable { case percent, count }

  /// Change since the previous wave, as the caller computed it.
  enum Change: Equatable, Sendable {
    case points(Double)
    case new
    case notComparable

    var text: String {
      switch self {
      case .points(let d): NumberFormatting.change(d)
      case .new: "new"
      case .notComparable: "n/c"
      }
    }
  }

  struct Row: Equatable, Sendable {
    var label: String
    var value: Double?
    var suppressed: Bool = false
    var change: Change?

    init(label: String, value: Double?, suppressed: Bool = false, change: Change? = nil) {
      self.label = label
      self.value = value
      self.suppressed = suppressed
      self.change = change
    }
  }

  var title: String
  var summary: String?
  var rows: [Row]
  var valueKind: ValueKind = .percent
  var rowHeading: String = "Theme"
  var valueHeading: String = "Share"
  /// The change column's heading (e.g. "Change since 2023"); `nil` for no change column.
  var changeHeading: String?
  var suppressionNote: String = "Suppressed: too few responses to publish."

  static let width: Double = 760
  static let rowHeight: Double = 34

  func format(_ value: Double) -> String {
    switch valueKind {
    case .percent: NumberFormatting.percent(value)
    case .count: NumberFormatting.number(value)
    }
  }

  var hasSuppressed: Bool { rows.contains(where: \.suppressed) }

  var description: String {
    if let summary { return summary }
    let parts = rows.map { row -> String in
      var text = "\(row.label) " + (row.suppressed ? "suppressed" : row.value.map(format) ?? "no value")
      if changeHeading != nil, let change = row.change {
        text += change == .new ? " (new)" : change == .notComparable ? " (not comparable)" : " (\(change.text))"
      }
      return text
    }
    return "Bar chart. " + parts.joined(separator: "; ") + "."
  }

  var dataTable: DataTable {
    var columns = [rowHeading, valueHeading]
    if let changeHeading { columns.append(changeHeading) }
    let body = rows.map { row -> [DataTable.Cell] in
      var cells: [DataTable.Cell] = [DataTable.Cell(row.label)]
      if row.suppressed { cells.append(.numericText("suppressed")) }
      else if let v = row.value { cells.append(DataTable.Cell(format(v), number: v)) }
      else { cells.append(.numericText("–")) }
      if changeHeading != nil {
        switch row.change {
        case .points(let d): cells.append(DataTable.Cell(NumberFormatting.change(d), number: d))
        case .some(let c): cells.append(.numericText(c.text))
        case .none: cells.append(.numericText("–"))
        }
      }
      return cells
    }
    var notes: [String] = []
    if rows.contains(where: { $0.change == .notComparable }) { notes.append("n/c: not comparable with the previous wave.") }
    if rows.contains(where: { if case .points = $0.change { true } else { false } }) { notes.append(NumberFormatting.changeRoundingNote) }
    if hasSuppressed { notes.append(suppressionNote) }
    return DataTable(caption: title, columns: columns, rows: body, notes: notes)
  }

  /// Line height of wrapped labels.
  static let lineHeight: Double = 19

  /// The chart as an inline SVG, sized from its content. Long labels wrap onto more lines
  /// (the row grows), so no label is cut.
  func svg(id: String) -> String {
    let width = Self.width
    var canvas = SVGCanvas(width: width, height: 0)
    if hasSuppressed { canvas.define(SVGCanvas.suppressedPattern) }
    let labelWidth = min(260, max(60, rows.map { TextMetrics.width($0.label) }.max() ?? 0)) + 12
    let changeTexts = rows.map { $0.change?.text ?? "" }
    let changeWidth = changeHeading == nil ? 0 : max(min(TextMetrics.width(changeHeading ?? "", size: TextMetrics.smallSize), 120),
                                                     changeTexts.map { TextMetrics.width($0) }.max() ?? 0) + 16
    let valueTexts = rows.map { $0.suppressed ? "suppressed" : $0.value.map(format) ?? "–" }
    let valueRoom = (valueTexts.map { TextMetrics.width($0, size: TextMetrics.labelSize) }.max() ?? 0) + 28
    let barLeft = labelWidth
    let barMax = max(40, width - labelWidth - valueRoom - changeWidth)
    let maxValue = max(rows.compactMap { $0.suppressed ? nil : $0.value }.max() ?? 0, valueKind == .percent ? 1 : 1)
    var top: Double = 4
    if let changeHeading {
      let heading = TextMetrics.wrap(changeHeading, toWidth: changeWidth + 40, size: TextMetrics.smallSize)
      canvas.text(lines: heading, x: width - 2, y: 16, lineHeight: 16, anchor: .end, size: TextMetrics.smallSize, fill: ReportPalette.secondaryText)
      top = 10 + 16 * Double(heading.count)
    }
    var y = top
    for row in rows {
      let lines = TextMetrics.wrap(row.label, toWidth: labelWidth - 12)
      let height = max(Self.rowHeight, 15 + Self.lineHeight * Double(lines.count))
      canvas.text(lines: lines, x: 0, y: y + 22, lineHeight: Self.lineHeight)
      if row.suppressed {
        canvas.rect(x: barLeft, y: y + 6, width: 22, height: 22, fill: "url(#\(SVGCanvas.suppressedPatternID))",
                    stroke: ReportPalette.text.description)
        canvas.text("suppressed", x: barLeft + 30, y: y + 22)
      } else if let v = row.value {
        let w = max(0, v) / maxValue * barMax
        canvas.rect(x: barLeft, y: y + 6, width: w, height: 22, fill: ReportPalette.blue.description)
        canvas.text(format(v), x: barLeft + w + 6, y: y + 22, bold: true)
      } else {
        canvas.text("–", x: barLeft + 6, y: y + 22)
      }
      if changeHeading != nil, let change = row.change {
        canvas.text(change.text, x: width - 2, y: y + 22, anchor: .end)
      }
      y += height
    }
    canvas.line(x1: barLeft, y1: top, x2: barLeft, y2: y, stroke: ReportPalette.text)
    canvas.height = y + 6
    return canvas.render(id: id, title: title, description: description)
  }
}
