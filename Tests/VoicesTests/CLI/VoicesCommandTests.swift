import Foundation
import Testing
@testable import Voices

/// Runs the built `voices` executable as a user would and checks output and exit codes.
struct VoicesRun {
  var status: Int32
  var stdout: String
  var stderr: String

  /// The `voices` binary SwiftPM built beside the test bundle.
  static let binary: URL = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("voices")

  static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> VoicesRun {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read before waiting so a large output cannot fill the pipe and stall the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return VoicesRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }
}

/// A throwaway workspace folder with the given files.
func temporaryWorkspace(_ files: [String: String]) throws -> URL {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("voices-test-\(UUID().uuidString)")
  for (path, content) in files {
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(content.utf8).write(to: url)
  }
  try FileManager.default.createDirectory(at: root.appendingPathComponent("manifests"), withIntermediateDirectories: true)
  return root
}

@Suite("voices command line") struct VoicesCommandTests {
  @Test("--help lists the commands and exits 0")
  func help() throws {
    let run = try VoicesRun.run(["--help"])
    #expect(run.status == 0)
    for command in ["inspect", "validate", "report", "help"] { #expect(run.stdout.contains("  \(command) ")) }
  }

  /// The commands `voices --help` lists, so a new command is checked without editing the test.
  static func listedCommands() throws -> [String] {
    let overview = try VoicesRun.run(["--help"]).stdout
    guard let start = overview.range(of: "Commands:\n") else { return [] }
    return overview[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
      .prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .compactMap { $0.split(separator: " ").first.map(String.init) }
      .filter { $0 != "help" }
  }

  @Test("every command has --help with usage and an example, the same as `voices help COMMAND`")
  func commandHelp() throws {
    let commands = try Self.listedCommands()
    #expect(commands.count >= 13, "the overview lists \(commands)")
    for command in commands {
      let run = try VoicesRun.run([command, "--help"])
      #expect(run.status == 0, "\(command)")
      #expect(run.stdout.hasPrefix("Usage: voices \(command)"), "\(command)")
      #expect(run.stdout.contains("Examples:"), "\(command)")
      #expect(try VoicesRun.run(["help", command]).stdout == run.stdout, "\(command)")
    }
  }

  @Test("each command's help and the options it accepts are the same list")
  func helpMatchesOptions() throws {
    for command in try Self.listedCommands() {
      let help = try VoicesRun.run([command, "--help"]).stdout
      // Documented: named in the usage lines (up to the first blank line) or heading a line of
      // the options list; an option of another command mentioned in prose is not this one's.
      let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
      let usage = lines.prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      let listed = lines.filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
      let documented = Set((usage + listed).joined(separator: " ").split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") })
        .filter { $0.hasPrefix("--") && $0.count > 2 }.map(String.init))
      // The parser names every option it takes when it meets one it does not know.
      let refused = try VoicesRun.run([command, "--not-an-option"]).stderr
      let accepted = refused.components(separatedBy: "this command takes ").dropFirst().first
        .map { Set($0.prefix { $0 != "\n" }.components(separatedBy: ", ")) } ?? []
      for option in accepted.subtracting(["--help", "--quiet"]) {
        #expect(documented.contains(option), "voices \(command) takes \(option) but its help does not say so")
      }
      for option in documented.subtracting(["--help", "--quiet"]) {
        let run = try VoicesRun.run([command, "--help", option])
        #expect(!run.stderr.contains("unknown option"), "voices \(command) --help documents \(option) but refuses it")
      }
    }
  }

  @Test("usage mistakes exit 2 and say what to do", arguments: [
    (["frobnicate"], "no command \"frobnicate\""),
    (["inspect"], "give exactly one FILE"),
    (["inspect", "a.csv", "--format", "xml"], "--format must be table, json, csv or summary"),
    (["validate", "--colour"], "unknown option --colour"),
  ])
  func usage(_ case_: ([String], String)) throws {
    let run = try VoicesRun.run(case_.0)
    #expect(run.status == 2)
    #expect(run.stderr.contains(case_.1), "\(run.stderr)")
  }

  @Test("inspect --format json prints the rows exactly as read")
  func inspectJSON() throws {
    let path = TestPaths.externalFile("csv-spectrum/csvs/quotes_and_newlines.csv").path
    let run = try VoicesRun.run(["inspect", path, "--format", "json"])
    #expect(run.status == 0)
    let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String]]
    #expect(rows == [["a", "b"], ["1", "ha \n\"ha\" \nha"], ["3", "4"]])
  }

