/// Which series an answer belongs to: a measure, and for paired measures its timepoint.
///
/// `takeover-confidence` asked before and after the Takeover Challenge is two series of one
/// measure, so they are tallied apart and compared as a pair, not as two waves.
public struct MeasureSeries: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var measure: String
  public var timepoint: String?

  public init(measure: String, timepoint: String? = nil) {
    self.measure = measure
    self.timepoint = timepoint
  }

  public var description: String { timepoint.map { "\(measure) (\($0))" } ?? measure }

  public static func < (a: MeasureSeries, b: MeasureSeries) -> Bool {
    (a.measure, a.timepoint ?? "") < (b.measure, b.timepoint ?? "")
  }
}

/// A breakdown group: the values of zero, one or two breakdown fields, e.g. `locality=North`.
/// The empty group is everybody.
public struct BreakdownGroup: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// (field, value) pairs in the order the fields were asked for.
  public var values: [FieldValue]

  public struct FieldValue: Hashable, Sendable {
    public var field: String
    public var value: String
  }

  public init(_ values: [FieldValue] = []) { self.values = values }

  public static let everyone = BreakdownGroup()

  public var isEveryone: Bool { values.isEmpty }

  public var description: String {
    isEveryone ? "all" : values.map { "\($0.field)=\($0.value)" }.joined(separator: ", ")
  }

  public static func < (a: BreakdownGroup, b: BreakdownGroup) -> Bool {
    a.values.map(\.value).lexicographicallyPrecedes(b.values.map(\.value))
  }

  /// The value a response has for a breakdown field. `group` is the respondent group; a
  /// response without the field is counted under "Not known" so no answer is dropped.
  static func value(of field: String, in response: Response) -> String {
    let value = field == "group" ? response.group : response.breakdowns[field]
    return value ?? BreakdownGroup.notKnown
  }

  public static let notKnown = "Not known"
}
