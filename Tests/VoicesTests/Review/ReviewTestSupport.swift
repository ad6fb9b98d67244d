import Foundation
@testable import Voices

/// A tiny codebook, comments with personal data, and helpers to fill in and re-import sheets.
enum ReviewFixture {
  static let codebook = Codebook(name: "test", themes: [
    Theme(id: "waiting", label: "Waiting for assessment", youSaid: "Too long a wait", polarity: .difficulty, patterns: ["waiting list", "still waiting"]),
    Theme(id: "transport", label: "Transport", youSaid: "Getting to school", polarity: .neutral, patterns: ["taxi NEAR/4 late", "school bus"]),
    Theme(id: "friends", label: "Friendships", youSaid: "Making friends", polarity: .neutral, patterns: ["friend*"]),
  ])

  static let texts: [(String, String)] = [
    ("r1", "Jack Smith has been on the waiting list for two years. Call me on 07700 900123 or jack.smith@example.com, CB1 2AB."),
    ("r2", "The taxi is always late and the school bus never comes."),
    ("r3", "He has no friends at school and we are still waiting for speech therapy."),
    ("r4", "Short breaks would help our family so much."),
    ("r5", "Nothing to add."),
    ("r6", "The taxi was late again."),
  ]

  static func comments(wave: String = "2025") -> [CodedComment] {
    texts.map { CodedComment(responseId: $0.0, wave: wave, question: "what-is-hard", text: $0.1, audience: .parentCarers) }
  }

  static func coded() throws -> [CodedComment] {
    var c = comments()
    CodingRun.code(&c, with: try CodingEngine(codebook))
    return c
  }

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("voices-review-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The exported CSV sheet as rows of strings (header first).
  static func exportedRows() throws -> [[String]] {
    let rows = ReviewSheet.rows(for: try coded(), codebook: codebook, redactor: Redactor())
    return try CSVReader.read(bytes: ReviewSheet.csv(rows), file: "sheet.csv").rows
  }

  static func column(_ header: String) -> Int { ReviewSheet.headers.firstIndex(of: header) ?? -1 }

  /// Writes `rows` as a CSV sheet named `name` in `folder` (with a BOM, as Excel saves it).
  static func write(_ rows: [[String]], named name: String, in folder: URL) throws -> URL {
    let url = folder.appendingPathComponent(name)
    try Data([0xEF, 0xBB, 0xBF] + Array(TableWriter.csv(rows).utf8)).write(to: url)
    return url
  }

  static func importSheet(_ url: URL, log: DecisionLog, at: String = "2025-03-01T09:00:00Z") throws -> ReviewImportSummary {
    try ReviewImport.run(sheetAt: url, log: log, comments: comments(), codebook: codebook, redactor: Redactor(), at: at)
  }
}
