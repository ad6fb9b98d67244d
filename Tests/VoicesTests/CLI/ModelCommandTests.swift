import Foundation
import Testing
@testable import Voices

/// `voices learn`, then `voices code --model` and `voices review export --uncertain`, as a user runs them.
@Suite("voices learn and --model") struct ModelCommandTests {
  /// A training file of the synthetic comments (`SyntheticComments`), themes joined by `;`.
  static func trainingCSV() -> String {
    let set = SyntheticComments.set()
    return (["id,text,themes"] + set.examples.map { "\($0.id),\($0.text),\($0.themes.map { set.themes[$0] }.joined(separator: ";"))" })
      .joined(separator: "\n") + "\n"
  }

  @Test("a model learned from a file codes a file alone, with a model_themes column")
  func fileMode() throws {
    let root = try temporaryWorkspace(["train.csv": Self.trainingCSV(), "c.csv": "ref,comment\n1,the taxi driver never came\n2,nothing else to say\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    let model = root.appendingPathComponent("m.json").path
    let learn = try VoicesRun.run(["learn", root.appendingPathComponent("train.csv").path, "--text-column", "text",
                                   "--labels-column", "themes", "--out", model, "--folds", "3", "--min-df", "1"])
    #expect(learn.status == 0, "\(learn.stderr)")
    #expect(learn.stdout.contains("wrote \(model)"))
    let code = try VoicesRun.run(["code", root.appendingPathComponent("c.csv").path, "--id-column", "ref", "--text-column", "comment",
                                  "--model", model])
    #expect(code.status == 0, "\(code.stderr)")
    #expect(code.stdout == "id,themes,model_themes\r\n1,transport,transport\r\n2,,\r\n")
  }

  @Test("voices learn WORKSPACE saves a model per coded sample; code --model adds its themes with their source")
  func workspaceMode() throws {
    let root = try temporaryWorkspace([:])
    defer { try? FileManager.default.removeItem(at: root) }
    let codebook = TestPaths.packageRoot.appendingPathComponent("surveys/codebooks/parent-carers.csv")
    try FileManager.default.createDirectory(at: root.appendingPathComponent("codebooks"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: codebook, to: root.appendingPathComponent("codebooks/parent-carers.csv"))
    try Data("{\"name\": \"Model test\"}".utf8).write(to: root.appendingPathComponent("workspace.json"))
    try FileManager.default.createDirectory(at: root.appendingPathComponent("coded-sample"), withIntermediateDirectories: true)
    try Data(("response_id,wave,question,text,themes\n" + (0..<60).map { i in
      let theme = i % 2 == 0 ? "waiting-for-assessment-and-therapy" : "staff-positive"
      let text = i % 2 == 0 ? "we are on a list for speech therapy \(i)" : "the staff at the unit are lovely \(i)"
      return "s\(i),2025,q,\(text),\(theme)"
    }.joined(separator: "\n") + "\n").utf8).write(to: root.appendingPathComponent("coded-sample/parent-carers.csv"))
    let learn = try VoicesRun.run(["learn", root.path, "--folds", "3", "--min-df", "1"])
    #expect(learn.status == 0, "\(learn.stderr)")
    #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("models/parent-carers.json").path))
    let model = try #require(try ModelCoder.loadModels(at: root.appendingPathComponent("models").path).first)
    #expect(model.card.trainingFile == "parent-carers.csv")
    #expect(Set(model.themes) == ["staff-positive", "waiting-for-assessment-and-therapy"])
  }
}

@Suite("voices report --model") struct ReportModelTests {
  @Test("the reports code through the same call as voices code: with --model they name the model and count its themes")
  func reportsUseTheModel() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("voices-report-model-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    // A model that gives `communications-positive` to anything about the weather: no rule does.
    try Data(("text,themes\n" + (0..<40).map { i in
      i % 2 == 0 ? "the weather was sunny and warm \(i)," + "communications-positive" : "we waited for the bus again \(i),"
    }.joined(separator: "\n") + "\n").utf8).write(to: root.appendingPathComponent("train.csv"))
    let model = root.appendingPathComponent("model.json").path
    let learn = try VoicesRun.run(["learn", root.appendingPathComponent("train.csv").path, "--text-column", "text",
                                   "--labels-column", "themes", "--out", model, "--folds", "2", "--min-df", "1"])
    try #require(learn.status == 0, "\(learn.stderr)")
    let surveys = TestPaths.packageRoot.appendingPathComponent("surveys").path
    let out = root.appendingPathComponent("out").path
    let report = try VoicesRun.run(["report", "themes", surveys, "--model", model, "--format", "json", "--out", out])
    #expect(report.status == 0, "\(report.stderr)")
    let json = try String(contentsOfFile: out + "/theme-pack.json", encoding: .utf8)
    #expect(json.contains("with a trained model (\(model))"))
    let plain = try String(contentsOfFile: TestPaths.packageRoot.appendingPathComponent("reports/theme-pack.json").path, encoding: .utf8)
    #expect(plain.contains("no learned model"))
  }
}
