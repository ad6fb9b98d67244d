/// A paired measure asked before and after (the Takeover Challenge's confidence): how the same
/// people's answers moved.
public struct BeforeAfter: Sendable, Equatable {
  public var measure: String
  public var wave: String
  /// People who answered both on a point of the scale.
  public var pairs: Int
  /// `pairs` as published.
  public var publishedPairs: SuppressedCell
  public var meanBefore: Double?
  public var meanAfter: Double?
  /// Mean change with its t interval, counts improved/same/worse and the Wilcoxon
  /// signed-rank test; `nil` when there are no pairs.
  public var comparison: PairedComparison?
  /// Improved, same, worse after the small-number rule.
  public var published: [SuppressedCell]
  /// True when the means, the mean change and its test are not published: fewer pairs than
  /// the minimum base, or a point of the scale chosen by 1 to k - 1 of them before or after
  /// (the means beside the number of pairs would give those counts back).
  public var isSuppressed: Bool

  /// Every paired measure of every export.
  static func all(_ exports: [SurveyExport], policy: SuppressionPolicy) -> [BeforeAfter] {
    var values: [Key: (before: [Double], after: [Double])] = [:]
    for export in exports {
      for response in export.responses {
        var before: [String: Double] = [:], after: [String: Double] = [:]
        for answer in response.answers {
          guard let timepoint = answer.timepoint, case .option(let i) = answer.reading,
            let scale = export.manifest.scale(answer.scale), let scaleValues = scale.values, i < scaleValues.count
          else { continue }
          if timepoint == "before" { before[answer.measure] = scaleValues[i] } else { after[answer.measure] = scaleValues[i] }
        }
        for (measure, b) in before {
          guard let a = after[measure] else { continue }
          let key = Key(measure: measure, wave: export.manifest.wave)
          values[key, default: ([], [])].before.append(b)
          values[key, default: ([], [])].after.append(a)
        }
      }
    }
    return values.keys.sorted { ($0.measure, $0.wave) < ($1.measure, $1.wave) }.map { key in
      let (before, after) = values[key] ?? ([], [])
      let comparison = try? PairedComparison.compare(before: before, after: after)
      let counts = [comparison?.improved ?? 0, comparison?.same ?? 0, comparison?.worse ?? 0]
      let line = policy.publish(line: counts, total: before.count)
      let smallPoint = [before, after].contains { values in
        Dictionary(grouping: values, by: { $0 }).values.contains { policy.isSmall($0.count) }
      }
      let n = Double(before.count)
      return BeforeAfter(measure: key.measure, wave: key.wave, pairs: before.count, publishedPairs: line.total,
                         meanBefore: before.isEmpty ? nil : before.reduce(0, +) / n,
                         meanAfter: after.isEmpty ? nil : after.reduce(0, +) / n,
                         comparison: comparison ?? nil, published: line.cells,
                         isSuppressed: before.count < policy.minimumBase || smallPoint || line.total.isSuppressed)
    }
  }

  struct Key: Hashable {
    var measure: String
    var wave: String
  }
}
