import Foundation

extension DivergingBarChart {
  private static let rowHeight: Double = 48
  private static let barHeight: Double = 28
  private static let segmentLabelSize: Double = 14

  /// The chart as an inline SVG, sized from its content.
  ///
  /// - Parameter id: A prefix unique within the page.
  func svg(id: String) -> String {
    let width = Self.width
    var canvas = SVGCanvas(width: width, height: 0)
    if hasSuppressed { canvas.define(SVGCanvas.suppressedPattern) }

    // Key, in category order, wrapping onto new lines.
    var keyItems = categories.indices.map { (label: categories[$0].label, fill: fill(for: $0).description) }
    if hasSuppressed { keyItems.append((label: "Suppressed", fill: "url(#\(SVGCanvas.suppressedPatternID))")) }
    var x = 0.0, y = 4.0, lineBottom = 22.0
    for item in keyItems {
      let label = TextMetrics.wrap(item.label, toWidth: width - 30)
      let itemWidth = 24 + (label.map { TextMetrics.width($0) }.max() ?? 0) + 20
      if x > 0, x + itemWidth > width { x = 0; y = lineBottom + 10 }
      canvas.rect(x: x, y: y, width: 18, height: 18, fill: item.fill, stroke: ReportPalette.text.description)
      canvas.text(lines: label, x: x + 24, y: y + 15, lineHeight: 19)
      lineBottom = max(lineBottom, y + 18 + 19 * Double(label.count - 1))
      x += itemWidth
    }
    var top = lineBottom + 20

    // Columns: row labels | negative · centre · positive | neutral apart | suppressed marker.
    let labelTexts = rows.map { $0.label }
    let widest = labelTexts.map { TextMetrics.width($0) }.max() ?? 0
    let labelWidth = min(200, max(60, widest)) + 12
    let markerWidth = hasSuppressed ? 24 + TextMetrics.width("suppressed", size: TextMetrics.smallSize) + 8 : 0
    let neutralIndices = categories.indices.filter { categories[$0].polarity == .neutral }
    let negatives = categories.indices.filter { categories[$0].polarity == .negative }
    let positives = categories.indices.filter { categories[$0].polarity == .positive }
    func sum(_ row: Row, _ indices: [Int]) -> Double { indices.reduce(0.0) { $0 + share(row, $1) } }
    func neutralShare(_ row: Row) -> Double { sum(row, neutralIndices) }
    let split = neutral == .split
    var leftMax = 0.0, rightMax = 0.0, neutralMax = 0.0
    for r in rows {
      let n: Double = split ? neutralShare(r) / 2 : 0
      leftMax = max(leftMax, sum(r, negatives) + n)
      rightMax = max(rightMax, sum(r, positives) + n)
      neutralMax = max(neutralMax, neutralShare(r))
    }
    let domain: Double = min(100, max(10, (max(leftMax, rightMax) / 10).rounded(.up) * 10))
    let apartMax: Double = split || neutralIndices.isEmpty ? 0 : min(100, max(10, (neutralMax / 10).rounded(.up) * 10))
    let apartGap: Double = apartMax > 0 ? 28 : 0
    let available = width - labelWidth - markerWidth - apartGap - 8
    let scale = available / (2 * domain + apartMax)
    let centre = labelWidth + domain * scale
    let apartLeft = centre + domain * scale + apartGap

    if apartMax > 0, let first = neutralIndices.first {
      let heading = TextMetrics.wrap(categories[first].label, toWidth: max(apartMax * scale + 4, 60), size: TextMetrics.smallSize)
      top += 16 * Double(heading.count - 1)
      canvas.text(lines: heading, x: apartLeft, y: top - 4 - 16 * Double(heading.count - 1), lineHeight: 16, size: TextMetrics.smallSize)
    }

    let ticks = Self.ticks(domain)
    // Rows grow to hold a wrapped label and its base.
    let rowLabels = rows.map { TextMetrics.wrap($0.label, toWidth: labelWidth - 12) }
    let rowHeights = rows.indices.map { r in
      max(Self.rowHeight, 12 + 19 * Double(rowLabels[r].count) + (rows[r].base == nil ? 0 : 16))
    }
    let rowTops = rowHeights.indices.map { r in top + rowHeights[..<r].reduce(0, +) }
    let plotBottom = top + rowHeights.reduce(0, +)
    for t in ticks where t > 0 {
      for side in [-1.0, 1.0] {
        let tx = centre + side * t * scale
        canvas.line(x1: tx, y1: top, x2: tx, y2: plotBottom, stroke: ReportPalette.border, dash: "2 3")
      }
    }

    for (r, row) in rows.enumerated() {
      let rowTop = rowTops[r]
      let barTop = rowTop + (rowHeights[r] - Self.barHeight) / 2
      let labelTop = rowTop + (rowHeights[r] - 19 * Double(rowLabels[r].count) - (row.base == nil ? 0 : 16)) / 2
      canvas.text(lines: rowLabels[r], x: 0, y: labelTop + 15, lineHeight: 19)
      if let base = row.base {
        canvas.text("n=" + NumberFormatting.count(base), x: 0, y: labelTop + 19 * Double(rowLabels[r].count) + 12,
                    size: TextMetrics.smallSize, fill: ReportPalette.secondaryText)
      }
      var drawn: [(x: Double, w: Double, index: Int)] = []
      let half = split ? neutralShare(row) / 2 * scale : 0
      if split, half > 0 {
        for i in neutralIndices {
          let w = share(row, i) / 2 * scale
          canvas.rect(x: centre - w, y: barTop, width: 2 * w, height: Self.barHeight, fill: fill(for: i).description, stroke: "#ffffff")
        }
        if let i = neutralIndices.first { drawn.append((centre - half, 2 * half, i)) }
      }
      var left = centre - half
      for i in negatives.reversed() {
        let w = share(row, i) * scale
        left -= w
        canvas.rect(x: left, y: barTop, width: w, height: Self.barHeight, fill: fill(for: i).description, stroke: "#ffffff")
        drawn.append((left, w, i))
      }
      var right = centre + half
      for i in positives {
        let w = share(row, i) * scale
        canvas.rect(x: right, y: barTop, width: w, height: Self.barHeight, fill: fill(for: i).description, stroke: "#ffffff")
        drawn.append((right, w, i))
        right += w
      }
      if !split {
        var nx = apartLeft
        for i in neutralIndices {
          let w = share(row, i) * scale
          canvas.rect(x: nx, y: barTop, width: w, height: Self.barHeight, fill: fill(for: i).description, stroke: "#ffffff")
          let text = NumberFormatting.percent(share(row, i))
          if TextMetrics.width(text, size: Self.segmentLabelSize) + 8 <= w {
            drawn.append((nx, w, i))
          } else if !(i < row.segments.count && row.segments[i].suppressed), i < row.segments.count, row.segments[i].value != nil {
            canvas.text(text, x: nx + w + 4, y: barTop + 19, size: Self.segmentLabelSize)
          }
          nx += w
        }
      }
      for segment in drawn {
        let text = NumberFormatting.percent(share(row, segment.index))
        guard TextMetrics.width(text, size: Self.segmentLabelSize) + 8 <= segment.w else { continue }
        canvas.text(text, x: segment.x + segment.w / 2, y: barTop + 19, anchor: .middle, size: Self.segmentLabelSize,
                    fill: ReportPalette.textColour(on: fill(for: segment.index)))
      }
      if row.segments.contains(where: \.suppressed) {
        let mx = width - markerWidth + 4
        canvas.rect(x: mx, y: barTop + 5, width: 18, height: 18, fill: "url(#\(SVGCanvas.suppressedPatternID))", stroke: ReportPalette.text.description)
        canvas.text("suppressed", x: mx + 24, y: barTop + 19, size: TextMetrics.smallSize)
      }
    }

    canvas.line(x1: centre, y1: top - 6, x2: centre, y2: plotBottom + 4, stroke: ReportPalette.text, width: 2)
    for t in ticks {
      for side in t == 0 ? [0.0] : [-1.0, 1.0] {
        canvas.text(NumberFormatting.percent(t), x: centre + side * t * scale, y: plotBottom + 22, anchor: .middle,
                    size: TextMetrics.smallSize, fill: ReportPalette.secondaryText)
      }
    }
    canvas.height = plotBottom + 32
    return canvas.render(id: id, title: title, description: description)
  }

  /// Tick positions (in points) for a domain: at most four steps each side.
  static func ticks(_ domain: Double) -> [Double] {
    let step = [10.0, 20, 25, 50].first { domain / $0 <= 4 } ?? 50
    return stride(from: 0, through: domain + 0.001, by: step).map { $0 }
  }
}
