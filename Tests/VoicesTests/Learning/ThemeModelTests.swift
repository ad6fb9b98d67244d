import Foundation
import Testing
@testable import Voices

/// Synthetic comments where the right answer is known: each theme has its own words.
enum SyntheticComments {
  static let themeWords = [
    "transport": ["bus", "taxi", "driver", "journey"],
    "waiting": ["waited", "months", "delay", "list"],
    "staff": ["kind", "caring", "friendly", "helpful"],
  ]
  static let filler = ["the", "was", "our", "son", "and", "very", "we", "it", "school", "really"]

  /// `count` comments; comment i has theme k when bit k of (i % 7 + 1) is set.
  static func set(count: Int = 105) -> TrainingSet {
    let themes = themeWords.keys.sorted()
    var examples: [TrainingSet.Example] = []
    for i in 0..<count {
      let mask = i % 7 + 1
      var words: [String] = []
      var given: [Int] = []
      for (k, theme) in themes.enumerated() where mask & (1 << k) != 0 {
        given.append(k)
        let w = themeWords[theme] ?? []
        words += [w[i % w.count], w[(i + 1) % w.count], w[(i + 2) % w.count]]
      }
      words += [filler[i % filler.count], filler[(i * 7) % filler.count], filler[(i / 2) % filler.count]]
      examples.append(.init(id: "s\(i)", text: words.joined(separator: " "), themes: given))
    }
    return TrainingSet(themes: themes, examples: examples)
  }

  static func train(_ set: TrainingSet = set(), settings: TrainingSettings = TrainingSettings()) throws -> ThemeModel {
    try ThemeModel.train(set, settings: settings, trainingFile: "synthetic.csv", trainingDataSHA256: "00",
                         created: Date(timeIntervalSince1970: 1_700_000_000))
  }
}

@Suite("Theme model") struct ThemeModelTests {
  @Test("separable themes are learned perfectly in cross-validation", arguments: ThresholdRule.allCases)
  func separable(_ rule: ThresholdRule) throws {
    var settings = TrainingSettings()
    settings.thresholdRule = rule
    let model = try SyntheticComments.train(settings: settings)
    #expect(model.card.scores.microF1 == 1)
    #expect(model.card.scores.microF1AtHalf == 1)
    #expect(model.card.themes.allSatisfy { $0.f1 == 1 })
    #expect(model.assign("the taxi driver was late and we waited months") == ["transport", "waiting"])
    #expect(model.assign("very kind and caring") == ["staff"])
  }

  @Test("the same data and seed give the same model bytes; both analyzers", arguments: FeatureSettings.Analyzer.allCases)
  func deterministic(_ analyzer: FeatureSettings.Analyzer) throws {
    var settings = TrainingSettings(seed: 3)
    settings.features.analyzer = analyzer
    let a = try SyntheticComments.train(settings: settings).jsonData()
    let b = try SyntheticComments.train(settings: settings).jsonData()
    #expect(a == b)
    settings.seed = 4
    let c = try SyntheticComments.train(settings: settings)
    #expect(c.card.settings.seed == 4)
  }

  @Test("a saved model loads back equal and predicts the same")
  func roundTrip() throws {
    let model = try SyntheticComments.train()
    let loaded = try ThemeModel(jsonData: model.jsonData(), file: "m.json")
    #expect(loaded == model)
    let text = "the bus was late, staff friendly"
    #expect(loaded.predict(text).map(\.probability) == model.predict(text).map(\.probability))
    #expect(try loaded.jsonData() == model.jsonData())
  }

  @Test("a file that is not a model is refused with its name")
  func notAModel() {
    #expect(throws: LearningError.self) { try ThemeModel(jsonData: Data("{\"format\":\"x\"}".utf8), file: "bad.json") }
  }

  @Test("the model card records provenance, counts, settings and scores")
  func card() throws {
    let set = SyntheticComments.set()
    let model = try SyntheticComments.train(set)
    let card = model.card
    #expect(card.voicesVersion == Voices.version)
    #expect(card.created == "2023-11-14T22:13:20Z")
    #expect(card.trainingFile == "synthetic.csv")
    #expect(card.commentsUsed == 105)
    #expect(card.settings.folds == 5)
    #expect(card.features.analyzer == .voicesStems)
    #expect(card.features.minimumDocumentFrequency == 2 && card.features.wordPairs)
    #expect(card.vocabularySize == model.vectorizer.terms.count)
    #expect(card.themes.map(\.id) == ["staff", "transport", "waiting"])
    #expect(card.themes.map(\.positives) == set.themes.indices.map { j in set.examples.filter { $0.themes.contains(j) }.count })
    #expect(card.themes.allSatisfy { $0.truePositives == $0.positives })
    #expect(card.foldRule.contains("FNV-1a"))
  }

  @Test("SHA-256 of the training bytes is the FIPS value")
  func sha() {
    #expect(ThemeModel.sha256Hex(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test("uncertainty ranks comments near a threshold first")
  func uncertainty() throws {
    let model = try SyntheticComments.train()
    let clear = "the taxi driver bus journey"
    let vague = "school"
    #expect(model.uncertainty(vague) > model.uncertainty(clear))
    #expect(model.leastCertain([clear, vague, clear], count: 2).first == 1)
    let scores = model.scores(clear)
    #expect(scores.map(\.theme) == model.themes)
    #expect(scores.allSatisfy { (0...1).contains($0.closeness) })
  }

  @Test("too few comments for the folds is an error")
  func tooFew() {
    let set = SyntheticComments.set(count: 6)
    #expect(throws: LearningError.tooFewComments(file: "synthetic.csv", used: 6, folds: 5)) {
      try SyntheticComments.train(set)
    }
  }
}
