import Foundation

/// One reviewer's decision about one theme on one comment: a line of the decisions log.
///
/// Log line (JSON, one object per line, keys in this order):
/// `{"at":"2025-03-01T09:30:00Z","reviewer":"AB","decision":"agree","theme":"…","wave":"2025",`
/// `"response_id":"…","question":"…","comment":"…","sheet":"review.xlsx","sheet_sha256":"…","row":7}`
/// - `at`: when it was imported (UTC; `SOURCE_DATE_EPOCH` when set, so runs can be reproduced);
/// - `decision`: `agree` / `disagree` with a proposed theme, or `add` for a theme the reviewer
///   added; `comment`: the reviewer's comment (may be empty);
/// - `sheet`, `sheet_sha256`, `row`: the file it came from (name, SHA-256 of its bytes) and the
///   row in it, so every decision can be traced to the sheet a person filled in.
public struct ReviewDecision: Sendable, Equatable, Codable {
  public enum Verdict: String, Sendable, Equatable, Codable, CaseIterable {
    case agree, disagree, add
    /// Whether the decision says the comment has the theme.
    public var isPositive: Bool { self != .disagree }
  }

  public var at: String
  public var reviewer: String
  public var verdict: Verdict
  public var theme: String
  public var wave: String
  public var responseId: String
  public var question: String
  public var comment: String
  public var sheet: String
  public var sheetSHA256: String
  public var row: Int

  public init(at: String, reviewer: String, verdict: Verdict, theme: String, key: CommentKey, comment: String = "",
              sheet: String, sheetSHA256: String, row: Int) {
    self.at = at
    self.reviewer = reviewer
    self.verdict = verdict
    self.theme = theme
    self.wave = key.wave
    self.responseId = key.responseId
    self.question = key.question
    self.comment = comment
    self.sheet = sheet
    self.sheetSHA256 = sheetSHA256
    self.row = row
  }

  enum CodingKeys: String, CodingKey {
    case at, reviewer, verdict = "decision", theme, wave, responseId = "response_id", question, comment, sheet
    case sheetSHA256 = "sheet_sha256", row
  }

  public var key: CommentKey { CommentKey(wave: wave, responseId: responseId, question: question) }

  /// What makes two decisions the same decision: everything but when, and from which sheet
  /// and row, it was imported. Importing a sheet again adds nothing because of it.
  public struct ContentKey: Hashable, Sendable {
    var key: CommentKey
    var theme: String
    var verdict: Verdict
    var reviewer: String
    var comment: String
  }

  public var contentKey: ContentKey { ContentKey(key: key, theme: theme, verdict: verdict, reviewer: reviewer, comment: comment) }

  /// The log line, with a fixed key order and a trailing newline.
  var jsonLine: String {
    let s = TableWriter.jsonString
    return "{\"at\":\(s(at)),\"reviewer\":\(s(reviewer)),\"decision\":\(s(verdict.rawValue)),\"theme\":\(s(theme)),"
      + "\"wave\":\(s(wave)),\"response_id\":\(s(responseId)),\"question\":\(s(question)),\"comment\":\(s(comment)),"
      + "\"sheet\":\(s(sheet)),\"sheet_sha256\":\(s(sheetSHA256)),\"row\":\(row)}\n"
  }

  /// `SOURCE_DATE_EPOCH` (seconds since 1970) when set and valid, else `now`, as ISO 8601 UTC.
  public static func timestamp(environment: [String: String], now: Date = Date()) -> String {
    let date = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init).map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? now
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}

/// Two or more reviewers who disagree about one theme on one comment: both decisions are kept
/// in the log, and coding keeps the rules' proposal until someone resolves it.
public struct ReviewConflict: Sendable, Equatable {
  public var key: CommentKey
  public var theme: String
  /// Reviewers whose latest decision says the comment has the theme.
  public var agreeing: [String]
  /// Reviewers whose latest decision says it does not.
  public var disagreeing: [String]
}
