import Foundation

/// One row of a review sheet: a comment and one theme the coder proposed for it (or none).
///
/// A comment with three proposed themes gives three rows, so a reviewer answers one yes/no
/// question per row with a drop-down; a comment with no theme gives one row with an empty
/// proposal, where the reviewer can add a theme.
public struct ReviewRow: Sendable, Equatable {
  public var key: CommentKey
  /// The comment after redaction: what the reviewer sees.
  public var comment: String
  /// The proposed theme id, or "" when the coder proposed none.
  public var proposedTheme: String
  public var themeLabel: String
  /// The words that earned the theme (redacted), `"…"`-quoted and joined by `; `.
  public var evidence: String
  /// `ReviewSheet.check(for:proposedTheme:)`: ties the row to the original comment.
  public var check: String
}

/// The review sheet: its columns and how rows are built from coded comments.
///
/// Columns, left to right (import finds them by header, so a reviewer may reorder or add
/// columns; the headers must stay):
///
/// | header | filled by | meaning |
/// |---|---|---|
/// | Response ID, Wave, Question | Voices | where the comment is in the workspace |
/// | Comment (redacted) | Voices | the comment with personal data replaced by markers |
/// | Proposed theme, Theme label | Voices | the theme the rules proposed (empty: none) |
/// | Evidence | Voices | the words that matched |
/// | Agree? | reviewer | `agree` or `disagree` with the proposed theme (drop-down) |
/// | Add theme | reviewer | a theme id the comment should also have (drop-down; in CSV several may be joined with `;`) |
/// | Reviewer comment | reviewer | free text kept with the decision |
/// | Initials | reviewer | who decided (required on every row with a decision) |
/// | Check | Voices | a short hash of wave, response id, question, original comment and proposed theme |
public enum ReviewSheet {
  public static let headers = [
    "Response ID", "Wave", "Question", "Comment (redacted)", "Proposed theme", "Theme label", "Evidence",
    "Agree?", "Add theme", "Reviewer comment", "Initials", "Check",
  ]
  /// Column indexes into `headers`.
  enum Column: Int, CaseIterable {
    case responseId, wave, question, comment, proposedTheme, themeLabel, evidence, verdict, addTheme, reviewerComment, initials, check
  }
  public static let verdicts = ["agree", "disagree"]
  public static let sheetName = "Review"

  /// The check value of a row: the first 12 hex digits of SHA-256 over the comment's key, its
  /// original (unredacted) text and the proposed theme, separated by U+001F.
  ///
  /// Import recomputes it from the workspace: a row whose key, text or proposal does not give
  /// the same value did not come from this workspace's current data. 48 bits is plenty to
  /// catch accidents; it is not a defence against someone forging rows on purpose.
  public static func check(for comment: CodedComment, proposedTheme: String) -> String {
    let text = [comment.wave, comment.responseId, comment.question, comment.text, proposedTheme].joined(separator: "\u{1F}")
    return String(SHA256.hex(SHA256.hash(Array(text.utf8))).prefix(12))
  }

  /// The rows for `comments` (already selected and coded), one per proposed theme, or one with
  /// no proposal for a comment without themes.
  ///
  /// - Parameters:
  ///   - comments: Coded comments in the order the sheet lists them.
  ///   - codebook: For theme labels.
  ///   - redactor: Redacts the comment; the evidence is shown as the redacted comment shows it.
  ///   - theme: When set, only rows proposing this theme.
  public static func rows(for comments: [CodedComment], codebook: Codebook, redactor: Redactor, theme: String? = nil) -> [ReviewRow] {
    var rows: [ReviewRow] = []
    for c in comments {
      let redaction = redactor.redact(c.text)
      let redacted = redaction.text
      let key = CommentKey(c)
      if c.assignments.isEmpty {
        if theme == nil {
          rows.append(ReviewRow(key: key, comment: redacted, proposedTheme: "", themeLabel: "", evidence: "", check: check(for: c, proposedTheme: "")))
        }
        continue
      }
      for a in c.assignments where theme == nil || a.themeId == theme {
        // The evidence as the redacted comment shows it (never the matched words redacted on
        // their own: "Maze" of "Maze Hill Primary" is only a school in its context).
        let words = a.evidence.compactMap { e -> String? in
          guard let shown = redaction.excerpt(of: c.text, start: e.start, end: e.end), shown.hasWords else { return nil }
          return "\u{201C}" + shown.text + "\u{201D}"
        }
        var seen = Set<String>()
        let evidence = words.filter { seen.insert($0).inserted }.joined(separator: "; ")
        rows.append(ReviewRow(key: key, comment: redacted, proposedTheme: a.themeId, themeLabel: codebook.theme(a.themeId)?.label ?? "",
                              evidence: evidence, check: check(for: c, proposedTheme: a.themeId)))
      }
    }
    return rows
  }

