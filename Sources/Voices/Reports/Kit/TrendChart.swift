/// A line chart of a measure over waves, with interval bands, base sizes and comparability breaks.
///
/// Strategy leads show boards whether trust moved; the chart must show how sure the figures are
/// (the band from each point's lower to upper bound, and "n=" under each wave) and where the
/// question changed (a dashed line across the break with its note), so nobody reads a wording
/// change as a change in opinion. Intervals and breaks come from Measures; the chart only draws.
///
/// Series are told apart by direct labels at their line ends and by marker shape (circle,
/// square, triangle, diamond), not only by colour.
struct TrendChart: Equatable, Sendable {
  struct Wave: Equatable, Sendable {
    var label: String
    /// Respondents behind the wave's figures, shown as "n=510" under its label.
    var base: Int?
  }

  struct Point: Equatable, Sendable {
    var value: Double?
    var lower: Double?
    var upper: Double?
    var suppressed: Bool = false

    static func value(_ value: Double, lower: Double? = nil, upper: Double? = nil) -> Point {
      Point(value: value, lower: lower, upper: upper)
    }
    static let suppressed = Point(value: nil, suppressed: true)
  }

  /// One line: a point per wave (same order as `waves`); `nil` where the wave did not ask it.
  struct Series: Equatable, Sendable {
    var name: String
    var points: [Point?]
  }

  /// Figures either side are not comparable (e.g. the question's wording changed).
  struct Break: Equatable, Sendable {
    /// The break falls between `waves[afterWave]` and `waves[afterWave + 1]`.
    var afterWave: Int
    var note: String
  }

  var title: String
  var summary: String?
  var waves: [Wave]
  var series: [Series]
  var breaks: [Break] = []
  /// The vertical axis range, in percentage points.
  var range: ClosedRange<Double> = 0...100
  var intervalLabel: String = "95% confidence interval"
  var suppressionNote: String = "Suppressed: too few responses to publish."

  static let width: Double = 760
  static let markers = ["circle", "square", "triangle", "diamond"]

  func colour(for index: Int) -> RGBColour { ReportPalette.series[index % ReportPalette.series.count] }

  func point(_ s: Int, _ w: Int) -> Point? {
    guard s < series.count, w < series[s].points.count, let p = series[s].points[w], !p.suppressed, p.value != nil else { return nil }
    return p
  }

  var hasSuppressed: Bool { series.contains { $0.points.contains { $0?.suppressed == true } } }

  var description: String {
    if let summary { return summary }
    var sentences = series.map { s -> String in
      let parts = waves.indices.map { w -> String in
        let p = w < s.points.count ? s.points[w] : nil
        guard let p else { return "\(waves[w].label) not asked" }
        guard !p.suppressed, let v = p.value else { return "\(waves[w].label) suppressed" }
        var text = "\(waves[w].label) \(NumberFormatting.percent(v))"
        if let lo = p.lower, let hi = p.upper {
          text += " (\(NumberFormatting.percent(lo)) to \(NumberFormatting.percent(hi)))"
        }
        return text
      }
      return "\(s.name): " + parts.joined(separator: ", ") + "."
    }
    for b in breaks where b.afterWave + 1 < waves.count {
      sentences.append("Break between \(waves[b.afterWave].label) and \(waves[b.afterWave + 1].label): \(b.note).")
    }
    return "Line chart over waves. " + sentences.joined(separator: " ")
  }

  /// One row per wave: base, and for each series its value and interval bounds.
  var dataTable: DataTable {
    let hasBase = waves.contains { $0.base != nil }
    let hasInterval = series.contains { $0.points.contains { $0?.lower != nil || $0?.upper != nil } }
    var columns = ["Wave"]
    if hasBase { columns.append("Base (n)") }
    for s in series {
      columns.append(s.name)
      if hasInterval { columns += ["\(s.name): lower", "\(s.name): upper"] }
    }
    let rows = waves.indices.map { w -> [DataTable.Cell] in
      var cells: [DataTable.Cell] = [DataTable.Cell(waves[w].label)]
      if hasBase { cells.append(waves[w].base.map(DataTable.Cell.count) ?? .numericText("–")) }
      for s in series {
        let p = w < s.points.count ? s.points[w] : nil
        if let p, p.suppressed {
          cells.append(.numericText("suppressed"))
          if hasInterval { cells += [.numericText("suppressed"), .numericText("suppressed")] }
        } else {
          cells.append(p?.value.map { .percent($0) } ?? .numericText("–"))
          if hasInterval {
            cells.append(p?.lower.map { .percent($0) } ?? .numericText("–"))
            cells.append(p?.upper.map { .percent($0) } ?? .numericText("–"))
          }
        }
      }
      return cells
    }
    var notes = breaks.filter { $0.afterWave + 1 < waves.count }.map {
      "Not comparable between \(waves[$0.afterWave].label) and \(waves[$0.afterWave + 1].label): \($0.note)"
    }
    if hasInterval { notes.append("Lower and upper: the \(intervalLabel).") }
    if hasSuppressed { notes.append(suppressionNote) }
    return DataTable(caption: title, columns: columns, rows: rows, notes: notes)
  }
}
