import Foundation

/// A model trained on one of a workspace's human-coded samples and saved in `models/`.
public struct LearnedModel: Sendable {
  /// The sample it learned from, e.g. `parent-carers.csv`.
  public var sample: String
  public var model: ThemeModel
  /// Where it was saved: `models/<sample name>.json` in the workspace.
  public var url: URL
  /// Wall-clock seconds the training took.
  public var seconds: Double
}

/// Why a workspace has nothing to learn from.
public enum WorkspaceLearningError: Error, Equatable, Sendable, CustomStringConvertible {
  case noCodedSample(folder: String)

  public var description: String {
    switch self {
    case .noCodedSample(let folder):
      "\(folder) has no human-coded CSV (response_id,text,themes with ids joined by ;) to learn from"
    }
  }
}

extension Workspace {
  /// Trains one model per human-coded file of `coded-sample/` (columns `response_id`, `text`,
  /// `themes`) and saves each, atomically, as `models/<name>.json`, where `voices code --model`
  /// and `voices review export --uncertain` find it. A comment coded with no theme is kept as a
  /// negative for every theme (the coder read it and found none).
  ///
  /// - Parameters:
  ///   - settings: Features, regularisation, folds and thresholds.
  ///   - created: The date written in each model card (SOURCE_DATE_EPOCH for reproducible runs).
  ///   - progress: Called before each file is trained on.
  /// - Throws: `WorkspaceLearningError`, the CSV reader's and `LearningError`s, `AtomicFileError`.
  public func learnModels(settings: TrainingSettings, created: Date,
                          progress: ((String) -> Void)? = nil) throws -> [LearnedModel] {
    let samples = root.appendingPathComponent("coded-sample")
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: samples.path)) ?? [])
      .filter { $0.lowercased().hasSuffix(".csv") }.sorted()
    guard !names.isEmpty else { throw WorkspaceLearningError.noCodedSample(folder: displayName(of: "coded-sample/")) }
    let models = root.appendingPathComponent("models")
    try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
    return try names.map { name in
      let bytes = try [UInt8](Data(contentsOf: samples.appendingPathComponent(name)))
      let table = try CSVReader.read(bytes: bytes, file: displayName(of: "coded-sample/\(name)"))
      let set = try TrainingSet.read(table, textColumn: "text", labels: .column("themes"), idColumn: "response_id", excludedThemes: [],
                                     keepUncoded: true)
      progress?("training on \(set.examples.count) comments of \(name), \(set.themes.count) themes")
      let started = Date()
      let model = try ThemeModel.train(set, settings: settings, trainingFile: name,
                                       trainingDataSHA256: ThemeModel.sha256Hex(of: bytes), created: created)
      let url = models.appendingPathComponent((name as NSString).deletingPathExtension + ".json")
      try AtomicFile.write([UInt8](try model.jsonData()), to: url)
      return LearnedModel(sample: name, model: model, url: url, seconds: Date().timeIntervalSince(started))
    }
  }
}
