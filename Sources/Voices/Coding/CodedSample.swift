import Foundation

/// A human-coded sample of comments (`response_id,wave,question,text,themes`), the reference
/// the rules are scored against.
public struct CodedSample: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public var responseId: String
    public var wave: String
    public var question: String
    public var text: String
    public var themes: Set<String>
  }

  public var items: [Item]

  /// Reads a coded sample CSV; `themes` is `;`-joined and may be empty.
  ///
  /// - Throws: `CSVError`, or `CodebookError.missingColumn` when a column is absent.
  public static func read(contentsOf url: URL, file: String? = nil) throws -> CodedSample {
    let table = try CSVReader.read(contentsOf: url, file: file ?? url.path)
    guard let header = table.records.first?.fields else { return CodedSample(items: []) }
    func column(_ name: String) throws -> Int {
      guard let i = header.firstIndex(of: name) else { throw CodebookError.missingColumn(file: table.file, column: name) }
      return i
    }
    let id = try column("response_id"), text = try column("text"), themes = try column("themes")
    let wave = header.firstIndex(of: "wave"), question = header.firstIndex(of: "question")
    var items: [Item] = []
    for record in table.records.dropFirst() {
      let f = record.fields
      guard f.count > max(id, text, themes) else { continue }
      items.append(Item(responseId: f[id], wave: wave.map { $0 < f.count ? f[$0] : "" } ?? "",
                        question: question.map { $0 < f.count ? f[$0] : "" } ?? "", text: f[text],
                        themes: Set(f[themes].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })))
    }
    return CodedSample(items: items)
  }

  /// Scores `engine` on the sample, trying only the themes of `audience`.
  public func evaluate(_ engine: CodingEngine, audience: Theme.Audience) -> CodingEvaluation {
    let allowed = Set(engine.codebook.themes.indices.filter { audience == .all || engine.codebook.themes[$0].audience == audience || engine.codebook.themes[$0].audience == .all })
    var scratch = engine.makeScratch()
    let assigned = items.map { Set(engine.code($0.text, themes: allowed, scratch: &scratch).map(\.themeId)) }
    let ids = allowed.sorted().map { engine.codebook.themes[$0].id }
    return CodingEvaluation(reference: items.map(\.themes), assigned: assigned, themeIDs: ids)
  }
}
