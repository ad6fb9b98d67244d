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
    // Under the threshold rule hidden groups are decided over every level a user can ask for;
    // NHS rounding protects each count on its own.
    var linked: LinkedSuppression? = nil
    if policy.rule == .threshold {
      let workspaceFields = load.exports.flatMap { $0.manifest.breakdowns.map(\.field) } + ["group"] + fields
      linked = LinkedSuppression(exports, registry: load.registry, fields: workspaceFields, policy: policy)
    }
    estimates = tallies.tallies.map { MeasureAnalysis.publish($0, policy: policy, linked: linked) }
    (changes, trends) = MeasureAnalysis.changes(estimates, tallies: tallies, policy: policy)
    beforeAfter = BeforeAfter.all(exports, policy: policy)
    representativeness = Representativeness.all(load.exports, profiles: load.population, policy: policy)
    weighted = WeightedEstimate.all(exports, profiles: load.population, unweighted: estimates, policy: policy,
                                    hiddenGroups: { series, wave, field in
                                      linked?.hidden[LinkedSuppression.Key(series: series, wave: wave)]?.contains { $0.values.count == 1 && $0.values[0].field == field } ?? false
                                    }, representativeness: representativeness)
  }

  /// The published view of one tally.
  ///
  /// A breakdown group publishes its base, positive count and share, or nothing
  /// (`LinkedSuppression` decides which, over every level at once); its answer distribution and
  /// mean are never published, since with the everyone row they give small cells back. The
  /// everyone row publishes its distribution with suppression inside the positive answers and
  /// inside the others (each a line with a published total), Don't know and Prefer not to say
  /// on their own, and its mean only when no count of the distribution is hidden.
  static func publish(_ tally: MeasureTally, policy: SuppressionPolicy, linked: LinkedSuppression?) -> MeasureEstimate {
    let interval = (try? Proportion(tally.positive, of: tally.base)).flatMap { try? $0.wilsonInterval() } ?? nil
    let other = tally.base - tally.positive
    let hidden: Bool
    if let linked {
      hidden = linked.isHidden(tally.group, series: tally.series, wave: tally.wave)
    } else {
      hidden = policy.isSmall(tally.positive) || policy.isSmall(other)
    }
    var published = MeasureEstimate.Published(base: hidden && policy.isExact ? .suppressed : policy.publish(tally.base),
                                              positive: hidden && policy.isExact ? .suppressed : policy.publish(tally.positive),
                                              percent: nil, lower: nil, upper: nil, distribution: [], mean: nil)
    if let share = policy.publishShare(tally.positive, of: tally.base, countsShown: !hidden && !published.base.isSuppressed) {
      (published.percent, published.lower, published.upper) = (share.value, share.lower, share.upper)
    }
    guard tally.group.isEveryone else { return MeasureEstimate(tally: tally, interval: interval, published: published) }
    var distribution = [SuppressedCell](repeating: .suppressed, count: tally.optionCounts.count)
    if !hidden {
      let positives = tally.optionCounts.indices.filter { tally.positiveOptions.contains($0) }
      let others = tally.optionCounts.indices.filter { !tally.positiveOptions.contains($0) }
      for (indices, total) in [(positives, tally.positive), (others, other)] {
        let line = policy.publish(line: indices.map { tally.optionCounts[$0] }, total: total)
        for (i, cell) in zip(indices, line.cells) { distribution[i] = cell }
      }
    }
    let complete = !hidden && distribution.allSatisfy { !$0.isSuppressed }
    published.mean = policy.publishMean(tally.mean, base: tally.base, distributionComplete: complete)
    distribution += tally.nonSubstantive.keys.sorted().map { policy.publish(tally.nonSubstantive[$0] ?? 0) }
    published.distribution = distribution
    return MeasureEstimate(tally: tally, interval: interval, published: published)
  }

  /// Changes between consecutive waves of each series and group, and a trend test where a
  /// series has three or more waves.
  static func changes(_ estimates: [MeasureEstimate], tallies: MeasureTallies, policy: SuppressionPolicy) -> ([MeasureChange], [MeasureTrend]) {
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
        let counts = suppressed ? [SuppressedCell](repeating: .suppressed, count: 4)
          : [a.published.base, a.published.positive, b.published.base, b.published.positive]
        changes.append(MeasureChange(series: key.series, group: key.group, from: a.wave, to: b.wave,
                                     fromBase: a.tally.base, fromPositive: a.tally.positive, toBase: b.tally.base, toPositive: b.tally.positive,
                                     difference: difference, comparability: comparability, isSuppressed: suppressed,
                                     publishedCounts: counts, publishedDifference: difference.map {
                                       PublishedShare(value: policy.publishDifference($0.estimate), lower: policy.isExact ? $0.lower : nil,
                                                      upper: policy.isExact ? $0.upper : nil)
                                     }))
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
