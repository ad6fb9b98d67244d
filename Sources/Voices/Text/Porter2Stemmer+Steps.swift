/// Steps 1a to 5 of the English Snowball stemmer, each acting on the end of the word.
///
/// Each step finds the LONGEST of its suffixes that the word ends with and then applies that
/// suffix's condition; when the condition fails no shorter suffix is tried (that is how
/// Snowball's `among` works). The suffix tables are therefore ordered so that a suffix comes
/// before any shorter suffix that it ends with.
extension Word {
  /// What a suffix rule does once its region condition holds.
  enum Action {
    case replace(StaticString)
    case delete
    /// Step 2 `ogi`: becomes `og` when preceded by `l`.
    case ogiAfterL
    /// Step 2 `li`: deleted when preceded by one of `cdeghkmnrt`.
    case validLI
    /// Step 3 `ative`: deleted when also in R2.
    case deleteInR2
    /// Step 4 `ion`: deleted when preceded by `s` or `t`.
    case ionAfterST
  }

  static let step2Rules: [(StaticString, Action)] = [
    ("ization", .replace("ize")), ("ational", .replace("ate")), ("fulness", .replace("ful")),
    ("ousness", .replace("ous")), ("iveness", .replace("ive")), ("tional", .replace("tion")),
    ("biliti", .replace("ble")), ("lessli", .replace("less")), ("entli", .replace("ent")),
    ("ation", .replace("ate")), ("alism", .replace("al")), ("aliti", .replace("al")),
    ("ousli", .replace("ous")), ("iviti", .replace("ive")), ("fulli", .replace("ful")),
    ("ogist", .replace("og")), ("enci", .replace("ence")), ("anci", .replace("ance")),
    ("abli", .replace("able")), ("izer", .replace("ize")), ("ator", .replace("ate")),
    ("alli", .replace("al")), ("bli", .replace("ble")), ("ogi", .ogiAfterL), ("li", .validLI),
  ]

  static let step3Rules: [(StaticString, Action)] = [
    ("ational", .replace("ate")), ("tional", .replace("tion")), ("alize", .replace("al")),
    ("icate", .replace("ic")), ("iciti", .replace("ic")), ("ative", .deleteInR2),
    ("ical", .replace("ic")), ("ness", .delete), ("ful", .delete),
  ]

  static let step4Rules: [(StaticString, Action)] = [
    ("ement", .delete), ("ance", .delete), ("ence", .delete), ("able", .delete),
    ("ible", .delete), ("ment", .delete), ("ant", .delete), ("ent", .delete), ("ism", .delete),
    ("ate", .delete), ("iti", .delete), ("ous", .delete), ("ive", .delete), ("ize", .delete),
    ("ion", .ionAfterST), ("al", .delete), ("er", .delete), ("ic", .delete),
  ]

  /// Step 0 and 1a: possessive apostrophes, then plurals (`sses`, `ied`/`ies`, `s`).
  mutating func step1a() {
    if ends("'s'") {
      b.removeLast(3)
    } else if ends("'s") {
      b.removeLast(2)
    } else if ends("'") {
      b.removeLast(1)
    }
    if ends("sses") {
      b.removeLast(2)
    } else if ends("ied") || ends("ies") {
      // `i` when more than one letter precedes, else `ie`: ties → tie, cries → cri.
      replaceSuffix(3, with: b.count - 3 >= 2 ? "i" : "ie")
    } else if ends("ss") || ends("us") {
      return
    } else if ends("s") {
      // Delete when a vowel occurs before the letter preceding the `s` (gas, this stay).
      if b.count >= 2, hasVowel(before: b.count - 2) { b.removeLast(1) }
    }
  }