  static func cells(_ row: ReviewRow) -> [String] {
    [row.key.responseId, row.key.wave, row.key.question, row.comment, row.proposedTheme, row.themeLabel, row.evidence, "", "", "", "", row.check]
  }

  /// The sheet as CSV: UTF-8 with a byte order mark (so Excel does not read it as
  /// Windows-1252), CRLF line ends, RFC 4180 quoting.
  public static func csv(_ rows: [ReviewRow]) -> [UInt8] {
    [0xEF, 0xBB, 0xBF] + Array(TableWriter.csv([headers] + rows.map(cells)).utf8)
  }

  /// The sheet as an Excel workbook: `Review` (frozen header, filters, wrapped comment,
  /// drop-downs for Agree? and Add theme), `Codebook` (id, label, definition, audience) and
  /// `Instructions`. The drop-down of theme ids goes to Excel's hidden `Lists` sheet.
  public static func xlsx(_ rows: [ReviewRow], codebook: Codebook) throws -> [UInt8] {
    let widths: [Double?] = [12, 8, 22, 60, 26, 24, 30, 11, 26, 30, 9, 14]
    let wraps: Set<Column> = [.question, .comment, .themeLabel, .evidence, .reviewerComment]
    let columns = Column.allCases.map { XLSXColumn(header: headers[$0.rawValue], width: widths[$0.rawValue], wrap: wraps.contains($0)) }
    let ids = codebook.themes.map(\.id)
    let review = XLSXSheet(
      name: sheetName, columns: columns,
      rows: rows.map { cells($0).map { $0.isEmpty ? .empty : .text($0) } },
      validations: rows.isEmpty ? [] : [
        XLSXValidation(columnIndex: Column.verdict.rawValue, options: verdicts,
                       prompt: "agree or disagree with the proposed theme", errorMessage: "Choose agree or disagree from the list."),
        XLSXValidation(columnIndex: Column.addTheme.rawValue, options: ids,
                       prompt: "a theme this comment should also have (see the Codebook sheet)",
                       errorMessage: "Choose a theme id from the list (the Codebook sheet says what each means)."),
      ])
    let book = XLSXSheet(
      name: "Codebook",
      columns: [XLSXColumn(header: "Theme id", width: 34), XLSXColumn(header: "Label", width: 34, wrap: true),
                XLSXColumn(header: "Definition (you said)", width: 70, wrap: true), XLSXColumn(header: "Audience", width: 14)],
      rows: codebook.themes.map { [.text($0.id), .text($0.label), $0.youSaid.isEmpty ? .empty : .text($0.youSaid), .text($0.audience.rawValue)] })
    let help = XLSXSheet(name: "Instructions", columns: [XLSXColumn(header: "How to review", width: 110, wrap: true)],
                         rows: instructions.map { [.text($0)] }, autoFilter: false)
    return try XLSXWriter.write([review, book, help])
  }

  static let instructions = [
    "Each row of the Review sheet is one comment and one theme the rules proposed for it. A comment with several themes has several rows; a comment with none has one row with an empty Proposed theme.",
    "Agree?: choose agree if the comment really says what the theme means (see the Codebook sheet), disagree if not. Leave it empty if you are not sure: empty rows are skipped.",
    "Add theme: choose a theme the comment should also have. To add more than one, copy the row and choose another theme on the copy.",
    "Reviewer comment: anything you want kept with your decision. Initials: yours, on every row where you decided something.",
    "Do not edit the Response ID, Wave, Question, Comment, Proposed theme or Check columns: Voices uses them to find the comment again and refuses rows that changed.",
    "Personal data (names, emails, phone numbers, postcodes) has been replaced by markers such as [name]. Do not type personal data into the sheet.",
    "When done, save the file and run: voices review import FILE. Decisions are added to the workspace's log; importing the same file twice adds nothing.",
  ]
}
