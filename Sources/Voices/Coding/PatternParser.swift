/// Reads one pattern of the codebook's pattern language into a `Pattern` tree.
///
/// See `Pattern` for the language. Errors give the character offset so `voices codebook check`
/// can point at the mistake in the spreadsheet cell.
struct PatternParser {
  /// Why a pattern could not be read, and where (0-based character offset).
  struct Failure: Error, Equatable {
    var offset: Int
    var reason: String
  }

  private let chars: [Character]
  private var i = 0

  /// Parses `text`.
  ///
  /// - Throws: `Failure` with the offset and reason.
  static func parse(_ text: String) throws(Failure) -> Pattern {
    var parser = PatternParser(chars: Array(text))
    let pattern = try parser.parseAlternatives(inGroup: false)
    parser.skipSpace()
    if parser.i < parser.chars.count {
      throw Failure(offset: parser.i, reason: parser.chars[parser.i] == ")" ? "a ) with no ( before it" : "unexpected \"\(parser.chars[parser.i])\"")
    }
    return pattern
  }

  static func isSpecial(_ c: Character) -> Bool {
    c == "(" || c == ")" || c == "|" || c == "\"" || c == "*" || c == "@" || c == "=" || c == ";" || c == "?"
  }

  private init(chars: [Character]) { self.chars = chars }

  /// `Character.isWhitespace`, answered without a Unicode property lookup for ASCII (nearly
  /// every character of a pattern; the lookups were a fifth of compiling a codebook).
  static func isSpace(_ c: Character) -> Bool {
    if let a = c.asciiValue { return a == 32 || (9...13).contains(a) }
    return c.isWhitespace
  }

  private mutating func skipSpace() {
    while i < chars.count, Self.isSpace(chars[i]) { i += 1 }
  }

  private mutating func parseAlternatives(inGroup: Bool) throws(Failure) -> Pattern {
    var options = [try parseNear(inGroup: inGroup)]
    skipSpace()
    while i < chars.count, chars[i] == "|" {
      i += 1
      options.append(try parseNear(inGroup: inGroup))
      skipSpace()
    }
    return options.count == 1 ? options[0] : .alternatives(options)
  }

  private mutating func parseNear(inGroup: Bool) throws(Failure) -> Pattern {
    var left = try parseSequence()
    while true {
      skipSpace()
      let start = i
      guard let (ordered, distance) = try parseNearOperator() else { return left }
      if inGroup { throw Failure(offset: start, reason: "NEAR and BEFORE cannot be inside ( ); put the group on one side of NEAR") }
      let right = try parseSequence()
      left = .near(left, right, distance: distance, ordered: ordered)
    }
  }

  /// Reads `NEAR/n` or `BEFORE/n` (any case) if it comes next.
  private mutating func parseNearOperator() throws(Failure) -> (Bool, Int)? {
    // Asked before every word: most start with neither n nor b, and need nothing more.
    guard i < chars.count, let first = chars[i].asciiValue.map({ $0 | 0x20 }),
          first == UInt8(ascii: "n") || first == UInt8(ascii: "b") else { return nil }
    for (keyword, ordered) in [("near/", false), ("before/", true)] {
      let n = keyword.count
      guard i + n <= chars.count, String(chars[i..<(i + n)]).lowercased() == keyword else { continue }
      let start = i
      var j = i + n
      var digits = ""
      while j < chars.count, let d = chars[j].wholeNumberValue, chars[j].isASCII { digits.append(String(d)); j += 1 }
      guard let distance = Int(digits), distance <= 50 else {
        throw Failure(offset: start, reason: "\(keyword.uppercased())n needs a number of tokens from 0 to 50, like \(keyword.uppercased())5")
      }
      i = j
      return (ordered, distance)
    }
    return nil
  }

  private mutating func parseSequence() throws(Failure) -> Pattern {
    skipSpace()
    let start = i
    var items: [Pattern] = []
    while true {
      skipSpace()
      guard i < chars.count else { break }
      let c = chars[i]
      if c == "|" || c == ")" { break }
      let save = i
      if try parseNearOperator() != nil { i = save; break }
      var item = try parseItem()
      // `?` right after a group or a word makes it optional.
      if i < chars.count, chars[i] == "?" {
        guard item.count == 1 else { throw Failure(offset: i, reason: "? can follow a ( ) group or one word, not a quoted phrase; put the phrase in ( )") }
        i += 1
        item = [.optional(item[0])]
      }
      items.append(contentsOf: item)
    }
    guard !items.isEmpty else {
      throw Failure(offset: i, reason: i < chars.count ? "expected a word before \"\(chars[i])\"" : "expected a word")
    }
    if items.allSatisfy({ if case .optional = $0 { true } else { false } }) {
      throw Failure(offset: start, reason: "every part of this phrase is optional; at least one word must be required")
    }
    return items.count == 1 ? items[0] : .sequence(items)
  }

  private mutating func parseItem() throws(Failure) -> [Pattern] {
    let c = chars[i]
    switch c {
    case "(":
      let open = i
      i += 1
      let inner = try parseAlternatives(inGroup: true)
      skipSpace()
      guard i < chars.count, chars[i] == ")" else { throw Failure(offset: open, reason: "this ( is never closed") }
      i += 1
      return [inner]
    case "\"":
      let open = i
      i += 1
      var words: [Pattern] = []
      var word = ""
      while i < chars.count, chars[i] != "\"" {
        if Self.isSpace(chars[i]) {
          if !word.isEmpty { words.append(.term(.word(word))); word = "" }
        } else { word.append(chars[i]) }
        i += 1
      }
      guard i < chars.count else { throw Failure(offset: open, reason: "this quote is never closed") }
      i += 1
      if !word.isEmpty { words.append(.term(.word(word))) }
      guard !words.isEmpty else { throw Failure(offset: open, reason: "empty quotes") }
      return words
    case "@":
      i += 1
      let name = readWord()
      guard !name.isEmpty, Theme.isValidID(name) else { throw Failure(offset: i - name.count - 1, reason: "@ must be followed by a word list name") }
      return [.wordList(name)]
    case "=":
      i += 1
      let word = readWord()
      guard !word.isEmpty else { throw Failure(offset: i - 1, reason: "= must be followed by a word") }
      return [.term(.exact(word))]
    case "*":
      throw Failure(offset: i, reason: "* must follow the start of a word (wait*), it cannot stand alone or lead")
    case ";":
      throw Failure(offset: i, reason: "; separates patterns in a cell; it cannot be inside one")
    case "?":
      throw Failure(offset: i, reason: "? must follow a ( ) group or a word, to make it optional")
    default:
      let start = i
      let word = readWord()
      guard !word.isEmpty else { throw Failure(offset: start, reason: "unexpected \"\(c)\"") }
      if i < chars.count, chars[i] == "*" {
        i += 1
        guard word.count >= 2 else { throw Failure(offset: start, reason: "a wildcard needs at least 2 letters before * (\(word)* would match too much)") }
        return [.term(.prefix(word))]
      }
      return [.term(.word(word))]
    }
  }

  private mutating func readWord() -> String {
    var word = ""
    while i < chars.count, !Self.isSpace(chars[i]), !Self.isSpecial(chars[i]) {
      word.append(chars[i])
      i += 1
    }
    return word
  }
}
