/// A problem with a codebook file or one of its patterns; `description` is the message shown.
public enum CodebookError: Error, Equatable, Sendable, CustomStringConvertible {
  case missingColumn(file: String, column: String)
  case badValue(at: SourceLocation, column: String, value: String, expected: String)
  case duplicateID(at: SourceLocation, id: String)
  case badPattern(at: SourceLocation, pattern: String, offset: Int, reason: String)
  case unknownWordList(at: SourceLocation, name: String)
  case unknownParent(at: SourceLocation, id: String, parent: String)
  case badQDC(file: String, reason: String)

  public var description: String {
    switch self {
    case .missingColumn(let file, let column):
      "\(file): the codebook has no \"\(column)\" column (expected id,label,you_said,polarity,priority,audience,patterns,exclusions,notes)"
    case .badValue(let at, let column, let value, let expected):
      "\(at): \(column) \"\(value)\" is not one of \(expected)"
    case .duplicateID(let at, let id):
      "\(at): theme id \"\(id)\" is used twice"
    case .badPattern(let at, let pattern, let offset, let reason):
      "\(at): pattern \"\(pattern)\" at character \(offset + 1): \(reason)"
    case .unknownWordList(let at, let name):
      "\(at): no word list \"@\(name)\" (add a row with id @\(name))"
    case .unknownParent(let at, let id, let parent):
      "\(at): theme \"\(id)\" names parent \"\(parent)\", which is not a theme in this codebook"
    case .badQDC(let file, let reason):
      "\(file): not a REFI-QDA codebook: \(reason)"
    }
  }
}
