import Foundation
import Voices

/// `voices themes adopt GROUP`: drafts a codebook row from an emerging group and appends it to
/// the codebook the Parent Carer Council edits.
enum ThemesAdopt {
  static func run(_ number: Int, found: EmergingThemes, input: ThemesInput, arguments: Arguments) throws {
    guard let group = found.groups.first(where: { $0.number == number }) else {
      throw UsageError("there is no group \(number): voices themes suggest shows \(found.groups.count) groups")
    }
    guard let id = arguments.value("--id"), Theme.isValidID(id) else {
      throw UsageError("--id NEW-THEME-ID is required: lower-case letters, digits and hyphens (short-breaks)")
    }
    guard let label = arguments.value("--label"), !label.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw UsageError("--label \"...\" is required: the theme's short name")
    }
    // The group's audience: where most of its comments come from.
    var byAudience: [Theme.Audience: Int] = [:]
    let keys = Set(group.keys)
    for c in input.comments where keys.contains(CommentKey(c)) { byAudience[c.audience, default: 0] += 1 }
    let audience = byAudience.max { a, b in a.value != b.value ? a.value < b.value : a.key.rawValue > b.key.rawValue }?.key ?? .all
    let polarityText = arguments.value("--polarity") ?? (audience == .parentCarers ? "difficulty" : "neutral")
    guard let polarity = Theme.Polarity(rawValue: polarityText) else {
      throw UsageError("--polarity is difficulty, positive, aspiration or neutral, not \"\(polarityText)\"")
    }
    let target = try codebookFile(input, audience: audience)
    if let target {
      let existing = try Codebook.read(contentsOf: target)
      guard existing.theme(id) == nil else { throw UsageError("\(target.path) already has a theme \"\(id)\": choose another --id") }
    }
    let theme = Theme(id: id, label: label, youSaid: group.phrases.prefix(3).joined(separator: "; "), polarity: polarity,
                      audience: audience, notes: "")
    let draft = try ThemeDraft.draft(group, of: found, comments: input.comments, redactions: input.redactions, theme: theme)
    Terminal.out("Group \(group.number), \(group.name): \(group.size) comments")
    Terminal.out("Drafted row for \(id) (\(label)), \(polarity.rawValue), \(audience.rawValue):")
    Terminal.out("  patterns: " + (draft.theme.patterns.isEmpty ? "(none found: write them by hand)" : draft.theme.patterns.joined(separator: "; ")))
    Terminal.out("  finds \(draft.matched.count) of the group's \(group.keys.count) comments; misses \(draft.missed.count); also finds \(draft.alsoMatched.count) other comments")
    let text = Dictionary(found.members.map { ($0.key, $0.text) }, uniquingKeysWith: { a, _ in a })
    func show(_ title: String, _ keys: [CommentKey]) {
      guard !keys.isEmpty else { return }
      Terminal.out("  \(title):")
      for k in keys.prefix(10) { Terminal.out("    - \(k.responseId): \((text[k] ?? "").replacingOccurrences(of: "\n", with: " "))") }
      if keys.count > 10 { Terminal.out("    ... and \(keys.count - 10) more") }
    }
    show("misses", draft.missed)
    show("also finds", draft.alsoMatched)
    guard !arguments.has("--dry-run") else { return }
    guard let target else {
      throw UsageError("no codebook to write to: give --codebook FILE.csv (or use a workspace), or --dry-run")
    }
    try append(draft.theme, to: target)
    Terminal.out("Appended to \(target.path). Edit the row there (patterns, exclusions, notes), then run voices codebook check.")
  }

  /// The codebook file to append to: --codebook when it is a file; else the workspace codebook
  /// whose themes are for `audience` (or its only file).
  static func codebookFile(_ input: ThemesInput, audience: Theme.Audience) throws -> URL? {
    guard let path = input.codebookPath else { return nil }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return nil }
    guard isFolder.boolValue else { return URL(fileURLWithPath: path) }
    let files = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
      .map { URL(fileURLWithPath: path).appendingPathComponent($0) }
    if files.count == 1 { return files[0] }
    for f in files where try Codebook.read(contentsOf: f).themes.contains(where: { $0.audience == audience }) { return f }
    return nil
  }

  /// Appends `theme` as one row, in the file's own columns, leaving every other byte as it was;
  /// written to a temporary file and renamed.
  static func append(_ theme: Theme, to url: URL) throws {
    let table = try TableReader.read(contentsOf: url, file: url.path)
    guard let header = table.records.first?.fields else { throw UsageError("\(url.path) has no header row") }
    let values: [String: String] = [
      "id": theme.id, "label": theme.label, "you_said": theme.youSaid, "polarity": theme.polarity.rawValue,
      "priority": theme.priority, "audience": theme.audience.rawValue, "patterns": theme.patterns.joined(separator: "; "),
      "exclusions": theme.exclusions.joined(separator: "; "), "notes": theme.notes,
    ]
    let row = TableWriter.csv([header.map { values[$0.trimmingCharacters(in: .whitespaces).lowercased()] ?? "" }])
    var bytes = [UInt8](try Data(contentsOf: url))
    if let last = bytes.last, last != UInt8(ascii: "\n") { bytes += Array("\r\n".utf8) }
    bytes += Array(row.utf8)
    try AtomicFile.write(bytes, to: url)
  }
}
