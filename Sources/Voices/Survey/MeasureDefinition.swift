import Foundation

/// A measure tracked over the years, as the workspace's `measures.json` registers it: a stable
/// id, its wording in each wave, its scale and which answers count as positive.
///
/// The registry is what makes two waves comparable: when the wording or the scale of a measure
/// changed between waves, comparisons are flagged, never silently made.
public struct MeasureDefinition: Codable, Sendable, Equatable {
  /// Stable id used by manifests (`trust-confidence`).
  public var id: String
  /// A short title for tables and charts.
  public var title: String
  /// The scale id its answers are read on (manifests may say the same or another scale id;
  /// a different one in some wave is a comparability break).
  public var scale: String
  /// Labels counted as positive; the scale's own positive labels when absent.
  public var positive: [String]?
  /// Who is asked (`parent carers`, `young people`, ...), for reports.
  public var audience: String?
  /// The question as worded in each wave, by wave label.
  public var wording: [String: String]
  /// Where this measure comes from (the outcomes scorecard, the strategy) and caveats.
  public var notes: String?

  public init(id: String, title: String, scale: String, positive: [String]? = nil, audience: String? = nil,
              wording: [String: String] = [:], notes: String? = nil) {
    self.id = id
    self.title = title
    self.scale = scale
    self.positive = positive
    self.audience = audience
    self.wording = wording
    self.notes = notes
  }

  enum CodingKeys: String, CodingKey, CaseIterable { case id, title, scale, positive, audience, wording, notes }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decode(String.self, forKey: .id)
    title = try c.decodeIfPresent(String.self, forKey: .title) ?? id
    scale = try c.decode(String.self, forKey: .scale)
    positive = try c.decodeIfPresent([String].self, forKey: .positive)
    audience = try c.decodeIfPresent(String.self, forKey: .audience)
    wording = try c.decodeIfPresent([String: String].self, forKey: .wording) ?? [:]
    notes = try c.decodeIfPresent(String.self, forKey: .notes)
  }
}

/// The workspace's register of measures (`measures.json`): `{"measures": [ ... ]}`.
public struct MeasureRegistry: Codable, Sendable, Equatable {
  public var measures: [MeasureDefinition]

  public init(measures: [MeasureDefinition]) { self.measures = measures }

  public func definition(_ id: String) -> MeasureDefinition? { measures.first { $0.id == id } }

  /// Reads a registry and checks it: unique ids, known scales, positive labels on the scale.
  ///
  /// - Parameters:
  ///   - data: The JSON bytes.
  ///   - file: Its name in messages.
  ///   - scales: Scales known beyond the built-in ones (from manifests).
  /// - Throws: `ManifestError` when the JSON does not decode.
  public static func decode(_ data: Data, file: String, scales: [String: Scale] = [:]) throws -> (MeasureRegistry, [Diagnostic]) {
    let registry: MeasureRegistry
    do { registry = try JSONDecoder().decode(MeasureRegistry.self, from: data) } catch let error as DecodingError {
      throw ManifestLoader.translate(error, file: file)
    } catch {
      throw ManifestError.invalidJSON(file: file, reason: ManifestLoader.jsonReason(error))
    }
    var diagnostics: [Diagnostic] = []
    let at = SourceLocation(file: file, row: 1)
    var seen = Set<String>()
    for (i, measure) in registry.measures.enumerated() {
      if !seen.insert(measure.id).inserted { diagnostics.append(Diagnostic(.error, at: at, "measures[\(i)]: id \"\(measure.id)\" is registered twice")) }
      guard let scale = scales[measure.scale] ?? Scale.builtIn[measure.scale] else {
        diagnostics.append(Diagnostic(.error, at: at, "measures[\(i)] (\(measure.id)): unknown scale \"\(measure.scale)\""))
        continue
      }
      let labels = Set(scale.labels.map(ColumnName.normalised))
      for label in measure.positive ?? [] where !labels.contains(ColumnName.normalised(label)) {
        diagnostics.append(Diagnostic(.error, at: at, "measures[\(i)] (\(measure.id)): positive label \"\(label)\" is not on the \(scale.id) scale"))
      }
    }
    return (registry, diagnostics)
  }
}
