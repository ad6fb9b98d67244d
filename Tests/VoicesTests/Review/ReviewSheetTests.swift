import Foundation
import Testing
@testable import Voices

@Suite("Review sheet export") struct ReviewSheetTests {
  @Test("one row per proposed theme, one for a comment without a theme")
  func rowsPerTheme() throws {
    let coded = try ReviewFixture.coded()
    #expect(coded.map { $0.assignments.map(\.themeId) } == [["waiting"], ["transport"], ["waiting", "friends"], [], [], ["transport"]]
      || coded.map { $0.assignments.map(\.themeId).sorted() } == [["waiting"], ["transport"], ["friends", "waiting"], [], [], ["transport"]])
    let rows = ReviewSheet.rows(for: coded, codebook: ReviewFixture.codebook, redactor: Redactor())
    #expect(rows.count == 7)
    #expect(rows.filter { $0.key.responseId == "r3" }.count == 2)
    #expect(rows.first { $0.key.responseId == "r4" }?.proposedTheme == "")
    #expect(rows.first { $0.key.responseId == "r1" }?.evidence == "\u{201C}waiting list\u{201D}")
    #expect(ReviewSheet.rows(for: coded, codebook: ReviewFixture.codebook, redactor: Redactor(), theme: "transport").map(\.key.responseId) == ["r2", "r6"])
  }

  @Test("XLSX reads back: headers, redacted comment, Codebook and Instructions sheets")
  func xlsxReadsBack() throws {
    let rows = ReviewSheet.rows(for: try ReviewFixture.coded(), codebook: ReviewFixture.codebook, redactor: Redactor())
    let bytes = try ReviewSheet.xlsx(rows, codebook: ReviewFixture.codebook)
    let names = try XLSXReader.sheetNames(bytes: bytes, file: "r.xlsx")
    #expect(Array(names.prefix(3)) == ["Review", "Codebook", "Instructions"])
    let table = try XLSXReader.read(bytes: bytes, file: "r.xlsx", sheet: .name("Review"))
    #expect(table.records[0].fields == ReviewSheet.headers)
    #expect(table.records.count == rows.count + 1)
    let first = table.records[1].fields
    let comment = first[ReviewFixture.column("Comment (redacted)")]
    for secret in ["Jack", "Smith", "07700 900123", "jack.smith@example.com", "CB1 2AB"] { #expect(!comment.contains(secret)) }
    for marker in ["[name]", "[phone]", "[email]", "[postcode]"] { #expect(comment.contains(marker)) }
    #expect(first[ReviewFixture.column("Check")] == ReviewSheet.check(for: try ReviewFixture.coded()[0], proposedTheme: "waiting"))
    let book = try XLSXReader.read(bytes: bytes, file: "r.xlsx", sheet: .name("Codebook"))
    #expect(book.rows.map { $0[0] } == ["Theme id", "waiting", "transport", "friends"])
  }

  @Test("XLSX sheet XML has a frozen header and list drop-downs for Agree? and Add theme")
  func xlsxValidations() throws {
    let rows = ReviewSheet.rows(for: try ReviewFixture.coded(), codebook: ReviewFixture.codebook, redactor: Redactor())
    var zip = try ZIPArchive(bytes: try ReviewSheet.xlsx(rows, codebook: ReviewFixture.codebook), file: "r.xlsx")
    let xml = String(decoding: try zip.extract(named: "xl/worksheets/sheet1.xml"), as: UTF8.self)
    #expect(xml.contains("state=\"frozen\""))
    #expect(xml.contains("<dataValidation type=\"list\""))
    #expect(xml.contains("sqref=\"H2:H8\""))
    #expect(xml.contains("sqref=\"I2:I8\""))
    #expect(xml.contains("\"agree,disagree\""))
    let styles = String(decoding: try zip.extract(named: "xl/styles.xml"), as: UTF8.self)
    #expect(styles.contains("wrapText=\"1\""))
  }

  @Test("CSV starts with a UTF-8 byte order mark and reads back with the same headers")
  func csvBOM() throws {
    let rows = ReviewSheet.rows(for: try ReviewFixture.coded(), codebook: ReviewFixture.codebook, redactor: Redactor())
    let bytes = ReviewSheet.csv(rows)
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let table = try CSVReader.read(bytes: bytes, file: "r.csv")
    #expect(table.rows[0] == ReviewSheet.headers)
    #expect(table.rows.count == rows.count + 1)
    #expect(!table.rows[1][3].contains("07700"))
  }

  @Test("the check value changes with the text, the key and the proposed theme")
  func checkValue() {
    let c = CodedComment(responseId: "1", wave: "2025", question: "q", text: "hello")
    let base = ReviewSheet.check(for: c, proposedTheme: "a")
    #expect(base.count == 12)
    var edited = c
    edited.text = "hello!"
    #expect(ReviewSheet.check(for: edited, proposedTheme: "a") != base)
    #expect(ReviewSheet.check(for: c, proposedTheme: "b") != base)
    var other = c
    other.wave = "2023"
    #expect(ReviewSheet.check(for: other, proposedTheme: "a") != base)
  }
}

@Suite("Review selection") struct ReviewSelectionTests {
  @Test("uncertainty proxy: no theme, then NEAR-only, then a single match")
  func uncertainty() throws {
    let coded = try ReviewFixture.coded()
    #expect(coded.map(ReviewSelection.uncertainty) == [1, 0, 0, 3, 3, 2])
    let picked = ReviewSelection(uncertain: 3).select(coded)
    #expect(Set(picked.map(\.responseId)) == ["r4", "r5", "r6"])
  }

  @Test("a sample is the same every run and independent of input order")
  func sampleDeterministic() throws {
    let many = (1...200).map { CodedComment(responseId: "id\($0)", wave: "2025", question: "q", text: "text \($0)") }
    let a = ReviewSelection(sample: 20).select(many).map(\.responseId)
    let b = ReviewSelection(sample: 20).select(many.reversed()).map(\.responseId)
    #expect(a.count == 20)
    #expect(Set(a) == Set(b))
    #expect(a == ReviewSelection(sample: 20).select(many).map(\.responseId))
    #expect(ReviewSelection(wave: "2023", sample: 5).select(many).isEmpty)
  }

  @Test("--theme keeps comments with that theme")
  func themeFilter() throws {
    #expect(ReviewSelection(theme: "transport").select(try ReviewFixture.coded()).map(\.responseId) == ["r2", "r6"])
  }
}
