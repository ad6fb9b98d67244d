import Foundation

extension Workspace {
  /// A population profile whose answers match nobody is silently useless: representativeness
  /// and weighting skip it. Names each profile (and each of its answers) that no respondent
  /// gave, so a mistyped label or field is fixed rather than missed.
  func checkPopulationLabels(in load: inout SurveyCollection) {
    let at = SourceLocation(file: displayName(of: "population.json"), row: 0)
    for profile in load.population {
      let exports = load.exports.filter { profile.appliesTo == nil || $0.manifest.source == profile.appliesTo }
      let name = "population profile \"\(profile.title)\" (field \"\(profile.field)\")"
      guard !exports.isEmpty else {
        load.diagnostics.append(Diagnostic(.warning, at: at,
          "\(name) applies to \(profile.appliesTo?.rawValue ?? "every route") but no export of it was read, so it is not used"))
        continue
      }
      guard exports.contains(where: { $0.manifest.breakdowns.contains { $0.field == profile.field } }) else {
        load.diagnostics.append(Diagnostic(.warning, at: at,
          "\(name): no manifest it applies to has a breakdown field \"\(profile.field)\", so respondents cannot be compared with it or weighted to it"))
        continue
      }
      var answers = Set<String>()
      for export in exports {
        for response in export.responses { if let value = response.breakdowns[profile.field] { answers.insert(ColumnName.normalised(value)) } }
      }
      let unmatched = profile.shares.keys.filter { !answers.contains(ColumnName.normalised($0)) }.sorted()
      if unmatched.count == profile.shares.count {
        load.diagnostics.append(Diagnostic(.warning, at: at,
          "\(name): none of its answers (\(unmatched.map { "\"\($0)\"" }.joined(separator: ", "))) is an answer any respondent gave, so representativeness and weighting are skipped; use the answers as they appear in the exports"))
      } else if !unmatched.isEmpty {
        load.diagnostics.append(Diagnostic(.warning, at: at,
          "\(name): no respondent gave \(unmatched.map { "\"\($0)\"" }.joined(separator: ", ")); check the spelling against the exports (a group nobody answered is shown as 0)"))
      }
    }
  }
}
