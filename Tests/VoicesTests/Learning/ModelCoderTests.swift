import Foundation
import Testing
@testable import Voices

@Suite("Model coder") struct ModelCoderTests {
  @Test("proposes the themes a comment's words carry, most probable first, within its audience")
  func proposals() throws {
    let model = try SyntheticComments.train()
    let codebook = Codebook(name: "t", themes: [
      Theme(id: "transport", label: "Transport", audience: .parentCarers),
      Theme(id: "waiting", label: "Waiting", audience: .all),
      Theme(id: "staff", label: "Staff", audience: .youngPeople),
    ])
    let coder = ModelCoder(models: [model], codebook: codebook)
    let parent = CodedComment(responseId: "1", text: "the taxi driver was kind and caring", audience: .parentCarers)
    #expect(coder.proposals(for: parent).map(\.theme) == ["transport"])
    let young = CodedComment(responseId: "2", text: "the taxi driver was kind and caring", audience: .youngPeople)
    #expect(coder.proposals(for: young).map(\.theme) == ["staff"])
    let anyone = CodedComment(responseId: "3", text: "we waited months on the delay list for the bus taxi driver", audience: .all)
    let p = coder.proposals(for: anyone)
    #expect(Set(p.map(\.theme)) == ["waiting", "transport"])
    #expect(p == p.sorted { $0.probability > $1.probability })
    // Beside rules, a theme needs the higher bar; alone, the model's own thresholds.
    #expect(coder.minimumProbability == ModelCoder.besideRulesMinimum)
    #expect(p.allSatisfy { $0.probability >= ModelCoder.besideRulesMinimum && $0.probability <= 1 })
    #expect(ModelCoder(models: [model]).minimumProbability == 0)
    #expect(ModelCoder(models: [model], codebook: Codebook(name: "none", themes: [])).minimumProbability == 0)
    // No codebook: every theme is open to everyone.
    #expect(ModelCoder(models: [model]).proposals(for: young).map(\.theme).sorted() == ["staff", "transport"])
  }

  @Test("a comment the model cannot place is more uncertain than one it knows")
  func uncertainty() throws {
    let coder = ModelCoder(models: [try SyntheticComments.train()])
    let clear = CodedComment(responseId: "1", text: "taxi driver bus journey")
    let vague = CodedComment(responseId: "2", text: "the bus was really")
    #expect(coder.uncertainty(of: vague) > coder.uncertainty(of: clear))
    #expect(coder.uncertainties(of: [clear, vague]) == [coder.uncertainty(of: clear), coder.uncertainty(of: vague)])
    let picked = ReviewSelection(uncertain: 1).select([clear, vague], modelUncertainty: coder.uncertainties(of: [clear, vague]))
    #expect(picked.map(\.responseId) == ["2"])
  }

  @Test("models load from a file or a folder; a missing one is named")
  func loading() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("voices-models-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let model = try SyntheticComments.train()
    try model.jsonData().write(to: folder.appendingPathComponent("a.json"))
    #expect(try ModelCoder.loadModels(at: folder.path) == [model])
    #expect(try ModelCoder.loadModels(at: folder.appendingPathComponent("a.json").path) == [model])
    #expect(throws: LearningError.self) { try ModelCoder.loadModels(at: folder.appendingPathComponent("nope.json").path) }
    let empty = folder.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    #expect(throws: LearningError.unreadableModel(file: empty.path, reason: "the folder has no model (.json); train one with `voices learn`")) {
      try ModelCoder.loadModels(at: empty.path)
    }
  }
}
