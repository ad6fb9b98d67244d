/// What each word does in the trie walk, by the word's number in the `WordCache`: one
/// 64-byte record per word, on a cache line of its own, holding the word's bits, its lists'
/// lengths and, when they fit (nearly always), the lists themselves.
///
/// A record holds, as `Int32`s:
/// - 0-1: the word's term bits (bit `term % 64` of each of its term ids); 2-3: the onward
///   bits (the union of the child-term bits of the nodes its phrases go on from);
/// - 4, 5, 6: how many terms, accepted groups and onward nodes it has;
/// - 7: where its lists are: -1 in the record, from slot 8 on (room for 8), else their
///   offset in `spill`; `notLooked` when the record is not filled in yet;
/// - 8-15: the lists, one after the other: terms, then accepted groups, then onward nodes.
///
/// Every token of every comment reads its word's record, then the next word's. As a
/// 40-byte struct with its lists in a shared arena elsewhere, a word cost the walk two or
/// three cache lines, most of them missing the cache for all but the commonest words.
///
/// Not thread-safe: like the scratch that owns it, it is used by one thread at a time.
final class WordStepTable: @unchecked Sendable {
  static let recordSize = 16
  static let inlineSlots = 8
  static let notLooked = Int32.min

  /// The records, `capacity` of them, 64-byte aligned; the first `count` are initialised.
  private(set) var records: UnsafeMutablePointer<Int32>
  private var capacity = 1024
  private(set) var count = 0
  /// Lists too long for their record, `spill[..<spillCount]`.
  private(set) var spill: UnsafeMutablePointer<Int32>
  private var spillCapacity = 1024
  private var spillCount = 0

  init() {
    records = Self.allocate(capacity * Self.recordSize)
    spill = .allocate(capacity: spillCapacity)
  }

  deinit {
    records.deallocate()
    spill.deallocate()
  }

  private static func allocate(_ ints: Int) -> UnsafeMutablePointer<Int32> {
    UnsafeMutableRawPointer.allocate(byteCount: ints * 4, alignment: 64).bindMemory(to: Int32.self, capacity: ints)
  }

  /// Forgets every record (word numbers start again: the word cache was emptied).
  func removeAll() {
    count = 0
    spillCount = 0
  }

  /// Whether word `word` has a record filled in.
  @inline(__always) func isLooked(_ word: Int) -> Bool {
    word < count && records[word * Self.recordSize + 7] != Self.notLooked
  }

  /// Fills in the record of `word` (making room for it first).
  func set(_ word: Int, termBits: UInt64, onwardBits: UInt64, terms: [Int32], accepts: [Int32], onward: [Int32]) {
    if word >= capacity {
      var larger = capacity
      while larger <= word { larger *= 2 }
      let moved = Self.allocate(larger * Self.recordSize)
      moved.update(from: records, count: count * Self.recordSize)
      records.deallocate()
      records = moved
      capacity = larger
    }
    while count <= word {
      records[count * Self.recordSize + 7] = Self.notLooked
      count += 1
    }
    let r = records + word * Self.recordSize
    UnsafeMutableRawPointer(r).storeBytes(of: termBits, as: UInt64.self)
    UnsafeMutableRawPointer(r).storeBytes(of: onwardBits, toByteOffset: 8, as: UInt64.self)
    r[4] = Int32(terms.count)
    r[5] = Int32(accepts.count)
    r[6] = Int32(onward.count)
    let lists = terms + accepts + onward
    let target: UnsafeMutablePointer<Int32>
    if lists.count <= Self.inlineSlots {
      r[7] = -1
      target = r + 8
    } else {
      if spillCount + lists.count > spillCapacity {
        while spillCount + lists.count > spillCapacity { spillCapacity *= 2 }
        let moved = UnsafeMutablePointer<Int32>.allocate(capacity: spillCapacity)
        moved.update(from: spill, count: spillCount)
        spill.deallocate()
        spill = moved
      }
      r[7] = Int32(spillCount)
      target = spill + spillCount
      spillCount += lists.count
    }
    for (k, id) in lists.enumerated() { target[k] = id }
  }

  /// One word's record, read in place.
  struct Record {
    let base: UnsafeMutablePointer<Int32>
    let lists: UnsafeMutablePointer<Int32>

    /// Word `word`'s record in `records`, with lists spilled to `spill` (a table's `records`
    /// and `spill`, held by the caller for the length of a walk).
    @inline(__always) init(_ word: Int32, in records: UnsafeMutablePointer<Int32>, spill: UnsafeMutablePointer<Int32>) {
      base = records + Int(word) * WordStepTable.recordSize
      let at = base[7]
      lists = at < 0 ? base + 8 : spill + Int(at)
    }

    @inline(__always) var termBits: UInt64 { UnsafeRawPointer(base).load(as: UInt64.self) }
    @inline(__always) var onwardBits: UInt64 { UnsafeRawPointer(base).load(fromByteOffset: 8, as: UInt64.self) }
    @inline(__always) var termCount: Int { Int(base[4]) }
    @inline(__always) var acceptCount: Int { Int(base[5]) }
    @inline(__always) var onwardCount: Int { Int(base[6]) }
    /// The word's term ids, the groups a phrase of the word alone completes (in the order the
    /// walk finds them), and the nodes below the root it leads to that have children.
    @inline(__always) var terms: UnsafeMutablePointer<Int32> { lists }
    @inline(__always) var accepts: UnsafeMutablePointer<Int32> { lists + termCount }
    @inline(__always) var onward: UnsafeMutablePointer<Int32> { lists + termCount + acceptCount }
  }
}
