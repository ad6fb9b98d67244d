/// Splits folded text (from ``TextNormalizer``) into word, number and alphanumeric pieces,
/// with sentence and clause indices, and expands negative contractions.
///
/// What counts as one piece:
/// - A run of letters and digits: `ehcp`, `y11`, `18`, `café` (folded `cafe`), a run of CJK.
///   Hyphens and slashes split (`well-being` → `well`, `being`; `and/or` → `and`, `or`).
/// - An apostrophe between letters stays inside (`o'clock`); a final `'s` or `'` after `s` is
///   kept in the span but dropped from the text (`child's` → `child`); the clitics `'re`,
///   `'ve`, `'ll`, `'d`, `'m` are dropped (`they're` → `they`).
/// - `n't` becomes its own piece `not` (`don't` → `do` + `not`, `can't` → `can` + `not`,
///   `won't` → `will` + `not`, `shan't` → `shall` + `not`); so do the apostrophe-less forms
///   common in survey text (`dont`, `cant`, `wont`, `didnt`, ...) and `cannot` → `can` + `not`.
/// - `.` or `,` between digits stays inside a number (`2.5`, `1,000`).
/// - `&` is the word `and`.
///
/// Sentences end at `.`, `!`, `?`, `...` and line breaks; clauses also end at `;` and `:` and
/// before the words `but`, `however`, `although`, `though`, `whereas`.
struct Tokenizer: Sendable, Equatable {
  struct Piece: Equatable, Sendable {
    /// Folded bytes this piece was made from (for its span).
    var range: Range<Int>
    /// The piece's text (may differ from the folded bytes: `ca` of `can't` reads `can`).
    var text: [UInt8]
    var kind: Token.Kind
    var sentence: Int
    var clause: Int
    var isNegator: Bool
    /// Letters in the original that were uppercase, and all letters.
    var uppercaseLetters: Int
    var letters: Int
  }

  func pieces(of normalized: NormalizedText) -> [Piece] {
    var state = State()
    normalized.folded.withUnsafeBufferPointer { b in
      let n = b.count
      var i = 0
      while i < n {
        let c = b[i]
        if Self.isLetter(c) || Self.isDigit(c) {
          let start = i
          var hasLetter = false
          var hasDigit = false
          while i < n {
            let d = b[i]
            if Self.isLetter(d) {
              hasLetter = true
              i += 1
            } else if Self.isDigit(d) {
              hasDigit = true
              i += 1
            } else if d == UInt8(ascii: "'"), i > start, Self.isLetter(b[i - 1]) {
              if i + 1 < n, Self.isLetter(b[i + 1]) {
                i += 1
              } else {
                if b[i - 1] == UInt8(ascii: "s") { i += 1 }  // parents'
                break
              }
            } else if d == UInt8(ascii: ".") || d == UInt8(ascii: ","), !hasLetter,
              Self.isDigit(b[i - 1]), i + 1 < n, Self.isDigit(b[i + 1])
            {
              i += 1
            } else {
              break
            }
          }
          let kind: Token.Kind = hasLetter ? (hasDigit ? .alphanumeric : .word) : .number
          emitWord(start..<i, kind: kind, bytes: b, normalized: normalized, state: &state)
          continue
        }
        switch c {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n"),
          UInt8(ascii: "\r"):
          state.pendingSentence = true
        case UInt8(ascii: ";"), UInt8(ascii: ":"):
          state.pendingClause = true
        case UInt8(ascii: "&"):
          state.emit(i..<i + 1, text: Array("and".utf8), kind: .word, negator: false,
                     normalized: normalized)
        default:
          break
        }
        i += 1
      }
    }
    return state.pieces
  }

  @inline(__always) static func isLetter(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || c >= 0x80
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }

  /// Running sentence/clause counters and the pieces so far.
  struct State {
    var pieces: [Piece] = []
    var sentence = 0
    var clause = 0
    var pendingSentence = false
    var pendingClause = false

    mutating func emit(_ range: Range<Int>, text: [UInt8], kind: Token.Kind, negator: Bool,
                       normalized: NormalizedText)
    {
      if !pieces.isEmpty {
        if pendingSentence {
          sentence += 1
          clause += 1
        } else if pendingClause || (kind == .word && Tokenizer.opensClause(text)
                                    && pieces.last?.clause == clause)
        {
          clause += 1
        }
      }
      pendingSentence = false
      pendingClause = false
      var upper = 0
      var letters = 0
      for j in range where Tokenizer.isLetter(normalized.folded[j]) {
        letters += 1
        if normalized.isUppercase[j] { upper += 1 }
      }
      pieces.append(Piece(range: range, text: text, kind: kind, sentence: sentence,
                          clause: clause, isNegator: negator, uppercaseLetters: upper,
                          letters: letters))
    }
  }

