/// One token of a comment, as the rule engine sees it.
///
/// `text` is the folded surface form (lowercase, no diacritics, contractions expanded:
/// `don't` gives `do` and `not`); `stem` is what patterns match (Porter2 stem of the spelling-
/// folded word, the digits of a number, or an uppercase canonical abbreviation such as `EHCP`).
/// `span` points at the original text.
public struct Token: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: String, Hashable, Sendable {
    /// Letters only (any script; only ASCII words are stemmed).
    case word
    /// Digits, with `.` or `,` between digits: `18`, `2.5`, `1,000`.
    case number
    /// Letters and digits together: `y11`, `ks2`, `2nd`.
    case alphanumeric
    /// A canonical domain abbreviation (see ``Abbreviations``); `text` and `stem` are its
    /// uppercase canonical form, and `span` covers every original word it was made from.
    case abbreviation
  }

  public var text: String
  public var stem: String
  public var kind: Kind
  /// Where the token came from in the original text.
  public var span: TextSpan
  /// 0-based sentence index: sentences end at `.`, `!`, `?`, an ellipsis or a line break.
  public var sentence: Int
  /// 0-based clause index across the whole text: clauses end where sentences do, at `;` and
  /// `:`, and before the clause words `but`, `however`, `although`, `though`, `whereas`
  /// (which belong to the clause they open). Negation scope should stop where it changes.
  public var clause: Int
  /// Whether this token negates what follows it: `not` (also from `n't`, `cannot`, `dont`),
  /// `no`, `never`, `none`, `nobody`, `nothing`, `nowhere`, `neither`, `nor`, `without`.
  public var isNegator: Bool
  /// The word's number in the `WordCache` that analysed it (the same number for
  /// the same word bytes until the cache's `generation` changes), so callers can keep per-word
  /// results in an array; a folded abbreviation has its canonical form's number; -1 for a
  /// token made with `init`.
  var wordID: Int32 = -1

  public init(text: String, stem: String, kind: Kind, span: TextSpan, sentence: Int,
              clause: Int, isNegator: Bool) {
    self.text = text
    self.stem = stem
    self.kind = kind
    self.span = span
    self.sentence = sentence
    self.clause = clause
    self.isNegator = isNegator
  }

  public var description: String { "\(stem)@\(span)#\(clause)\(isNegator ? "!" : "")" }
}
