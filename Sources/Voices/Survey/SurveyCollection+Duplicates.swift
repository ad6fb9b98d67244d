import Foundation

extension SurveyCollection {
  /// Counts once a person who is in two exports of one wave of one series: the same export
  /// downloaded twice under different names, or a download and a later fuller one.
  ///
  /// Two responses are one person when they share a respondent id, or, where an export has no
  /// ids, when they were submitted at the same second with the same answers and breakdowns
  /// (free text is not compared, so the decision is the same whether comments were kept).
  /// The export with the shorter name keeps the response (a second download usually gains a
  /// suffix: `final`, `(1)`), then the first in name order; in the other it becomes a
  /// duplicate in the row accounting, with one warning per export naming the one kept.
  mutating func countCrossExportDuplicatesOnce() {
    struct Key: Hashable { var wave: String, series: String }
    var seenIds: [Key: [String: String]] = [:]
    var seenRows: [Key: [String: String]] = [:]
    let order = exports.indices.sorted { a, b in
      exports[a].name.count != exports[b].name.count ? exports[a].name.count < exports[b].name.count : exports[a].name < exports[b].name
    }
    for e in order {
      let manifest = exports[e].manifest
      let key = Key(wave: manifest.wave, series: manifest.seriesId)
      var kept: [Response] = []
      kept.reserveCapacity(exports[e].responses.count)
      var sharedWith: [String: Int] = [:]
      var newIds: [String: String] = [:], newRows: [String: String] = [:]
      for response in exports[e].responses {
        var earlier: String? = nil
        if let id = response.respondentId {
          earlier = seenIds[key]?[id]
          if earlier == nil { newIds[id] = exports[e].name }
        } else if let row = SurveyCollection.rowSignature(response) {
          earlier = seenRows[key]?[row]
          if earlier == nil { newRows[row] = exports[e].name }
        }
        if let earlier {
          sharedWith[earlier, default: 0] += 1
        } else {
          kept.append(response)
        }
      }
      seenIds[key, default: [:]].merge(newIds) { a, _ in a }
      seenRows[key, default: [:]].merge(newRows) { a, _ in a }
      guard !sharedWith.isEmpty else { continue }
      let file = exports[e].responses.first?.location.file ?? manifest.file
      exports[e].responses = kept
      for (other, count) in sharedWith.sorted(by: { $0.key < $1.key }) {
        exports[e].accounting.accepted -= count
        exports[e].accounting.duplicates += count
        exports[e].diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file, row: 0),
          "\(count) response\(count == 1 ? " is" : "s are") also in \(other) (the same wave \(manifest.wave) of series \(manifest.seriesId), by respondent id or an identical submission): counted once, there; is this export a second download of it? (`voices remove \(exports[e].name)` takes it out)"))
      }
    }
  }

  /// A response's submitted second, breakdowns and answers, when it has a submitted time
  /// (without one, two people giving the same ratings would look like one person).
  static func rowSignature(_ r: Response) -> String? {
    guard let submitted = r.submitted else { return nil }
    var parts = [submitted.iso, r.group ?? ""]
    parts += r.breakdowns.keys.sorted().map { "\($0)=\(r.breakdowns[$0] ?? "")" }
    parts += r.answers.map { "\($0.measure)/\($0.timepoint ?? "")=\($0.raw)" }
    return parts.joined(separator: "\u{1F}")
  }
}
