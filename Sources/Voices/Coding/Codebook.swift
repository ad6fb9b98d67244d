/// A set of themes and the word lists their patterns share.
///
/// A codebook is what a participation officer edits in a spreadsheet (see `Codebook+CSV`), what
/// `CodingEngine` compiles, and what REFI-QDA tools exchange (see `REFIQDA`).
public struct Codebook: Sendable, Equatable {
  /// A name for messages and exports (usually the file name without extension).
  public var name: String
  public var themes: [Theme]
  public var wordLists: [WordList]

  public init(name: String, themes: [Theme], wordLists: [WordList] = []) {
    self.name = name
    self.themes = themes
    self.wordLists = wordLists
  }

  /// The theme with `id`, if any.
  public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }

  /// The themes tried on comments from `audience` (its own and those for everyone).
  public func themes(for audience: Theme.Audience) -> [Theme] {
    audience == .all ? themes : themes.filter { $0.audience == audience || $0.audience == .all }
  }

  /// Several codebooks as one (for example the parent carers' and the young people's), keeping
  /// the first of any repeated theme id or word list.
  public static func merged(_ books: [Codebook], name: String) -> Codebook {
    var seen = Set<String>(), lists = Set<String>()
    var out = Codebook(name: name, themes: [], wordLists: [])
    for book in books {
      for theme in book.themes where seen.insert(theme.id).inserted { out.themes.append(theme) }
      for list in book.wordLists where lists.insert(list.name).inserted { out.wordLists.append(list) }
    }
    return out
  }
}
