import Foundation

extension TrendChart {
  private static let plotHeight: Double = 280
  private static let valueSize: Double = 14

  /// The chart as an inline SVG, sized from its content.
  func svg(id: String) -> String {
    let width = Self.width
    let validBreaks = breaks.filter { $0.afterWave >= 0 && $0.afterWave + 1 < waves.count }
    // Names are bold, about a tenth wider than regular text.
    let nameWidth = min(160, (series.map { TextMetrics.width($0.name) }.max() ?? 0) * 1.1)
    let left: Double = 52
    let right = width - nameWidth - 34
    let noteWidth = min(2 * ((width - nameWidth - 86) / Double(max(waves.count, 1))), width - 8)
    let notes = validBreaks.map { TextMetrics.wrap($0.note, toWidth: noteWidth, size: TextMetrics.smallSize) }
    let noteLines = Double(notes.map(\.count).max() ?? 0)
    let top: Double = validBreaks.isEmpty ? 16 : 28 + 16 * noteLines
    let bottom = top + Self.plotHeight
    let step = waves.count > 1 ? (right - left) / Double(waves.count) : right - left
    func xAt(_ w: Int) -> Double { left + step * (Double(w) + 0.5) }
    let span = max(range.upperBound - range.lowerBound, 1)
    func yAt(_ v: Double) -> Double {
      let clamped = min(max(v, range.lowerBound), range.upperBound)
      return bottom - (clamped - range.lowerBound) / span * Self.plotHeight
    }
    var canvas = SVGCanvas(width: width, height: 0)

    // Grid and axis labels.
    let tickStep = [10.0, 20, 25, 50, 100].first { span / $0 <= 5 } ?? span
    for t in stride(from: range.lowerBound, through: range.upperBound + 0.001, by: tickStep) {
      canvas.line(x1: left, y1: yAt(t), x2: right, y2: yAt(t), stroke: t == range.lowerBound ? ReportPalette.text : ReportPalette.border,
                  dash: t == range.lowerBound ? nil : "2 3")
      canvas.text(NumberFormatting.percent(t), x: left - 8, y: yAt(t) + 5, anchor: .end, size: TextMetrics.smallSize,
                  fill: ReportPalette.secondaryText)
    }
    let waveLabels = waves.map { TextMetrics.wrap($0.label, toWidth: step - 4) }
    let extraLines = Double((waveLabels.map(\.count).max() ?? 1) - 1) * 18
    for (w, wave) in waves.enumerated() {
      canvas.text(lines: waveLabels[w], x: xAt(w), y: bottom + 22, lineHeight: 18, anchor: .middle)
      if let base = wave.base {
        canvas.text("n=" + NumberFormatting.count(base), x: xAt(w), y: bottom + 40 + extraLines, anchor: .middle, size: TextMetrics.smallSize,
                    fill: ReportPalette.secondaryText)
      }
    }

    // Breaks: a dashed rule between the two waves and the note above the plot.
    let breakAfter = Set(validBreaks.map(\.afterWave))
    for (b, note) in zip(validBreaks, notes) {
      let bx = (xAt(b.afterWave) + xAt(b.afterWave + 1)) / 2
      canvas.line(x1: bx, y1: top - 8, x2: bx, y2: bottom, stroke: ReportPalette.text, width: 1.5, dash: "6 4")
      let widest = note.map { TextMetrics.width($0, size: TextMetrics.smallSize) }.max() ?? 0
      let nx = min(max(bx, widest / 2 + 2), width - widest / 2 - 2)
      canvas.text(lines: note, x: nx, y: top - 16 - 16 * Double(note.count - 1), lineHeight: 16, anchor: .middle,
                  size: TextMetrics.smallSize, bold: true)
    }

    // Bands, then lines, then markers, then labels (so labels sit on top).
    for s in series.indices {
      let colour = colour(for: s)
      for run in runs(series: s, breakAfter: breakAfter) {
        let withBand = run.filter { point(s, $0)?.lower != nil && point(s, $0)?.upper != nil }
        if withBand.count == run.count, !run.isEmpty {
          var d = ""
          for (i, w) in run.enumerated() { d += (i == 0 ? "M" : "L") + "\(SVGCanvas.format(xAt(w))),\(SVGCanvas.format(yAt(point(s, w)?.upper ?? 0)))" }
          if run.count == 1, let w = run.first {
            d += "L\(SVGCanvas.format(xAt(w) + 6)),\(SVGCanvas.format(yAt(point(s, w)?.upper ?? 0)))"
            d += "L\(SVGCanvas.format(xAt(w) + 6)),\(SVGCanvas.format(yAt(point(s, w)?.lower ?? 0)))"
            d += "L\(SVGCanvas.format(xAt(w) - 6)),\(SVGCanvas.format(yAt(point(s, w)?.lower ?? 0)))"
            d += "L\(SVGCanvas.format(xAt(w) - 6)),\(SVGCanvas.format(yAt(point(s, w)?.upper ?? 0)))"
          }
          for w in run.reversed() { d += "L\(SVGCanvas.format(xAt(w))),\(SVGCanvas.format(yAt(point(s, w)?.lower ?? 0)))" }
          canvas.path(d + "Z", fill: colour.description, opacity: 0.2)
        }
      }
    }
    for s in series.indices {
      let colour = colour(for: s)
      for run in runs(series: s, breakAfter: breakAfter) where run.count > 1 {
        let d = run.enumerated().map { (i, w) in (i == 0 ? "M" : "L") + "\(SVGCanvas.format(xAt(w))),\(SVGCanvas.format(yAt(point(s, w)?.value ?? 0)))" }.joined()
        canvas.path(d, stroke: colour, width: 3)
      }
      for b in breakAfter.sorted() {
        if let p = point(s, b)?.value, let q = point(s, b + 1)?.value {
          canvas.path("M\(SVGCanvas.format(xAt(b))),\(SVGCanvas.format(yAt(p)))L\(SVGCanvas.format(xAt(b + 1))),\(SVGCanvas.format(yAt(q)))",
                      stroke: colour, width: 2, dash: "3 5")
        }
      }
      for w in waves.indices {
        guard let v = point(s, w)?.value else { continue }
        canvas.raw(marker(Self.markers[s % Self.markers.count], x: xAt(w), y: yAt(v), colour: colour))
      }
    }

    // Value labels beside each point, pushed apart per wave so none overlap.
    for w in waves.indices {
      var labels: [(y: Double, text: String)] = series.indices.compactMap { s in
        guard let v = point(s, w)?.value else { return nil }
        return (yAt(v) - 12, NumberFormatting.percent(v))
      }
      labels = Self.spread(labels, gap: 17, minY: top + 4, maxY: bottom - 4)
      for label in labels {
        canvas.text(label.text, x: xAt(w) + 9, y: label.y + 5, size: Self.valueSize, bold: true, halo: true)
      }
    }
    // Series names at the end of each line.
    var ends: [(y: Double, text: String, colour: RGBColour)] = series.indices.compactMap { s in
      guard let w = waves.indices.last(where: { point(s, $0)?.value != nil }), let v = point(s, w)?.value else { return nil }
      return (yAt(v), series[s].name, colour(for: s))
    }
    let nameLines = ends.map { TextMetrics.wrap($0.text, toWidth: nameWidth / 1.1) }
    let spreadEnds = Self.spread(ends.map { ($0.y, $0.text) }, gap: 20 * Double(nameLines.map(\.count).max() ?? 1), minY: top, maxY: bottom)
    ends = zip(ends, spreadEnds).map { (e, s) in (s.y, e.text, e.colour) }
    for (i, e) in ends.enumerated() {
      let sx = right + 8
      canvas.raw(marker(Self.markers[i % Self.markers.count], x: sx + 6, y: e.y, colour: e.colour))
      canvas.text(lines: nameLines[i], x: sx + 16, y: e.y + 5, lineHeight: 19, bold: true)
    }
    if hasSuppressed {
      canvas.text("Suppressed values are not plotted: see the table.", x: left, y: bottom + 62 + extraLines, size: TextMetrics.smallSize,
                  fill: ReportPalette.secondaryText)
    }
    canvas.height = bottom + extraLines + (hasSuppressed ? 72 : 52)
    return canvas.render(id: id, title: title, description: description)
  }

