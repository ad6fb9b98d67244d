/// One word of a comment as the engine sees it: the Text module's token as its scan leaves it
/// (which word it is, the folded bytes it came from, its clause), used as is rather than
/// copied into a type of the engine's own, which cost a twentieth of coding a comment.
///
/// The engine never looks at raw text. The word's folded form and stem are in the `WordCache`
/// that analysed it, under `wordID`.
typealias CodingToken = TextAnalyzer.ScannedToken

extension TextAnalyzer.ScannedToken {
  /// The analysing `WordCache`'s number for the word.
  var wordID: Int32 { word }
}
