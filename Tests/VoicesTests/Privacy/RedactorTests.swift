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
