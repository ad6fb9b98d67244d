import Foundation

/// What a filled-in review sheet says, checked against the workspace.
public struct ReviewSheetRead: Sendable, Equatable {
  /// The valid decisions, in sheet order.
  public var decisions: [ReviewDecision] = []
  /// Rows with no decision (Agree? and Add theme both empty).
  public var skippedRows = 0
  /// Every problem found, in row order; when any, nothing is imported.
  public var errors: [ReviewError] = []
}

/// What `ReviewImport.run` did.
public struct ReviewImportSummary: Sendable, Equatable {
  /// The decisions appended to the log (none when there were errors).
  public var added: [ReviewDecision] = []
  /// Decisions of the sheet the log already had (same content: an earlier import).
  public var alreadyPresent = 0
  /// Disagreements between reviewers on the comments and themes this sheet decided.
  public var conflicts: [ReviewConflict] = []
  public var skippedRows = 0
  public var errors: [ReviewError] = []
  /// A torn last line of the log, set aside before appending.
  public var setAside: DecisionLog.SetAside?
}

/// Reads a review sheet back (XLSX or CSV), validates every row, and appends its decisions to
/// the workspace's `DecisionLog`.
public enum ReviewImport {
  /// Validates the sheet at `url` and, when every row is valid, appends its new decisions.
  ///
  /// All rows are checked before anything is written, so a sheet with any error adds nothing.
  /// A decision already in the log (same comment, theme, decision, reviewer and comment text,
  /// see `ReviewDecision.ContentKey`) is not added again, so importing a sheet twice leaves the
  /// log's bytes unchanged.
  ///
  /// - Parameters:
  ///   - url: The filled-in sheet.
  ///   - log: The workspace's decisions log.
  ///   - comments: The workspace's comments (`ReviewComments.of`), coded or not.
  ///   - codebook: The theme ids reviewers may use.
  ///   - redactor: The redactor the sheet was exported with (to spot edited comments).
  ///   - at: The import time for the log (`ReviewDecision.timestamp`).
  /// - Throws: `ReviewError` when the sheet or the log cannot be read or written; row problems
  ///   are returned in `errors`, not thrown.
  public static func run(sheetAt url: URL, log: DecisionLog, comments: [CodedComment], codebook: Codebook, redactor: Redactor,
                         at: String) throws -> ReviewImportSummary {
    let file = url.lastPathComponent
    func unreadable() -> ReviewError {
      .unreadable(file: url.path, reason: FileManager.default.fileExists(atPath: url.path) ? "permission denied" : "no such file")
    }
    let table: Table
    do { table = try sheet(at: url, file: file) } catch CSVError.unreadableFile { throw unreadable() }
    let digest: [UInt8]
    do { digest = try SHA256.hash(fileAt: url) } catch { throw unreadable() }
    let read = validate(table, sheetSHA256: SHA256.hex(digest), comments: comments, codebook: codebook, redactor: redactor, at: at)
    var summary = ReviewImportSummary(skippedRows: read.skippedRows, errors: read.errors)
    guard read.errors.isEmpty else { return summary }
    // Which decisions are new is decided under the log's lock, so a concurrent import of the
    // same sheet appends nothing twice.
    let appended = try log.appendNew(read.decisions)
    let existing = appended.existing
    summary.added = appended.added
    summary.alreadyPresent = appended.alreadyPresent
    summary.setAside = appended.setAside
    let touched = Set(read.decisions.map { FinalCoding.Item(key: $0.key, theme: $0.theme) })
    summary.conflicts = FinalCoding.conflicts(in: existing + summary.added).filter { touched.contains(FinalCoding.Item(key: $0.key, theme: $0.theme)) }
    return summary
  }

  /// A sheet's rows: an XLSX workbook's Review sheet (or its first sheet), or a CSV file.
  ///
  /// A CSV file is streamed, so a huge one stops at the first field, cell or text limit it
  /// crosses instead of being read whole first.
  static func sheet(at url: URL, file: String) throws -> Table {
    guard try TableReader.format(of: url, file: file) == .xlsx else { return try CSVReader.read(contentsOf: url, file: file) }
    let names = try XLSXReader.sheetNames(contentsOf: url, file: file)
    return try XLSXReader.read(contentsOf: url, file: file, sheet: names.contains(ReviewSheet.sheetName) ? .name(ReviewSheet.sheetName) : nil)
  }

