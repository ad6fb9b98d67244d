/// Problems reading coders' files for `voices agreement`.
public enum AgreementError: Error, Equatable, Sendable, CustomStringConvertible {
  case emptyFile(file: String)
  case missingColumn(file: String, name: String, available: [String])
  case duplicateID(at: SourceLocation, id: String, firstRow: Int)
  case blankID(at: SourceLocation)

  public var description: String {
    switch self {
    case .emptyFile(let file):
      "\(file): no header row"
    case .missingColumn(let file, let name, let available):
      "\(file): no column named \"\(name)\"; columns are " + available.map { "\"\($0)\"" }.joined(separator: ", ")
    case .duplicateID(let at, let id, let firstRow):
      "\(at): id \"\(id)\" was already coded on row \(firstRow); give each comment one row"
    case .blankID(let at):
      "\(at): the id is blank"
    }
  }
}
