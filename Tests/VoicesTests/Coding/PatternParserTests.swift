import Testing
@testable import Voices

@Suite("Pattern parser") struct PatternParserTests {
  @Test("reads each form of the language", arguments: [
    ("wait", Pattern.term(.word("wait"))),
    ("wait*", .term(.prefix("wait"))),
    ("=OT", .term(.exact("OT"))),
    ("@good", .wordList("good")),
    ("waiting list", .sequence([.term(.word("waiting")), .term(.word("list"))])),
    ("\"near and far\"", .sequence([.term(.word("near")), .term(.word("and")), .term(.word("far"))])),
    ("salt | speech therapy", .alternatives([.term(.word("salt")), .sequence([.term(.word("speech")), .term(.word("therapy"))])])),
    ("assess* NEAR/5 wait*", .near(.term(.prefix("assess")), .term(.prefix("wait")), distance: 5, ordered: false)),
    ("no BEFORE/2 @ehcp", .near(.term(.word("no")), .wordList("ehcp"), distance: 2, ordered: true)),
    ("(sen | send) support", .sequence([.alternatives([.term(.word("sen")), .term(.word("send"))]), .term(.word("support"))])),
    ("(i | we) (still)? understand", .sequence([.alternatives([.term(.word("i")), .term(.word("we"))]),
                                                 .optional(.term(.word("still"))), .term(.word("understand"))])),
    ("really? low", .sequence([.optional(.term(.word("really"))), .term(.word("low"))])),
  ])
  func forms(_ text: String, _ expected: Pattern) throws {
    #expect(try PatternParser.parse(text) == expected)
  }

  @Test("NEAR chains left to right and binds tighter than |")
  func precedence() throws {
    let p = try PatternParser.parse("a NEAR/1 b near/2 c | d")
    #expect(p == .alternatives([
      .near(.near(.term(.word("a")), .term(.word("b")), distance: 1, ordered: false), .term(.word("c")), distance: 2, ordered: false),
      .term(.word("d")),
    ]))
  }

  @Test("the canonical text reads back to the same tree", arguments: [
    "assess* NEAR/5 (wait* | delay*)", "(no | not) BEFORE/3 @ehcp", "=ot | speech and language", "\"a | b\" c",
    "(have | had)? no idea NEAR/3 (how | what) (to)?",
  ])
  func canonical(_ text: String) throws {
    let tree = try PatternParser.parse(text)
    #expect(try PatternParser.parse(tree.description) == tree)
  }

  @Test("mistakes are reported with where they are", arguments: [
    ("(salt | slt", 0, "never closed"),
    ("salt)", 4, ")"),
    ("* wait", 0, "*"),
    ("w*", 0, "at least 2"),
    ("a NEAR/x b", 2, "number"),
    ("(a NEAR/2 b) c", 3, "cannot be inside"),
    ("\"open", 0, "quote"),
    ("", 0, "expected a word"),
    ("a | ", 4, "expected a word"),
    ("? wait", 0, "must follow"),
    ("(still)?", 0, "optional"),
    ("\"a b\"? c", 5, "quoted phrase"),
  ])
  func errors(_ text: String, _ offset: Int, _ fragment: String) {
    #expect {
      try PatternParser.parse(text)
    } throws: { error in
      guard let failure = error as? PatternParser.Failure else { return false }
      return failure.offset == offset && failure.reason.contains(fragment)
    }
  }

  @Test("an optional group matches with and without it; before, its ? was read as nothing and the group was required")
  func optionalGroups() throws {
    let book = Codebook(name: "t", themes: [
      Theme(id: "lost", label: "Lost", polarity: .difficulty, patterns: ["(i | we) (still)? (don't | do not) understand"]),
      Theme(id: "low", label: "Low", polarity: .neutral, patterns: ["feel really? low"]),
    ])
    let engine = try CodingEngine(book)
    #expect(engine.code("I don't understand the forms").map(\.themeId) == ["lost"])
    #expect(engine.code("we still do not understand it").map(\.themeId) == ["lost"])
    #expect(engine.code("I don't still understand").isEmpty)
    #expect(engine.code("I feel low").map(\.themeId) == ["low"])
    #expect(engine.code("I feel really low").map(\.themeId) == ["low"])
  }
}
