import Testing
@testable import Voices

@Suite("Text analyzer") struct TextAnalyzerTests {
  let analyzer = TextAnalyzer()

  @Test("stems, numbers and alphanumerics",
        arguments: [
          ("18 months", ["18", "month"]),
          ("waiting waited waits", ["wait", "wait", "wait"]),
          ("Waited 2.5 years, 1,000 days!", ["wait", "2.5", "year", "1,000", "day"]),
          ("My son in Y11 (KS4)", ["my", "son", "in", "y11", "ks4"]),
          ("The café’s staff", ["the", "cafe", "staff"]),
          ("well-being and/or support", ["well", "be", "and", "or", "support"]),
          ("A&E was OK", ["a", "and", "e", "was", "ok"]),
        ])
  func stems(_ text: String, _ expected: [String]) {
    #expect(analyzer.analyze(text).stems == expected)
  }

  @Test("negative contractions split into a base and a negator `not`",
        arguments: [
          ("don't", ["do", "not"], ["do", "n't"]),
          ("Don’t", ["do", "not"], ["Do", "n’t"]),
          ("can't", ["can", "not"], ["ca", "n't"]),
          ("won’t", ["will", "not"], ["wo", "n’t"]),
          ("cannot", ["can", "not"], ["can", "not"]),
          ("dont", ["do", "not"], ["do", "nt"]),
          ("isn't", ["is", "not"], ["is", "n't"]),
        ])
  func contractions(_ text: String, _ texts: [String], _ surfaces: [String]) {
    let result = analyzer.analyze(text)
    #expect(result.tokens.map(\.text) == texts)
    #expect(result.tokens.map { String(result.surface(of: $0)) } == surfaces)
    #expect(result.tokens.map(\.isNegator) == [false, true])
  }