  /// Step 1b: `eed`/`eedly` in R1 → `ee`; `ed`, `edly`, `ing`, `ingly` after a vowel are
  /// deleted and the stem tidied (`at`/`bl`/`iz` + e, undouble, short word + e).
  mutating func step1b() {
    let n = b.count
    var suffix = 0
    if ends("eedly") {
      step1bEED(5)
      return
    } else if ends("ingly") {
      suffix = 5
    } else if ends("edly") {
      suffix = 4
    } else if ends("eed") {
      step1bEED(3)
      return
    } else if ends("ing") {
      let s = n - 3
      if s >= 1, b[s - 1] == UInt8(ascii: "y") {
        // dying → die, lying → lie, tying → tie, vying → vie.
        if s == 2, !Self.isVowel(b[0]) {
          replaceSuffix(4, with: "ie")
          return
        }
      } else if stemIs(s, "inn") || stemIs(s, "out") || stemIs(s, "cann") || stemIs(s, "herr")
        || stemIs(s, "earr") || stemIs(s, "even")
      {
        return
      }
      suffix = 3
    } else if ends("ed") {
      suffix = 2
    } else {
      return
    }
    guard hasVowel(before: n - suffix) else { return }
    b.removeLast(suffix)
    if ends("at") || ends("bl") || ends("iz") {
      b.append(UInt8(ascii: "e"))
      return
    }
    let m = b.count
    if m >= 2, b[m - 1] == b[m - 2], Self.isUndoublable(b[m - 1]) {
      // Keep the double in a three-letter word starting a/e/o: add, egg, off.
      let keep = m == 3 && (b[0] == UInt8(ascii: "a") || b[0] == UInt8(ascii: "e")
                            || b[0] == UInt8(ascii: "o"))
      if !keep { b.removeLast(1) }
      return
    }
    if m == p1, shortSyllable(endingAt: m) { b.append(UInt8(ascii: "e")) }
  }

  private mutating func step1bEED(_ suffix: Int) {
    let s = b.count - suffix
    guard s >= p1 else { return }
    if stemIs(s, "proc") || stemIs(s, "exc") || stemIs(s, "succ") { return }
    replaceSuffix(suffix, with: "ee")
  }

  /// Whether the first `s` bytes are exactly `word`.
  @inline(__always) func stemIs(_ s: Int, _ word: StaticString) -> Bool {
    s == word.utf8CodeUnitCount && starts(word)
  }

  @inline(__always) static func isUndoublable(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "b"), UInt8(ascii: "d"), UInt8(ascii: "f"), UInt8(ascii: "g"),
      UInt8(ascii: "m"), UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "r"),
      UInt8(ascii: "t"):
      return true
    default: return false
    }
  }

  /// Step 1c: a final `y` after a non-vowel that is not the first letter becomes `i`.
  mutating func step1c() {
    let n = b.count
    guard n >= 3, b[n - 1] == UInt8(ascii: "y") || b[n - 1] == UInt8(ascii: "Y"),
      !Self.isVowel(b[n - 2])
    else { return }
    b[n - 1] = UInt8(ascii: "i")
  }

  mutating func step2() { applyRules(Self.step2Rules, region: p1) }
  mutating func step3() { applyRules(Self.step3Rules, region: p1) }
  mutating func step4() { applyRules(Self.step4Rules, region: p2) }

  /// Applies the longest matching rule of `rules` when its suffix starts at or after `region`.
  private mutating func applyRules(_ rules: [(StaticString, Action)], region: Int) {
    for (suffix, action) in rules where ends(suffix) {
      let k = suffix.utf8CodeUnitCount
      let s = b.count - k
      guard s >= region else { return }
      switch action {
      case .replace(let r): replaceSuffix(k, with: r)
      case .delete: b.removeLast(k)
      case .ogiAfterL:
        if s >= 1, b[s - 1] == UInt8(ascii: "l") { b.removeLast(1) }
      case .validLI:
        if s >= 1, Self.isValidLI(b[s - 1]) { b.removeLast(2) }
      case .deleteInR2:
        if s >= p2 { b.removeLast(k) }
      case .ionAfterST:
        if s >= 1, b[s - 1] == UInt8(ascii: "s") || b[s - 1] == UInt8(ascii: "t") {
          b.removeLast(k)
        }
      }
      return
    }
  }

  @inline(__always) static func isValidLI(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"), UInt8(ascii: "g"),
      UInt8(ascii: "h"), UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "n"),
      UInt8(ascii: "r"), UInt8(ascii: "t"):
      return true
    default: return false
    }
  }

  /// Step 5: a final `e` in R2, or in R1 when not after a short syllable, is deleted; a final
  /// `ll` in R2 loses one `l`.
  mutating func step5() {
    let n = b.count
    guard n >= 1 else { return }
    let s = n - 1
    if b[s] == UInt8(ascii: "e") {
      if s >= p2 || (s >= p1 && !shortSyllable(endingAt: s)) { b.removeLast(1) }
    } else if b[s] == UInt8(ascii: "l") {
      if s >= p2, s >= 1, b[s - 1] == UInt8(ascii: "l") { b.removeLast(1) }
    }
  }
}
