import Foundation

extension SurveyCollection {
  /// Every free-text answer of every export, ready to code. Parent carers' answers get the
  /// parent carer themes; everyone else's (young people, families, decision makers) the
  /// young people's.
  public func comments() -> [CodedComment] {
    var comments: [CodedComment] = []
    for export in exports {
      for response in export.responses {
        let audience = SurveyCollection.audience(of: response)
        for answer in response.texts where !answer.text.isEmpty {
          comments.append(CodedComment(responseId: response.id, wave: response.wave, question: answer.question, text: answer.text, audience: audience))
        }
      }
    }
    return comments
  }

  /// Which codebook audience a response's comments are coded against.
  public static func audience(of response: Response) -> Theme.Audience {
    response.group == "parent carers" ? .parentCarers : .youngPeople
  }
}

/// Why a codebook could not be found.
public enum CodebookLocationError: Error, Equatable, Sendable, CustomStringConvertible {
  case missing(path: String)
  case empty(folder: String)

  public var description: String {
    switch self {
    case .missing(let path): "no codebook at \(path); give --codebook FILE.csv"
    case .empty(let folder): "no codebook CSV files in \(folder)"
    }
  }
}

extension Codebook {
  /// A codebook CSV, or every CSV in a folder merged (themes keep their audience).
  ///
  /// - Throws: `CodebookLocationError`, or the codebook's own errors.
  public static func load(at path: String) throws -> Codebook {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CodebookLocationError.missing(path: path) }
    guard isDirectory.boolValue else { return try Codebook.read(contentsOf: URL(fileURLWithPath: path), file: path) }
    let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
    guard !names.isEmpty else { throw CodebookLocationError.empty(folder: path) }
    let books = try names.map { try Codebook.read(contentsOf: URL(fileURLWithPath: path).appendingPathComponent($0), file: "\(path)/\($0)") }
    return Codebook.merged(books, name: URL(fileURLWithPath: path).lastPathComponent)
  }
}
