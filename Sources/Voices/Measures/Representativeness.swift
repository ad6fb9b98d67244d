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
    /// `sampleShare` and `adjustedResidual` as published: only when no count of the table is
    /// hidden, since with the shown counts either gives a hidden one back.
    public var publishedShare: Double? = nil
    public var publishedResidual: Double? = nil
  }

  public var profile: PopulationProfile
  public var wave: String
  public var rows: [Row]
  /// Respondents whose answer is not in the profile ("Prefer not to say", blank).
  public var unmatched: Int
  /// Chi-square goodness of fit of the matched respondents against the population shares.
  public var test: GoodnessOfFit?
  /// `test` as published: only when no count of the table is hidden.
  public var publishedTest: GoodnessOfFit?
  /// `unmatched` as published (it is a cell of the same line as the rows).
  public var publishedUnmatched: SuppressedCell
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
        // The rows and the unmatched count add up to the route's respondents, which the
        // participation counts publish: one line with its total.
        let line = policy.publish(line: observed + [unmatched], total: total + unmatched)
        let complete = !line.cells.contains { $0.isSuppressed } && !line.total.isSuppressed
        let rows = labels.indices.map { i in
          var row = Row(answer: labels[i], observed: observed[i], published: line.cells[i], sampleShare: Double(observed[i]) / Double(total),
                        populationShare: shareSum > 0 ? shares[i] / shareSum : 0, adjustedResidual: test?.adjustedResiduals[i] ?? 0)
          if complete {
            row.publishedShare = policy.publishShare(observed[i], of: total, countsShown: true)?.value
            row.publishedResidual = test.map { _ in policy.isExact ? row.adjustedResidual : (row.adjustedResidual * 10).rounded() / 10 }
          }
          return row
        }
        let under = rows.filter { ($0.publishedResidual ?? 0) < -2 }.sorted { $0.adjustedResidual < $1.adjustedResidual }.map(\.answer)
        result.append(Representativeness(profile: profile, wave: wave, rows: rows, unmatched: unmatched, test: test,
                                         publishedTest: complete && policy.isExact ? test : nil, publishedUnmatched: line.cells[labels.count],
                                         underRepresented: under))
      }
    }
    return result
  }
}
