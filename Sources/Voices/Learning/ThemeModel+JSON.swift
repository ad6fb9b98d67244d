import Foundation

extension ThemeModel {
  /// The model file's layout: a format tag, the card, the features and one entry per theme.
  struct File: Codable {
    struct Theme: Codable {
      var id: String
      var threshold: Double
      var bias: Double
      /// One weight per vocabulary term, in `terms` order.
      var weights: [Double]
    }

    var format: String
    var formatVersion: Int
    var card: ModelCard
    var features: FeatureSettings
    var terms: [String]
    var idf: [Double]
    var themes: [Theme]
  }

  static let formatTag = "voices-theme-model"
  static let formatVersion = 1

  /// The model as JSON: keys sorted, so the same training gives the same bytes.
  public func jsonData() throws -> Data {
    let file = File(
      format: Self.formatTag, formatVersion: Self.formatVersion, card: card, features: vectorizer.settings,
      terms: vectorizer.terms, idf: vectorizer.idf,
      themes: themes.indices.map { File.Theme(id: themes[$0], threshold: thresholds[$0], bias: biases[$0], weights: weights[$0]) })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(file)
  }

  /// Reads a model written by `jsonData()`.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The name used in error messages.
  /// - Throws: `LearningError.unreadableModel` (an analyzer this build lacks fails decoding).
  public init(jsonData data: Data, file: String) throws {
    let decoded: File
    do {
      decoded = try JSONDecoder().decode(File.self, from: data)
    } catch {
      throw LearningError.unreadableModel(file: file, reason: "\(error)")
    }
    guard decoded.format == Self.formatTag, decoded.formatVersion == Self.formatVersion else {
      throw LearningError.unreadableModel(file: file, reason: "format \(decoded.format) version \(decoded.formatVersion)")
    }
    guard decoded.idf.count == decoded.terms.count,
      decoded.themes.allSatisfy({ $0.weights.count == decoded.terms.count })
    else {
      throw LearningError.unreadableModel(file: file, reason: "weights and terms differ in length")
    }
    self.init(
      card: decoded.card, themes: decoded.themes.map(\.id), thresholds: decoded.themes.map(\.threshold),
      vectorizer: Vectorizer(settings: decoded.features, terms: decoded.terms, idf: decoded.idf),
      weights: decoded.themes.map(\.weights), biases: decoded.themes.map(\.bias))
  }
}
