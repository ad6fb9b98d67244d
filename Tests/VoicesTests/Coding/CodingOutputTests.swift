import Foundation
import Testing
@testable import Voices

@Suite("Coded output and codebook checks") struct CodingOutputTests {
  static let engine: CodingEngine = {
    let book = Codebook(name: "t", themes: [
      Theme(id: "waiting", label: "Waiting", polarity: .difficulty, patterns: ["wait*"]),
      Theme(id: "delay", label: "Delay", polarity: .difficulty, patterns: ["wait*", "delay*"]),
      Theme(id: "never", label: "Never", patterns: ["zebra"]),
    ])
    return (try? CodingEngine(book)) ?? (try! CodingEngine(Codebook(name: "empty", themes: [])))
  }()

  static func coded() -> [CodedComment] {
    var comments = (0..<6).map { CodedComment(responseId: "r\($0)", wave: "2025", question: "q", text: "we waited, \"so\" long") }
    comments.append(CodedComment(responseId: "r6", text: "nothing here"))
    CodingRun.code(&comments, with: engine)
    return comments
  }

  @Test("CSV has themes joined by ; and evidence with offsets and matched text")
  func csv() {
    let text = CodedWriter.csv(Array(Self.coded().suffix(2)))
    let expected = "response_id,wave,question,themes,evidence\r\n"
      + "r5,2025,q,waiting;delay,\"waiting@3-9 \"\"waited\"\" | delay@3-9 \"\"waited\"\"\"\r\n"
      + "r6,,,,\r\n"
    #expect(text == expected)
    #expect(CodedWriter.idThemesCSVRow(Self.coded()[6]) == "r6,\r\n")
  }

  @Test("JSON Lines carry every span and the pattern that fired")
  func jsonl() throws {
    let line = CodedWriter.jsonLine(Self.coded()[0])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    #expect(object["themes"] as? [String] == ["waiting", "delay"])
    let evidence = try #require(object["evidence"] as? [[String: Any]])
    let span = try #require((evidence.first?["spans"] as? [[String: Any]])?.first)
    #expect(span["start"] as? Int == 3 && span["end"] as? Int == 9)
    #expect(span["pattern"] as? String == "wait*" && span["text"] as? String == "waited")
    #expect(line.hasSuffix("}\n"))
  }

  @Test("check finds themes that match nothing, ids nobody defines, and pairs that always fire together")
  func check() {
    let result = CodebookCheck.run(Self.engine.codebook, coded: Self.coded(), referencedIDs: ["waiting", "ghost"])
    #expect(result.unmatched == ["never"])
    #expect(result.unknownIDs == ["ghost"])
    #expect(result.pairs == [CodebookCheck.Pair(first: "delay", second: "waiting", both: 6, either: 6)])
    #expect(result.counts["waiting"] == 6)
  }

  @Test("check reports every bad pattern, not only the first")
  func badPatterns() {
    let book = Codebook(name: "b.csv", themes: [
      Theme(id: "a", label: "A", patterns: ["(x", "ok"]), Theme(id: "b", label: "B", patterns: ["@missing", "y NEAR/z w"]),
    ])
    let errors = CodebookCheck.patternErrors(in: book)
    #expect(errors.count == 3)
    let messages = errors.map { $0.description }
    #expect(messages.contains("b.csv:3: no word list \"@missing\" (add a row with id @missing)"))
  }
}

@Suite("Coded files streamed") struct CodedFilesStreamedTests {
  @Test("coded.csv and coded.jsonl written in chunks are the same bytes as the whole-file forms")
  func streamedEqualsWhole() throws {
    let engine = try CodingEngine(Codebook(name: "t", themes: [Theme(id: "wait", label: "Wait", patterns: ["wait*"])]))
    var comments = (0..<10_000).map { i in
      CodedComment(responseId: "r\(i)", wave: "2025", question: "q", text: i % 3 == 0 ? "we waited, \"ages\"\nreally" : "fine \(i)")
    }
    CodingRun.code(&comments, with: engine)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voices-coded-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try CodedWriter.writeCSV(comments, to: folder.appendingPathComponent("coded.csv"))
    try CodedWriter.writeJSONLines(comments, to: folder.appendingPathComponent("coded.jsonl"))
    #expect(try String(contentsOf: folder.appendingPathComponent("coded.csv"), encoding: .utf8) == CodedWriter.csv(comments))
    #expect(try String(contentsOf: folder.appendingPathComponent("coded.jsonl"), encoding: .utf8) == comments.map(CodedWriter.jsonLine).joined())
    #expect(TableWriter.csvField("say \"hi\", then") == "\"say \"\"hi\"\", then\"")
  }
}
