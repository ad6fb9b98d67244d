/// Folds British and American spellings of a word, and its common misspellings, to one form
/// before stemming.
///
/// The common form is the AMERICAN spelling, because the Porter2 stemmer knows the suffixes
/// `-ize`, `-izer`, `-ization` but not `-ise`: `organisation`, `organise`, `organised`,
/// `organization` then all stem to `organiz`. Stems are internal keys; reports quote the
/// original text, so comments still read in British English.
///
/// Two mechanisms, checked in order:
/// 1. A table of word pairs (roots with their inflections generated): `-our`/`-or`
///    (`behaviour`), `-re`/`-er` (`centre`), `-ae-`/`-oe-` (`paediatric`), doubled `l`
///    (`travelling`), single/double `l` (`enrol`, `fulfil`), `-ence`/`-ense` (`defence`),
///    `programme`, `judgement`, `ageing`, `practise`, and a few more (`whilst` → `while`);
///    and common misspellings of the words the codebooks use (`reveiw`, `assesment`, `freind`).
/// 2. The `-ise` rule: a word ending in consonant + `is` + one of `e es ed ing er ers able
///    ation ations` takes `z` for the `s` when the part up to `is` has at least five letters,
///    the consonant is not `w`, and the root is not one of the words that are always `-ise`
///    (`advise`, `exercise`, `promise`, `surprise`, `supervise`, `televise`, ...).
struct SpellingVariants: Sendable, Equatable {
  /// British (or variant) form → common form, for every generated inflection.
  let table: [[UInt8]: [UInt8]]

  static let standard = SpellingVariants()

  init() {
    var t: [[UInt8]: [UInt8]] = [:]
    func add(_ from: String, _ to: String) {
      if from != to { t[Array(from.utf8)] = Array(to.utf8) }
    }
    for pair in Self.plainRoots {
      let (from, to) = Self.split(pair)
      for ending in Self.plainEndings { add(from + ending, to + ending) }
    }
    for pair in Self.reRoots {
      let (from, to) = Self.split(pair)  // centr, cent: centre → center
      for (f, a) in [("re", "er"), ("res", "ers"), ("red", "ered"), ("ring", "ering")] {
        add(from + f, to + a)
      }
    }
    for root in Self.doubledL {
      for (f, a) in [("led", "ed"), ("ling", "ing"), ("ler", "er"), ("lers", "ers"),
                     ("lor", "or"), ("lors", "or"), ("lous", "ous"), ("lously", "ously")]
      {
        add(root + f, root + a)
      }
    }
    for pair in Self.wholeWords + Self.misspellings {
      let (from, to) = Self.split(pair)
      add(from, to)
    }
    table = t
  }

  private static func split(_ pair: String) -> (String, String) {
    let parts = pair.split(separator: "/", omittingEmptySubsequences: false)
    return (String(parts[0]), String(parts.count > 1 ? parts[1] : parts[0]))
  }

  /// Folds `word` (lowercase ASCII) in place; leaves it alone when no rule applies.
  func fold(_ word: inout [UInt8]) {
    if let common = table[word] {
      word.removeAll(keepingCapacity: true)
      word.append(contentsOf: common)
      return
    }
    applyIseRule(&word)
  }

  /// Convenience for tests.
  func fold(_ word: String) -> String {
    var bytes = Array(word.utf8)
    fold(&bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  private func applyIseRule(_ word: inout [UInt8]) {
    let n = word.count
    guard n >= 6 else { return }
    for ending in Self.iseEndings where n - ending.count >= 5 {
      let rootEnd = n - ending.count  // the root is word[..<rootEnd], ending in "is"
      guard word[rootEnd - 1] == UInt8(ascii: "s"), word[rootEnd - 2] == UInt8(ascii: "i"),
        Tokenizer.ends(word, with: ending)
      else { continue }
      let before = word[rootEnd - 3]
      guard before >= UInt8(ascii: "a"), before <= UInt8(ascii: "z"), !Word.isVowel(before),
        before != UInt8(ascii: "w")
      else { return }
      if Self.alwaysIse.contains(Array(word[..<rootEnd])) { return }
      word[rootEnd - 1] = UInt8(ascii: "z")
      return
    }
  }

  /// Longest first, so `ations` is tried before `s`-less `ation`.
  static let iseEndings: [[UInt8]] = ["ations", "ation", "able", "ing", "ers", "es", "ed",
                                      "er", "e"].map { Array($0.utf8) }
}
