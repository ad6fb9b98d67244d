import Testing
@testable import Voices

@Suite("Redactor") struct RedactorTests {
  @Test("each kind is replaced by its marker", arguments: [
    ("Email jane.smith+x@Mail.Example.co.uk now", "Email [email] now"),
    ("Call 07700 900982.", "Call [phone]."),
    ("at DT1 1XJ today", "at [postcode] today"),
    ("NHS 943 476 5919 ok", "NHS [nhs number] ok"),
    ("DOB: 12/03/2012.", "DOB: [date of birth]."),
    ("see https://x.org/a.", "see [url]."),
    ("My son Jack is 9", "My son [name] is 9"),
    ("He goes to Hillside Primary now", "He goes to [school] now"),
  ])
  func kinds(_ input: String, _ expected: String) {
    #expect(Redactor().redact(input).text == expected)
  }

  @Test("lower-case and phone-typed personal data in name-like places", arguments: [
    ("my son jack goes to hillside primary", "my son [name] goes to [school]"),
    ("i'm tom, 15, from broadstone", "i'm [name], 15, from broadstone"),
    ("my sons teacher mrs hughes never replied", "my sons teacher mrs [name] never replied"),
    ("we saw dr. okonkwo-ade in march", "we saw dr. [name] in march"),
    ("Ask for sarah at st marys", "Ask for [name] at [school]"),
    ("Review at St Mary’s C of E First School went well", "Review at [school] went well"),
    ("my lad Kacper has ADHD", "my lad [name] has ADHD"),
    ("The head at Parkstone Grammar said no", "The head at [school] said no"),
    ("Contact Isla Hall on Monday", "Contact [name] on Monday"),
    ("We live at 14 Acacia Avenue, Poole", "We live at [address], Poole"),
    ("we live at 9 elm close", "we live at [address]"),
  ])
  func lowerCase(_ input: String, _ expected: String) {
    #expect(Redactor().redact(input).text == expected)
  }

  @Test("ordinary words that look like personal data stay", arguments: [
    "He has 2 close friends in his class.",
    "It is a 3 hours drive to the nearest specialist school.",
    "The bus stop is 5 miles down the road.",
    "My son will be 9 in May.",
    "i miss school in the holidays",
    "Mr and Mrs are not on the form.",
    "He used to love school but now refuses to go.",
    "we went to mainstream school first then a special school",
    "She goes to after school club on Tuesdays.",
    "English grammar is his hardest subject.",
  ])
  func ordinary(_ input: String) {
    #expect(Redactor().redact(input).text == input)
  }
}

@Suite("Comment file redaction") struct CommentFileRedactionTests {
  @Test("redacts the text column and keeps the id; spans are scalar offsets")
  func rows() throws {
    let rows = [["ID", "Comment"], ["r1", "Zoë's son Jack is 9"], ["r2", "fine"]]
    let out = try CommentFileRedaction.redact(rows: rows, file: "c.csv", idColumn: "id", textColumn: "Comment", redactor: Redactor())
    #expect(out.map(\.id) == ["r1", "r2"])
    // Zoë is a name too (accents fold onto the name lists); offsets count her ë as one scalar.
    #expect(out[0].redaction.text == "[name]'s son [name] is 9")
    #expect(out[0].redaction.spans == [RedactedSpan(kind: .name, start: 0, end: 3), RedactedSpan(kind: .name, start: 10, end: 14)])
  }

  @Test("an unknown column lists the columns")
  func unknown() {
    #expect(throws: CommentFileRedaction.Problem.unknownColumn(file: "c.csv", option: "--text-column", name: "Q9", columns: ["ID", "Comment"])) {
      try CommentFileRedaction.redact(rows: [["ID", "Comment"]], file: "c.csv", idColumn: "ID", textColumn: "Q9", redactor: Redactor())
    }
  }

  @Test("workspace lists match in any case, multi-word")
  func lists() {
    let redactor = Redactor(lists: RedactionLists(names: ["Bartholomew Quill"], schools: ["the oaks"]))
    #expect(redactor.redact("bartholomew quill went to The Oaks.").text == "[name] went to [school].")
  }
}
