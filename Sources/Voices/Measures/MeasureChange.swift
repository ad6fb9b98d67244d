import Foundation

/// The change in a measure's share positive between two waves, for one group.
public struct MeasureChange: Sendable, Equatable {
  public var series: MeasureSeries
  public var group: BreakdownGroup
  public var from: String
  public var to: String
  public var fromBase: Int
  public var fromPositive: Int
  public var toBase: Int
  public var toPositive: Int
  /// `to` share minus `from` share, with Newcombe's hybrid score interval and the
  /// two-proportion z test; `nil` when suppressed or a base is 0.
  public var difference: ProportionDifference?
  /// Why the two waves cannot be compared (wording or scale changed), if they cannot.
  public var comparabilityBreak: String?
  /// True when either wave's share is not published: then nothing of the change is.
  public var isSuppressed: Bool
  /// The counts as published (from n, from positive, to n, to positive): the estimates' cells.
  public var publishedCounts: [SuppressedCell] = []
  /// The difference as published: exact with its interval under the threshold rule, to a
  /// whole percentage point with no interval under NHS rounding; `nil` when suppressed.
  public var publishedDifference: PublishedShare? = nil

  /// The plain-language verdict, from the interval alone.
  public var verdict: String {
    if isSuppressed { return "not shown: too few answers to publish" }
    if let comparabilityBreak { return "not compared: \(comparabilityBreak)" }
    guard let difference else { return "no answers to compare" }
    return ChangeVerdict(difference).description
  }

  /// The verdict in a few words, for narrow tables: a comparability break is named, not quoted.
  public var shortVerdict: String {
    guard !isSuppressed, let comparabilityBreak else { return verdict }
    return comparabilityBreak.contains("scale") ? "not compared: scale changed" : "not compared: wording changed"
  }
}

/// A test for a steady rise or fall across three or more comparable waves.
public struct MeasureTrend: Sendable, Equatable {
  public var series: MeasureSeries
  public var group: BreakdownGroup
  public var waves: [String]
  /// Chi-square test for linear trend (Cochran-Armitage), waves scored by their year when
  /// every wave label is a year, else 1, 2, 3, ...
  public var test: TrendTest?
  public var comparabilityBreak: String?
  public var isSuppressed: Bool

  public var verdict: String {
    if isSuppressed { return "not shown: too few answers to publish" }
    if let comparabilityBreak { return "not tested: \(comparabilityBreak)" }
    guard let test else { return "no answers to test" }
    guard test.p < 0.05 else { return "no clear trend across \(waves.first ?? "") to \(waves.last ?? "")" }
    return test.slope > 0 ? "rising across \(waves.first ?? "") to \(waves.last ?? "") (trend test p \(MeasureTrend.pText(test.p)))"
      : "falling across \(waves.first ?? "") to \(waves.last ?? "") (trend test p \(MeasureTrend.pText(test.p)))"
  }

  static func pText(_ p: Double) -> String { p < 0.001 ? "< 0.001" : "= " + String(format: "%.3f", p) }
}
