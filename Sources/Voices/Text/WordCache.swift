/// Per-thread memory of the words a ``TextAnalyzer`` has seen: each distinct word's `String`
/// form and stem, found by its bytes, so a word is folded, stemmed and turned into `String`s
/// once, not once per occurrence, and a comment is analysed without allocating per word.
///
/// Words are numbered in order of first sight (their `Token.wordID`), so callers can keep
/// per-word results in an array indexed by that number; the numbers stay valid until the
/// cache is emptied, which `generation` counts. Keep one cache per thread.
public struct WordCache: Sendable {
  struct Entry: Sendable {
    var text: String
    var stem: String
  }

  /// One token a run of letters and digits reads as, relative to the run: `don't` is two
  /// (`do`, and `not` covering `n't`), `child's` one (`child`, covering all of `child's`).
  struct RunPart: Sendable, Equatable {
    /// The folded bytes the token covers, from the run's start.
    var lo: Int32
    var hi: Int32
    /// Where the token's text ends (for abbreviations' case rules).
    var textHi: Int32
    var word: Int32
    var kind: Token.Kind
    var isNegator: Bool
    var opensClause: Bool
    /// Whether the word (a word or alphanumeric) starts a domain phrase of ``Abbreviations``.
    var startsPhrase: Bool
  }

  private(set) var entries: [Entry] = []
  /// Per word, the number of the ``Abbreviations`` list of domain phrases starting with its
  /// stem (-1: none); beside `entries`, not in them, so reading it copies no strings.
  private(set) var abbreviationLists: [Int32] = []
  /// Per word, its stem's number among the stems of domain phrases (`Abbreviations.stemIDs`),
  /// or -1.
  private(set) var phraseStems: [Int32] = []
  private var words = ByteKeyIndex()
  /// Runs of letters and digits seen, by their folded bytes, with what they read as
  /// (`RunTokens`). A run recurs far more often than it is new, so the tokenizer's
  /// contraction, negation and clause checks and the word lookups are done once per distinct
  /// run, not per occurrence.
  private var runs = RunTable()
  /// The tokens of runs that are not one token from their first byte (`RunTokens.many`).
  private(set) var runParts: [RunPart] = []
  /// Per canonical form of ``Abbreviations`` (`Entry.canonicalNumber`), its word number, or
  /// -1 until a comment first folds a phrase to it.
  private var canonicalWords: [Int32] = []
  /// Scratch for stemming a new word.
  var buffer: [UInt8] = []
  /// Changes each time the cache is emptied (word numbers start again from 0).
  private(set) var generation = 0

  public init() {}

  /// The number of the word with these bytes, if seen.
  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? { words.find(key) }

  /// Adds a word not yet in the cache and returns its number.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ entry: Entry, abbreviationList: Int32 = -1,
                       phraseStem: Int32 = -1) -> Int32 {
    let id = words.insert(key)
    entries.append(entry)
    abbreviationLists.append(abbreviationList)
    phraseStems.append(phraseStem)
    return id
  }

  /// The word number of canonical form `number` of ``Abbreviations``, if a phrase was folded to it.
  @inline(__always)
  func canonicalWord(_ number: Int) -> Int32? {
    number < canonicalWords.count && canonicalWords[number] >= 0 ? canonicalWords[number] : nil
  }

  /// Remembers `word` as the word number of canonical form `number`.
  mutating func setCanonicalWord(_ number: Int, _ word: Int32) {
    if number >= canonicalWords.count { canonicalWords += Array(repeating: -1, count: number + 1 - canonicalWords.count) }
    canonicalWords[number] = word
  }

  /// What a run reads as. Most runs are one token from their first byte: that token is kept
  /// whole in the run's entry (`one`), so finding the run reads nothing else; the others
  /// (`don't`, or an odd run) give where their tokens are in `runParts` (`many`).
  enum RunTokens {
    case one(RunPart)
    case many(Range<Int>)
  }

  /// What the run `b[range]` reads as, if it was seen.
  @inline(__always)
  func findRun(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> RunTokens? {
    runs.find(b, range).map { Self.decode($0, runLength: Int32(range.count)) }
  }

  /// Remembers what the run `b[range]` reads as and returns it.
  mutating func insertRun(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, parts: [RunPart]) -> RunTokens {
    let n = Int32(range.count)
    var value: UInt64
    if parts.count == 1, let part = parts.first, part.lo == 0, (0...255).contains(n - part.hi),
      (0...255).contains(n - part.textHi), let kind = Self.kinds.firstIndex(of: part.kind) {
      // One token: its word, how far before the run's end its span and its text end, its kind
      // and flags; bit 63 clear.
      value = UInt64(UInt32(bitPattern: part.word)) | UInt64(n - part.hi) << 32 | UInt64(n - part.textHi) << 40
        | UInt64(kind) << 48 | (part.isNegator ? 1 << 50 : 0) | (part.opensClause ? 1 << 51 : 0)
        | (part.startsPhrase ? 1 << 52 : 0)
    } else {
      // Where its tokens are in `runParts`, and how many; bit 63 set.
      value = 1 << 63 | UInt64(runParts.count) | UInt64(parts.count) << 32
      runParts.append(contentsOf: parts)
    }
    runs.insert(b, range, value: value)
    return Self.decode(value, runLength: n)
  }

  /// The token kinds a run's one token can have, by their number in a run's value.
  private static let kinds: [Token.Kind] = [.word, .number, .alphanumeric]

  @inline(__always)
  private static func decode(_ value: UInt64, runLength n: Int32) -> RunTokens {
    guard value >> 63 == 0 else {
      let start = Int(truncatingIfNeeded: value & 0xFFFF_FFFF)
      return .many(start..<(start + Int(truncatingIfNeeded: (value >> 32) & 0x7FFF_FFFF)))
    }
    let kind = (value >> 48) & 3  // a number into `kinds`
    return .one(RunPart(lo: 0, hi: n - Int32(truncatingIfNeeded: (value >> 32) & 0xFF),
                        textHi: n - Int32(truncatingIfNeeded: (value >> 40) & 0xFF),
                        word: Int32(bitPattern: UInt32(truncatingIfNeeded: value)),
                        kind: kind == 0 ? .word : kind == 1 ? .number : .alphanumeric,
                        isNegator: value & 1 << 50 != 0, opensClause: value & 1 << 51 != 0,
                        startsPhrase: value & 1 << 52 != 0))
  }

  /// Empties the cache when it holds `limit` words, so varied input cannot grow it forever.
  mutating func bound(_ limit: Int) {
    guard entries.count >= limit || runs.count >= limit else { return }
    entries.removeAll(keepingCapacity: true)
    abbreviationLists.removeAll(keepingCapacity: true)
    phraseStems.removeAll(keepingCapacity: true)
    words.removeAll()
    runs.removeAll()
    runParts.removeAll(keepingCapacity: true)
    canonicalWords.removeAll(keepingCapacity: true)
    generation += 1
  }
}
