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
}

@Suite("Comment file redaction") struct CommentFileRedactionTests {
  @Test("redacts the text column and keeps the id; spans are scalar offsets")
  func rows() throws {
    let rows = [["ID", "Comment"], ["r1", "Zoë's son Jack is 9"], ["r2", "fine"]]
    let out = try CommentFileRedaction.redact(rows: rows, file: "c.csv", idColumn: "id", textColumn: "Comment", redactor: Redactor())
    #expect(out.map(\.id) == ["r1", "r2"])
    #expect(out[0].redaction.text == "Zoë's son [name] is 9")
    #expect(out[0].redaction.spans == [RedactedSpan(kind: .name, start: 10, end: 14)])
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
