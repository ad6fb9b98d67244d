import Foundation
import Testing
@testable import Voices

/// Every file Voices writes from a workspace whose comments are the privacy corpus
/// (Tests/VoicesTests/Fixtures/privacy, scripts/privacy-make-corpus), read cell by cell, and
/// searched for what the redactor removed from those comments.
///
/// The same workspace is built twice: with the comments as written (A) and with each comment
/// replaced by its redaction (B). A personal word (a word of a span the redactor removed) that
/// is in A's files but in none of B's came into A's files from the unredacted text: a leak.
/// B's files hold everything a correct pipeline may show (the redacted comments, themes,
/// boilerplate, and personal data the redactor itself missed), so no word list is needed.
enum PrivacyPipeline {
  /// Comments beyond the corpus whose theme words are personal data in context: a pattern
  /// (`maze`, `wait*`, `friend*`) fires inside a name or a school, so evidence taken from the
  /// original text would carry it.
  static let traps = [
    "My son goes to Maze Hill Primary and nobody explains anything to us.",
    "Dr Waite at the clinic said the wait for an assessment is over a year.",
    "Mrs Friend the SENCo says he has no friends and we are still waiting for speech therapy.",
    "My daughter Hope goes to Anxiety Hill Primary and the waiting list for CAMHS is two years.",
    "=HYPERLINK(\"ht\"&\"tp://evil.example\",\"waiting list\") and the taxi is always late",
  ]

  static let localities = ["North", "South", "=1+1 Town", "@East", "-West"]
  static let trust = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"]

  /// A fresh workspace (`voices init`) with one export of `comments`.
  static func workspace(_ comments: [String], localities: [String] = localities) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("voices-privacy-\(UUID().uuidString)")
    let initRun = try VoicesRun.run(["init", root.path, "--name", "Privacy"])
    guard initRun.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: initRun.stderr]) }
    var rows = [["ID", "Consent", "Trust", "Locality", "Comment"]]
    for (i, text) in comments.enumerated() {
      rows.append(["r\(i + 1)", "Yes", trust[i % trust.count], localities[i % localities.count], text])
    }
    for folder in ["exports", "out"] { try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true) }
    try Data(TableWriter.csv(rows).utf8).write(to: root.appendingPathComponent("exports/privacy.csv"))
    let manifest = """
      {"manifestVersion": 1, "source": "parent-carer-survey", "wave": "2025", "file": "exports/privacy.csv",
       "respondentGroup": "parent carers", "respondentId": "ID", "consent": {"column": "Consent", "yes": ["Yes"]},
       "breakdowns": [{"field": "locality", "column": "Locality"}],
       "measures": [{"measure": "trust-confidence", "column": "Trust", "scale": "agreement-5"}],
       "freeText": [{"question": "what-is-hard", "column": "Comment"}]}
      """
    try Data(manifest.utf8).write(to: root.appendingPathComponent("manifests/privacy.json"))
    return root
  }

  /// The commands run on a workspace: every one that writes a file or prints a table.
  static func commands(_ root: URL) -> [[String]] {
    let out = root.appendingPathComponent("out"), export = root.appendingPathComponent("exports/privacy.csv").path
    return [
      ["code", root.path],
      ["review", "export", root.path, "--out", out.appendingPathComponent("review.csv").path],
      ["review", "export", root.path, "--out", out.appendingPathComponent("review.xlsx").path],
      ["report", "all", root.path, "--out", out.appendingPathComponent("reports").path],
      ["measures", root.path, "--by", "locality", "--format", "csv"],
      ["themes", "suggest", root.path, "--min-size", "3"],
      ["redact", export, "--id-column", "ID", "--text-column", "Comment"],
      ["inspect", export, "--format", "csv"],
    ]
  }

  struct Outputs {
    /// Each output by name, as text: CSV and XLSX cells joined by newlines, anything else as is.
    var texts: [String: String] = [:]
    /// Every CSV written (files and tables printed), by name, as bytes.
    var csv: [String: [UInt8]] = [:]
  }

  static func outputs(of root: URL) throws -> Outputs {
    var outputs = Outputs()
    for command in commands(root) {
      let run = try VoicesRun.run(command, environment: ["SOURCE_DATE_EPOCH": "1767225600", "NO_COLOR": "1"])
      guard run.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(command): \(run.stderr)"]) }
      let name = "stdout of " + command[0] + " " + command[1]
      outputs.texts[name] = run.stdout
      if ["measures", "redact", "inspect"].contains(command[0]) { outputs.csv[name] = Array(run.stdout.utf8) }
    }
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
      let relative = String(url.path.dropFirst(root.path.count + 1))
      guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true, !relative.hasPrefix("exports/") else { continue }
      let bytes = [UInt8](try Data(contentsOf: url))
      if url.pathExtension == "xlsx" {
        var cells: [String] = []
        for name in try XLSXReader.sheetNames(bytes: bytes, file: relative) {
          cells += try XLSXReader.read(bytes: bytes, file: relative, sheet: .name(name)).rows.flatMap { $0 }
        }
        outputs.texts[relative] = cells.joined(separator: "\n")
      } else if url.pathExtension == "csv" {
        outputs.texts[relative] = try CSVReader.read(bytes: bytes, file: relative).rows.flatMap { $0 }.joined(separator: "\n")
        // The codebooks `voices init` copies are the project's hand-written sources (their
        // word lists start with @ by design), not a table Voices made.
        if !relative.hasPrefix("codebooks/") { outputs.csv[relative] = bytes }
      } else {
        outputs.texts[relative] = String(decoding: bytes, as: UTF8.self)
      }
    }
    return outputs
  }

  static func words(_ text: String) -> Set<String> {
    Set(text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
  }

  /// The words of every stretch the redactor removed from `comments` (three characters or more).
  static func personalWords(_ comments: [String]) -> Set<String> {
    var words = Set<String>()
    let redactor = Redactor()
    for text in comments {
      let scalars = Array(text.unicodeScalars)
      for span in redactor.redact(text).spans {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span.start..<span.end])
        words.formUnion(Self.words(String(view)).filter { $0.count >= 3 })
      }
    }
    return words
  }
}

