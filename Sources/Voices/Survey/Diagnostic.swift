/// Something a user should know about an input: where, what was found, what was expected.
///
/// Every loader reports through diagnostics instead of dropping or clamping values, so a
/// participation officer can open the named file at the named row and column and fix it.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
  public enum Severity: String, Equatable, Sendable, Comparable, CaseIterable {
    /// Worth knowing, nothing wrong (a duplicate kept as the latest submission).
    case note
    /// Read, but a person should look (a non-UTF-8 file, an unparseable time).
    case warning
    /// The input must be fixed (an unknown scale label, a missing column); exit code 1.
    case error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  public var severity: Severity
  public var location: SourceLocation
  /// The column's name as the layout resolved it, when the diagnostic is about one cell.
  public var columnName: String?
  /// The offending value exactly as read, when there is one.
  public var value: String?
  /// What happened and what was expected, in words a participation officer understands.
  public var message: String

  public init(
    _ severity: Severity, at location: SourceLocation, column columnName: String? = nil,
    value: String? = nil, _ message: String
  ) {
    self.severity = severity
    self.location = location
    self.columnName = columnName
    self.value = value
    self.message = message
  }

  public var description: String {
    var text = "\(location): \(severity.rawValue): "
    if let columnName { text += "column \"\(columnName)\": " }
    if let value { text += "value \"\(Diagnostic.abbreviated(value))\": " }
    return text + message
  }

  /// Long free-text values are shortened so one diagnostic stays one readable line.
  static func abbreviated(_ value: String) -> String {
    let flat = value.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
    return flat.count > 60 ? String(flat.prefix(57)) + "..." : flat
  }
}

extension Array where Element == Diagnostic {
  /// The most serious severity present, or `nil` when there are no diagnostics.
  public var worstSeverity: Diagnostic.Severity? { map(\.severity).max() }

  public func count(of severity: Diagnostic.Severity) -> Int {
    reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
  }
}