  /// Checks every row of a sheet and turns its decisions into `ReviewDecision`s.
  static func validate(_ table: Table, sheetSHA256: String, comments: [CodedComment], codebook: Codebook, redactor: Redactor,
                       at: String) -> ReviewSheetRead {
    var read = ReviewSheetRead()
    let file = table.file
    guard let header = table.records.first(where: { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }) else {
      read.errors.append(.noRows(file: file))
      return read
    }
    let names = header.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
    var index: [ReviewSheet.Column: Int] = [:]
    for column in ReviewSheet.Column.allCases {
      let name = ReviewSheet.headers[column.rawValue]
      if let i = names.firstIndex(of: name.lowercased()) { index[column] = i } else if column != .themeLabel && column != .evidence && column != .reviewerComment {
        read.errors.append(.missingColumn(file: file, header: name))
      }
    }
    guard read.errors.isEmpty else { return read }
    let byKey = Dictionary(comments.map { (CommentKey($0), $0) }, uniquingKeysWith: { a, _ in a })
    let themeIds = Set(codebook.themes.map(\.id))
    var redacted: [CommentKey: String] = [:]

    for record in table.records where record.row > header.row {
      func cell(_ column: ReviewSheet.Column) -> String {
        guard let i = index[column], i < record.fields.count else { return "" }
        return record.fields[i]
      }
      func trimmed(_ column: ReviewSheet.Column) -> String { cell(column).trimmingCharacters(in: .whitespacesAndNewlines) }
      if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
      let verdictText = trimmed(.verdict).lowercased()
      let added = trimmed(.addTheme).split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      if verdictText.isEmpty && added.isEmpty {
        read.skippedRows += 1
        continue
      }
      /// The cell of `column` in this row, for messages (column as Excel numbers it).
      func cellAt(_ column: ReviewSheet.Column) -> SourceLocation {
        SourceLocation(file: file, row: record.row, column: (index[column] ?? -1) + 1)
      }
      var problems: [ReviewError] = []
      let key = CommentKey(wave: trimmed(.wave), responseId: trimmed(.responseId), question: trimmed(.question))
      let proposed = trimmed(.proposedTheme)
      if let original = byKey[key] {
        if ReviewSheet.check(for: original, proposedTheme: proposed) != trimmed(.check).lowercased() {
          problems.append(.checkMismatch(at: cellAt(.check)))
        } else {
          let expected = redacted[key] ?? redactor.redact(original.text).text
          redacted[key] = expected
          if comparable(expected) != comparable(cell(.comment)) { problems.append(.editedComment(at: cellAt(.comment))) }
        }
      } else {
        problems.append(.notInWorkspace(at: cellAt(.responseId), key: key))
      }
      var verdict: ReviewDecision.Verdict? = nil
      if !verdictText.isEmpty {
        if verdictText == "agree" { verdict = .agree } else if verdictText == "disagree" { verdict = .disagree } else {
          problems.append(.unknownVerdict(at: cellAt(.verdict), value: cell(.verdict)))
        }
        if proposed.isEmpty { problems.append(.verdictWithoutProposal(at: cellAt(.verdict))) } else if !themeIds.contains(proposed) {
          problems.append(.unknownTheme(at: cellAt(.proposedTheme), theme: proposed))
        }
      }
      for theme in added where !themeIds.contains(theme) { problems.append(.unknownTheme(at: cellAt(.addTheme), theme: theme)) }
      let initials = trimmed(.initials).uppercased()
      if initials.isEmpty { problems.append(.missingInitials(at: cellAt(.initials))) }
      guard problems.isEmpty else {
        read.errors += problems
        continue
      }
      let note = trimmed(.reviewerComment)
      func decision(_ verdict: ReviewDecision.Verdict, _ theme: String) -> ReviewDecision {
        ReviewDecision(at: at, reviewer: initials, verdict: verdict, theme: theme, key: key, comment: note,
                       sheet: file, sheetSHA256: sheetSHA256, row: record.row)
      }
      if let verdict { read.decisions.append(decision(verdict, proposed)) }
      for theme in added { read.decisions.append(decision(.add, theme)) }
    }
    return read
  }

  /// Text as Excel may give it back: CRLF or CR as LF, without surrounding white space.
  static func comparable(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
