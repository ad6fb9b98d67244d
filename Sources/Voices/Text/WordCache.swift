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
  struct RunPart: Sendable {
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
  private var words = ByteKeyIndex()
  /// Runs of letters and digits seen, by their folded bytes, with where their tokens are in
  /// `runParts`. A run recurs far more often than it is new, so the tokenizer's contraction,
  /// negation and clause checks and the word lookups are done once per distinct run, not per
  /// occurrence.
  private var runs = RunTable()
  private(set) var runParts: [RunPart] = []
  /// Scratch for stemming a new word.
  var buffer: [UInt8] = []
  /// Changes each time the cache is emptied (word numbers start again from 0).
  private(set) var generation = 0

  public init() {}

  /// The number of the word with these bytes, if seen.
  func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? { words.find(key) }

  /// Adds a word not yet in the cache and returns its number.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>, _ entry: Entry, abbreviationList: Int32 = -1) -> Int32 {
    let id = words.insert(key)
    entries.append(entry)
    abbreviationLists.append(abbreviationList)
    return id
  }

  /// Where the tokens of the run `b[range]` are in `runParts`, if the run was seen.
  @inline(__always)
  func findRun(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>? { runs.find(b, range) }

  /// Remembers the tokens of the run `b[range]` and returns where they are in `runParts`.
  mutating func insertRun(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, parts: some Collection<RunPart>) -> Range<Int> {
    let start = runParts.count
    runParts.append(contentsOf: parts)
    runs.insert(b, range, parts: start..<runParts.count)
    return start..<runParts.count
  }

  /// Empties the cache when it holds `limit` words, so varied input cannot grow it forever.
  mutating func bound(_ limit: Int) {
    guard entries.count >= limit || runs.count >= limit else { return }
    entries.removeAll(keepingCapacity: true)
    abbreviationLists.removeAll(keepingCapacity: true)
    words.removeAll()
    runs.removeAll()
    runParts.removeAll(keepingCapacity: true)
    generation += 1
  }
}
