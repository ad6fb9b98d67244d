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
/// - Single letters between dots are one piece, read without the dots (`E.H.C.P` → `ehcp`,
///   `O.T.` → `ot`, `e.g.` → `eg`); a dot inside one does not end a sentence.
/// - `&` is the word `and`.
///
/// Sentences end at `.`, `!`, `?`, `...` and line breaks; clauses also end at `;` and `:` and
/// before the words `but`, `however`, `although`, `though`, `whereas`.
struct Tokenizer: Sendable, Equatable {
  struct Piece: Equatable, Sendable {
    /// Folded bytes this piece was made from (for its span).
    var range: Range<Int>
    /// Folded bytes of the piece's text: all of `range`, or a prefix of it (`child` of
    /// `child's`); ignored when `replacement` gives the text instead.
    var textRange: Range<Int>
    /// A fixed text that differs from the folded bytes (`ca` of `can't` reads `can`).
    var replacement: Replacement
    var kind: Token.Kind
    var sentence: Int
    var clause: Int
    var isNegator: Bool
    /// Whether the piece is a word that starts a clause (`but`, `however`).
    var opensClause = false

    /// The piece's text as bytes, valid inside `body` only.
    func withText<R>(in folded: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
      if replacement != .none {
        return Tokenizer.replacementBytes[Int(replacement.rawValue)].withUnsafeBufferPointer(body)
      }
      let text = UnsafeBufferPointer(rebasing: folded[textRange])
      if kind == .word, text.contains(UInt8(ascii: ".")) {
        // An initialism (`e.h.c.p`) reads as its letters; no other word holds a dot.
        return text.filter { $0 != UInt8(ascii: ".") }.withUnsafeBufferPointer(body)
      }
      return body(text)
    }
  }

  /// Texts a piece can read as without being written so: the `not` of `n't`, `&`, and the
  /// bases of `can't`, `won't`, `shan't`, `ain't`.
  enum Replacement: UInt8, Sendable {
    case none, not, and, can, will, shall, be
  }

  static let replacementBytes: [[UInt8]] = ["", "not", "and", "can", "will", "shall", "is"].map { Array($0.utf8) }

  /// Splits `normalized` into `pieces` (emptied first; its storage is reused).
  func pieces(of normalized: NormalizedText, into pieces: inout [Piece]) {
    pieces.removeAll(keepingCapacity: true)
    var out = pieces
    pieces = []
    var position = Position()
    normalized.folded.withUnsafeBufferPointer { b in
      walk(b, position: &position,
           run: { range, kind, apostrophe, position in
             emitWord(range, kind: kind, apostrophe: apostrophe, bytes: b, into: &out, position: &position)
           },
           ampersand: { i, position in
             Self.emit(i..<i + 1, text: i..<i + 1, replacement: .and, kind: .word, negator: false, opensClause: false,
                       into: &out, position: &position)
           })
    }
    pieces = out
  }

