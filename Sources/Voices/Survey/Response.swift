/// One person's (or, for an events log, one event's) answers, in canonical form.
public struct Response: Sendable, Equatable {
  /// The manifest's name (its file name without `.json`), one shared copy for the export.
  public var exportName: String
  public var wave: String
  public var source: SurveySource
  public var group: String?
  public var respondentId: String?
  public var submitted: Timestamp?
  /// The row the response came from.
  public var location: SourceLocation
  /// Breakdown field -> answer as written (trimmed); missing when blank.
  public var breakdowns: [String: String]
  public var answers: [MeasureAnswer]
  public var texts: [FreeTextAnswer]
  /// Whether the person agreed to be quoted; `false` when the export has no consent column.
  public var consentToQuote: Bool
  /// How many people the row stands for (1, or the events log's attendance).
  public var weight: Int

  /// `<manifest name>:<respondent id>`, or `<manifest name>:row<N>` when the export has no ids.
  ///
  /// Made when asked for rather than stored: a stored id is a heap allocation per response,
  /// which for a million-row export is memory and time spent on rows nobody asks about.
  public var id: String { exportName + ":" + (respondentId ?? "row\(location.row)") }
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