@Suite("Privacy across every output") struct PrivacyPipelineTests {
  @Test("no word the redactor removed reaches any file or table Voices writes; no CSV cell is a formula")
  func nothingLeaks() throws {
    let corpus = try RedactionCorpus.rows("personal-data.csv").map { $0[0] } + PrivacyPipeline.traps
    let redactor = Redactor()
    let a = try PrivacyPipeline.workspace(corpus)
    let b = try PrivacyPipeline.workspace(corpus.map { redactor.redact($0).text })
    defer {
      try? FileManager.default.removeItem(at: a)
      try? FileManager.default.removeItem(at: b)
    }
    let outA = try PrivacyPipeline.outputs(of: a), outB = try PrivacyPipeline.outputs(of: b)
    for name in ["out/review.xlsx", "out/review.csv", "out/reports/theme-pack-review-sheet.xlsx", "out/reports/theme-pack.html", "coded/coded.csv", "coded/coded.jsonl"] {
      #expect(outA.texts[name] != nil, "\(name) was not written")
    }
    let allowed = outB.texts.values.reduce(into: Set<String>()) { $0.formUnion(PrivacyPipeline.words($1)) }
    let personal = PrivacyPipeline.personalWords(corpus).subtracting(allowed)
    #expect(personal.contains("Waite") && personal.contains("Friend") && personal.contains("Maze"))
    // inspect shows the export as read (the input itself): checked for formulas only.
    for (name, text) in outA.texts.sorted(by: { $0.key < $1.key }) where !name.hasPrefix("stdout of inspect") {
      let leaked = PrivacyPipeline.words(text).intersection(personal)
      #expect(leaked.isEmpty, "\(name) holds removed personal data: \(leaked.sorted().prefix(20))")
    }
    // Every CSV Voices wrote, files and tables printed alike, is safe to open in a spreadsheet.
    #expect(outA.csv.keys.contains("stdout of measures \(a.path)") && outA.csv.keys.contains("stdout of redact \(a.appendingPathComponent("exports/privacy.csv").path)"))
    for (name, bytes) in outA.csv.merging(outB.csv, uniquingKeysWith: { x, _ in x }) {
      for cell in try CSVReader.read(bytes: bytes, file: name).rows.joined() {
        #expect(!FormulaInjectionTests.dangerous(cell), "\(name): \(cell)")
      }
    }
  }
}
