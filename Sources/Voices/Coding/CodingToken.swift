/// One word of a comment as the engine sees it: where it is, how it reads, how it stems.
///
/// Built from the Text module's tokens by `CodingText`; the engine never looks at raw text.
struct CodingToken: Sendable, Equatable {
  /// Offsets into the original text (Text module convention), end exclusive.
  var start: Int
  var end: Int
  /// The same stretch as UTF-8 byte offsets, for slicing the text in O(1).
  var utf8Start: Int
  var utf8End: Int
  /// The normalised form: lower case, accents and spelling folded, abbreviations canonical.
  var form: String
  /// The Porter2 stem of `form` (equal to `form` for abbreviations and numbers).
  var stem: String
  /// Index of the clause the token is in; clause boundaries stop negation and sentiment.
  var clause: Int
  /// Whether the Text module marks the token as a negator (no, not, n't, never, without, ...).
  var isNegator: Bool
  /// The analysing `WordCache`'s number for the word (-1: none), for per-word term caching.
  var wordID: Int32 = -1
}