  @Test("negator words are flagged",
        arguments: ["no", "not", "never", "nothing", "nobody", "none", "without", "nor"])
  func negators(_ word: String) {
    #expect(analyzer.analyze("there was \(word) help").tokens.map(\.isNegator)
              == [false, false, true, false])
  }

  @Test("clauses end at sentence punctuation, ; and :, line breaks and before `but`")
  func clauses() {
    let result = analyzer.analyze(
      "Staff don't listen, but the SENCO helps. Waited ages; no reply\nThanks")
    #expect(result.tokens.map(\.clause) == [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3, 3, 4])
    #expect(result.tokens.map(\.sentence) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2])
    #expect(result.stems == ["staff", "do", "not", "listen", "but", "the", "SENCO", "help",
                             "wait", "age", "no", "repli", "thank"])
  }

  @Test("single letters between dots are one word, read without the dots, inside one sentence")
  func initialisms() {
    let result = analyzer.analyze("Our E.H.C.P is late and the O.T. never came, e.g. in May. Plan A.Then Year 6.I")
    #expect(result.stems == ["our", "EHCP", "is", "late", "and", "the", "OT", "never", "came", "eg", "in", "may",
                             "plan", "a", "then", "year", "6", "i"])
    #expect(result.tokens.map { String(result.surface(of: $0)) }.prefix(7) == ["Our", "E.H.C.P", "is", "late", "and", "the", "O.T"])
    // The dots inside E.H.C.P, O.T and e.g do not end a sentence; the ones after them do.
    #expect(result.tokens.map(\.sentence) == [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 4, 5])
    #expect(analyzer.analyze("an E.H.C plan").stems == ["an", "EHCP"])
  }

  @Test("possessives and clitics keep the word, spans keep the apostrophe")
  func possessives() {
    let result = analyzer.analyze("my child's needs, parents' views, they're tired")
    #expect(result.tokens.map(\.text) == ["my", "child", "needs", "parents", "views", "they",
                                          "tired"])
    #expect(result.tokens.map { String(result.surface(of: $0)) }
              == ["my", "child's", "needs", "parents'", "views", "they", "tired"])
  }

  @Test("every span slices the original back to the token's surface, whatever the script",
        arguments: [
          "Waiting 18 months 😡😡 for an EHCP… ridiculous",
          "Мой сын ждал 2 года. 我们等了很久！ then SALT came",
          "cafe\u{301} and nai\u{308}ve, « quotes » — dash’s end",
          "👨‍👩‍👧 family: don’t forget SENDIASS 👍🏽 ok",
          "ﬁne ＡＢＣ ½ x² ß straße",
          "",
          "   \n\n  ",
          "e\u{301}\u{301}\u{301}",
          "Education, Health and Care Plan (EHC plan) review",
        ])
  func spansRoundTrip(_ text: String) {
    let result = analyzer.analyze(text)
    let scalars = Array(text.unicodeScalars)
    for token in result.tokens {
      let surface = result.surface(of: token)
      #expect(!surface.isEmpty)
      // The scalar span and the UTF-8 span cover the same characters.
      let byScalars = String(String.UnicodeScalarView(scalars[token.span.scalars]))
      #expect(byScalars == String(surface))
      // Folding the surface on its own gives back the token (words without contractions).
      if token.kind != .abbreviation, !token.isNegator, !surface.contains("'"),
        !surface.contains("’")
      {
        #expect(TextNormalizer().normalize(String(surface)).string == token.text)
      }
    }
  }

  @Test("non-Latin words are kept unstemmed, emoji make no tokens")
  func scripts() {
    let result = analyzer.analyze("Мой сын 😡 我们 waited")
    #expect(result.tokens.map(\.text) == ["мой", "сын", "我们", "waited"])
    #expect(result.stems == ["мой", "сын", "我们", "wait"])
  }

  @Test("decomposed accents are inside the span of their letter")
  func combiningMarks() throws {
    let text = "cafe\u{301} ok"
    let result = analyzer.analyze(text)
    let first = try #require(result.tokens.first)
    #expect(first.text == "cafe")
    #expect(first.span.scalars == 0..<5)
    #expect(result.surface(of: first) == "cafe\u{301}")
  }

  @Test("the analyzer is shareable across threads and gives the same answer")
  func concurrent() async {
    let analyzer = self.analyzer
    let text = "We waited 18 months for the EHC plan but the SENCo didn't reply."
    let expected = analyzer.analyze(text)
    await withTaskGroup(of: AnalyzedText.self) { group in
      for _ in 0..<8 { group.addTask { analyzer.analyze(text) } }
      for await result in group { #expect(result == expected) }
    }
  }

  @Test("a cache reused from comment to comment (runs remembered whole) gives the tokens of a fresh one")
  func reusedCache() {
    let texts = [
      "But the EPs don't listen; however, our EP can't come & the parents' group won't wait.",
      "eps but they're DONT cant CANNOT. The SALT/SLT report: 18 months, 2.5 years",
      "BUT the EHC plan is late... but it's the parents' fault? no - Dont know; the Ed Psych said so",
      "THE COUNCIL NEVER LISTENS TO EPS AND THE EHC PLAN IS LATE",
      "café naïve Zoë doesn't can't won’t the EPs & EPs but eps",
    ]
    var shared = WordCache()
    for _ in 0..<2 {
      for text in texts {
        let reused = analyzer.analyze(text, cache: &shared)
        let fresh = analyzer.analyze(text)
        #expect(reused.tokens.map(\.text) == fresh.tokens.map(\.text), "\(text)")
        #expect(reused.tokens.map(\.stem) == fresh.tokens.map(\.stem), "\(text)")
        #expect(reused.tokens.map(\.span) == fresh.tokens.map(\.span), "\(text)")
        #expect(reused.tokens.map(\.clause) == fresh.tokens.map(\.clause), "\(text)")
        #expect(reused.tokens.map(\.isNegator) == fresh.tokens.map(\.isNegator), "\(text)")
        #expect(reused.tokens.map(\.kind) == fresh.tokens.map(\.kind), "\(text)")
      }
    }
    // The tokens agree with the tokenizer's pieces, which apply its rules to every word.
    let text = texts[0]
    let normalized = TextNormalizer().normalize(text)
    let pieces = Tokenizer().pieces(of: normalized)
    let tokens = analyzer.analyze(text, cache: &shared).tokens
    #expect(tokens.count == pieces.count, "EP and EPs become the canonical EP one for one; no phrase here merges")
    #expect(tokens.filter(\.isNegator).count == pieces.filter(\.isNegator).count)
    #expect(tokens.last?.clause == pieces.last?.clause)
  }
}
