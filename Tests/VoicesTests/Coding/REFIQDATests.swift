import Foundation
import Testing
@testable import Voices

@Suite("REFI-QDA codebooks") struct REFIQDATests {
  static func defaultCodebook() throws -> Codebook {
    let folder = TestPaths.packageRoot.appendingPathComponent("surveys/codebooks")
    let books = try ["parent-carers.csv", "young-people.csv"].map { try Codebook.read(contentsOf: folder.appendingPathComponent($0), file: "surveys/codebooks/\($0)") }
    return Codebook.merged(books, name: "codebooks")
  }

  /// The committed example was validated with `scripts/check-qdc` (xmllint against the
  /// standard's Codebook.xsd); this keeps the exporter producing exactly those bytes.
  @Test("export of the default codebooks is byte for byte the schema-validated example")
  func golden() throws {
    let expected = try String(contentsOf: TestPaths.fixture("coding/default-codebooks.qdc"), encoding: .utf8)
    #expect(REFIQDA.export(try Self.defaultCodebook()) == expected)
  }

  @Test("export then import gives the same codebook")
  func roundTrip() throws {
    var book = try Self.defaultCodebook()
    book.themes[1].parent = book.themes[0].id
    book.themes[2].notes = "a <note> & \"quotes\"\nover two lines"
    let again = try REFIQDA.importCodebook(Array(REFIQDA.export(book).utf8), file: "x.qdc", name: book.name)
    book.themes[2].notes = "a <note> & \"quotes\" over two lines"  // descriptions are one line per field
    #expect(again.wordLists == book.wordLists)
    #expect(again.themes.count == book.themes.count)
    for (a, b) in zip(again.themes, book.themes) { #expect(a == b) }
  }

  @Test("GUIDs are stable and per theme")
  func guids() throws {
    let text = REFIQDA.export(try Self.defaultCodebook())
    #expect(text.contains("<Code guid=\"4d6f47d7-17a2-5282-b31c-893f24131da9\" name=\"travel-positive\""))
    #expect(text.contains("<MemberCode targetGUID=\"4d6f47d7-17a2-5282-b31c-893f24131da9\"/>"))
  }

  @Test("imports files as other tools write them, keeping the hierarchy")
  func otherTool() throws {
    let bytes = try [UInt8](Data(contentsOf: TestPaths.fixture("coding/other-tool.qdc")))
    let book = try REFIQDA.importCodebook(bytes, file: "other-tool.qdc", name: "other")
    #expect(book.themes.map(\.id) == ["waiting-lists", "speech-language", "waiting-lists-2", "child"])
    #expect(book.themes.map(\.parent) == [nil, "waiting-lists", nil, "waiting-lists-2"])
    #expect(book.themes[0].label == "Waiting lists")
    #expect(book.themes[0].youSaid == "Families waiting too long & being told \"a while\"")
    #expect(book.themes[0].audience == .youngPeople)
    #expect(book.themes[1].youSaid == "SALT & SLT")
    #expect(book.themes[2].notes.contains("not codable"))
    #expect(book.themes[1].patterns.isEmpty)
  }

  @Test("a file that is not a codebook is refused", arguments: [
    ("<Project xmlns=\"urn:QDA-XML:project:1.0\"/>", "not <CodeBook>"),
    ("<CodeBook><Codes><Code guid=\"x\"/></Codes></CodeBook>", "has no name"),
    ("<CodeBook><Codes>", "is closed"),
  ])
  func refused(_ text: String, _ fragment: String) {
    #expect {
      try REFIQDA.importCodebook(Array(text.utf8), file: "bad.qdc", name: "bad")
    } throws: { error in
      "\(error)".contains(fragment)
    }
  }
}
