/// One comment's trie walk and hits, in raw buffers owned by one `CodingEngine.Scratch`.
///
/// Also the comment's candidate chains, per-theme states and surviving matches, which the
/// matcher writes as often.
///
/// Every token of every comment writes here several times. Held as Swift arrays in the
/// scratch, each of those writes paid a uniqueness check (a call into the runtime), about a
/// tenth of the cost of coding a comment; these buffers are written directly. The live-state
/// and per-group buffers are sized once from the engine (the live states at one token are
/// distinct trie nodes, so there are never more than the trie has); only the hit list grows.
///
/// Not thread-safe: like its scratch, it is used by one thread at a time.
final class MatchHits: @unchecked Sendable {
  struct Hit {
    var start: Int32
    var end: Int32
    /// The group's next hit (-1: last).
    var next: Int32
  }

  /// Where a theme stands in the comment being matched.
  enum ThemeState: UInt8 {
    case untouched = 0
    /// A way of one of its chains survived.
    case matched
    /// One of its exclusions matched: nothing of it survives, whichever came first.
    case excluded
  }

  /// A stretch of tokens, `start..<end` (the engine's `Span` too).
  typealias Span = (start: Int32, end: Int32)

  /// The chain search's current hit per group slot, and the ways it found (a span per group
  /// slot each), sized for the engine's widest chain.
  let cursor: UnsafeMutablePointer<Int32>
  let ways: UnsafeMutablePointer<Span>

  /// Live trie states at the current token and at the next one.
  let states: UnsafeMutablePointer<Int32>
  let next: UnsafeMutablePointer<Int32>
  /// Per group, its first and last hit (-1: none); hits of a group form a list in the order found.
  let head: UnsafeMutablePointer<Int32>
  private let tail: UnsafeMutablePointer<Int32>
  /// The groups hit in this comment, `touched[..<touchedCount]`.
  private let touched: UnsafeMutablePointer<Int32>
  private var touchedCount = 0
  /// Per group, 1 when chains are looked at from it (`CodingEngine.keyChains`), else 0; the
  /// groups hit with chains to look at, `keys[..<keyCount]`, so the matcher need not test
  /// every group hit (most have none).
  private let isKey: UnsafeMutablePointer<UInt8>
  private let keys: UnsafeMutablePointer<Int32>
  private var keyCount = 0
  private var hits: UnsafeMutablePointer<Hit>
  private var count = 0
  private var capacity = 256
  /// The chains that may match (`CodingEngine.candidateChains`), `candidates[..<candidateCount]`:
  /// each chain at most once, so sized for every chain.
  private let candidateList: UnsafeMutablePointer<Int32>
  private let candidateCapacity: Int
  private var candidateCount = 0
  /// Per theme, its state; the themes no longer untouched, `themesMarked[..<themesMarkedCount]`,
  /// to set back.
  private let themeState: UnsafeMutablePointer<ThemeState>
  private let themesMarked: UnsafeMutablePointer<Int32>
  private var themesMarkedCount = 0
  /// The ways chains matched that survived (`CodingEngine.match` leaves them sorted), each
  /// with its spans in `spanList`.
  private var foundList: UnsafeMutablePointer<CodingEngine.Found>
  private var foundCount = 0
  private var foundCapacity = 16
  private var spanList: UnsafeMutablePointer<Span>
  private var spanCount = 0
  private var spanCapacity = 64

  init(nodes: Int, groups: Int, keyGroups: [Bool], chainWidth: Int, maxWays: Int, chains: Int, themes: Int) {
    let nodes = max(1, nodes), groups = max(1, groups), chainWidth = max(1, chainWidth)
    cursor = .allocate(capacity: chainWidth)
    ways = .allocate(capacity: chainWidth * maxWays)
    states = .allocate(capacity: nodes)
    next = .allocate(capacity: nodes)
    head = .allocate(capacity: groups)
    head.initialize(repeating: -1, count: groups)
    tail = .allocate(capacity: groups)
    tail.initialize(repeating: -1, count: groups)
    touched = .allocate(capacity: groups)
    isKey = .allocate(capacity: groups)
    isKey.initialize(repeating: 0, count: groups)
    for (g, key) in keyGroups.enumerated() where key { isKey[g] = 1 }
    keys = .allocate(capacity: groups + 1)  // `add` writes one past the keys hit
    hits = .allocate(capacity: capacity)
    candidateCapacity = max(1, chains)
    candidateList = .allocate(capacity: candidateCapacity)
    themeState = .allocate(capacity: max(1, themes))
    themeState.initialize(repeating: .untouched, count: max(1, themes))
    themesMarked = .allocate(capacity: max(1, themes))
    foundList = .allocate(capacity: foundCapacity)
    spanList = .allocate(capacity: spanCapacity)
  }

  deinit {
    cursor.deallocate()
    ways.deallocate()
    states.deallocate()
    next.deallocate()
    head.deallocate()
    tail.deallocate()
    touched.deallocate()
    isKey.deallocate()
    keys.deallocate()
    hits.deallocate()
    candidateList.deallocate()
    themeState.deallocate()
    themesMarked.deallocate()
    foundList.deallocate()
    spanList.deallocate()
  }

