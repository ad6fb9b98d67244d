import Foundation
import Testing
@testable import Voices

/// Shapes of personal data the redactor missed: accented names (precomposed or with combining
/// accents), "step-" relations, emails spelled out, flat numbers with a slash.
@Suite("Redactor: accents, step relations, spelled emails, flats") struct RedactorShapesTests {
  @Test("accented names after cues, before roles and on their own", arguments: [
    ("my daughter Chloë has been waiting two years", "my daughter [name] has been waiting two years"),
    ("my daughter Chloe\u{308} has been waiting two years", "my daughter [name] has been waiting two years"),
    ("Renée the SENCo was brilliant.", "[name] the SENCo was brilliant."),
    ("Siobhán at the school never replied.", "[name] at the school never replied."),
    ("We spoke to Zoë twice.", "We spoke to [name] twice."),
    ("My son Émile is 9 and autistic.", "My son [name] is 9 and autistic."),
    ("Our caseworker Łukasz was great.", "Our caseworker [name] was great."),
  ])
  func accents(_ pair: (String, String)) {
    #expect(Redactor().redact(pair.0).text == pair.1)
  }

  @Test("step relations in every spelling", arguments: [
    "my stepdaughter Lily", "my step-daughter Lily", "my step daughter Lily", "My step-son Lily", "our stepson Lily",
    "my step-child Lily", "my step-son lily",
  ])
  func step(_ text: String) {
    let out = Redactor().redact(text + " has no friends at school.").text
    #expect(out.hasSuffix("[name] has no friends at school."), "\(out)")
    #expect(!out.contains("Lily") && !out.contains("lily"))
  }

  @Test("emails spelled out", arguments: [
    ("email jane at gmail dot com please", "email [email] please"),
    ("contact j.smith (at) hotmail (dot) co (dot) uk today", "contact [email] today"),
    ("write to tom[at]example[dot]org.", "write to [email]."),
    // a website after "at" stays a URL, not an email
    ("She has a blog at www.example.co.uk about her journey.", "She has a blog at [url] about her journey."),
    ("I am mum_of_3 at yahoo dot co dot uk", "I am [email]"),
  ])
  func spelledEmails(_ pair: (String, String)) {
    #expect(Redactor().redact(pair.0).text == pair.1)
  }

  @Test("ordinary uses of at and dot stay", arguments: [
    "We met at school dot dot dot nothing happened.", "He is at home. Com and go as you please.",
    "She was at college and the dot to dot sheets helped.", "I looked at the website at 3 pm.",
  ])
  func notEmails(_ text: String) {
    #expect(Redactor().redact(text).text == text)
  }

  @Test("flat numbers with a slash or a comma are part of the address", arguments: [
    ("We live at Flat 3/2 Rose Court now.", "We live at [address] now."),
    ("post it to flat 2, 9 mill lane", "post it to [address]"),
    ("Apt. 4, 14 Church Road is ours", "[address] is ours"),
    ("we moved to 12a/3 High Street", "we moved to [address]"),
  ])
  func flats(_ pair: (String, String)) {
    #expect(Redactor().redact(pair.0).text == pair.1)
  }

  @Test("offsets stay in Unicode scalars with combining accents")
  func offsets() {
    let text = "my son Chloe\u{308} and Renée"
    let redaction = Redactor().redact(text)
    let scalars = Array(text.unicodeScalars)
    let removed = redaction.spans.map { span in String(String.UnicodeScalarView(scalars[span.start..<span.end])) }
    #expect(removed == ["Chloe\u{308}", "Renée"])
  }
}