  @Test("inspect of a missing file exits 1 naming it")
  func inspectMissing() throws {
    let run = try VoicesRun.run(["inspect", "no-such-file.csv"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("no-such-file.csv: cannot read file: no such file"))
  }

  @Test("validate accounts for every row and exits 0 with warnings only; NO_COLOR output is plain")
  func validateClean() throws {
    let root = try temporaryWorkspace([
      "exports/e.csv": "Ref,Trust\r\nr1,Agree\r\n,\r\nr2,Disagree\r\n",
      "manifests/e.json": """
        {"source": "parent-carer-survey", "wave": "2025", "file": "exports/e.csv", "respondentGroup": "parent carers",
         "respondentId": "Ref", "measures": [{"measure": "trust-confidence", "column": "Trust", "scale": "agreement-5"}]}
        """,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try VoicesRun.run(["validate", root.path], environment: ["NO_COLOR": "1"])
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    #expect(lines.contains("2025 Parent carer survey e 3 2 1 0"), "\(run.stdout)")
    #expect(lines.contains("0 errors, 1 warning, 0 notes"))
    #expect(run.stdout.contains("e: rejected 1 blank row"))
    #expect(run.stderr.contains("exports/e.csv:3: warning: blank row skipped"))
    #expect(!run.stdout.contains("\u{1B}["))
  }

  @Test("validate exits 1 on an error and names file, row, column and value")
  func validateError() throws {
    let root = try temporaryWorkspace([
      "exports/e.csv": "Ref,Trust\nr1,Agree\nr2,Kind of\n",
      "manifests/e.json": """
        {"source": "parent-carer-survey", "wave": "2025", "file": "exports/e.csv", "respondentGroup": "parent carers",
         "measures": [{"measure": "trust-confidence", "column": "Trust", "scale": "agreement-5"}]}
        """,
      "manifests/broken.json": "{\"source\": \"parent-carer-survey\"",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try VoicesRun.run(["validate", root.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("/exports/e.csv:3:2: error: column \"Trust\": value \"Kind of\": not an answer on the agreement-5 scale"), "\(run.stderr)")
    #expect(run.stderr.contains("manifests/broken.json: not valid JSON"))
  }

  @Test("a folder that is not a workspace is an input problem with a next step")
  func notAWorkspace() throws {
    let run = try VoicesRun.run(["validate", "/tmp"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("not a Voices workspace"))
  }
}

@Suite("Workspace settings") struct WorkspaceSettingsTests {
  @Test("suppression presets and thresholds are read from workspace.json")
  func presets() throws {
    let nhs = try JSONDecoder().decode(WorkspaceSettings.self, from: Data(#"{"name": "x", "suppression": {"preset": "nhs"}}"#.utf8))
    #expect(nhs.suppression == .nhs)
    #expect(nhs.suppression.description.hasPrefix("NHS statistical rule: counts of 1 to 7 are shown as *"))
    let custom = try JSONDecoder().decode(WorkspaceSettings.self, from: Data(#"{"suppression": {"minimumCount": 10, "minimumBase": 30}}"#.utf8))
    #expect(custom.suppression == SuppressionPolicy(minimumCount: 10, minimumBase: 30))
    #expect(custom.name == "Voices workspace")
  }

  @Test("a bad setting names the file and the field")
  func badSetting() throws {
    let root = try temporaryWorkspace(["workspace.json": #"{"suppression": {"preset": "strict"}}"#])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try VoicesRun.run(["validate", root.path])
    #expect(run.status == 1)
    #expect(run.stderr.contains("workspace.json: suppression.preset: unknown suppression preset \"strict\""), "\(run.stderr)")
  }
}

@Suite("voices measures") struct MeasuresCommandTests {
  let surveys = TestPaths.packageRoot.appendingPathComponent("surveys").path

  @Test("JSON rows carry the documented fields; the 2025 rewording is flagged, not compared")
  func json() throws {
    let run = try VoicesRun.run(["measures", surveys, "--format", "json"])
    #expect(run.status == 0, "\(run.stderr)")
    let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    let estimates = try #require(object["estimates"] as? [[String: Any]])
    let keys = Set(["measure", "wave", "group", "n", "positive", "percent", "ci_low", "ci_high", "suppressed"])
    #expect(estimates.allSatisfy { keys.isSubset(of: Set($0.keys)) })
    let changes = try #require(object["changes"] as? [[String: Any]])
    let changeKeys = Set(["from", "to", "from_n", "from_positive", "to_n", "to_positive", "difference", "diff_ci_low", "diff_ci_high", "p_value", "verdict"])
    #expect(changes.allSatisfy { changeKeys.isSubset(of: Set($0.keys)) })
    let trust = try #require(changes.first { $0["measure"] as? String == "trust-confidence" && $0["to"] as? String == "2025" })
    #expect((trust["verdict"] as? String)?.hasPrefix("not compared: the question's wording changed") == true)
    #expect(trust["comparable"] as? Bool == false)
    #expect((object["suppression_rule"] as? String)?.hasPrefix("counts below 5") == true)
  }

  @Test("breakdown by an unknown field is a usage error naming the fields there are")
  func unknownField() throws {
    let run = try VoicesRun.run(["measures", surveys, "--by", "postcode"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("no breakdown field \"postcode\"; the manifests have: age-band, group, locality, need, role, route, support"))
  }
}

@Suite("voices code and codebook") struct CodeCommandTests {
  let codebooks = TestPaths.packageRoot.appendingPathComponent("surveys/codebooks").path

  @Test("coding a plain CSV prints id,themes with ids joined by ; and keeps the traps out")
  func plainFile() throws {
    let root = try temporaryWorkspace(["c.csv": """
      ref,comment
      1,We waited two years for a speech and language therapy assessment.
      2,Transport has been a nightmare all year.
      3,The locality team were brilliant and really listened.
      4,no help from the locality team at all
      """])
    defer { try? FileManager.default.removeItem(at: root) }
    let run = try VoicesRun.run(["code", root.appendingPathComponent("c.csv").path, "--id-column", "ref", "--text-column", "comment",
                                 "--codebook", codebooks + "/parent-carers.csv"])
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(whereSeparator: \.isNewline).map(String.init)
    #expect(lines.first == "id,themes")
    #expect(lines.contains { $0.hasPrefix("1,") && $0.contains("waiting-for-assessment-and-therapy") })
    #expect(!lines.contains { $0.hasPrefix("2,") && $0.contains("travel-positive") })
    #expect(lines.contains { $0.hasPrefix("3,") && $0.contains("locality-teams-positive") })
    #expect(!lines.contains { $0.hasPrefix("4,") && $0.contains("locality-teams-positive") })
  }

  @Test("codebook export writes a REFI-QDA codebook")
  func export() throws {
    let run = try VoicesRun.run(["codebook", "export", "--format", "qdc", TestPaths.packageRoot.appendingPathComponent("surveys").path])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("<?xml"))
    #expect(run.stdout.contains("urn:QDA-XML:codebook:1.0"))
    #expect(run.stdout.contains("name=\"system-hard-to-understand\"") || run.stdout.contains("system-hard-to-understand"))
  }
}
