/// How many people took part, by wave, route, respondent group and locality.
///
/// Survey responses count once each (after duplicates are removed, so they are distinct
/// people within an export when the export has respondent ids). A row of an events log counts
/// its attendance: attendances, not distinct people, since one person can come to many events.
public struct ParticipationCounts: Sendable, Equatable {
  public struct Row: Sendable, Equatable {
    public var wave: String
    public var route: SurveySource
    public var group: String
    public var locality: String
    /// Rows of the exports (responses, or events for a log).
    public var records: Int
    /// People (surveys) or attendances (events logs).
    public var count: Int
    /// True when `count` is attendances at events rather than distinct respondents.
    public var isAttendance: Bool
  }

  /// One row per wave, route, group and locality, in that order.
  public var rows: [Row]

  public init(_ exports: [SurveyExport]) {
    var byKey: [[String]: Row] = [:]
    for export in exports {
      let isLog = export.manifest.attendance != nil
      for response in export.responses {
        let group = response.group ?? BreakdownGroup.notKnown
        let locality = response.breakdowns["locality"] ?? BreakdownGroup.notKnown
        let key = [export.manifest.wave, export.manifest.source.rawValue, group, locality, isLog ? "a" : "p"]
        var row = byKey[key] ?? Row(wave: export.manifest.wave, route: export.manifest.source, group: group,
                                    locality: locality, records: 0, count: 0, isAttendance: isLog)
        row.records += 1
        row.count += response.weight
        byKey[key] = row
      }
    }
    rows = byKey.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.value)
  }

  /// Totals over one dimension, e.g. people per route in a wave.
  public func totals(wave: String, by dimension: (Row) -> String) -> [(String, Int)] {
    var sums: [String: Int] = [:]
    for row in rows where row.wave == wave { sums[dimension(row), default: 0] += row.count }
    return sums.sorted { $0.key < $1.key }
  }
}
