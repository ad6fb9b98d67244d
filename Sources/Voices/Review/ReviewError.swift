/// Why a review sheet or the decisions log could not be used. Each case names the file and,
/// for a sheet, the row as Excel shows it.
public enum ReviewError: Error, Equatable, Sendable, CustomStringConvertible {
  case missingColumn(file: String, header: String)
  case noRows(file: String)
  case unknownTheme(at: SourceLocation, theme: String)
  case unknownVerdict(at: SourceLocation, value: String)
  case verdictWithoutProposal(at: SourceLocation)
  case missingInitials(at: SourceLocation)
  case notInWorkspace(at: SourceLocation, key: CommentKey)
  case checkMismatch(at: SourceLocation)
  case editedComment(at: SourceLocation)
  case malformedLog(file: String, line: Int, reason: String)
  case unreadable(file: String, reason: String)
  case unwritable(file: String, reason: String)

  public var description: String {
    switch self {
    case .missingColumn(let file, let header):
      "\(file): no column \"\(header)\"; was the header row of the review sheet changed?"
    case .noRows(let file): "\(file): no header row; is this a review sheet made by `voices review export`?"
    case .unknownTheme(let at, let theme):
      "\(at): \"\(theme)\" is not a theme id of the codebook (see the Codebook sheet)"
    case .unknownVerdict(let at, let value): "\(at): Agree? is \"\(value)\"; use agree, disagree or leave it empty"
    case .verdictWithoutProposal(let at):
      "\(at): Agree? is filled in but the row proposes no theme; use Add theme to give this comment a theme"
    case .missingInitials(let at): "\(at): a decision without Initials; say who decided"
    case .notInWorkspace(let at, let key):
      "\(at): \(key) is not in this workspace; was the sheet made from another workspace, or were Response ID, Wave or Question edited?"
    case .checkMismatch(let at):
      "\(at): the row does not match this workspace's comment (its Proposed theme or Check was edited, the comment changed in the export, or the sheet comes from another workspace)"
    case .editedComment(let at):
      "\(at): the Comment text was edited; decisions must be about the comment as exported (put notes in Reviewer comment)"
    case .malformedLog(let file, let line, let reason): "\(file):\(line): \(reason)"
    case .unreadable(let file, let reason): "\(file): cannot read: \(reason)"
    case .unwritable(let file, let reason): "\(file): cannot write: \(reason)"
    }
  }
}
