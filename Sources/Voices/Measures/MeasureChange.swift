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
  /// `to` share minus `from` share, with Newcombe's hybrid score interval and its p; `nil`
  /// when suppressed, not comparable, or a base is 0, so no output can print a difference
  /// the verdict does not stand behind.
  public var difference: ProportionDifference?
  /// Whether the two waves asked the same question on the same scale.
  public var comparability: Comparability
  /// True when either wave's share is not published: then nothing of the change is.
  public var isSuppressed: Bool

  /// Why the two waves are not compared (scale or wording changed, or wording not known).
  public var comparabilityBreak: String? { comparability.reason }

  /// The plain-language verdict, from the interval alone.
  public var verdict: String {
    if isSuppressed { return "not shown: too few answers to publish" }
    if let heading = comparability.heading, let reason = comparability.reason { return "\(heading): \(reason)" }
    guard let difference else { return "no answers to compare" }
    return ChangeVerdict(difference).description
  }

  /// The verdict in a few words, for narrow tables: a comparability break is named, not quoted.
  public var shortVerdict: String {
    guard !isSuppressed else { return verdict }
    switch comparability {
    case .comparable: return verdict
    case .notKnown: return "not known to be comparable: wording not recorded"
    case .changed(let reason): return reason.contains("scale") ? "not compared: scale changed" : "not compared: wording changed"
    }
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
  /// Why there is no test although the waves are comparable and published: every answer in
  /// every wave was positive, or none was (nothing varies, so nothing can trend).
  public var untested: String?

  public var verdict: String {
    if isSuppressed { return "not shown: too few answers to publish" }
    if let comparabilityBreak { return "not tested: \(comparabilityBreak)" }
    guard let test else { return untested.map { "no trend to test: \($0)" } ?? "no answers to test" }
    guard test.p < 0.05 else { return "no clear trend across \(waves.first ?? "") to \(waves.last ?? "") (trend test p \(MeasureTrend.pText(test.p)))" }
    return test.slope > 0 ? "rising across \(waves.first ?? "") to \(waves.last ?? "") (trend test p \(MeasureTrend.pText(test.p)))"
      : "falling across \(waves.first ?? "") to \(waves.last ?? "") (trend test p \(MeasureTrend.pText(test.p)))"
  }

  /// A p-value in words: three decimals, "< 0.001" below that, and never rounded up to 0.050
  /// from below (0.0496 is "0.0496"), so the printed figure always sits on the same side of
  /// 0.05 as the verdict read from it.
  static func pText(_ p: Double) -> String {
    if p < 0.001 { return "< 0.001" }
    let three = String(format: "%.3f", p)
    if p < 0.05, three == "0.050" { return "= " + String(format: "%.4f", min(p, 0.0499)) }
    return "= " + three
  }
}
