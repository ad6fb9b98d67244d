import Foundation

/// The workspace's `actions.csv`: what the partnership did about each theme ("we did").
///
/// ```
/// action_id,what_we_did,themes,status,date,evidence
/// P3/003,Relaunched the Local Offer with the Parent Carer Council,system-hard-to-understand;communications-positive,done,2024-03,https://...
/// ```
/// `themes` are theme ids joined by `;`. An optional `measures` column names the measure ids
/// (joined by `;`) the action should move. Columns are found by name (any order, any case).
struct ActionsFile: Sendable, Equatable {
  struct Action: Sendable, Equatable {
    var id: String
    var whatWeDid: String
    var themes: [String]
    var status: String
    var date: String
    var evidence: String
    /// Measure ids the action should move (optional column `measures`).
    var measures: [String] = []
    /// Where the action was read, for messages.
    var location: SourceLocation
  }

  var actions: [Action]

  static let columns = ["action_id", "what_we_did", "themes", "status", "date", "evidence"]

  /// What a report says when there is nothing done to list: the file is missing, or it is
  /// there (as `voices init` makes it) with no action in it yet.
  static func missingSentence(_ file: ActionsFile?) -> String {
    let how = "one row per action with action_id, what_we_did, themes (theme ids joined by ;), status, date and evidence (a link), and optionally measures (measure ids joined by ;)"
    return file == nil
      ? "The workspace has no actions.csv, so what was done is not listed yet. Add one with \(how)."
      : "actions.csv lists no action yet, so what was done is not listed. Add \(how)."
  }

  /// Reads `actions.csv`.
  ///
  /// - Throws: `ReportError.actionsFile` when a column is missing, or the reader's error.
  static func read(contentsOf url: URL, file: String) throws -> ActionsFile {
    let table = try TableReader.read(contentsOf: url, file: file)
    guard let header = table.records.first else { return ActionsFile(actions: []) }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    var index: [String: Int] = [:]
    for column in columns {
      guard let i = names.firstIndex(of: column) else {
        throw ReportError.actionsFile(file: file, reason: "no column \"\(column)\"; it needs \(columns.joined(separator: ", "))")
      }
      index[column] = i
    }
    var actions: [Action] = []
    for record in table.records.dropFirst() {
      func field(_ name: String) -> String {
        guard let i = index[name] ?? (name == "measures" ? names.firstIndex(of: "measures") : nil), i < record.fields.count else { return "" }
        return record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
      }
      let id = field("action_id")
      if id.isEmpty && field("what_we_did").isEmpty { continue }
      let measures = field("measures").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      let themes = field("themes").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      actions.append(Action(id: id, whatWeDid: field("what_we_did"), themes: themes, status: field("status"), date: field("date"),
                            evidence: field("evidence"), measures: measures, location: SourceLocation(file: file, row: record.row)))
    }
    return ActionsFile(actions: actions)
  }
}

/// Why a report could not be built.
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
  case actionsFile(file: String, reason: String)
  case unknownTheme(location: SourceLocation, theme: String)
  case unknownReport(String)
  case unknownFormat(String)
  case noData(workspace: String)

  public var description: String {
    switch self {
    case .actionsFile(let file, let reason): "\(file): \(reason)"
    case .unknownTheme(let location, let theme): "\(location): theme \"\(theme)\" is not in the codebooks"
    case .unknownReport(let name): "no report \"\(name)\"; the reports are annual, themes, trust, you-said-we-did and all"
    case .unknownFormat(let name): "no format \"\(name)\"; the formats are html, md, csv and json"
    case .noData(let workspace): "\(workspace): no export could be read, so there is nothing to report"
    }
  }
}
