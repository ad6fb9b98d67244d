/// One word of a comment as the engine sees it: where it is, which word it is, its clause.
///
/// Built from the Text module's tokens by `CodingText`; the engine never looks at raw text.
/// The word's folded form and stem are in the `WordCache` that analysed it, under `wordID`.
struct CodingToken: Sendable, Equatable {
  /// Offsets into the original text (Text module convention), end exclusive.
  var start: Int
  var end: Int
  /// The same stretch as UTF-8 byte offsets, for slicing the text in O(1) (-1: unknown).
  var utf8Start: Int
  var utf8End: Int
  /// Index of the clause the token is in; clause boundaries stop negation and sentiment.
  var clause: Int
  /// Whether the Text module marks the token as a negator (no, not, n't, never, without, ...).
  var isNegator: Bool
  /// The analysing `WordCache`'s number for the word.
  var wordID: Int32
}
