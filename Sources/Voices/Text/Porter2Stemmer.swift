/// The English Snowball stemmer ("Porter2"), as defined by the Snowball project's current
/// `english.sbl` (2025: with the `past`, `univers`, `later`, `emerg`, `organ` and `inter` R1
/// prefixes, the `-ogist` rule, the `-ing` exceptions `inning`/`outing`/`canning`/`herring`/
/// `earring`/`evening`, and `dying`/`lying`/`tying`/`vying` → `-ie`).
///
/// Implemented from the published definition (snowballstem.org, `algorithms/english.sbl`), not
/// from generated code. The reference vocabulary `snowball-data/english/voc.txt` →
/// `output.txt` is reproduced line for line by the tests.
///
/// The stemmer works on lowercase ASCII letters and apostrophes in a caller-owned byte buffer,
/// so stemming a word allocates nothing once the buffer has grown: callers that stem many
/// words keep one `[UInt8]` and call ``stem(_:)-(inout [UInt8])`` on it.
///
/// Bytes outside `a`–`z` and `'` are treated as non-vowels; words containing them are still
/// stemmed safely but the result has no linguistic meaning (the tokenizer only sends ASCII
/// letter words here).
public struct Porter2Stemmer: Sendable, Equatable {
  public init() {}

  /// Stems the word held in `word`, in place.
  ///
  /// - Parameter word: Lowercase ASCII bytes of one word; replaced by its stem.
  /// - Complexity: O(n) in the word's length; no allocation when `word` has spare capacity
  ///   for one more byte than its length.
  public func stem(_ word: inout [UInt8]) {
    if Self.applyException(&word) { return }
    guard word.count >= 3 else { return }
    var w = Word()
    swap(&w.b, &word)  // work in the caller's storage, no copy
    w.run()
    swap(&w.b, &word)
  }

