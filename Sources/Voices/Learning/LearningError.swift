/// Problems reading training data or a model file; `description` is the message a user sees.
public enum LearningError: Error, Equatable, Sendable, CustomStringConvertible {
  case emptyFile(file: String)
  case missingColumn(file: String, name: String, available: [String])
  case badColumnRange(file: String, first: String, last: String)
  case badLabelCell(at: SourceLocation, theme: String, value: String)
  case tooFewComments(file: String, used: Int, folds: Int)
  case noThemes(file: String)
  case unreadableModel(file: String, reason: String)

  public var description: String {
    switch self {
    case .emptyFile(let file):
      "\(file): no header row"
    case .missingColumn(let file, let name, let available):
      "\(file): no column named \"\(name)\"; columns are " + available.map { "\"\($0)\"" }.joined(separator: ", ")
    case .badColumnRange(let file, let first, let last):
      "\(file): label columns \"\(first)\":\"\(last)\" are out of order (the first must come before the last)"
    case .badLabelCell(let at, let theme, let value):
      "\(at): \"\(value)\" in theme column \"\(theme)\" is not a yes/no mark (use 1 or blank, 0/1, yes/no, true/false, x)"
    case .tooFewComments(let file, let used, let folds):
      "\(file): only \(used) coded comments with text; need at least \(folds * 2) for \(folds)-fold cross-validation"
    case .noThemes(let file):
      "\(file): no theme is used in the training file"
    case .unreadableModel(let file, let reason):
      "\(file): not a Voices model file (\(reason))"
    }
  }
}
