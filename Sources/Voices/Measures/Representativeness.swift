import Foundation

/// How the people who answered compare with the population, for one profile and wave.
public struct Representativeness: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var answer: String
    public var observed: Int
    /// After the small-number rule.
    public var published: SuppressedCell
    public var sampleShare: Double
    public var populationShare: Double
    /// Adjusted residual: beyond -2 is clearly under-represented, beyond +2 over-represented.
    public var adjustedResidual: Double
  }

  public var profile: PopulationProfile
  public var wave: String
  public var rows: [Row]
  /// Respondents whose answer is not in the profile ("Prefer not to say", blank).
  public var unmatched: Int
  /// Chi-square goodness of fit of the matched respondents against the population shares.
  public var test: GoodnessOfFit?
  /// Answers clearly under-represented (adjusted residual below -2), most first.
  public var underRepresented: [String]

  /// Compares respondents with every profile, wave by wave.
  public static func all(_ exports: [SurveyExport], profiles: [PopulationProfile], policy: SuppressionPolicy) -> [Representativeness] {
    var result: [Representativeness] = []
    for profile in profiles {
      let matching = exports.filter { profile.appliesTo == nil || $0.manifest.source == profile.appliesTo }
      let waves = Set(matching.map(\.manifest.wave)).sorted()
      let labels = profile.shares.keys.sorted()
      let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { (ColumnName.normalised($0.element), $0.offset) })
      for wave in waves {
        var observed = [Int](repeating: 0, count: labels.count)
        var unmatched = 0
        for export in matching where export.manifest.wave == wave {
          for response in export.responses {
            if let value = response.breakdowns[profile.field], let i = index[ColumnName.normalised(value)] { observed[i] += 1 } else { unmatched += 1 }
          }
        }
        let total = observed.reduce(0, +)
        guard total > 0 else { continue }
        let shares = labels.map { profile.shares[$0] ?? 0 }
        let test = try? GoodnessOfFit.test(observed: observed, shares: shares)
        let shareSum = shares.reduce(0, +)
        let published: [SuppressedCell] = policy.rule == .nhs ? NHSSuppression.apply(observed)
          : SuppressionRule(minimumCount: policy.minimumCount, minimumBase: policy.minimumBase).suppress(counts: observed, total: total).cells
        let rows = labels.indices.map { i in
          Row(answer: labels[i], observed: observed[i], published: published[i], sampleShare: Double(observed[i]) / Double(total),
              populationShare: shareSum > 0 ? shares[i] / shareSum : 0, adjustedResidual: test?.adjustedResiduals[i] ?? 0)
        }
        let under = rows.filter { $0.adjustedResidual < -2 }.sorted { $0.adjustedResidual < $1.adjustedResidual }.map(\.answer)
        result.append(Representativeness(profile: profile, wave: wave, rows: rows, unmatched: unmatched, test: test, underRepresented: under))
      }
    }
    return result
  }
}
