import Testing
@testable import Voices

/// The compiled engine (trie walk, hit lists, chains) against a plain reading of the pattern
/// language, on random codebooks and comments: whatever the engine's tables do, a theme is found
/// exactly when the language's definition says it is.
///
/// The reference matcher below follows `Pattern`'s documentation directly: a word matches tokens
/// with the same stem, a prefix matches the token or its stem, an exact word matches the token;
/// a phrase is its parts side by side; `NEAR/n` is both operands with at most n tokens between
/// them, in either order (`BEFORE/n`: the first one first), never overlapping; an exclusion
/// that matches anywhere takes the theme away. Themes are neutral, so no negation rule applies,
/// and the words are plain ones the Text module does not fold into anything else.
@Suite("Coding engine against a reference matcher") struct ReferenceMatcherTests {
  static let vocabulary = [
    "school", "schools", "waiting", "waited", "wait", "help", "helped", "helpful", "team", "teams",
    "friend", "friends", "bus", "buses", "class", "classes", "happy", "garden", "gardens", "club",
    "clubs", "staff", "worry", "worried", "home", "homes", "music", "painting", "painted", "lunch",
  ]
  static let fillers = ["the", "and", "we", "is", "was", "very", "a", "to", "it", "for"]

  @Test("random codebooks find exactly the themes the pattern language defines")
  func differential() throws {
    var rng = SplitMix64(state: 0x5EED_C0DE)
    var checked = 0
    for round in 0..<80 {
      let themes = (0..<Int.random(in: 1...5, using: &rng)).map { k in
        Theme(id: "t\(round)-\(k)", label: "Theme \(k)",
              patterns: (0..<Int.random(in: 1...3, using: &rng)).map { _ in Self.randomPattern(&rng) },
              exclusions: Int.random(in: 0..<4, using: &rng) == 0 ? [Self.randomPhrase(&rng)] : [])
      }
      let book = Codebook(name: "random", themes: themes)
      let engine = try CodingEngine(book)
      let parsed = try themes.map { theme in
        (try theme.patterns.map { try PatternParser.parse($0) }, try theme.exclusions.map { try PatternParser.parse($0) })
      }
      for _ in 0..<40 {
        let words = (0..<Int.random(in: 1...14, using: &rng)).map { _ in
          Int.random(in: 0..<3, using: &rng) == 0 ? Self.fillers.randomElement(using: &rng)! : Self.vocabulary.randomElement(using: &rng)!
        }
        let comment = words.joined(separator: " ")
        let expected = themes.indices.filter { t in
          parsed[t].0.contains { !Self.spans($0, words).isEmpty } && !parsed[t].1.contains { !Self.spans($0, words).isEmpty }
        }.map { themes[$0].id }
        let found = engine.code(comment).map(\.themeId)
        #expect(found == expected, "comment \"\(comment)\" with patterns \(themes.map { $0.patterns + $0.exclusions.map { "NOT " + $0 } })")
        checked += 1
      }
    }
    #expect(checked == 3_200)
  }

  // MARK: The reference

  /// Every stretch `start..<end` of `words` that `pattern` matches.
  static func spans(_ pattern: Pattern, _ words: [String]) -> Set<Span> {
    switch pattern {
    case .term(let term):
      return Set(words.indices.filter { matches(term, words[$0]) }.map { Span(start: $0, end: $0 + 1) })
    case .sequence(let items):
      var ends: Set<Span> = Set((0...words.count).map { Span(start: $0, end: $0) })
      for item in items {
        let here = spans(item, words)
        var next: Set<Span> = []
        for so in ends {
          for s in here where s.start == so.end { next.insert(Span(start: so.start, end: s.end)) }
          if case .optional = item { next.insert(so) }
        }
        ends = next
      }
      return ends.filter { $0.end > $0.start }
    case .alternatives(let options):
      return options.reduce(into: Set<Span>()) { $0.formUnion(spans($1, words)) }
    case .optional(let inner):
      return spans(inner, words)
    case .near(let a, let b, let distance, let ordered):
      var out: Set<Span> = []
      for x in spans(a, words) {
        for y in spans(b, words) {
          let gap = ordered ? y.start - x.end : max(y.start - x.end, x.start - y.end)
          if gap >= 0 && gap <= distance { out.insert(Span(start: min(x.start, y.start), end: max(x.end, y.end))) }
        }
      }
      return out
    case .wordList:
      Issue.record("the random patterns use no word lists")
      return []
    }
  }

  struct Span: Hashable {
    var start: Int
    var end: Int
  }

  static func matches(_ term: Pattern.Term, _ word: String) -> Bool {
    switch term {
    case .word(let w): stem(w) == stem(word)
    case .prefix(let p): word.hasPrefix(p) || stem(word).hasPrefix(p)
    case .exact(let e): word == e
    }
  }

  static func stem(_ word: String) -> String { Porter2Stemmer().stem(word) }

  // MARK: Random patterns

  static func randomTerm(_ rng: inout SplitMix64) -> String {
    let word = vocabulary.randomElement(using: &rng)!
    switch Int.random(in: 0..<6, using: &rng) {
    case 0: return String(word.prefix(Int.random(in: 3...max(3, word.count - 1), using: &rng))) + "*"
    case 1: return "=" + word
    default: return word
    }
  }

  static func randomPhrase(_ rng: inout SplitMix64) -> String {
    var parts: [String] = []
    for _ in 0..<Int.random(in: 1...3, using: &rng) {
      switch Int.random(in: 0..<6, using: &rng) {
      case 0: parts.append("(" + randomTerm(&rng) + " | " + randomTerm(&rng) + ")")
      case 1 where !parts.isEmpty: parts.append("(" + randomTerm(&rng) + ")?")
      default: parts.append(randomTerm(&rng))
      }
    }
    return parts.joined(separator: " ")
  }

  static func randomPattern(_ rng: inout SplitMix64) -> String {
    switch Int.random(in: 0..<5, using: &rng) {
    case 0: return randomPhrase(&rng) + " NEAR/\(Int.random(in: 0...4, using: &rng)) " + randomPhrase(&rng)
    case 1: return randomPhrase(&rng) + " BEFORE/\(Int.random(in: 0...4, using: &rng)) " + randomPhrase(&rng)
    case 2: return randomPhrase(&rng) + " | " + randomPhrase(&rng)
    default: return randomPhrase(&rng)
    }
  }
}

/// The tests' seeded SplitMix64 (StatisticsSuppressionTests.swift), as the standard library's
/// random functions take it.
extension SplitMix64: RandomNumberGenerator {}
