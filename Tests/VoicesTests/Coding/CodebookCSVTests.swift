import Foundation
import Testing
@testable import Voices

@Suite("Codebook CSV") struct CodebookCSVTests {
  static let csv = """
    ID,Label,You said,Polarity,Priority,Audience,Patterns,Exclusions,Notes
    travel-positive,Travel,Transport works,positive,P5,parent carers,"(taxi* | transport) NEAR/6 @good; escort*",no escort,a note
    school,School,,neutral,,Young-People,school*,,

    @good,,,,,,good; great,,praise words
    """

  @Test("reads themes, word lists, columns in any case and blank rows")
  func reads() throws {
    let book = try Codebook.parse(csv: Self.csv, file: "t.csv", name: "t")
    #expect(book.themes.map(\.id) == ["travel-positive", "school"])
    let travel = try #require(book.theme("travel-positive"))
    #expect(travel.polarity == .positive)
    #expect(travel.audience == .parentCarers)
    #expect(travel.patterns == ["(taxi* | transport) NEAR/6 @good", "escort*"])
    #expect(travel.exclusions == ["no escort"])
    #expect(book.theme("school")?.audience == .youngPeople)
    #expect(book.wordLists == [WordList(name: "good", patterns: ["good", "great"], notes: "praise words")])
    #expect(book.themes(for: .youngPeople).map(\.id) == ["school"])
  }

  @Test("writes what it reads")
  func roundTrip() throws {
    let book = try Codebook.parse(csv: Self.csv, file: "t.csv", name: "t")
    let again = try Codebook.parse(csv: book.csv(), file: "t2.csv", name: "t")
    #expect(again == book)
  }

  @Test("a parent column keeps a hierarchy")
  func parents() throws {
    var book = try Codebook.parse(csv: Self.csv, file: "t.csv", name: "t")
    book.themes[1].parent = "travel-positive"
    let again = try Codebook.parse(csv: book.csv(), file: "t.csv", name: "t")
    #expect(again.themes[1].parent == "travel-positive")
  }

  @Test("bad rows are errors that name the cell", arguments: [
    ("id,label,patterns,polarity\nx,X,a,sad\n", "t.csv:2:4: polarity \"sad\""),
    ("id,label,patterns\nx,X,a\nx,Y,b\n", "t.csv:3:1: theme id \"x\" is used twice"),
    ("id,label,patterns\nBad Id,X,a\n", "t.csv:2:1: id \"Bad Id\""),
    ("id,patterns\nx,a\n", "no \"label\" column"),
  ])
  func errors(_ text: String, _ message: String) {
    #expect {
      try Codebook.parse(csv: text, file: "t.csv", name: "t")
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test("the default codebooks have exactly the ids of DOMAIN.md and WORKSPACE-SPEC.md")
  func defaults() throws {
    let folder = TestPaths.packageRoot.appendingPathComponent("surveys/codebooks")
    let parents = try Codebook.read(contentsOf: folder.appendingPathComponent("parent-carers.csv"))
    let young = try Codebook.read(contentsOf: folder.appendingPathComponent("young-people.csv"))
    #expect(parents.themes.map(\.id) == [
      "system-hard-to-understand", "fitting-in-and-friendships", "waiting-for-assessment-and-therapy",
      "ehcp-only-route-to-support", "services-not-joined-up", "not-enough-right-provision", "mainstream-support",
      "anxiety-and-mental-health", "future-and-adult-services", "locality-teams-positive", "send-system-positive",
      "ehcp-process-positive", "annual-review-positive", "sen-support-positive", "travel-positive", "communications-positive",
    ])
    #expect(young.themes.map(\.id) == [
      "being-listened-to", "confidence", "feeling-safe", "activities-and-nature", "mental-health", "school",
      "transport", "online-or-face-to-face",
    ])
    #expect(parents.themes.allSatisfy { $0.audience == .parentCarers && !$0.youSaid.isEmpty })
    #expect(young.themes.allSatisfy { $0.audience == .youngPeople && $0.polarity == .neutral })
    #expect(CodebookCheck.patternErrors(in: Codebook.merged([parents, young], name: "default")).isEmpty)
  }
}