  /// Stems one word given as a `String` (convenience for tests and tools; the hot path uses
  /// the byte form).
  public func stem(_ word: String) -> String {
    var bytes = Array(word.utf8)
    stem(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whole-word exceptions (`exception1` in the definition): a few irregular forms, and words
  /// that look inflected but are not.
  static func applyException(_ word: inout [UInt8]) -> Bool {
    let n = word.count
    guard n >= 3, n <= 6 else { return false }
    func replace(_ s: StaticString) {
      word.removeAll(keepingCapacity: true)
      s.withUTF8Buffer { word.append(contentsOf: $0) }
    }
    func equals(_ s: StaticString) -> Bool {
      guard s.utf8CodeUnitCount == n else { return false }
      return s.withUTF8Buffer { p in
        for i in 0..<n where p[i] != word[i] { return false }
        return true
      }
    }
    switch word[0] {
    case UInt8(ascii: "s"):
      if equals("skis") { replace("ski"); return true }
      if equals("skies") { replace("sky"); return true }
      if equals("singly") { replace("singl"); return true }
      if equals("sky") { return true }
    case UInt8(ascii: "i"):
      if equals("idly") { replace("idl"); return true }
    case UInt8(ascii: "g"):
      if equals("gently") { replace("gentl"); return true }
    case UInt8(ascii: "u"):
      if equals("ugly") { replace("ugli"); return true }
    case UInt8(ascii: "e"):
      if equals("early") { replace("earli"); return true }
    case UInt8(ascii: "o"):
      if equals("only") { replace("onli"); return true }
    case UInt8(ascii: "n"):
      if equals("news") { return true }
    case UInt8(ascii: "h"):
      if equals("howe") { return true }
    case UInt8(ascii: "a"):
      if equals("atlas") || equals("andes") { return true }
    case UInt8(ascii: "c"):
      if equals("cosmos") { return true }
    case UInt8(ascii: "b"):
      if equals("bias") { return true }
    default:
      break
    }
    return false
  }
}

/// The word being stemmed with its two regions; `Y` marks a consonant `y` while stemming.
struct Word {
  var b: [UInt8]
  var p1 = 0
  var p2 = 0
  var yFound = false

  init() { b = [] }  // storage is swapped in by the caller

  @inline(__always) var n: Int { b.count }

  @inline(__always) static func isVowel(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"),
      UInt8(ascii: "u"), UInt8(ascii: "y"):
      return true
    default: return false
    }
  }

  /// A non-vowel other than `w`, `x` and `Y`.
  @inline(__always) static func isNonVowelWXY(_ c: UInt8) -> Bool {
    !isVowel(c) && c != UInt8(ascii: "w") && c != UInt8(ascii: "x") && c != UInt8(ascii: "Y")
  }

  @inline(__always) func ends(_ s: StaticString) -> Bool {
    let k = s.utf8CodeUnitCount
    let n = b.count
    guard k <= n else { return false }
    return s.withUTF8Buffer { p in
      var i = k - 1
      var j = n - 1
      while i >= 0 {
        if p[i] != b[j] { return false }
        i -= 1
        j -= 1
      }
      return true
    }
  }

  /// True when the word starts with `s`.
  @inline(__always) func starts(_ s: StaticString) -> Bool {
    let k = s.utf8CodeUnitCount
    guard k <= b.count else { return false }
    return s.withUTF8Buffer { p in
      for i in 0..<k where p[i] != b[i] { return false }
      return true
    }
  }

  @inline(__always) mutating func replaceSuffix(_ k: Int, with s: StaticString) {
    b.removeLast(k)
    s.withUTF8Buffer { b.append(contentsOf: $0) }
  }

  mutating func run() {
    prelude()
    markRegions()
    step1a()
    step1b()
    step1c()
    step2()
    step3()
    step4()
    step5()
    if yFound {
      for i in 0..<b.count where b[i] == UInt8(ascii: "Y") { b[i] = UInt8(ascii: "y") }
    }
  }

  mutating func prelude() {
    if b[0] == UInt8(ascii: "'") { b.removeFirst() }
    guard !b.isEmpty else { return }
    if b[0] == UInt8(ascii: "y") {
      b[0] = UInt8(ascii: "Y")
      yFound = true
    }
    var i = 1
    while i < b.count {
      if b[i] == UInt8(ascii: "y"), Self.isVowel(b[i - 1]) {
        b[i] = UInt8(ascii: "Y")
        yFound = true
      }
      i += 1
    }
  }

  /// Index just past the first non-vowel that follows a vowel, searching from `from`.
  func pastVowelThenNonVowel(from: Int) -> Int? {
    var i = from
    while i < b.count, !Self.isVowel(b[i]) { i += 1 }
    guard i < b.count else { return nil }
    i += 1
    while i < b.count, Self.isVowel(b[i]) { i += 1 }
    guard i < b.count else { return nil }
    return i + 1
  }

  /// Prefixes after which R1 starts, whatever follows (`gener|al`, `univers|ity`).
  static let r1Prefixes: [StaticString] = ["gener", "commun", "arsen", "past", "univers",
                                           "later", "emerg", "organ", "inter"]

  mutating func markRegions() {
    p1 = b.count
    p2 = b.count
    var start: Int?
    for prefix in Self.r1Prefixes where starts(prefix) {
      start = prefix.utf8CodeUnitCount
      break
    }
    if start == nil { start = pastVowelThenNonVowel(from: 0) }
    guard let r1 = start else { return }
    p1 = r1
    if let r2 = pastVowelThenNonVowel(from: r1) { p2 = r2 }
  }

  /// Whether the word up to `end` ends in a short syllable.
  func shortSyllable(endingAt end: Int) -> Bool {
    if end >= 3, Self.isNonVowelWXY(b[end - 1]), Self.isVowel(b[end - 2]),
      !Self.isVowel(b[end - 3])
    {
      return true
    }
    if end == 2, !Self.isVowel(b[1]), Self.isVowel(b[0]) { return true }
    if end >= 4, b[end - 4] == UInt8(ascii: "p"), b[end - 3] == UInt8(ascii: "a"),
      b[end - 2] == UInt8(ascii: "s"), b[end - 1] == UInt8(ascii: "t")
    {
      return true
    }
    return false
  }

  func hasVowel(before end: Int) -> Bool {
    var i = 0
    while i < end {
      if Self.isVowel(b[i]) { return true }
      i += 1
    }
    return false
  }
}
