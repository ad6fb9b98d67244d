/// What one export contributed, in counts a participation officer recognises.
public struct ExportSummary: Equatable, Sendable {
  public var name: String
  public var wave: String
  public var source: SurveySource
  /// Respondent groups present, in name order.
  public var groups: [String]
  /// Accepted responses weighted by attendance (people, not rows, for an events log).
  public var people: Int
  /// Answers on a scale point (not blank, not "Don't know"), over every measure.
  public var substantiveAnswers: Int
  /// Free-text answers that are not blank.
  public var comments: Int

  public init(_ export: SurveyExport) {
    name = export.name
    wave = export.manifest.wave
    source = export.manifest.source
    groups = Set(export.responses.compactMap(\.group)).sorted()
    people = export.responses.reduce(0) { $0 + $1.weight }
    substantiveAnswers = export.responses.reduce(0) { sum, response in
      sum + response.answers.filter { if case .option = $0.reading { true } else { false } }.count
    }
    comments = export.responses.reduce(0) { $0 + $1.texts.count }
  }

  public static func all(_ load: SurveyCollection) -> [ExportSummary] { load.exports.map(ExportSummary.init) }
}
