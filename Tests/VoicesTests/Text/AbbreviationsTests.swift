import Testing
@testable import Voices

@Suite("Abbreviations") struct AbbreviationsTests {
  let analyzer = TextAnalyzer()

  @Test("written forms fold to one canonical token whose span covers the phrase",
        arguments: [
          ("EHCP", "EHCP"), ("ehcp", "EHCP"), ("EHCPs", "EHCP"), ("EHC plan", "EHCP"),
          ("EHC Plan", "EHCP"), ("education health and care plan", "EHCP"),
          ("Education, Health and Care Plan", "EHCP"), ("education, health & care plans", "EHCP"),
          ("SALT", "SALT"), ("SLT", "SALT"), ("speech and language therapy", "SALT"),
          ("Speech & Language Therapists", "SALT"), ("speech therapy", "SALT"),
          ("EP", "EP"), ("EPs", "EP"), ("ed psych", "EP"), ("Ed Psych", "EP"),
          ("educational psychologist", "EP"), ("Educational Psychology", "EP"),
          ("OT", "OT"), ("occupational therapy", "OT"), ("occupational therapists", "OT"),
          ("CAMHS", "CAMHS"), ("child and adolescent mental health services", "CAMHS"),
          ("SENCo", "SENCO"), ("SENCO", "SENCO"), ("senco", "SENCO"),
          ("special educational needs coordinator", "SENCO"),
          ("special educational needs co-ordinator", "SENCO"),
          ("SENDIASS", "SENDIASS"), ("SEND information advice and support service", "SENDIASS"),
          ("PfA", "PFA"), ("preparing for adulthood", "PFA"),
          ("ASD", "ASD"), ("ASC", "ASD"), ("autism", "ASD"), ("autistic", "ASD"),
          ("autistic spectrum disorder", "ASD"), ("ADHD", "ADHD"),
          ("attention deficit hyperactivity disorder", "ADHD"),
          ("SEMH", "SEMH"), ("social, emotional and mental health", "SEMH"),
          ("SEND", "SEND"), ("special educational needs and disabilities", "SEND"),
          ("special educational needs and/or disabilities", "SEND"),
          ("SEN", "SEN"), ("special educational needs", "SEN"),
        ])
  func canonical(_ text: String, _ canonical: String) throws {
    let result = analyzer.analyze(text)
    try #require(result.tokens.count == 1)
    let token = result.tokens[0]
    #expect(token.stem == canonical)
    #expect(token.kind == .abbreviation)
    #expect(result.surface(of: token) == Substring(text))
  }

  @Test("inside a sentence the span covers only the phrase")
  func inSentence() throws {
    let text = "Still waiting for the Education, Health and Care Plan after 40 weeks"
    let result = analyzer.analyze(text)
    #expect(result.stems == ["still", "wait", "for", "the", "EHCP", "after", "40", "week"])
    let ehcp = try #require(result.tokens.first { $0.stem == "EHCP" })
    #expect(result.surface(of: ehcp) == "Education, Health and Care Plan")
  }

  @Test("lowercase letter pairs and verbs stay ordinary words",
        arguments: [
          ("please send the form", ["pleas", "send", "the", "form"]),
          ("Send it", ["send", "it"]),
          ("salt and pepper", ["salt", "and", "pepper"]),
          ("ep ot", ["ep", "ot"]),
          ("PLEASE SEND HELP NOW", ["pleas", "send", "help", "now"]),
          ("The SEND team", ["the", "SEND", "team"]),
          ("SALT came once", ["SALT", "came", "onc"]),
          ("the EP and OT visited", ["the", "EP", "and", "OT", "visit"]),
          // Mostly capitals (over 60% of at least 12 letters) is shouting, counted the same
          // way whether the text is all ASCII or not (é).
          ("PLEASE SEND HELP now please", ["pleas", "send", "help", "now", "pleas"]),
          ("PLEASE SEND HELP now pleasé", ["pleas", "send", "help", "now", "pleas"]),
          ("PLEASE SEND HELP now pleased", ["pleas", "SEND", "help", "now", "pleas"]),
          ("PLEASE SEND HELP now pleaséd", ["pleas", "SEND", "help", "now", "pleas"]),
        ])
  func caseDecides(_ text: String, _ stems: [String]) {
    #expect(analyzer.analyze(text).stems == stems)
  }

  @Test("a phrase does not run across a clause boundary")
  func clauseBound() {
    #expect(analyzer.analyze("speech. Therapy").stems == ["speech", "therapi"])
  }

  @Test("pattern words analyse to the same canonical stem")
  func patterns() {
    #expect(analyzer.stems(of: "ehcp") == ["EHCP"])
    #expect(analyzer.stems(of: "EHC plan") == ["EHCP"])
    #expect(analyzer.stems(of: "speech and language therapist") == ["SALT"])
  }
}