  /// Runs of consecutive waves with a value for series `s` that no break divides.
  private func runs(series s: Int, breakAfter: Set<Int>) -> [[Int]] {
    var runs: [[Int]] = [], current: [Int] = []
    for w in waves.indices {
      if point(s, w)?.value != nil {
        current.append(w)
        if breakAfter.contains(w) { runs.append(current); current = [] }
      } else if !current.isEmpty {
        runs.append(current); current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  private func marker(_ shape: String, x: Double, y: Double, colour: RGBColour) -> String {
    let f = { (v: Double) in SVGCanvas.format(v) }
    let style = "fill=\"\(colour)\" stroke=\"#ffffff\" stroke-width=\"1.5\""
    switch shape {
    case "square": return "<rect x=\"\(f(x - 5.5))\" y=\"\(f(y - 5.5))\" width=\"11\" height=\"11\" \(style)/>"
    case "triangle": return "<path d=\"M\(f(x)),\(f(y - 7))L\(f(x + 7)),\(f(y + 5.5))L\(f(x - 7)),\(f(y + 5.5))Z\" \(style)/>"
    case "diamond": return "<path d=\"M\(f(x)),\(f(y - 7))L\(f(x + 7)),\(f(y))L\(f(x)),\(f(y + 7))L\(f(x - 7)),\(f(y))Z\" \(style)/>"
    default: return "<circle cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"6\" \(style)/>"
    }
  }

  /// Moves label centres apart so neighbours are at least `gap` apart, staying within bounds;
  /// keeps the input order.
  static func spread(_ labels: [(y: Double, text: String)], gap: Double, minY: Double, maxY: Double) -> [(y: Double, text: String)] {
    let order = labels.indices.sorted { labels[$0].y < labels[$1].y }
    var ys = order.map { labels[$0].y }
    for i in ys.indices { ys[i] = max(ys[i], i == 0 ? minY : ys[i - 1] + gap) }
    if let last = ys.last, last > maxY {
      ys[ys.count - 1] = maxY
      for i in stride(from: ys.count - 2, through: 0, by: -1) { ys[i] = min(ys[i], ys[i + 1] - gap) }
    }
    var out = labels
    for (k, i) in order.enumerated() { out[i].y = ys[k] }
    return out
  }
}
