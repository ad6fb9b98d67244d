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
  ///
  /// - Complexity: O(answers); keys are hashed once per export, series and group, not once per
  ///   answer, because every response of an export has its answers in the same order. Exports
  ///   are counted side by side, one per core, and their tallies added together after.
  public init(_ exports: [SurveyExport], registry: MeasureRegistry, by fields: [String] = []) {
    self.fields = fields
    var asked: [MeasureSeries: [String: HowAsked]] = [:]
    for export in exports {
      let wave = export.manifest.wave
      for column in export.manifest.measures {
        let series = MeasureSeries(measure: column.measure, timepoint: column.timepoint)
        let wording = column.label ?? registry.definition(column.measure)?.wording[wave]
        asked[series, default: [:]][wave] = HowAsked(wording: wording, scale: column.scale)
      }
    }
    let parts = parallelMap(exports.count) { Self.count(exports[$0], registry: registry, by: fields) }
    var all: [MeasureTally] = []
    var indexByKey: [Key: Int] = [:]
    for part in parts {
      for tally in part {
        let key = Key(series: tally.series, wave: tally.wave, group: tally.group)
        if let index = indexByKey[key] {
          all[index].add(tally)
        } else {
          indexByKey[key] = all.count
          all.append(tally)
        }
      }
    }
    tallies = all.sorted { a, b in
      if a.series != b.series { return a.series < b.series }
      if a.wave != b.wave { return a.wave < b.wave }
      if a.group.isEveryone != b.group.isEveryone { return a.group.isEveryone }
      return a.group < b.group
    }
    self.asked = asked
  }

  /// The tallies of one export, in the order they were first needed.
  private static func count(_ export: SurveyExport, registry: MeasureRegistry, by fields: [String]) -> [MeasureTally] {
    let manifest = export.manifest
    let wave = manifest.wave
    var all: [MeasureTally] = []
    var indexByKey: [Key: Int] = [:]
    /// The tally of an answer (by its position in the response) in a group, made on first use.
    func tallyIndex(_ answer: MeasureAnswer, in group: BreakdownGroup) -> Int? {
      guard let scale = manifest.scale(answer.scale) else { return nil }
      let series = MeasureSeries(measure: answer.measure, timepoint: answer.timepoint)
      let key = Key(series: series, wave: wave, group: group)
      if let index = indexByKey[key] { return index }
      all.append(MeasureTally(series: series, wave: wave, group: group, scale: scale,
                              positiveOptions: MeasureTallies.positiveOptions(of: scale, for: registry.definition(answer.measure))))
      indexByKey[key] = all.count - 1
      return all.count - 1
    }
    // Per group, the tally of each answer position, and the answer it was made for; groups
    // by number (everyone is 0) so a response costs one lookup, not one per group.
    var groupNumbers: [BreakdownGroup: Int] = [.everyone: 0]
    var groups: [BreakdownGroup] = [.everyone]
    var slotsByGroup: [[Slot]] = [[]]
    // Answers are read in place, not copied out of the array: a copy retains and releases
    // the answer's four strings, for every answer of a million responses.
    func count(_ answers: UnsafeBufferPointer<MeasureAnswer>, inGroup g: Int) {
      for position in answers.indices {
        if position == slotsByGroup[g].count {
          slotsByGroup[g].append(Slot(answers[position], tally: tallyIndex(answers[position], in: groups[g])))
        } else if !slotsByGroup[g][position].fits(answers[position]) {
          slotsByGroup[g][position] = Slot(answers[position], tally: tallyIndex(answers[position], in: groups[g]))
        }
        if let tally = slotsByGroup[g][position].tally { all[tally].add(answers[position].reading) }
      }
    }
    for index in export.responses.indices {
      // Fields of the response, not a copy of it (a copy retains every buffer it holds).
      let answers = export.responses[index].answers
      answers.withUnsafeBufferPointer { count($0, inGroup: 0) }
      guard !fields.isEmpty else { continue }
      let group = BreakdownGroup(fields.map {
        BreakdownGroup.FieldValue(field: $0, value: BreakdownGroup.value(of: $0, in: export.responses[index]))
      })
      let g: Int
      if let known = groupNumbers[group] {
        g = known
      } else {
        g = groups.count
        groupNumbers[group] = g
        groups.append(group)
        slotsByGroup.append([])
      }
      answers.withUnsafeBufferPointer { count($0, inGroup: g) }
    }
    return all
  }

  /// Where answers at one position of a response are counted (`nil`: their scale is unknown).
  private struct Slot {
    var measure: String
    var timepoint: String?
    var scale: String
    var tally: Int?

    init(_ answer: MeasureAnswer, tally: Int?) {
      (measure, timepoint, scale, self.tally) = (answer.measure, answer.timepoint, answer.scale, tally)
    }

    func fits(_ answer: MeasureAnswer) -> Bool {
      answer.measure == measure && answer.timepoint == timepoint && answer.scale == scale
    }
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
  /// A series not asked in one of the waves has nothing to compare and counts as comparable.
  public func comparability(_ series: MeasureSeries, from: String, to: String) -> Comparability {
    guard let a = asked[series]?[from], let b = asked[series]?[to] else { return .comparable }
    return Comparability.of(a, b, from: from, to: to)
  }

  /// Why two waves of a series are not compared, in words for a report; `nil` when comparable.
  public func comparabilityBreak(_ series: MeasureSeries, from: String, to: String) -> String? {
    comparability(series, from: from, to: to).reason
  }
}
