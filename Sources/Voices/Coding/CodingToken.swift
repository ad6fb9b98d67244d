/// One word of a comment as the engine sees it: the Text module's token as its scan leaves it
/// (where the word is, which word it is, its clause), used as is rather than copied into a
/// type of the engine's own, which cost a twentieth of coding a comment.
///
/// The engine never looks at raw text. The word's folded form and stem are in the `WordCache`
/// that analysed it, under `wordID`.
typealias CodingToken = TextAnalyzer.ScannedToken

extension TextAnalyzer.ScannedToken {
  /// Offsets into the original text (Text module convention), end exclusive.
  var start: Int { span.scalars.lowerBound }
  var end: Int { span.scalars.upperBound }
  /// The same stretch as UTF-8 byte offsets, for slicing the text in O(1) (-1: unknown).
  var utf8Start: Int { span.utf8.lowerBound }
  var utf8End: Int { span.utf8.upperBound }
  /// The analysing `WordCache`'s number for the word.
  var wordID: Int32 { word }
}
