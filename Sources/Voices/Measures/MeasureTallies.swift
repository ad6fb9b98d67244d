/// Counts every measure answer of a workspace by series, wave and breakdown group, and records
/// how each series was asked in each wave so that comparisons can be checked.
public struct MeasureTallies: Sendable {
  /// One tally per series, wave and group, sorted by series, wave, then group (everyone first).
  public var tallies: [MeasureTally]
  /// How each series was asked, per wave.
  public var asked: [MeasureSeries: [String: HowAsked]]
  /// The breakdown fields the groups are made of.
  public var fields: [String]

  /// The wording and scale of a series in one wave.
  public struct HowAsked: Equatable, Sendable {
    public var wording: String?
    public var scale: String
  }

  /// Counts the answers of every export.
  ///
  /// - Parameters:
  ///   - exports: The exports read from a workspace.
  ///   - registry: The registered measures (positive labels, wording per wave); may be empty.
  ///   - fields: Zero, one or two breakdown fields (`group` is the respondent group).
  public init(_ exports: [SurveyExport], registry: MeasureRegistry, by fields: [String] = []) {
    self.fields = fields
    var byKey: [Key: MeasureTally] = [:]
    var asked: [MeasureSeries: [String: HowAsked]] = [:]
    for export in exports {
      let manifest = export.manifest
      let wave = manifest.wave
      for column in manifest.measures {
        let series = MeasureSeries(measure: column.measure, timepoint: column.timepoint)
        let wording = column.label ?? registry.definition(column.measure)?.wording[wave]
        asked[series, default: [:]][wave] = HowAsked(wording: wording, scale: column.scale)
      }
      for response in export.responses {
        let groups = [BreakdownGroup.everyone] + (fields.isEmpty ? [] : [BreakdownGroup(fields.map {
          BreakdownGroup.FieldValue(field: $0, value: BreakdownGroup.value(of: $0, in: response))
        })])
        for answer in response.answers {
          let series = MeasureSeries(measure: answer.measure, timepoint: answer.timepoint)
          guard let scale = manifest.scale(answer.scale) else { continue }
          for group in groups {
            let key = Key(series: series, wave: wave, group: group)
            if byKey[key] == nil {
              byKey[key] = MeasureTally(series: series, wave: wave, group: group, scale: scale,
                                        positiveOptions: MeasureTallies.positiveOptions(of: scale, for: registry.definition(answer.measure)))
            }
            byKey[key]?.add(answer.reading)
          }
        }
      }
    }
    tallies = byKey.values.sorted { a, b in
      if a.series != b.series { return a.series < b.series }
      if a.wave != b.wave { return a.wave < b.wave }
      if a.group.isEveryone != b.group.isEveryone { return a.group.isEveryone }
      return a.group < b.group
    }
    self.asked = asked
  }

  struct Key: Hashable {
    var series: MeasureSeries
    var wave: String
    var group: BreakdownGroup
  }

  /// Option indices counted as positive: the registry's labels when given, else the scale's.
  static func positiveOptions(of scale: Scale, for definition: MeasureDefinition?) -> Set<Int> {
    let labels = Set((definition?.positive ?? scale.positive).map(ColumnName.normalised))
    return Set(scale.labels.indices.filter { labels.contains(ColumnName.normalised(scale.labels[$0])) })
  }

  /// Whether two waves of a series asked the same question on the same scale.
  ///
  /// - Returns: `nil` when comparable; otherwise the reason, in words for a report.
  public func comparabilityBreak(_ series: MeasureSeries, from: String, to: String) -> String? {
    guard let a = asked[series]?[from], let b = asked[series]?[to] else { return nil }
    if a.scale != b.scale { return "the answer scale changed from \(a.scale) in \(from) to \(b.scale) in \(to)" }
    if let wa = a.wording, let wb = b.wording, ColumnName.normalised(wa) != ColumnName.normalised(wb) {
      return "the question's wording changed between \(from) (\"\(wa)\") and \(to) (\"\(wb)\")"
    }
    return nil
  }
}
