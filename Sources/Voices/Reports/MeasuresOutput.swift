import Foundation

/// `MeasureAnalysis` as rows for `voices measures`: JSON, CSV or a terminal table.
///
/// Only published values appear: a suppressed count is `null` in JSON, `*` in CSV and tables,
/// and a suppressed share has no interval. Every output names the rule it applied.
public enum MeasuresOutput {
  /// The column names of estimate rows, as the JSON keys and CSV header.
  static let estimateColumns = ["measure", "timepoint", "wave", "group", "n", "positive", "percent", "ci_low", "ci_high", "suppressed", "mean", "distribution"]
  static let changeColumns = ["measure", "timepoint", "group", "from", "to", "from_n", "from_positive", "to_n", "to_positive",
                              "difference", "diff_ci_low", "diff_ci_high", "p_value", "comparable", "not_compared_reason", "verdict"]

  /// One JSON object: the rule, then estimates, changes, trends and before/after pairs.
  public static func json(_ analysis: MeasureAnalysis) -> String {
    var out = "{\n  \"suppression_rule\": \(TableWriter.jsonString(analysis.policy.description)),\n"
    out += "  \"voices_version\": \(TableWriter.jsonString(Voices.version)),\n"
    out += "  \"breakdown\": [\(analysis.fields.map(TableWriter.jsonString).joined(separator: ", "))],\n"
    out += "  \"estimates\": [\n" + analysis.estimates.map { "    " + object(estimateColumns, estimateValues($0, json: true)) }.joined(separator: ",\n") + "\n  ],\n"
    out += "  \"changes\": [\n" + analysis.changes.map { "    " + object(changeColumns, changeValues($0, json: true)) }.joined(separator: ",\n") + "\n  ],\n"
    out += "  \"trends\": [\n" + analysis.trends.map { trend in
      "    " + object(["measure", "timepoint", "group", "waves", "chi_square", "p_value", "verdict"], [
        string(trend.series.measure), trend.series.timepoint.map(string) ?? "null", string(trend.group.description),
        "[" + trend.waves.map(string).joined(separator: ", ") + "]",
        trend.test.map { number($0.statistic) } ?? "null", trend.test.map { pValue($0.p) } ?? "null", string(trend.verdict),
      ])
    }.joined(separator: ",\n") + "\n  ],\n"
    out += "  \"before_after\": [\n" + analysis.beforeAfter.map { pair in
      let c = pair.comparison
      return "    " + object(["measure", "wave", "pairs", "mean_before", "mean_after", "mean_change", "change_ci_low", "change_ci_high",
                                "improved", "same", "worse", "t_test_p", "wilcoxon_p", "suppressed"], [
        string(pair.measure), string(pair.wave), "\(pair.pairs)",
        pair.isSuppressed ? "null" : pair.meanBefore.map(number) ?? "null", pair.isSuppressed ? "null" : pair.meanAfter.map(number) ?? "null",
        pair.isSuppressed ? "null" : c.map { number($0.meanDifference) } ?? "null",
        pair.isSuppressed ? "null" : c?.lower.map(number) ?? "null", pair.isSuppressed ? "null" : c?.upper.map(number) ?? "null",
        cell(pair.published[0], json: true), cell(pair.published[1], json: true), cell(pair.published[2], json: true),
        pair.isSuppressed ? "null" : c?.p.map(pValue) ?? "null",
        pair.isSuppressed ? "null" : c?.wilcoxon.map { pValue($0.p) } ?? "null", pair.isSuppressed ? "true" : "false",
      ])
    }.joined(separator: ",\n") + "\n  ],\n"
    out += "  \"weighted\": [\n" + analysis.weighted.map { w in
      "    " + object(["measure", "timepoint", "wave", "weighted_by", "percent", "ci_low", "ci_high", "design_effect", "effective_n", "suppressed"], [
        string(w.series.measure), w.series.timepoint.map(string) ?? "null", string(w.wave), string(w.field),
        w.isSuppressed ? "null" : number(w.percent), w.isSuppressed ? "null" : number(w.lower), w.isSuppressed ? "null" : number(w.upper),
        number(w.designEffect), number(w.effectiveBase), w.isSuppressed ? "true" : "false",
      ])
    }.joined(separator: ",\n") + "\n  ],\n"
    out += "  \"representativeness\": [\n" + analysis.representativeness.map { r in
      "    " + object(["field", "wave", "population", "chi_square", "df", "p_value", "under_represented", "groups"], [
        string(r.profile.field), string(r.wave), string(r.profile.title), r.test.map { number($0.statistic) } ?? "null",
        r.test.map { "\($0.degreesOfFreedom)" } ?? "null", r.test.map { pValue($0.p) } ?? "null",
        "[" + r.underRepresented.map(string).joined(separator: ", ") + "]",
        "[" + r.rows.map { row in
          object(["answer", "n", "sample_share", "population_share", "adjusted_residual"], [
            string(row.answer), cell(row.published, json: true), row.published.isSuppressed ? "null" : number(row.sampleShare),
            number(row.populationShare), number(row.adjustedResidual)])
        }.joined(separator: ", ") + "]",
      ])
    }.joined(separator: ",\n") + "\n  ]\n}\n"
    return out
  }

  /// Estimates then changes as two CSV tables separated by a blank line, each with a header,
  /// after a first line naming the rule.
  public static func csv(_ analysis: MeasureAnalysis) -> String {
    var rows: [[String]] = [["suppression rule: " + analysis.policy.description], estimateColumns]
    rows += analysis.estimates.map { estimateValues($0, json: false) }
    rows += [[], changeColumns]
    rows += analysis.changes.map { changeValues($0, json: false) }
    return TableWriter.csv(rows)
  }