  /// Walks folded bytes: each run of letters and digits goes to `run` with its kind and
  /// whether it holds an apostrophe, each `&` to `ampersand`; sentence and clause marks move
  /// `position` on. (`pieces(of:into:)` turns runs into pieces; the analyser, into tokens
  /// through its cache of runs.)
  @inline(__always)
  func walk(_ b: Bytes, position: inout Position,
            run: (Range<Int>, Token.Kind, Bool, inout Position) -> Void,
            ampersand: (Int, inout Position) -> Void) {
    let n = b.count
    var i = 0
    while i < n {
      let c = b[i]
      if Self.isLetter(c) || Self.isDigit(c) {
        let start = i
        // A letter with a dot after it may start an initialism (checked apart, as it is rare).
        if i + 1 < n, b[i + 1] == UInt8(ascii: "."), let end = Self.initialismEnd(b, from: i) {
          run(start..<end, .word, false, &position)
          i = end
          continue
        }
        var hasLetter = false
        var hasDigit = false
        var hasApostrophe = false
        while i < n {
          let d = b[i]
          if Self.isLetter(d) {
            hasLetter = true
            i = Self.endOfLetters(b, from: i + 1)  // the rest of a run of letters at once
          } else if Self.isDigit(d) {
            hasDigit = true
            i += 1
          } else if d == UInt8(ascii: "'"), i > start, Self.isLetter(b[i - 1]) {
            hasApostrophe = true
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
        run(start..<i, kind, hasApostrophe, &position)
        continue
      }
      switch c {
      case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n"),
        UInt8(ascii: "\r"):
        position.pendingSentence = true
      case UInt8(ascii: ";"), UInt8(ascii: ":"):
        position.pendingClause = true
      case UInt8(ascii: "&"):
        ampersand(i, &position)
      default:
        break
      }
      i += 1
    }
  }

  /// The pieces of `normalized` in a new array.
  func pieces(of normalized: NormalizedText) -> [Piece] {
    var out: [Piece] = []
    pieces(of: normalized, into: &out)
    return out
  }

  @inline(__always) static func isLetter(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || c >= 0x80
  }

  /// Where the run of letters from `start` ends: eight bytes at a time, as most words end
  /// within the first eight, then byte by byte near the end of the text.
  @inline(__always) static func endOfLetters(_ b: Bytes, from start: Int) -> Int {
    var i = start
    let n = b.count
    if let base = b.baseAddress {
      let raw = UnsafeRawPointer(base)
      let high: UInt64 = 0x8080_8080_8080_8080
      while i + 8 <= n {
        let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        // With every byte's top bit set, subtracting per byte cannot borrow across bytes; the
        // top bit then says whether the low seven bits were at least `a`, and at least `{`.
        let y = x | high
        let atLeastA = (y &- 0x6161_6161_6161_6161) & high
        let pastZ = (y &- 0x7B7B_7B7B_7B7B_7B7B) & high
        let notLetter = ~((x & high) | (atLeastA & ~pastZ)) & high
        if notLetter != 0 { return i + notLetter.littleEndian.trailingZeroBitCount / 8 }
        i += 8
      }
    }
    while i < n, isLetter(b[i]) { i += 1 }
    return i
  }

  /// Where the initialism starting at `b[start]` ends (`e.h.c.p`: single letters a-z joined by
  /// dots, the last dot left out), or nil when the letter there does not start one.
  @inline(never)
  static func initialismEnd(_ b: Bytes, from start: Int) -> Int? {
    func isSingleLetter(_ j: Int) -> Bool {
      j < b.count && b[j] >= UInt8(ascii: "a") && b[j] <= UInt8(ascii: "z")
        && (j + 1 == b.count || !(isLetter(b[j + 1]) || isDigit(b[j + 1])))
    }
    guard isSingleLetter(start) else { return nil }
    var last = start
    while last + 2 < b.count, b[last + 1] == UInt8(ascii: "."), isSingleLetter(last + 2) { last += 2 }
    return last > start ? last + 1 : nil
  }

  @inline(__always) static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }

  typealias Bytes = UnsafeBufferPointer<UInt8>

  /// Where the next piece goes: the sentence and clause counters, and the sentence or clause
  /// marks seen since the last piece.
  struct Position {
    var sentence = 0
    var clause = 0
    var pendingSentence = false
    var pendingClause = false
    var isFirst = true

    /// The sentence and clause of the next piece; a clause-opening word (`but`) starts a
    /// clause of its own unless it is the first piece.
    @inline(__always)
    mutating func next(opensClause: Bool) -> (sentence: Int, clause: Int) {
      if !isFirst {
        if pendingSentence {
          sentence += 1
          clause += 1
        } else if pendingClause || opensClause {
          clause += 1
        }
      }
      isFirst = false
      pendingSentence = false
      pendingClause = false
      return (sentence, clause)
    }
  }

  /// Appends one piece, at the sentence and clause `position` gives it.
  static func emit(_ range: Range<Int>, text: Range<Int>, replacement: Replacement = .none,
                   kind: Token.Kind, negator: Bool, opensClause: Bool, into pieces: inout [Piece], position: inout Position)
  {
    let (sentence, clause) = position.next(opensClause: opensClause)
    pieces.append(Piece(range: range, textRange: text, replacement: replacement, kind: kind,
                        sentence: sentence, clause: clause, isNegator: negator, opensClause: opensClause))
  }

  /// Emits one letter/digit run, splitting contractions and possessives.
  func emitWord(_ range: Range<Int>, kind: Token.Kind, apostrophe hasApostrophe: Bool, bytes b: Bytes,
                into pieces: inout [Piece], position: inout Position)
  {
    guard kind == .word else {
      Self.emit(range, text: range, kind: kind, negator: false, opensClause: false, into: &pieces, position: &position)
      return
    }
    let text = Bytes(rebasing: b[range])
    let n = text.count
    let apostrophe = UInt8(ascii: "'")
    if let split = Self.negativeContraction(text, apostrophe: hasApostrophe) {
      if split.baseLength > 0 {
        let baseRange = range.lowerBound..<(range.lowerBound + split.baseLength)
        Self.emit(baseRange, text: baseRange, replacement: split.replacement, kind: .word,
                  negator: false, opensClause: false, into: &pieces, position: &position)
      }
      let rest = (range.lowerBound + split.baseLength)..<range.upperBound
      Self.emit(rest, text: rest, replacement: .not, kind: .word, negator: true, opensClause: false,
                into: &pieces, position: &position)
      return
    }
    var textEnd = n
    if hasApostrophe {
      if n >= 2, text[n - 2] == apostrophe, text[n - 1] == UInt8(ascii: "s") {
        textEnd = n - 2
      } else if text[n - 1] == apostrophe {
        textEnd = n - 1
      } else {
        for clitic in Self.clitics where Self.ends(text, with: clitic) && n > clitic.count {
          // The clitic is dropped from the span as well as the text.
          let base = range.lowerBound..<(range.lowerBound + n - clitic.count)
          emitPlain(base, text: base, bytes: b, into: &pieces, position: &position)
          return
        }
      }
    }
    emitPlain(range, text: range.lowerBound..<(range.lowerBound + textEnd), bytes: b, into: &pieces, position: &position)
  }

  private func emitPlain(_ range: Range<Int>, text: Range<Int>, bytes b: Bytes, into pieces: inout [Piece],
                         position: inout Position)
  {
    let word = Bytes(rebasing: b[text])
    Self.emit(range, text: text, kind: .word, negator: Self.isNegator(word),
              opensClause: Self.opensClause(word), into: &pieces, position: &position)
  }

  static func ends<C: BidirectionalCollection<UInt8>>(_ text: C, with suffix: [UInt8]) -> Bool {
    text.count >= suffix.count && text.suffix(suffix.count).elementsEqual(suffix)
  }

  static let clitics: [[UInt8]] = ["'re", "'ve", "'ll", "'d", "'m"].map { Array($0.utf8) }

  static let negators: [StaticString] =
    ["not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without"]

  static let clauseOpeners: [StaticString] = ["but", "however", "although", "though", "whereas"]

  /// Whether `text` is one of ``clauseOpeners`` (filtered by first letter and length first:
  /// every opener is 3-8 letters starting a, b, h, t or w).
  static func opensClause(_ text: Bytes) -> Bool {
    guard text.count >= 3, text.count <= 8, let c = text.first,
      c == UInt8(ascii: "b") || c == UInt8(ascii: "h") || c == UInt8(ascii: "a")
        || c == UInt8(ascii: "t") || c == UInt8(ascii: "w")
    else { return false }
    return clauseOpeners.contains { equal(text, $0) }
  }

  /// Whether `text` is one of ``negators`` (filtered by first letter and length first).
  static func isNegator(_ text: Bytes) -> Bool {
    guard text.count >= 2, text.count <= 7, let c = text.first,
      c == UInt8(ascii: "n") || c == UInt8(ascii: "w")
    else { return false }
    return negators.contains { equal(text, $0) }
  }

  @inline(__always) static func equal(_ text: Bytes, _ word: StaticString) -> Bool {
    guard word.utf8CodeUnitCount == text.count else { return false }
    let w = word.utf8Start
    for i in 0..<text.count where text[i] != w[i] { return false }
    return true
  }

  /// A negative contraction split into its base's reading and how many bytes of the folded
  /// word the base covers; the rest is the `not`.
  struct NegativeSplit {
    var replacement: Replacement
    var baseLength: Int
  }

  /// Bases whose written stem differs from the word: `ca|n't` is `can`, `wo|n't` is `will`.
  static let irregularBases: [([UInt8], Replacement)] = [
    (Array("ca".utf8), .can), (Array("wo".utf8), .will), (Array("sha".utf8), .shall),
    (Array("ai".utf8), .be),
  ]

  /// Apostrophe-less negatives typed in surveys (their `not` is the last two letters, or
  /// `not` itself in `cannot`).
  static let bareNegatives: [StaticString] = [
    "dont", "didnt", "doesnt", "isnt", "wasnt", "arent", "werent", "cant", "couldnt", "wouldnt",
    "shouldnt", "wont", "havent", "hasnt", "hadnt", "aint", "mustnt", "neednt", "shant", "cannot",
  ]

  /// `apostrophe`: whether `text` holds one (only then can it be `n't`).
  static func negativeContraction(_ text: Bytes, apostrophe: Bool) -> NegativeSplit? {
    let n = text.count
    var baseLength: Int
    if apostrophe, n > 3, text[n - 3] == UInt8(ascii: "n"), text[n - 2] == UInt8(ascii: "'"),
      text[n - 1] == UInt8(ascii: "t")
    {
      baseLength = n - 3
    } else if n >= 4, n <= 8, text[n - 1] == UInt8(ascii: "t"),
      text[n - 2] == UInt8(ascii: "n") || n == 6,  // every one ends `nt`, or is `cannot`
      bareNegatives.contains(where: { equal(text, $0) })
    {
      baseLength = text[n - 2] == UInt8(ascii: "n") ? n - 2 : 3
    } else {
      return nil
    }
    let written = Bytes(rebasing: text[..<baseLength])
    if apostrophe, written.contains(UInt8(ascii: "'")) { return nil }
    let irregular = irregularBases.first { $0.0.elementsEqual(written) }?.1
    return NegativeSplit(replacement: irregular ?? .none, baseLength: baseLength)
  }
}