  /// Emits one letter/digit run, splitting contractions and possessives.
  private func emitWord(_ range: Range<Int>, kind: Token.Kind, bytes b: UnsafeBufferPointer<UInt8>,
                        normalized: NormalizedText, state: inout State)
  {
    let text = Array(b[range])
    guard kind == .word else {
      state.emit(range, text: text, kind: kind, negator: false, normalized: normalized)
      return
    }
    let n = text.count
    let apostrophe = UInt8(ascii: "'")
    if let split = Self.negativeContraction(text) {
      if split.baseLength > 0 {
        let baseRange = range.lowerBound..<(range.lowerBound + split.baseLength)
        state.emit(baseRange, text: split.base, kind: .word, negator: false,
                   normalized: normalized)
      }
      state.emit((range.lowerBound + split.baseLength)..<range.upperBound,
                 text: Array("not".utf8), kind: .word, negator: true, normalized: normalized)
      return
    }
    if text.contains(apostrophe) {
      if n >= 2, text[n - 2] == apostrophe, text[n - 1] == UInt8(ascii: "s") {
        emitPlain(range, text: Array(text[..<(n - 2)]), normalized: normalized, state: &state)
        return
      }
      if text[n - 1] == apostrophe {
        emitPlain(range, text: Array(text[..<(n - 1)]), normalized: normalized, state: &state)
        return
      }
      for clitic in Self.clitics where Self.ends(text, with: clitic) && n > clitic.count {
        let base = n - clitic.count
        emitPlain(range.lowerBound..<(range.lowerBound + base), text: Array(text[..<base]),
                  normalized: normalized, state: &state)
        return
      }
    }
    emitPlain(range, text: text, normalized: normalized, state: &state)
  }

  private func emitPlain(_ range: Range<Int>, text: [UInt8], normalized: NormalizedText,
                         state: inout State)
  {
    state.emit(range, text: text, kind: .word, negator: Self.isNegator(text),
               normalized: normalized)
  }

  static func ends(_ text: [UInt8], with suffix: [UInt8]) -> Bool {
    text.count >= suffix.count && text[(text.count - suffix.count)...].elementsEqual(suffix)
  }

  static let clitics: [[UInt8]] = ["'re", "'ve", "'ll", "'d", "'m"].map { Array($0.utf8) }

  static let negators: Set<[UInt8]> = Set(
    ["not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without"]
      .map { Array($0.utf8) })

  static let clauseOpeners: Set<[UInt8]> = Set(
    ["but", "however", "although", "though", "whereas"].map { Array($0.utf8) })

  static func opensClause(_ text: [UInt8]) -> Bool {
    // Cheap filter before hashing: every opener is 3-8 letters starting a, b, h, t or w.
    guard text.count >= 3, text.count <= 8, let c = text.first,
      c == UInt8(ascii: "b") || c == UInt8(ascii: "h") || c == UInt8(ascii: "a")
        || c == UInt8(ascii: "t") || c == UInt8(ascii: "w")
    else { return false }
    return clauseOpeners.contains(text)
  }

  /// Whether `text` is one of ``negators`` (filtered by first letter and length before hashing).
  static func isNegator(_ text: [UInt8]) -> Bool {
    guard text.count >= 2, text.count <= 7, let c = text.first,
      c == UInt8(ascii: "n") || c == UInt8(ascii: "w")
    else { return false }
    return negators.contains(text)
  }

  /// A negative contraction split into its base (as read) and how many bytes of the folded
  /// word the base covers; the rest is the `not`.
  struct NegativeSplit {
    var base: [UInt8]
    var baseLength: Int
  }

  /// Bases whose written stem differs from the word: `ca|n't` is `can`, `wo|n't` is `will`.
  static let irregularBases: [[UInt8]: [UInt8]] = [
    Array("ca".utf8): Array("can".utf8), Array("wo".utf8): Array("will".utf8),
    Array("sha".utf8): Array("shall".utf8), Array("ai".utf8): Array("is".utf8),
  ]

  /// Apostrophe-less negatives typed in surveys, and where their `not` begins.
  static let bareNegatives: [[UInt8]: Int] = {
    var table: [[UInt8]: Int] = [:]
    for word in ["dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "cant",
                 "couldnt", "wouldnt", "shouldnt", "wont", "havent", "hasnt", "hadnt", "aint",
                 "mustnt", "neednt", "shant"]
    {
      table[Array(word.utf8)] = word.utf8.count - 2
    }
    table[Array("cannot".utf8)] = 3
    return table
  }()

  static func negativeContraction(_ text: [UInt8]) -> NegativeSplit? {
    let n = text.count
    var baseLength: Int
    if n > 3, text[n - 3] == UInt8(ascii: "n"), text[n - 2] == UInt8(ascii: "'"),
      text[n - 1] == UInt8(ascii: "t")
    {
      baseLength = n - 3
    } else if n >= 4, text[n - 1] == UInt8(ascii: "t"),
      text[n - 2] == UInt8(ascii: "n") || n == 6,  // every key ends `nt`, or is `cannot`
      let at = bareNegatives[text]
    {
      baseLength = at
    } else {
      return nil
    }
    let written = Array(text[..<baseLength])
    if written.contains(UInt8(ascii: "'")) { return nil }
    let base = irregularBases[written] ?? written
    return NegativeSplit(base: base, baseLength: baseLength)
  }
}
