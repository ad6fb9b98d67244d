/// The syntax tree of one pattern of the codebook's pattern language.
///
/// The language, in the order operators bind (loosest first):
///
/// | form | meaning |
/// |---|---|
/// | `a \| b` | either alternative |
/// | `a NEAR/5 b` | both, at most 5 tokens between them, in either order (`BEFORE/5`: `a` first) |
/// | `waiting list` | a phrase: the words next to each other, in this order |
/// | `wait` | a word, compared by stem: `wait` finds wait, waits, waiting, waited |
/// | `wait*` | a prefix of the word as written or of its stem: `assess*` finds assessment |
/// | `=ot` | exactly this word, no stemming (for short abbreviations) |
/// | `"a and e"` | a quoted phrase (lets you write words that are also operators) |
/// | `(salt \| speech therapy)` | a group of alternatives inside a phrase |
/// | `(still)?`, `still?` | an optional group or word: the phrase with it and without it |
/// | `@good` | any pattern of the word list `@good` |
///
/// Words are normalised like comment text (case, accents, British/American spelling,
/// abbreviations such as "EHC plan" -> ehcp), so a pattern is written once for all spellings.
/// Exclusions are whole patterns in their own column; negation and sentiment follow the
/// theme's polarity (see `CodingEngine`).
indirect enum Pattern: Sendable, Equatable, CustomStringConvertible {
  case term(Term)
  case sequence([Pattern])
  case alternatives([Pattern])
  case near(Pattern, Pattern, distance: Int, ordered: Bool)
  case wordList(String)
  /// A slot of a phrase that may be absent.
  case optional(Pattern)

  /// One word slot of a phrase.
  enum Term: Sendable, Equatable, Hashable {
    /// Matches tokens with the same stem.
    case word(String)
    /// Matches tokens whose normalised form or stem starts with the text.
    case prefix(String)
    /// Matches tokens whose normalised form is exactly the text.
    case exact(String)
  }

  /// The pattern written back in canonical form (the parser reads it back to the same tree).
  var description: String {
    switch self {
    case .term(.word(let w)): Self.quotedIfNeeded(w)
    case .term(.prefix(let p)): Self.quotedIfNeeded(p) + "*"
    case .term(.exact(let e)): "=" + Self.quotedIfNeeded(e)
    case .wordList(let name): "@" + name
    case .sequence(let items):
      items.map { item in
        if case .alternatives = item { return "(" + item.description + ")" }
        return item.description
      }.joined(separator: " ")
    case .alternatives(let options):
      options.map(\.description).joined(separator: " | ")
    case .near(let a, let b, let distance, let ordered):
      "\(a.nearOperand) \(ordered ? "BEFORE" : "NEAR")/\(distance) \(b.nearOperand)"
    case .optional(let inner):
      "(" + inner.description + ")?"
    }
  }

  private var nearOperand: String {
    if case .alternatives = self { return "(" + description + ")" }
    return description
  }

  private static func quotedIfNeeded(_ word: String) -> String {
    word.contains(where: { PatternParser.isSpecial($0) || $0 == " " }) ? "\"" + word + "\"" : word
  }
}
