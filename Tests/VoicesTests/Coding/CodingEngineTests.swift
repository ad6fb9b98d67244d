import Foundation
import Testing
@testable import Voices

@Suite("Coding engine") struct CodingEngineTests {
  static let defaults: CodingEngine = {
    // The default codebooks compile (asserted in CodebookCSVTests); a failure here is a bug.
    (try? CodingEngine(REFIQDATests.defaultCodebook())) ?? (try! CodingEngine(Codebook(name: "empty", themes: [])))
  }()

  static func themes(_ text: String, _ audience: Theme.Audience = .parentCarers) -> [String] {
    let book = defaults.codebook
    let allowed = Set(book.themes.indices.filter { book.themes[$0].audience == audience })
    return defaults.code(text, themes: allowed).map(\.themeId)
  }

  @Test("complaints about a positive theme's subject do not get the positive theme", arguments: [
    ("Transport has been a nightmare. Three different drivers in a month.", "travel-positive"),
    ("The newsletters are too long and full of jargon.", "communications-positive"),
    ("No help from the locality team.", "locality-teams-positive"),
    ("Locality team? Never heard from them.", "locality-teams-positive"),
    ("The locality team were not helpful at all.", "locality-teams-positive"),
    ("Annual review was a waste of time.", "annual-review-positive"),
    ("The EHCP process was horrendous and the plan is useless.", "ehcp-process-positive"),
    ("Oh yes, the transport works brilliantly, if you enjoy waiting an hour for a taxi.", "travel-positive"),
    ("The transport has been good some days and on others it has been late and the driver rude.", "travel-positive"),
  ])
  func polarity(_ text: String, _ theme: String) {
    #expect(!Self.themes(text).contains(theme))
  }

  @Test("the same subjects praised get the positive theme", arguments: [
    ("Transport has been brilliant, same driver every day.", "travel-positive"),
    ("I always read the newsletter, it's really useful.", "communications-positive"),
    ("Can't praise the locality team enough.", "locality-teams-positive"),
    ("Annual review was really well organised.", "annual-review-positive"),
    ("Taxi to school every day and never once been late.", "travel-positive"),
    // A negative word far along a run-on clause is about something else.
    ("The transport team sorted his route in a week when we moved house, and the driver texts me if they're running late.", "travel-positive"),
  ])
  func praise(_ text: String, _ theme: String) {
    #expect(Self.themes(text).contains(theme))
  }

  @Test("difficulties are found however they are said", arguments: [
    ("We've been waiting 14 months for a SALT assessment.", "waiting-for-assessment-and-therapy"),
    ("ed pysch took forever and speach therapy still hasnt started", "waiting-for-assessment-and-therapy"),
    ("u need a ehcp to get anything", "ehcp-only-route-to-support"),
    ("She has no friends and sits on her own at lunch.", "fitting-in-and-friendships"),
    ("I have told our story to six different people.", "services-not-joined-up"),
    ("My son's anxiety is so bad he can't leave the house.", "anxiety-and-mental-health"),
    ("He turns 18 next year, what happens then? The cliff edge.", "future-and-adult-services"),
    ("I feel completely lost, nobody tells you anything.", "system-hard-to-understand"),
    ("There are no specialist places anywhere near us.", "not-enough-right-provision"),
    ("His TA was taken away and he's on a part time timetable.", "mainstream-support"),
  ])
  func difficulties(_ text: String, _ theme: String) {
    #expect(Self.themes(text).contains(theme))
  }

  @Test("young people's themes are topics, coded whatever the tone")
  func neutral() {
    #expect(Self.themes("I don't think they really listened.", .youngPeople) == ["being-listened-to"])
    #expect(Self.themes("They actually listened to what we said.", .youngPeople) == ["being-listened-to"])
    #expect(Self.themes("Buses are too expensive.", .youngPeople) == ["transport"])
  }

  @Test("evidence gives the offsets, matched text and pattern of every span")
  func evidence() throws {
    let text = "Honestly — the taxi to school has been a lifesaver."
    let assignment = try #require(Self.defaults.code(text).first { $0.themeId == "travel-positive" })
    let scalars = Array(text.unicodeScalars)
    for e in assignment.evidence {
      #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.matchedText)
      #expect(e.patternText.contains("NEAR/8 @good"))
    }
    #expect(Set(assignment.evidence.map(\.matchedText)) == ["taxi", "lifesaver"])
  }

  static func engine(_ patterns: [String], exclusions: [String] = [], polarity: Theme.Polarity = .neutral) throws -> CodingEngine {
    try CodingEngine(Codebook(name: "t", themes: [Theme(id: "t", label: "T", polarity: polarity, patterns: patterns, exclusions: exclusions)],
                              wordLists: [WordList(name: "fast", patterns: ["quick*", "fast", "in no time"])]))
  }

  @Test("NEAR counts the tokens between, BEFORE also the order", arguments: [
    ("assess* NEAR/2 wait*", "the assessment had a long wait", false),
    ("assess* NEAR/3 wait*", "the assessment had a long wait", true),
    ("assess* NEAR/3 wait*", "waiting for the assessment", true),
    ("assess* BEFORE/3 wait*", "waiting for the assessment", false),
    ("assess* NEAR/0 wait*", "assessment waiting", true),
    ("review NEAR/5 @fast", "the review was done in no time", true),
    ("=OT", "the OT came", true),
    ("=OT", "an ot of it", false),
    ("(sen | send) support", "send support helped", true),
    // A common misspelling is read as the word, for stems and exact forms alike.
    ("review", "the annual reveiw", true),
    ("=useful", "it was usefull", true),
    ("=useful", "it was of no use", false),
    ("=organized", "very organised", true),
    // Single letters between dots are one word.
    ("=ehcp", "his E.H.C.P came", true),
  ])
  func operators(_ pattern: String, _ text: String, _ fires: Bool) throws {
    #expect(try !Self.engine([pattern]).code(text).isEmpty == fires)
  }