  /// The groups hit since the last `reset` that chains are looked at from, in the order first hit.
  var touchedKeys: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: keys, count: keyCount) }

  @inline(__always) subscript(hit: Int32) -> Hit { hits[Int(hit)] }

  /// Records a hit of group `g` over tokens `start..<end`.
  @inline(__always) func add(group g: Int32, start: Int32, end: Int32) {
    if count == capacity { grow() }
    let h = Int32(count)
    hits[count] = Hit(start: start, end: end, next: -1)
    count += 1
    let last = tail[Int(g)]
    if last < 0 {
      head[Int(g)] = h
      touched[touchedCount] = g
      touchedCount += 1
      keys[keyCount] = g
      keyCount += Int(isKey[Int(g)])
    } else {
      hits[Int(last)].next = h
    }
    tail[Int(g)] = h
  }

  /// The chains added by `addCandidate` since the last `reset`.
  var candidates: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: candidateList, count: candidateCount) }

  @inline(__always) func addCandidate(_ chain: Int32) {
    precondition(candidateCount < candidateCapacity, "a chain was added twice")
    candidateList[candidateCount] = chain
    candidateCount += 1
  }

  /// Theme `t`'s state in this comment.
  @inline(__always) func state(ofTheme t: Int32) -> ThemeState { themeState[Int(t)] }

  @inline(__always) func setState(ofTheme t: Int32, to state: ThemeState) {
    if themeState[Int(t)] == .untouched {
      themesMarked[themesMarkedCount] = t
      themesMarkedCount += 1
    }
    themeState[Int(t)] = state
  }

  /// The surviving matches, in the order `keepFound` left them.
  var found: UnsafeMutableBufferPointer<CodingEngine.Found> { UnsafeMutableBufferPointer(start: foundList, count: foundCount) }

  /// The spans of match `f` (one per group slot of its chain).
  func spans(of f: CodingEngine.Found) -> UnsafeBufferPointer<Span> {
    UnsafeBufferPointer(start: spanList + f.spans.lowerBound, count: f.spans.count)
  }

  /// Adds a match of `chain` (rule `rule`, theme `theme`) whose spans are `ways[range]`.
  func addFound(theme: Int32, chain: Int32, rule: Int32, ways range: Range<Int>) {
    if spanCount + range.count > spanCapacity { (spanList, spanCapacity) = Self.grown(spanList, spanCount, spanCount + range.count) }
    if foundCount == foundCapacity { (foundList, foundCapacity) = Self.grown(foundList, foundCount, foundCount + 1) }
    let start = spanCount
    for k in range {
      spanList[spanCount] = ways[k]
      spanCount += 1
    }
    foundList[foundCount] = CodingEngine.Found(theme: theme, chain: chain, rule: rule, spans: start..<spanCount)
    foundCount += 1
  }

  /// Keeps the first `count` matches (after the matcher has moved the ones to keep there).
  func keepFound(_ count: Int) { foundCount = count }

  /// A buffer of at least `needed` (at least double), holding the first `count` of `old`, which is freed.
  private static func grown<T>(_ old: UnsafeMutablePointer<T>, _ count: Int, _ needed: Int) -> (UnsafeMutablePointer<T>, Int) {
    let capacity = max(needed, 2 * count, 16)
    let larger = UnsafeMutablePointer<T>.allocate(capacity: capacity)
    larger.moveInitialize(from: old, count: count)
    old.deallocate()
    return (larger, capacity)
  }

  /// Forgets every hit, candidate, theme state and match, clearing only what was set.
  func reset() {
    #if VOICES_INVARIANTS
    checkInvariants()
    #endif
    for k in 0..<touchedCount {
      head[Int(touched[k])] = -1
      tail[Int(touched[k])] = -1
    }
    touchedCount = 0
    keyCount = 0
    count = 0
    candidateCount = 0
    for k in 0..<themesMarkedCount { themeState[Int(themesMarked[k])] = .untouched }
    themesMarkedCount = 0
    foundCount = 0
    spanCount = 0
  }

  #if VOICES_INVARIANTS
  /// What the buffers promise between resets, checked in builds with `-DVOICES_INVARIANTS`
  /// (`swift test -Xswiftc -DVOICES_INVARIANTS`): every touched group's list ends at its tail,
  /// untouched groups have no hits, each candidate chain appears once, and every theme not
  /// marked is untouched.
  func checkInvariants() {
    var touchedSet = Set<Int32>()
    for k in 0..<touchedCount {
      let g = touched[k]
      precondition(touchedSet.insert(g).inserted, "group \(g) touched twice")
      var h = head[Int(g)], last: Int32 = -1
      while h >= 0 {
        precondition(Int(h) < count, "hit \(h) past the list's end")
        last = h
        h = hits[Int(h)].next
      }
      precondition(last == tail[Int(g)], "group \(g)'s tail is not its last hit")
    }
    precondition(Set((0..<candidateCount).map { candidateList[$0] }).count == candidateCount, "a chain is a candidate twice")
    let marked = Set((0..<themesMarkedCount).map { themesMarked[$0] })
    precondition(marked.allSatisfy { themeState[Int($0)] != .untouched }, "a marked theme is untouched")
  }
  #endif

  private func grow() {
    (hits, capacity) = Self.grown(hits, count, count + 1)
  }
}