  /// Rows for a terminal table: measure, wave, group, n, % positive with interval, change.
  public static func tableRows(_ analysis: MeasureAnalysis) -> [[String]] {
    var rows = [["measure", "wave", "group", "n", "positive", "% positive (95% CI)", "change since last wave"]]
    for estimate in analysis.estimates {
      let change = analysis.changes.first { $0.series == estimate.series && $0.group == estimate.group && $0.to == estimate.wave }
      let percent = estimate.published.percent.map { p in
        let interval = estimate.published.lower.flatMap { l in estimate.published.upper.map { u in " (\(whole(l))-\(whole(u)))" } } ?? ""
        return whole(p) + "%" + interval
      } ?? "*"
      rows.append([estimate.series.description, estimate.wave, estimate.group.description, cell(estimate.published.base, json: false),
                   cell(estimate.published.positive, json: false), percent, change?.shortVerdict ?? ""])
    }
    return rows
  }

  /// Rows for a terminal table of before/after pairs.
  public static func beforeAfterRows(_ analysis: MeasureAnalysis) -> [[String]] {
    var rows = [["measure", "wave", "pairs", "mean before", "mean after", "change (95% CI)", "improved", "same", "worse", "p (paired t)"]]
    for pair in analysis.beforeAfter {
      let c = pair.comparison
      func two(_ v: Double?) -> String { pair.isSuppressed ? "*" : v.map { String(format: "%.2f", $0) } ?? "" }
      let change = pair.isSuppressed ? "*" : c.map { c in
        String(format: "%+.2f", c.meanDifference) + (c.lower.flatMap { l in c.upper.map { u in String(format: " (%+.2f to %+.2f)", l, u) } } ?? "")
      } ?? ""
      rows.append([pair.measure, pair.wave, "\(pair.pairs)", two(pair.meanBefore), two(pair.meanAfter), change,
                   cell(pair.published[0], json: false), cell(pair.published[1], json: false), cell(pair.published[2], json: false),
                   pair.isSuppressed ? "*" : c?.p.map { MeasureTrend.pText($0).replacingOccurrences(of: "= ", with: "") } ?? ""])
    }
    return rows
  }

  static func estimateValues(_ e: MeasureEstimate, json: Bool) -> [String] {
    let p = e.published
    let distribution = zip(e.distributionLabels, p.distribution).map { json ? "\(string($0.0)): \(cell($0.1, json: true))" : "\($0.0)=\(cell($0.1, json: false))" }
    let mean = p.isSuppressed ? nil : e.tally.mean
    return [
      text(e.series.measure, json), e.series.timepoint.map { text($0, json) } ?? (json ? "null" : ""), text(e.wave, json),
      text(e.group.description, json), cell(p.base, json: json), cell(p.positive, json: json),
      optional(p.percent, json), optional(p.lower, json), optional(p.upper, json), p.isSuppressed ? "true" : "false",
      optional(mean, json), json ? "{" + distribution.joined(separator: ", ") + "}" : distribution.joined(separator: "; "),
    ]
  }

  static func changeValues(_ c: MeasureChange, json: Bool) -> [String] {
    let shown = !c.isSuppressed
    return [
      text(c.series.measure, json), c.series.timepoint.map { text($0, json) } ?? (json ? "null" : ""), text(c.group.description, json),
      text(c.from, json), text(c.to, json),
      shown ? "\(c.fromBase)" : hidden(json), shown ? "\(c.fromPositive)" : hidden(json),
      shown ? "\(c.toBase)" : hidden(json), shown ? "\(c.toPositive)" : hidden(json),
      optional(c.difference?.estimate, json), optional(c.difference?.lower, json), optional(c.difference?.upper, json),
      c.difference.map { pValue($0.p) } ?? (json ? "null" : ""), comparable(c.comparability, json),
      c.comparability.reason.map { text($0, json) } ?? (json ? "null" : ""), text(c.verdict, json),
    ]
  }

  /// `true`, `false` or `null` (not known) in JSON; yes, no or not known in CSV.
  static func comparable(_ c: Comparability, _ json: Bool) -> String {
    switch c {
    case .comparable: json ? "true" : "yes"
    case .changed: json ? "false" : "no"
    case .notKnown: json ? "null" : "not known"
    }
  }

  static func object(_ keys: [String], _ values: [String]) -> String {
    "{" + zip(keys, values).map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
  }

  static func string(_ s: String) -> String { TableWriter.jsonString(s) }
  static func text(_ s: String, _ json: Bool) -> String { json ? string(s) : s }
  static func hidden(_ json: Bool) -> String { json ? "null" : "*" }
  static func optional(_ value: Double?, _ json: Bool) -> String { value.map(number) ?? (json ? "null" : "") }

  static func cell(_ cell: SuppressedCell, json: Bool) -> String {
    switch cell {
    case .shown(let n), .rounded(let n): "\(n)"
    case .suppressed: json ? "null" : "*"
    }
  }

  /// Proportions and statistics to 6 decimal places: enough for any report, and stable bytes.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// p-values to 6 decimals, or 3 significant figures below 0.0001 so a tiny p is not shown as
  /// a rounded number.
  /// Never rounded up to 0.05 from below, so the figure sits on the same side of 0.05 as the
  /// verdict read from the same interval.
  static func pValue(_ p: Double) -> String {
    if p < 1e-4 { return String(format: "%.3g", p) }
    let text = number(p)
    return p < 0.05 && text == "0.05" ? "0.049999" : text
  }

  static func whole(_ proportion: Double) -> String { String(Int((proportion * 100).rounded())) }
}
