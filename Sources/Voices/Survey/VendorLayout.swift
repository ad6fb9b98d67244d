import Foundation

/// The shape of an export as a survey tool writes it: how many header rows it has and how its
/// columns are named from them.
///
/// Column names are what manifests refer to, so each layout names columns the way a person
/// reading the export in a spreadsheet would recognise them.
public enum VendorLayout: String, Codable, Sendable, CaseIterable, Equatable {
  /// SmartSurvey API export: row 1 codes (`UserID`, `Started`, `Q1`, `Q3.1`), row 2 option
  /// labels or `NA`, row 3 blank or `NA`; times are Unix epoch seconds; `@SQ@` is an apostrophe.
  case smartsurvey
  /// SurveyMonkey: row 1 question text, blank over the extra columns of a multi-select or
  /// matrix question; row 2 `Response`, `Open-Ended Response` or the option label.
  case surveymonkey
  /// Google Forms: one header row, `Timestamp` first.
  case googleForms = "google-forms"
  /// Microsoft Forms: one header row, `ID, Start time, Completion time, Email, Name, ...`.
  case microsoftForms = "microsoft-forms"
  /// Qualtrics: row 1 ids (`Q1`, `Q2_1`), row 2 question text, row 3 `{"ImportId": ...}`.
  case qualtrics
  /// A sheet typed up by hand: one header row.
  case plain

  /// Header rows before the first response, unless a manifest overrides it.
  public var headerRowCount: Int {
    switch self {
    case .smartsurvey, .qualtrics: 3
    case .surveymonkey: 2
    case .googleForms, .microsoftForms, .plain: 1
    }
  }

  /// A name for messages.
  public var displayName: String {
    switch self {
    case .smartsurvey: "SmartSurvey"
    case .surveymonkey: "SurveyMonkey"
    case .googleForms: "Google Forms"
    case .microsoftForms: "Microsoft Forms"
    case .qualtrics: "Qualtrics"
    case .plain: "plain sheet"
    }
  }

  /// Names the columns from the header rows.
  ///
  /// - Parameter headers: The header rows, first row first (ragged rows allowed).
  /// - Returns: One name per column of the widest header row; a column with no header text is
  ///   named by its spreadsheet letter (`column K`) so it can still be referred to.
  public func columnNames(from headers: [[String]]) -> [String] {
    let width = headers.map(\.count).max() ?? 0
    func cell(_ row: Int, _ column: Int) -> String {
      guard row < headers.count, column < headers[row].count else { return "" }
      return CellText.trimmed(headers[row][column])
    }
    var names: [String] = []
    names.reserveCapacity(width)
    var carried = ""
    for column in 0..<width {
      let top = cell(0, column)
      var name: String
      switch self {
      case .surveymonkey:
        if !top.isEmpty { carried = top }
        let sub = cell(1, column)
        let plainResponse = sub.isEmpty || sub.caseInsensitiveCompare("Response") == .orderedSame
          || sub.caseInsensitiveCompare("Open-Ended Response") == .orderedSame
        name = plainResponse ? carried : (carried.isEmpty ? sub : "\(carried): \(sub)")
      default:
        name = top
      }
      if name.isEmpty { name = "column \(SourceLocation.columnLetters(column + 1))" }
      names.append(name)
    }
    return VendorLayout.disambiguated(names)
  }

  /// Repeated names get ` (2)`, ` (3)` so every column stays addressable.
  static func disambiguated(_ names: [String]) -> [String] {
    var seen: [String: Int] = [:]
    return names.map { name in
      let key = ColumnName.normalised(name)
      let count = (seen[key] ?? 0) + 1
      seen[key] = count
      return count == 1 ? name : "\(name) (\(count))"
    }
  }
}
