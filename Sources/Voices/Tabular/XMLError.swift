/// Where in an XML document something went wrong: the document (and ZIP entry, for XML inside
/// an archive), the 1-based line and byte column, and the 0-based byte offset.
public struct XMLLocation: Equatable, Sendable, CustomStringConvertible {
  public var document: String
  public var entry: String?
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(document: String, entry: String? = nil, line: Int, column: Int, offset: Int) {
    self.document = document
    self.entry = entry
    self.line = line
    self.column = column
    self.offset = offset
  }

  public var description: String {
    if let entry {
      return "\(document): entry \(entry) line \(line), column \(column) (byte \(offset))"
    }
    return "\(document):\(line):\(column)"
  }
}

/// Why an XML document could not be read.
///
/// Document type declarations are refused outright, so entity expansion ("billion laughs")
/// and external entities can never happen.
public enum XMLError: Error, Equatable, Sendable, CustomStringConvertible {
  case doctypeRefused(at: XMLLocation)
  case tooDeep(at: XMLLocation, limit: Int)
  case fieldTooLarge(at: XMLLocation, limit: Int)
  case unclosedElement(at: XMLLocation, name: String)
  case mismatchedEndTag(at: XMLLocation, expected: String, found: String)
  case unexpectedEndTag(at: XMLLocation, found: String)
  case badEntity(at: XMLLocation, entity: String)
  case malformed(at: XMLLocation, detail: String)

  public var description: String {
    switch self {
    case .doctypeRefused(let at):
      "\(at): document type declarations (<!DOCTYPE) are refused, so entities cannot be expanded"
    case .tooDeep(let at, let limit):
      "\(at): elements nest deeper than the limit of \(limit)"
    case .fieldTooLarge(let at, let limit):
      "\(at): text or attribute is larger than the limit of \(limit) bytes"
    case .unclosedElement(let at, let name):
      "\(at): document ends before <\(name)> is closed"
    case .mismatchedEndTag(let at, let expected, let found):
      "\(at): expected </\(expected)>, found </\(found)>"
    case .unexpectedEndTag(let at, let found):
      "\(at): </\(found)> closes an element that was never opened"
    case .badEntity(let at, let entity):
      "\(at): unknown or invalid entity \(entity)"
    case .malformed(let at, let detail):
      "\(at): malformed XML: \(detail)"
    }
  }
}
