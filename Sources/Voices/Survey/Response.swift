/// One person's (or, for an events log, one event's) answers, in canonical form.
///
/// Kept small because a big collection holds a million of these: what every response of an
/// export shares (its manifest's name, wave, source and file) lives once in a `ResponseOrigin`,
/// and the row is stored on its own; with the fields ordered so none pads, a response is 96
/// bytes rather than 160.
public struct Response: Sendable, Equatable {
  /// What every response of the export shares.
  let origin: ResponseOrigin
  public var group: String?
  public var respondentId: String?
  public var submitted: Timestamp?
  /// Whether the person agreed to be quoted; `false` when the export has no consent column.
  public var consentToQuote: Bool
  /// The row the response came from (see `location`).
  let row: Int
  /// Breakdown field -> answer as written (trimmed); missing when blank.
  public var breakdowns: [String: String]
  public var answers: [MeasureAnswer]
  public var texts: [FreeTextAnswer]
  /// How many people the row stands for (1, or the events log's attendance).
  public var weight: Int

  /// The manifest's name (its file name without `.json`).
  public var exportName: String { origin.exportName }
  public var wave: String { origin.wave }
  public var source: SurveySource { origin.source }
  /// The row the response came from.
  public var location: SourceLocation { SourceLocation(file: origin.file, row: row) }

  /// `<manifest name>:<respondent id>`, or `<manifest name>:row<N>` when the export has no ids.
  ///
  /// Made when asked for rather than stored: a stored id is a heap allocation per response,
  /// which for a million-row export is memory and time spent on rows nobody asks about.
  public var id: String { exportName + ":" + (respondentId ?? "row\(row)") }
}

/// What every response of one export shares, held once.
final class ResponseOrigin: Sendable, Equatable {
  let exportName: String
  let wave: String
  let source: SurveySource
  /// The export's name in messages.
  let file: String

  init(exportName: String, wave: String, source: SurveySource, file: String) {
    self.exportName = exportName
    self.wave = wave
    self.source = source
    self.file = file
  }

  static func == (a: ResponseOrigin, b: ResponseOrigin) -> Bool {
    a === b || (a.exportName == b.exportName && a.wave == b.wave && a.source == b.source && a.file == b.file)
  }
}

/// An answer to a measure's question.
public struct MeasureAnswer: Sendable, Equatable {
  public var measure: String
  public var scale: String
  public var timepoint: String?
  public var reading: Scale.Reading
  /// The cell exactly as read.
  public var raw: String
  public var column: Int
}

/// A free-text answer, as written (SmartSurvey's `@SQ@` already turned back into `'`).
public struct FreeTextAnswer: Sendable, Equatable {
  public var question: String
  public var text: String
  public var column: Int
}
