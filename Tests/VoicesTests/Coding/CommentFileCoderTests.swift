import Foundation
import Synchronization
import Testing
@testable import Voices

@Suite("Coding a plain comment file") struct CommentFileCoderTests {
  /// Collects what the coder writes (from its background thread).
  final class Sink: Sendable {
    let data = Mutex(Data())
    var text: String { data.withLock { String(decoding: $0, as: UTF8.self) } }
  }

  static func file(_ rows: [(String, String)]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("comment-file-\(UUID().uuidString).csv")
    let body = "text,id\r\n" + rows.map { "\"\($0.1)\",\($0.0)\r\n" }.joined()
    try Data(body.utf8).write(to: url)
    return url
  }

  @Test("batches come out in input order, each row coded as the engine codes it alone")
  func orderAcrossBatches() throws {
    let engine = CodingOutputTests.engine
    let rows = (0..<1000).map { ("r\($0)", $0 % 3 == 0 ? "we waited \($0) weeks" : $0 % 3 == 1 ? "a delay, then nothing" : "fine") }
    let url = try Self.file(rows)
    defer { try? FileManager.default.removeItem(at: url) }
    var coder = CommentFileCoder(engine: engine)
    coder.batchSize = 7  // many batches in flight
    let sink = Sink()
    try coder.run(file: url.path, idColumn: "id", textColumn: "text") { chunk in sink.data.withLock { $0.append(chunk) } }
    let expected = rows.map { id, text in
      id + "," + engine.code(text).map(\.themeId).joined(separator: ";") + "\r\n"
    }.joined()
    #expect(coder.header == "id,themes\r\n")
    #expect(sink.text == expected)
    #expect(sink.text.hasPrefix("r0,waiting;delay\r\nr1,delay\r\nr2,\r\n"))
  }

  @Test("id,themes rows written by the coding workers match the general path: quoted ids, every audience, several workers")
  func idThemesRowsMatchGeneralPath() throws {
    let engine = try CodingEngine(Codebook(name: "t", themes: [
      Theme(id: "waiting", label: "Waiting", polarity: .difficulty, audience: .parentCarers, patterns: ["wait*"]),
      Theme(id: "delay", label: "Delay", polarity: .difficulty, audience: .youngPeople, patterns: ["wait*", "delay*"]),
      Theme(id: "fine", label: "Fine", polarity: .positive, patterns: ["fine"]),
    ]))
    let texts = ["we waited a few weeks", "a delay, then nothing", "fine", "no delay at all", "", "we@SQ@ve waited", "café, délai: waited"]
    let rows: [(String, String)] = (0..<3000).map { i in
      let id = i % 5 == 0 ? "r,\(i)" : i % 7 == 0 ? "r \"\(i)\"" : "r\(i)"
      return (id, texts[i % texts.count])
    }
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("comment-file-\(UUID().uuidString).csv")
    try Data(TableWriter.csv([["text", "id"]] + rows.map { [$0.1, $0.0] }).utf8).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    for audience in Theme.Audience.allCases {
      var coder = CommentFileCoder(engine: engine, audience: audience)
      coder.batchSize = 1024  // several workers per batch
      let sink = Sink()
      try coder.run(file: url.path, idColumn: "id", textColumn: "text") { chunk in sink.data.withLock { $0.append(chunk) } }
      var comments = rows.map { CodedComment(responseId: $0.0, text: $0.1, audience: audience) }
      CodingRun.code(&comments, with: engine)
      #expect(sink.text == comments.map(CodedWriter.idThemesCSVRow).joined(), "audience \(audience)")
    }
  }

  @Test("JSON Lines carry the evidence; a missing column names the file and the columns")
  func jsonlAndMissingColumn() throws {
    let url = try Self.file([("a", "we waited")])
    defer { try? FileManager.default.removeItem(at: url) }
    let coder = CommentFileCoder(engine: CodingOutputTests.engine, format: .jsonl)
    let sink = Sink()
    try coder.run(file: url.path, idColumn: "id", textColumn: "text") { chunk in sink.data.withLock { $0.append(chunk) } }
    #expect(coder.header == nil)
    #expect(sink.text.contains("\"response_id\":\"a\"") && sink.text.contains("\"text\":\"waited\""))
    #expect(throws: CommentFileError.missingColumn(file: url.path, column: "comment", columns: ["text", "id"])) {
      try coder.run(file: url.path, idColumn: "id", textColumn: "comment") { _ in }
    }
  }
}
