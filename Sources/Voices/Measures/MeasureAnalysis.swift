/// Every measure of a workspace, by wave and breakdown group: estimates with intervals, the
/// changes between waves with verdicts, trends over three or more waves, and before/after
/// pairs, all with the small-number rule applied.
///
/// Reports and the `voices measures` command format these values; they never compute their
/// own.
public struct MeasureAnalysis: Sendable {
  public var policy: SuppressionPolicy
  public var fields: [String]
  public var estimates: [MeasureEstimate]
  public var changes: [MeasureChange]
  public var trends: [MeasureTrend]
  public var beforeAfter: [BeforeAfter]
  /// Shares weighted to the workspace's population profiles marked `"weight": true`.
  public var weighted: [WeightedEstimate]
  /// Respondents against the population profiles.
  public var representativeness: [Representativeness]

  /// Analyses the measures of a workspace.
  ///
  /// - Parameters:
  ///   - load: What was read from the workspace.
  ///   - fields: Zero, one or two breakdown fields (`group` = respondent group).
  ///   - measure: Only this measure id, when given.
  ///   - policy: The small-number rule.
  public init(_ load: SurveyCollection, by fields: [String] = [], measure: String? = nil, policy: SuppressionPolicy) {
    self.policy = policy
    self.fields = fields
    var exports = load.exports
    if let measure {
      for i in exports.indices {
        for j in exports[i].responses.indices { exports[i].responses[j].answers.removeAll { $0.measure != measure } }
      }
    }
    let tallies = MeasureTallies(exports, registry: load.registry, by: fields)
    estimates = MeasureAnalysis.estimates(tallies.tallies, policy: policy)
    (changes, trends) = MeasureAnalysis.changes(estimates, tallies: tallies)
    beforeAfter = BeforeAfter.all(exports, policy: policy)
    weighted = WeightedEstimate.all(exports, profiles: load.population, unweighted: estimates)
    representativeness = Representativeness.all(load.exports, profiles: load.population, policy: policy)
  }

  /// Estimates with suppression applied across each series' wave and its groups together, so
  /// a hidden group cannot be recovered from the everyone row and the other groups.
  static func estimates(_ tallies: [MeasureTally], policy: SuppressionPolicy) -> [MeasureEstimate] {
    var result: [MeasureEstimate] = []
    var index = 0
    while index < tallies.count {
      var end = index + 1
      while end < tallies.count, tallies[end].series == tallies[index].series, tallies[end].wave == tallies[index].wave { end += 1 }
      result += publish(Array(tallies[index..<end]), policy: policy)
      index = end
    }
    return result
  }

  /// Publishes one series-wave block: the everyone tally first, then its groups.
  static func publish(_ block: [MeasureTally], policy: SuppressionPolicy) -> [MeasureEstimate] {
    let rule = SuppressionRule(minimumCount: policy.minimumCount, minimumBase: policy.minimumBase)
    var bases: [SuppressedCell], positives: [SuppressedCell]
    switch policy.rule {
    case .nhs:
      bases = block.map { NHSSuppression.apply($0.base) }
      positives = block.map { NHSSuppression.apply($0.positive) }
    case .threshold:
      let total = block[0]
      let groups = Array(block.dropFirst())
      if groups.isEmpty {
        let line = rule.suppress(counts: [total.positive, total.base - total.positive], total: total.base)
        bases = [line.total]
        positives = [line.cells[0]]
      } else {
        let table = rule.suppress(table: groups.map { [$0.positive, $0.base - $0.positive] }, rowTotals: groups.map(\.base),
                                  columnTotals: [total.positive, total.base - total.positive], grandTotal: total.base)
        bases = [table.grandTotal] + table.rowTotals
        positives = [table.columnTotals[0]] + table.cells.map { $0[0] }
        for (i, row) in table.cells.enumerated() where row[1].isSuppressed { positives[i + 1] = .suppressed }
        if table.columnTotals[1].isSuppressed { positives[0] = .suppressed }
      }
    }
    return block.enumerated().map { i, tally in
      let interval = (try? Proportion(tally.positive, of: tally.base)).flatMap { try? $0.wilsonInterval() } ?? nil
      var published = MeasureEstimate.Published(base: bases[i], positive: positives[i], percent: nil, lower: nil, upper: nil,
                                                distribution: [])
      let counts = tally.optionCounts + tally.nonSubstantive.keys.sorted().map { tally.nonSubstantive[$0] ?? 0 }
      switch policy.rule {
      case .nhs:
        published.distribution = NHSSuppression.apply(counts)
        if case .rounded(let n) = bases[i], case .rounded(let k) = positives[i], n >= policy.minimumBase, n > 0 {
          published.percent = Double(k) / Double(n)
        }
      case .threshold:
        if bases[i].isSuppressed {
          published.distribution = counts.map { _ in .suppressed }
        } else {
          published.distribution = rule.suppress(counts: counts, total: counts.reduce(0, +)).cells
        }
        if !bases[i].isSuppressed, !positives[i].isSuppressed, rule.allowsPercentage(base: tally.base), let interval {
          published.percent = interval.estimate
          published.lower = interval.lower
          published.upper = interval.upper
        }
      }
      return MeasureEstimate(tally: tally, interval: interval, published: published)
    }
  }

