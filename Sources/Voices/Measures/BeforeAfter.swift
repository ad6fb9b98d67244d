/// A paired measure asked before and after (the Takeover Challenge's confidence): how the same
/// people's answers moved.
public struct BeforeAfter: Sendable, Equatable {
  public var measure: String
  public var wave: String
  /// People who answered both on a point of the scale.
  public var pairs: Int
  public var meanBefore: Double?
  public var meanAfter: Double?
  /// Mean change with its t interval, counts improved/same/worse and the Wilcoxon
  /// signed-rank test; `nil` when there are no pairs.
  public var comparison: PairedComparison?
  /// Improved, same, worse after the small-number rule.
  public var published: [SuppressedCell]
  /// True when there are too few pairs to publish the mean change and its test.
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
      let published: [SuppressedCell]
      switch policy.rule {
      case .nhs: published = NHSSuppression.apply(counts)
      case .threshold:
        published = SuppressionRule(minimumCount: policy.minimumCount, minimumBase: policy.minimumBase)
          .suppress(counts: counts, total: before.count).cells
      }
      let n = Double(before.count)
      return BeforeAfter(measure: key.measure, wave: key.wave, pairs: before.count,
                         meanBefore: before.isEmpty ? nil : before.reduce(0, +) / n,
                         meanAfter: after.isEmpty ? nil : after.reduce(0, +) / n,
                         comparison: comparison ?? nil, published: published,
                         isSuppressed: before.count < policy.minimumBase)
    }
  }

  struct Key: Hashable {
    var measure: String
    var wave: String
  }
}
