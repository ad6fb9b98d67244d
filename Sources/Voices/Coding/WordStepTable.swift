/// What each word does in the trie walk, by the word's number in the `WordCache`: one
/// 64-byte record per word, on a cache line of its own: a `Header` (the word's bits, its lists'
/// lengths and where the lists are) and, when they fit (nearly always), the lists themselves.
///
/// Every token of every comment reads its word's record, then the next word's. As a
/// 40-byte struct with its lists in a shared arena elsewhere, a word cost the walk two or
/// three cache lines, most of them missing the cache for all but the commonest words.
///
/// Not thread-safe: like the scratch that owns it, it is used by one thread at a time.
final class WordStepTable: @unchecked Sendable {
  /// The first 32 bytes of a record.
  struct Header {
    /// Bit `term % 64` of each of the word's term ids.
    var termBits: UInt64
    /// The union of the child-term bits of the nodes the word's phrases go on from.
    var onwardBits: UInt64
    var termCount: Int32
    var acceptCount: Int32
    var onwardCount: Int32
    /// Where the lists are: `inline` (after the header), an offset in `spill`, or `notLooked`
    /// when the record is not filled in yet.
    var listsAt: Int32
  }

  /// A record: the header, then room for `inlineSlots` list entries (terms, then accepted
  /// groups, then onward nodes, one after the other).
  static let recordBytes = 64
  static let inlineSlots = (recordBytes - MemoryLayout<Header>.stride) / MemoryLayout<Int32>.stride
  static let inline: Int32 = -1
  static let notLooked = Int32.min

  /// The records, `capacity` of them, 64-byte aligned; the first `count` are initialised.
  private(set) var records: UnsafeMutableRawPointer
  private var capacity = 1024
  private(set) var count = 0
  /// Lists too long for their record, `spill[..<spillCount]`.
  private(set) var spill: UnsafeMutablePointer<Int32>
  private var spillCapacity = 1024
  private var spillCount = 0

  init() {
    precondition(MemoryLayout<Header>.stride == 32, "a record's header is half its cache line")
    records = Self.allocate(capacity)
    spill = .allocate(capacity: spillCapacity)
  }

  deinit {
    records.deallocate()
    spill.deallocate()
  }

  private static func allocate(_ count: Int) -> UnsafeMutableRawPointer {
    UnsafeMutableRawPointer.allocate(byteCount: count * recordBytes, alignment: 64)
  }

  @inline(__always) private static func header(_ word: Int, in records: UnsafeMutableRawPointer) -> UnsafeMutablePointer<Header> {
    (records + word * recordBytes).assumingMemoryBound(to: Header.self)
  }

  /// Forgets every record (word numbers start again: the word cache was emptied).
  func removeAll() {
    count = 0
    spillCount = 0
  }

  /// Whether word `word` has a record filled in.
  @inline(__always) func isLooked(_ word: Int) -> Bool {
    word < count && Self.header(word, in: records).pointee.listsAt != Self.notLooked
  }

  /// Fills in the record of `word` (making room for it first).
  func set(_ word: Int, termBits: UInt64, onwardBits: UInt64, terms: [Int32], accepts: [Int32], onward: [Int32]) {
    if word >= capacity {
      var larger = capacity
      while larger <= word { larger *= 2 }
      let moved = Self.allocate(larger)
      moved.copyMemory(from: records, byteCount: count * Self.recordBytes)
      records.deallocate()
      records = moved
      capacity = larger
    }
    while count <= word {
      (records + count * Self.recordBytes).initializeMemory(
        as: Header.self, repeating: Header(termBits: 0, onwardBits: 0, termCount: 0, acceptCount: 0, onwardCount: 0, listsAt: Self.notLooked),
        count: 1)
      count += 1
    }
    let header = Self.header(word, in: records)
    let lists = terms + accepts + onward
    let target: UnsafeMutablePointer<Int32>
    let listsAt: Int32
    if lists.count <= Self.inlineSlots {
      listsAt = Self.inline
      target = UnsafeMutableRawPointer(header + 1).bindMemory(to: Int32.self, capacity: Self.inlineSlots)
    } else {
      if spillCount + lists.count > spillCapacity {
        while spillCount + lists.count > spillCapacity { spillCapacity *= 2 }
        let moved = UnsafeMutablePointer<Int32>.allocate(capacity: spillCapacity)
        moved.update(from: spill, count: spillCount)
        spill.deallocate()
        spill = moved
      }
      listsAt = Int32(spillCount)
      target = spill + spillCount
      spillCount += lists.count
    }
    header.pointee = Header(termBits: termBits, onwardBits: onwardBits, termCount: Int32(terms.count),
                            acceptCount: Int32(accepts.count), onwardCount: Int32(onward.count), listsAt: listsAt)
    for (k, id) in lists.enumerated() { target[k] = id }
  }

  /// One word's record, read in place.
  struct Record {
    let header: UnsafeMutablePointer<Header>
    let lists: UnsafeMutablePointer<Int32>

    /// Word `word`'s record in `records`, with lists spilled to `spill` (a table's `records`
    /// and `spill`, held by the caller for the length of a walk).
    @inline(__always) init(_ word: Int32, in records: UnsafeMutableRawPointer, spill: UnsafeMutablePointer<Int32>) {
      header = WordStepTable.header(Int(word), in: records)
      let at = header.pointee.listsAt
      lists = at < 0 ? Self.inlineLists(header) : spill + Int(at)
    }

    /// The list entries that follow a header in its record.
    @inline(__always) static func inlineLists(_ header: UnsafeMutablePointer<Header>) -> UnsafeMutablePointer<Int32> {
      UnsafeMutableRawPointer(header + 1).assumingMemoryBound(to: Int32.self)
    }

    @inline(__always) var termBits: UInt64 { header.pointee.termBits }
    @inline(__always) var onwardBits: UInt64 { header.pointee.onwardBits }
    @inline(__always) var termCount: Int { Int(header.pointee.termCount) }
    @inline(__always) var acceptCount: Int { Int(header.pointee.acceptCount) }
    @inline(__always) var onwardCount: Int { Int(header.pointee.onwardCount) }
    /// The word's term ids, the groups a phrase of the word alone completes (in the order the
    /// walk finds them), and the nodes below the root it leads to that have children.
    @inline(__always) var terms: UnsafeMutablePointer<Int32> { lists }
    @inline(__always) var accepts: UnsafeMutablePointer<Int32> { lists + termCount }
    @inline(__always) var onward: UnsafeMutablePointer<Int32> { lists + termCount + acceptCount }
  }
}
