/// A measure's share positive weighted to a population profile (post-stratification), for
/// everyone in one wave, beside the unweighted estimate.
///
/// Each respondent whose answer to the profile's field is in the profile gets the weight
/// π_c N / n_c of their cell (Holt and Smith 1979); respondents outside the profile ("Prefer
/// not to say", blank) keep weight 1. The interval is Wilson's on Kish's effective base
/// n_eff = (Σw)² / Σw², with the weighted positive count rounded to whole people, so it is
/// wider than the unweighted one by the design effect.
public struct WeightedEstimate: Sendable, Equatable {
  public var series: MeasureSeries
  public var wave: String
  /// The profile field the weights come from.
  public var field: String
  public var percent: Double
  public var lower: Double
  public var upper: Double
  public var designEffect: Double
  public var effectiveBase: Double
  /// True when nothing weighted is published: the unweighted estimate is suppressed, the
  /// effective base is below the minimum base, a group of the weighting field is hidden for
  /// this measure (the weighted share is a sum of the groups' positive counts with known
  /// weights, so it would give a hidden group's count back), or a count of the population
  /// comparison is hidden (the design effect is a function of those counts).
  public var isSuppressed: Bool
  /// Answers of the profile whose weight was trimmed to the profile's maximum weight.
  public var trimmed: [String] = []

  /// Weighted estimates for every series and wave the weighting profiles apply to.
  ///
  /// - Parameters:
  ///   - hiddenGroups: Whether any group of a field is hidden for a series in a wave (the
  ///     linked decision of the threshold rule); under NHS rounding a group counts as hidden
  ///     when its positive or other answers are 1 to 7.
  ///   - representativeness: The published population comparisons.
  static func all(_ exports: [SurveyExport], profiles: [PopulationProfile], unweighted: [MeasureEstimate], policy: SuppressionPolicy,
                  hiddenGroups: (MeasureSeries, String, String) -> Bool, representativeness: [Representativeness]) -> [WeightedEstimate] {
    var result: [WeightedEstimate] = []
    var everyone: [String: MeasureEstimate] = [:]
    for estimate in unweighted where estimate.group.isEveryone { everyone["\(estimate.wave)|\(estimate.series)"] = estimate }
    for profile in profiles where profile.weight == true {
      let matching = exports.filter { profile.appliesTo == nil || $0.manifest.source == profile.appliesTo }
      let labels = profile.shares.keys.sorted()
      let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { (ColumnName.normalised($0.element), $0.offset) })
      for wave in Set(matching.map(\.manifest.wave)).sorted() {
        let exportsOfWave = matching.filter { $0.manifest.wave == wave }
        let responses = exportsOfWave.flatMap(\.responses)
        let cells = responses.map { $0.breakdowns[profile.field].flatMap { index[ColumnName.normalised($0)] } }
        var counts = [Int](repeating: 0, count: labels.count)
        for cell in cells { if let cell { counts[cell] += 1 } }
        guard let exactWeights = try? Weighting.postStratificationWeights(sampleCounts: counts, populationShares: labels.map { profile.shares[$0] ?? 0 })
        else { continue }
        let cap = profile.maximumWeight ?? PopulationProfile.defaultMaximumWeight
        let trimmed = labels.indices.filter { exactWeights[$0] > cap }.map { labels[$0] }
        let cellWeights = exactWeights.map { min($0, cap) }
        let weights = cells.map { $0.map { cellWeights[$0] } ?? 1 }
        var sums: [MeasureSeries: (positive: Double, all: Double, squares: Double, weights: [Double])] = [:]
        var groupCounts: [MeasureSeries: [String: (positive: Int, base: Int)]] = [:]
        for (response, weight) in zip(responses, weights) where weight > 0 {
          for answer in response.answers {
            let key = "\(wave)|\(MeasureSeries(measure: answer.measure, timepoint: answer.timepoint))"
            guard case .option(let option) = answer.reading, let estimate = everyone[key] else { continue }
            let series = estimate.series
            var sum = sums[series] ?? (0, 0, 0, [])
            sum.all += weight
            sum.squares += weight * weight
            sum.weights.append(weight)
            if estimate.tally.positiveOptions.contains(option) { sum.positive += weight }
            sums[series] = sum
            let value = BreakdownGroup.value(of: profile.field, in: response)
            groupCounts[series, default: [:]][value, default: (0, 0)].base += 1
            if estimate.tally.positiveOptions.contains(option) { groupCounts[series, default: [:]][value, default: (0, 0)].positive += 1 }
          }
        }
        for (series, sum) in sums.sorted(by: { $0.key < $1.key }) where sum.all > 0 {
          let share = sum.positive / sum.all
          let effective = sum.all * sum.all / sum.squares
          let base = max(1, Int(effective.rounded()))
          let positive = min(base, Int((share * Double(base)).rounded()))
          guard let interval = (try? Proportion(positive, of: base)).flatMap({ try? $0.wilsonInterval() }) ?? nil,
            let deff = (try? Weighting.designEffect(sum.weights)) ?? nil
          else { continue }
          let groupHidden = policy.isExact ? hiddenGroups(series, wave, profile.field)
            : (groupCounts[series] ?? [:]).values.contains { policy.isSmall($0.positive) || policy.isSmall($0.base - $0.positive) }
          let comparisonHidden = representativeness.contains { r in
            r.profile == profile && r.wave == wave && (r.publishedUnmatched.isSuppressed || r.rows.contains { $0.published.isSuppressed })
          }
          let suppressed = (everyone["\(wave)|\(series)"]?.published.isSuppressed ?? true) || effective < Double(policy.minimumBase)
            || groupHidden || comparisonHidden
          func round(_ value: Double, _ places: Double) -> Double { policy.isExact ? value : (value * places).rounded() / places }
          result.append(WeightedEstimate(series: series, wave: wave, field: profile.field, percent: round(share, 100), lower: round(interval.lower, 100),
                                         upper: round(interval.upper, 100), designEffect: round(deff, 100), effectiveBase: round(effective, 1),
                                         isSuppressed: suppressed, trimmed: trimmed))
        }
      }
    }
    return result
  }
}