  /// Changes between consecutive waves of each series and group, and a trend test where a
  /// series has three or more waves.
  static func changes(_ estimates: [MeasureEstimate], tallies: MeasureTallies) -> ([MeasureChange], [MeasureTrend]) {
    var byLine: [LineKey: [MeasureEstimate]] = [:]
    var order: [LineKey] = []
    for estimate in estimates {
      let key = LineKey(series: estimate.series, group: estimate.group)
      if byLine[key] == nil { order.append(key) }
      byLine[key, default: []].append(estimate)
    }
    var changes: [MeasureChange] = []
    var trends: [MeasureTrend] = []
    for key in order {
      let line = (byLine[key] ?? []).sorted { $0.wave < $1.wave }
      guard line.count >= 2 else { continue }
      var breaks: [String] = []
      for (a, b) in zip(line, line.dropFirst()) {
        let comparability = tallies.comparability(key.series, from: a.wave, to: b.wave)
        if let reason = comparability.reason { breaks.append(reason) }
        let suppressed = a.published.isSuppressed || b.published.isSuppressed
        var difference: ProportionDifference? = nil
        if !suppressed, comparability == .comparable, let p1 = try? Proportion(b.tally.positive, of: b.tally.base),
          let p0 = try? Proportion(a.tally.positive, of: a.tally.base)
        {
          difference = try? ProportionDifference.between(p1, p0)
        }
        changes.append(MeasureChange(series: key.series, group: key.group, from: a.wave, to: b.wave,
                                     fromBase: a.tally.base, fromPositive: a.tally.positive, toBase: b.tally.base, toPositive: b.tally.positive,
                                     difference: difference, comparability: comparability, isSuppressed: suppressed))
      }
      if line.count >= 3 {
        let suppressed = line.contains { $0.published.isSuppressed }
        let years = line.compactMap { Double($0.wave) }
        let test = suppressed || !breaks.isEmpty ? nil
          : try? TrendTest.cochranArmitage(successes: line.map(\.tally.positive), bases: line.map(\.tally.base),
                                           scores: years.count == line.count ? years : nil)
        var untested: String? = nil
        if test == nil, !suppressed, breaks.isEmpty {
          let answered = line.filter { $0.tally.base > 0 }
          if answered.count < 2 {
            untested = answered.isEmpty ? "no wave has answers on the scale" : "only one wave has answers on the scale"
          } else if answered.allSatisfy({ $0.tally.positive == $0.tally.base }) {
            untested = "every answer was positive in every wave"
          } else if answered.allSatisfy({ $0.tally.positive == 0 }) {
            untested = "no answer was positive in any wave"
          }
        }
        trends.append(MeasureTrend(series: key.series, group: key.group, waves: line.map(\.wave), test: test,
                                   comparabilityBreak: breaks.first, isSuppressed: suppressed, untested: untested))
      }
    }
    return (changes, trends)
  }

  struct LineKey: Hashable {
    var series: MeasureSeries
    var group: BreakdownGroup
  }
}