  @Test("an exclusion stops the theme wherever it matches")
  func exclusions() throws {
    let engine = try Self.engine(["friend*"], exclusions: ["sister NEAR/4 friend*"])
    #expect(engine.code("He has no friends").count == 1)
    #expect(engine.code("His sister won't invite friends round").isEmpty)
  }

  @Test("negators cancel positive matches only before them or right after, in the same clause")
  func negationScope() throws {
    let engine = try Self.engine(["transport NEAR/4 good"], polarity: .positive)
    #expect(engine.code("transport is good").count == 1)
    #expect(engine.code("transport is not good").isEmpty)
    #expect(engine.code("No. The transport is good").count == 1)
    #expect(engine.code("no, the transport is good").isEmpty)  // commas do not end clauses
    #expect(try Self.engine(["transport NEAR/4 good"]).code("transport is not good").count == 1)
  }

  @Test("bad patterns name the row and position")
  func badPattern() {
    #expect {
      try CodingEngine(Codebook(name: "book.csv", themes: [Theme(id: "a", label: "A"), Theme(id: "b", label: "B", patterns: ["ok", "(broken"])]))
    } throws: { error in
      "\(error)" == "book.csv:3: pattern \"(broken\" at character 1: this ( is never closed"
    }
    #expect(throws: CodebookError.unknownWordList(at: SourceLocation(file: "t", row: 2), name: "nope")) {
      try CodingEngine(Codebook(name: "t", themes: [Theme(id: "a", label: "A", patterns: ["@nope"])]))
    }
  }

  @Test("coding on all cores gives the same result as one by one")
  func parallel() throws {
    let sample = try CodedSample.read(contentsOf: TestPaths.packageRoot.appendingPathComponent("surveys/coded-sample/parent-carers.csv"))
    var comments = sample.items.prefix(300).map { CodedComment(responseId: $0.responseId, text: $0.text, audience: .parentCarers) }
    CodingRun.code(&comments, with: Self.defaults)
    let book = Self.defaults.codebook
    let allowed = Set(book.themes.indices.filter { book.themes[$0].audience == .parentCarers })
    for c in comments { #expect(c.assignments == Self.defaults.code(c.text, themes: allowed)) }
  }

  @Test("SmartSurvey's @SQ@ reads as an apostrophe and offsets still point into the text as given")
  func smartSurveyQuotes() throws {
    let text = "We didn@SQ@t wait. The taxi is brilliant, she@SQ@s happy."
    let assignment = try #require(Self.defaults.code(text).first { $0.themeId == "travel-positive" })
    let scalars = Array(text.unicodeScalars)
    for e in assignment.evidence {
      #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.matchedText)
    }
    #expect(assignment.evidence.map(\.matchedText).contains("taxi"))
    var cache = WordCache(), scan = TextAnalyzer.Scan(), tokens: [CodingToken] = []
    CodingText.tokens(of: "don@SQ@t", into: &tokens, scan: &scan, cache: &cache)
    #expect(tokens.map { cache.entries[Int($0.wordID)].stem } == ["do", "not"])
    #expect(tokens.last.map { scan.span(from: $0, to: $0).scalars } == 2..<8)  // "n@SQ@t"
  }

  @Test("a comment with thousands of hits codes like one sentence of it, and leaves nothing behind for the next")
  func manyHits() {
    let engine = Self.defaults
    let sentence = "The taxi is always late, the transport team never answer and the EHCP is still not finalised. "
    var scratch = engine.makeScratch()
    let long = engine.code(String(repeating: sentence, count: 400), mask: nil, scratch: &scratch)
    let once = engine.code(sentence)
    #expect(!once.isEmpty)
    #expect(long.map(\.themeId) == once.map(\.themeId))
    for text in ["Nothing else to say.", "The taxi is brilliant and the driver is lovely.", sentence] {
      #expect(engine.code(text, mask: nil, scratch: &scratch) == engine.code(text))
    }
  }

  @Test("@SQ@ is found anywhere, and only whole", arguments: [
    ("@SQ@", true), ("x@SQ@", true), ("@@SQ@", true), ("a@b @SQ@ c", true), ("it@SQ@s", true),
    ("", false), ("@SQ", false), ("SQ@", false), ("@SQ!@", false), ("me@@ @S Q@ @SQ", false), ("café @ sq", false),
  ])
  func smartSurveyQuoteSearch(text: String, expected: Bool) {
    #expect(CodingText.hasSmartSurveyQuote(text) == expected)
  }
}

@Suite("Negation scope after a match") struct NegationAfterMatchTests {
  @Test("a negator after a positive match does not cancel it; one before does", arguments: [
    ("SEN support has been excellent without needing a plan", true),
    ("the staff were excellent, never late", true),
    ("the staff were not excellent", false),
    ("never excellent", false),
  ])
  func after(_ text: String, _ coded: Bool) throws {
    let engine = try CodingEngineTests.engine(["excellent"], polarity: .positive)
    #expect(!engine.code(text).isEmpty == coded)
  }
}
