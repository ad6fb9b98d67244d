import Foundation

/// A theme a trained model gives a comment, and how sure it is.
public struct ModelProposal: Sendable, Equatable {
  public var theme: String
  public var probability: Double

  public init(theme: String, probability: Double) {
    self.theme = theme
    self.probability = probability
  }
}

/// Trained theme models applied to comments, alongside the rules.
///
/// A comment gets every theme a model assigns (its probability reaches the theme's threshold,
/// see `ThemeModel.assign`) that the comment's audience may have: the codebook says which
/// audience each theme is for, as it does for the rules, so a model trained on parent carers'
/// comments never gives a young people's theme. A theme the codebook does not know (a model
/// trained on another coding frame, such as the NHS one) is open to every comment. Where two
/// models give the same theme, the higher probability counts.
///
/// Beside rules (a codebook with themes), the model proposes a theme only when its probability
/// also reaches `besideRulesMinimum`: the rules are the more precise coder, so the model adds
/// only what it is sure of. Measured leave-one-set-out (docs/coding-quality.md): adding every
/// theme past the model's own threshold lowered micro-F1 below the rules' (more false
/// positives), adding those at 0.8 or more kept it.
public struct ModelCoder: Sendable {
  public let models: [ThemeModel]
  /// Theme id -> the audience it is for, from the codebook.
  let audiences: [String: Theme.Audience]
  /// The probability a theme needs beside the rules; 0 when the model codes alone.
  public let minimumProbability: Double

  /// The probability the model's theme needs when rules code the comment too.
  public static let besideRulesMinimum = 0.8

  public init(models: [ThemeModel], codebook: Codebook? = nil) {
    self.models = models
    var audiences: [String: Theme.Audience] = [:]
    for theme in codebook?.themes ?? [] { audiences[theme.id] = theme.audience }
    self.audiences = audiences
    minimumProbability = (codebook?.themes.isEmpty ?? true) ? 0 : Self.besideRulesMinimum
  }

  /// Reads a model file, or every `*.json` model in a folder (in name order).
  ///
  /// - Throws: `LearningError.unreadableModel` naming the file, or when a folder has no model.
  public static func loadModels(at path: String) throws -> [ThemeModel] {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
      throw LearningError.unreadableModel(file: path, reason: "no such file or folder")
    }
    var files = [path]
    if isFolder.boolValue {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      files = names.filter { $0.lowercased().hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
      guard !files.isEmpty else {
        throw LearningError.unreadableModel(file: path, reason: "the folder has no model (.json); train one with `voices learn`")
      }
    }
    return try files.map { file in
      guard let data = FileManager.default.contents(atPath: file) else {
        throw LearningError.unreadableModel(file: file, reason: "cannot read the file")
      }
      return try ThemeModel(jsonData: data, file: file)
    }
  }

  /// Whether a comment for `audience` may have `theme`.
  func allows(_ theme: String, for audience: Theme.Audience) -> Bool {
    guard audience != .all, let for_ = audiences[theme], for_ != .all else { return true }
    return for_ == audience
  }

  /// Every theme's score a comment may have, over all models (the highest per theme).
  func scores(for comment: CodedComment) -> [ThemeModel.Score] {
    var best: [String: ThemeModel.Score] = [:]
    for model in models {
      for score in model.scores(comment.text) where allows(score.theme, for: comment.audience) {
        if let known = best[score.theme], known.probability >= score.probability { continue }
        best[score.theme] = score
      }
    }
    return best.values.sorted { $0.theme < $1.theme }
  }

  /// The themes the models give a comment, most probable first (ties by theme id).
  public func proposals(for comment: CodedComment) -> [ModelProposal] {
    scores(for: comment).filter { $0.assigned && $0.probability >= minimumProbability }
      .map { ModelProposal(theme: $0.theme, probability: $0.probability) }
      .sorted { $0.probability != $1.probability ? $0.probability > $1.probability : $0.theme < $1.theme }
  }

  /// `proposals(for:)` of every comment, in order, computed on every core.
  public func proposals(for comments: [CodedComment]) -> [[ModelProposal]] {
    parallelMap(comments.count) { proposals(for: comments[$0]) }
  }

  /// How unsure the models are about a comment: the largest `ThemeModel.Score.closeness` over
  /// the themes it may have (1: a probability on a threshold; 0: certain either way).
  public func uncertainty(of comment: CodedComment) -> Double {
    scores(for: comment).map(\.closeness).max() ?? 0
  }

  /// `uncertainty(of:)` of every comment, in order, computed on every core.
  public func uncertainties(of comments: [CodedComment]) -> [Double] {
    parallelMap(comments.count) { uncertainty(of: comments[$0]) }
  }
}
