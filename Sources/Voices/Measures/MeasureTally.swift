/// The answers to one series in one wave and group, counted.
///
/// Every answer lands in exactly one count: an option of the scale, a non-substantive answer,
/// blank, or unrecognised; so `answered + nonSubstantive + blank + unrecognised` is the number of
/// responses asked.
public struct MeasureTally: Equatable, Sendable {
  public var series: MeasureSeries
  public var wave: String
  public var group: BreakdownGroup
  /// The scale the answers were read on this wave.
  public var scale: Scale
  /// Count per option of `scale.labels`.
  public var optionCounts: [Int]
  /// Count per canonical non-substantive label ("Don't know", ...).
  public var nonSubstantive: [String: Int]
  public var blank: Int
  public var unrecognised: Int
  /// The indices of `scale.labels` that count as positive.
  public var positiveOptions: Set<Int>

  /// The base: answers on a point of the scale.
  public var base: Int { optionCounts.reduce(0, +) }

  public var positive: Int { positiveOptions.reduce(0) { $0 + optionCounts[$1] } }

  /// The mean of the scale's values, when the scale is numeric and the base is not empty.
  public var mean: Double? {
    guard let values = scale.values, base > 0 else { return nil }
    var sum = 0.0
    for (i, count) in optionCounts.enumerated() where i < values.count { sum += values[i] * Double(count) }
    return sum / Double(base)
  }

  init(series: MeasureSeries, wave: String, group: BreakdownGroup, scale: Scale, positiveOptions: Set<Int>) {
    self.series = series
    self.wave = wave
    self.group = group
    self.scale = scale
    self.optionCounts = [Int](repeating: 0, count: scale.labels.count)
    self.nonSubstantive = [:]
    self.blank = 0
    self.unrecognised = 0
    self.positiveOptions = positiveOptions
  }

  /// Adds the counts of `other`, a tally of the same series, wave and group from another
  /// export. When that export read the series on another scale (the workspace load reports it
  /// as an error), its options are matched to this scale's by label, and an option this scale
  /// lacks is counted as unrecognised, so every answer is still counted once.
  mutating func add(_ other: MeasureTally) {
    if other.scale.labels == scale.labels {
      for (i, count) in other.optionCounts.enumerated() where count > 0 { optionCounts[i] += count }
    } else {
      let index = Dictionary(scale.labels.enumerated().map { (ColumnName.normalised($0.element), $0.offset) }, uniquingKeysWith: { a, _ in a })
      for (i, count) in other.optionCounts.enumerated() where count > 0 {
        if let j = index[ColumnName.normalised(other.scale.labels[i])] { optionCounts[j] += count } else { unrecognised += count }
      }
    }
    for (label, count) in other.nonSubstantive { nonSubstantive[label, default: 0] += count }
    blank += other.blank
    unrecognised += other.unrecognised
  }

  mutating func add(_ reading: Scale.Reading) {
    switch reading {
    case .option(let i): optionCounts[i] += 1
    case .nonSubstantive(let label): nonSubstantive[label, default: 0] += 1
    case .blank: blank += 1
    case .unrecognised: unrecognised += 1
    }
  }
}
