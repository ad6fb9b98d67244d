/// A text's bytes and its tokens, made once per text and shared by every detector.
///
/// Tokens are words (ASCII letters, Latin-1 and Latin Extended letters, and combining accents
/// after a letter, so "Chloë" is one word whether the ë is one scalar or e + U+0308; an
/// apostrophe inside a word joins it unless what follows is a possessive "s", so "Jack's" is
/// `Jack` `'` `s` but "O'Brien" and "don't" are one token), numbers (ASCII digits), and single
/// other characters. A word's hash folds accents to their base letters ("Renée" hashes as
/// "renee"), so the name lists, written in ASCII, find accented spellings.
/// Whitespace is not a token; each token records whether a line break or any space came before.
struct Scan {
  enum Kind: UInt8 { case word, number, other }

  struct Token {
    var start: Int
    var end: Int
    var kind: Kind
    /// FNV-1a of the token's bytes, letters lowercased with accents folded (é as e) and ’
    /// read as '.
    var hash: UInt64
    /// First letter upper case and some lower case after it ("Jack", "McDonald", "Émilie";
    /// not "JACK", "I").
    var isCapitalised: Bool
    /// Whether the word has a letter outside ASCII ("Siobhán").
    var hasAccent: Bool = false
    var spaceBefore: Bool
    var lineBreakBefore: Bool
  }

  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var tokens: [Token] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    tokenise()
  }

  static let fnvOffset: UInt64 = 0xcbf29ce484222325
  static let fnvPrime: UInt64 = 0x100000001b3

  /// The hash `Token.hash` gives a lowercase ASCII word, for building tables.
  static func hash(_ word: String) -> UInt64 {
    var h = fnvOffset
    for byte in word.utf8 { h = (h ^ UInt64(byte.redactLowercased)) &* fnvPrime }
    return h
  }

  /// Length of the UTF-8 letter at `i` (0 if not a letter): ASCII letters, and the two-byte
  /// scalars U+00C0–U+024F except × and ÷.
  @inline(__always) func letterLength(at i: Int) -> Int {
    let b = bytes[i]
    if b.isRedactLetter { return 1 }
    if b >= 0xC3, b <= 0xC9, i + 1 < bytes.count, bytes[i + 1] & 0xC0 == 0x80 {
      if b == 0xC3, bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7 { return 0 }
      return 2
    }
    return 0
  }

  /// Length of a combining accent (U+0300–U+036F) at `i`, else 0.
  @inline(__always) func combiningLength(at i: Int) -> Int {
    guard i + 1 < bytes.count, bytes[i + 1] & 0xC0 == 0x80 else { return 0 }
    if bytes[i] == 0xCC || (bytes[i] == 0xCD && bytes[i + 1] <= 0xAF) { return 2 }
    return 0
  }

  /// The scalar of the two-byte letter at `i` (U+00C0–U+024F).
  @inline(__always) func twoByteScalar(at i: Int) -> UInt32 {
    UInt32(bytes[i] & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
  }

  /// Length of an apostrophe at `i` (' or ’), else 0.
  @inline(__always) func apostropheLength(at i: Int) -> Int {
    if bytes[i] == UInt8(ascii: "'") { return 1 }
    if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 { return 3 }
    return 0
  }

  private mutating func tokenise() {
    let n = bytes.count
    var i = 0, space = false, lineBreak = false
    tokens.reserveCapacity(n / 4)
    while i < n {
      let b = bytes[i]
      if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
        space = true
        if b == 0x0A || b == 0x0D { lineBreak = true }
        i += 1
        continue
      }
      if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {  // no-break space
        space = true; i += 2; continue
      }
      let start = i
      var h = Scan.fnvOffset
      var kind = Kind.other
      var accent = false, firstUpper = false, laterLower = false
      if letterLength(at: i) > 0 {
        kind = .word
        while i < n {
          let length = letterLength(at: i)
          if length == 1 {
            h = (h ^ UInt64(bytes[i].redactLowercased)) &* Scan.fnvPrime
            if i == start { firstUpper = bytes[i].isRedactUpper } else if bytes[i].isRedactLower { laterLower = true }
            i += 1
            continue
          }
          if length == 2 {
            let folded = Scan.fold(twoByteScalar(at: i))
            for byte in folded.base.utf8 { h = (h ^ UInt64(byte)) &* Scan.fnvPrime }
            if i == start { firstUpper = folded.upper } else if !folded.upper { laterLower = true }
            accent = true
            i += 2
            continue
          }
          let mark = combiningLength(at: i)
          if mark > 0 {
            accent = true
            i += mark
            continue
          }
          let apostrophe = apostropheLength(at: i)
          guard apostrophe > 0, i + apostrophe < n, letterLength(at: i + apostrophe) > 0 else { break }
          let after = i + apostrophe
          let possessive = (bytes[after] | 0x20) == UInt8(ascii: "s")
            && (after + 1 >= n || letterLength(at: after + 1) == 0)
          if possessive { break }
          h = (h ^ UInt64(UInt8(ascii: "'"))) &* Scan.fnvPrime
          i = after
        }
      } else if b.isRedactDigit {
        kind = .number
        while i < n, bytes[i].isRedactDigit { h = (h ^ UInt64(bytes[i])) &* Scan.fnvPrime; i += 1 }
      } else {
        let apostrophe = apostropheLength(at: i)
        if apostrophe > 0 {
          h = (h ^ UInt64(UInt8(ascii: "'"))) &* Scan.fnvPrime
          i += apostrophe
        } else {
          // one whole scalar
          repeat { h = (h ^ UInt64(bytes[i])) &* Scan.fnvPrime; i += 1 } while i < n && bytes[i] & 0xC0 == 0x80
        }
      }
      let capitalised = kind == .word && firstUpper && laterLower
      tokens.append(Token(start: start, end: i, kind: kind, hash: h, isCapitalised: capitalised, hasAccent: accent,
                          spaceBefore: space, lineBreakBefore: lineBreak))
      space = false
      lineBreak = false
    }
  }

  /// True when the bytes between two findings are only spaces or one hyphen (no line break).
  func onlyJoiners(from start: Int, to end: Int) -> Bool {
    guard start <= end, end - start <= 3 else { return false }
    for i in start..<end where bytes[i] != 0x20 && bytes[i] != UInt8(ascii: "-") { return false }
    return true
  }

  /// Whether token `i` begins a sentence: first in the text or line, or after . ! ? (with
  /// opening quotes or brackets allowed between).
  func startsSentence(_ i: Int) -> Bool {
    var j = i
    while j > 0 {
      if tokens[j].lineBreakBefore { return true }
      let previous = tokens[j - 1]
      guard previous.kind == .other else { return false }
      let b = bytes[previous.start]
      if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") { return true }
      let opener = b == UInt8(ascii: "\"") || b == UInt8(ascii: "(") || b == UInt8(ascii: "[")
        || b == UInt8(ascii: "'") || b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == 0xE2
      guard opener else { return false }
      j -= 1
    }
    return true
  }

  /// Whether token `i` is an apostrophe, straight or curly (’).
  @inline(__always) func isApostrophe(_ i: Int) -> Bool {
    i >= 0 && i < tokens.count && tokens[i].kind == .other && tokens[i].hash == Scan.apostropheHash
  }

  static let apostropheHash = (fnvOffset ^ UInt64(UInt8(ascii: "'"))) &* fnvPrime

  /// The byte at `i`, or 0 outside the text.
  @inline(__always) func byte(_ i: Int) -> UInt8 { i >= 0 && i < bytes.count ? bytes[i] : 0 }

  /// Whether token `i` is the single ASCII character `c`.
  @inline(__always) func isChar(_ i: Int, _ c: Unicode.Scalar) -> Bool {
    i >= 0 && i < tokens.count && tokens[i].kind == .other && tokens[i].end - tokens[i].start == 1
      && bytes[tokens[i].start] == UInt8(ascii: c)
  }
}

extension UInt8 {
  @inline(__always) var isRedactDigit: Bool { self &- 0x30 < 10 }
  @inline(__always) var isRedactUpper: Bool { self &- 0x41 < 26 }
  @inline(__always) var isRedactLower: Bool { self &- 0x61 < 26 }
  @inline(__always) var isRedactLetter: Bool { (self | 0x20) &- 0x61 < 26 }
  @inline(__always) var isRedactAlphanumeric: Bool { isRedactLetter || isRedactDigit }
  @inline(__always) var redactLowercased: UInt8 { isRedactUpper ? self | 0x20 : self }
}
