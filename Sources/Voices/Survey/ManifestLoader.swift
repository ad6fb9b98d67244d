import Foundation

/// Reads a manifest file and checks it on its own, before any export is opened.
public enum ManifestLoader {
  /// Decodes a manifest and reports what is wrong with it as diagnostics.
  ///
  /// - Parameters:
  ///   - data: The JSON bytes.
  ///   - file: The manifest's name in messages.
  /// - Returns: The manifest and its diagnostics (unknown keys, impossible combinations).
  /// - Throws: `ManifestError` when the JSON cannot be decoded into a manifest.
  public static func decode(_ data: Data, file: String) throws -> (Manifest, [Diagnostic]) {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: data)
    } catch {
      throw ManifestError.invalidJSON(file: file, reason: jsonReason(error))
    }
    guard let dictionary = object as? [String: Any] else {
      throw ManifestError.invalidField(file: file, path: "top level", expected: "a JSON object { ... }")
    }
    let manifest: Manifest
    do {
      manifest = try JSONDecoder().decode(Manifest.self, from: data)
    } catch let error as DecodingError {
      throw translate(error, file: file)
    }
    var diagnostics: [Diagnostic] = []
    let at = SourceLocation(file: file, row: 1)
    let known = Set(Manifest.CodingKeys.allCases.map(\.rawValue))
    for key in dictionary.keys.sorted() where !known.contains(key) {
      let hint = known.first { $0.lowercased() == key.lowercased() }.map { "; did you mean \"\($0)\"?" } ?? ""
      diagnostics.append(Diagnostic(.warning, at: at, "unknown key \"\(key)\" is ignored\(hint)"))
    }
    diagnostics += check(manifest, at: at)
    return (manifest, diagnostics)
  }

  /// Reads and decodes a manifest file.
  public static func load(contentsOf url: URL, file: String) throws -> (Manifest, [Diagnostic]) {
    let data: Data
    do { data = try Data(contentsOf: url) } catch {
      throw ManifestError.unreadable(file: file, reason: (error as NSError).localizedDescription)
    }
    return try decode(data, file: file)
  }

  static func check(_ manifest: Manifest, at: SourceLocation) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func error(_ message: String) { diagnostics.append(Diagnostic(.error, at: at, message)) }
    if manifest.manifestVersion != 1 {
      error("manifestVersion \(manifest.manifestVersion) is not supported; this Voices reads version 1")
    }
    if manifest.wave.trimmingCharacters(in: .whitespaces).isEmpty { error("wave is empty; give a label such as \"2025\"") }
    switch (manifest.respondentGroup, manifest.respondentGroupColumn) {
    case (nil, nil): error("give respondentGroup (one group for every row) or respondentGroupColumn")
    case (.some, .some): error("give respondentGroup or respondentGroupColumn, not both")
    default: break
    }
    if let rows = manifest.headerRows, rows < 0 || rows > 20 { error("headerRows \(rows) must be between 0 and 20") }
    for (i, measure) in manifest.measures.enumerated() {
      if manifest.scale(measure.scale) == nil {
        let known = (Scale.builtIn.keys.sorted() + manifest.scales.keys.sorted()).joined(separator: ", ")
        error("measures[\(i)] (\(measure.measure)): unknown scale \"\(measure.scale)\"; known scales: \(known)")
      }
      if let timepoint = measure.timepoint, timepoint != "before", timepoint != "after" {
        error("measures[\(i)] (\(measure.measure)): timepoint must be \"before\" or \"after\", not \"\(timepoint)\"")
      }
    }
    for (id, scale) in manifest.scales {
      if scale.labels.isEmpty { error("scales.\(id): labels is empty") }
      let labels = Set(scale.labels.map(ColumnName.normalised))
      for label in scale.positive where !labels.contains(ColumnName.normalised(label)) {
        error("scales.\(id): positive label \"\(label)\" is not one of its labels")
      }
      if let values = scale.values, values.count != scale.labels.count {
        error("scales.\(id): \(values.count) values for \(scale.labels.count) labels")
      }
    }
    var seen: [String: String] = [:]
    let uses = manifest.measures.map { ("measure \($0.measure)", $0.column) }
      + manifest.freeText.map { ("free text \($0.question)", $0.column) }
      + manifest.breakdowns.map { ("breakdown \($0.field)", $0.column) }
    for (use, column) in uses {
      let key = ColumnName.normalised(column)
      if let earlier = seen[key], earlier != use { error("column \"\(column)\" is used twice: as \(earlier) and as \(use)") }
      seen[key] = use
    }
    return diagnostics
  }

  static func jsonReason(_ error: Error) -> String {
    let ns = error as NSError
    return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
  }

  static func translate(_ error: DecodingError, file: String) -> ManifestError {
    func path(_ context: DecodingError.Context, _ last: CodingKey? = nil) -> String {
      var keys = context.codingPath
      if let last { keys.append(last) }
      var text = ""
      for key in keys {
        if let index = key.intValue { text += "[\(index)]" } else { text += text.isEmpty ? key.stringValue : ".\(key.stringValue)" }
      }
      return text.isEmpty ? "top level" : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return .missingField(file: file, path: path(context, key))
    case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
      return .invalidField(file: file, path: path(context), expected: expectedName(type))
    case .dataCorrupted(let context):
      let last = context.codingPath.last?.stringValue
      if last == "source" {
        return .invalidField(file: file, path: path(context), expected: "one of " + SurveySource.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
      }
      if last == "layout" {
        return .invalidField(file: file, path: path(context), expected: "one of " + VendorLayout.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
      }
      return .invalidValue(file: file, path: path(context), reason: context.debugDescription)
    @unknown default:
      return .invalidJSON(file: file, reason: "\(error)")
    }
  }

  static func expectedName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text in quotes"
    case is Int.Type: "a whole number"
    case is Double.Type: "a number"
    case is Array<Any>.Type: "a list [ ... ]"
    default: "\(type)"
    }
  }
}
