import Foundation

/// A codebook row drafted from an emerging group, for the Parent Carer Council to edit, with
/// what its patterns find.
///
/// The patterns are the group's distinctive terms as people wrote them (`EmergingThemes.Group.terms`:
/// a word, or two neighbouring words, which the pattern language matches by stem just as the
/// grouping counted them), chosen greedily: each next pattern is the one that finds the most
/// group comments not yet found, as long as at least half of the considered comments it finds
/// are in the group; at most `maximumPatterns`. Negated terms are left out (a pattern cannot
/// say "this word, negated" simply; a person can add an exclusion).
public struct ThemeDraft: Sendable, Equatable {
  public var theme: Theme
  /// Group comments the row finds, and group comments it misses.
  public var matched: [CommentKey]
  public var missed: [CommentKey]
  /// Comments outside the group (among those considered) the row also finds.
  public var alsoMatched: [CommentKey]

  /// Drafts a row for `group` of `found`.
  ///
  /// - Parameters:
  ///   - group: The group.
  ///   - comments: The comments `found` was made from, in the same order, with `redactions`.
  ///   - theme: The id, label, audience and polarity to give the row (patterns are filled in).
  /// - Throws: `CodebookError` if a drafted pattern does not compile (it is made of words only,
  ///   so this would be a bug, reported rather than hidden).
  public static func draft(_ group: EmergingThemes.Group, of found: EmergingThemes, comments: [CodedComment],
                           redactions: [Redaction], theme: Theme, maximumPatterns: Int = 8) throws -> ThemeDraft {
    let analyzer = TextAnalyzer()
    var cache = WordCache()
    let considered = Set(found.members.map(\.key))
    let inGroup = Set(group.keys)
    var texts: [(key: CommentKey, terms: CommentTerms)] = []
    for (i, c) in comments.enumerated() where considered.contains(CommentKey(c)) {
      texts.append((CommentKey(c), CommentTerms(EmergingThemes.withoutMarkers(redactions[i].text), analyzer: analyzer, cache: &cache)))
    }
    // Candidate patterns: each distinctive term, written as its words were most often written.
    var candidates: [(pattern: String, hits: Set<Int>)] = []
    for term in group.terms where !term.contains(CommentTerms.negated) {
      let stems = term.split(separator: " ").map(String.init)
      var forms: [String: Int] = [:]
      var hits = Set<Int>()
      for (i, t) in texts.enumerated() where t.terms.terms.contains(term) {
        hits.insert(i)
        let written = stems.map { t.terms.words[$0] ?? $0 }.joined(separator: " ")
        forms[written, default: 0] += 1
      }
      guard let form = forms.max(by: { a, b in a.value != b.value ? a.value < b.value : a.key > b.key })?.key else { continue }
      candidates.append((Self.quoted(form), hits))
    }
    let groupIndices = Set(texts.indices.filter { inGroup.contains(texts[$0].key) })
    var covered = Set<Int>(), patterns: [String] = []
    while patterns.count < maximumPatterns {
      var best: (pattern: String, hits: Set<Int>, gain: Int)? = nil
      for c in candidates where !patterns.contains(c.pattern) {
        let inside = c.hits.intersection(groupIndices)
        let gain = inside.subtracting(covered).count
        guard gain > 0, 2 * inside.count >= c.hits.count else { continue }
        if best == nil || gain > best!.gain { best = (c.pattern, c.hits, gain) }
      }
      guard let chosen = best else { break }
      patterns.append(chosen.pattern)
      covered.formUnion(chosen.hits)
    }
    var row = theme
    row.patterns = patterns
    if row.notes.isEmpty {
      row.notes = "Drafted by voices themes adopt from emerging group \(group.number) (\(group.name)); edit before use."
    }
    // What the row finds, by the coder itself.
    let engine = try CodingEngine(Codebook(name: "draft", themes: [Theme(id: row.id, label: row.label, polarity: row.polarity,
                                                                        patterns: row.patterns, exclusions: row.exclusions)]))
    var draft = ThemeDraft(theme: row, matched: [], missed: [], alsoMatched: [])
    var batch = comments.indices.filter { considered.contains(CommentKey(comments[$0])) }.map { i in
      CodedComment(responseId: comments[i].responseId, wave: comments[i].wave, question: comments[i].question, text: redactions[i].text)
    }
    CodingRun.code(&batch, with: engine)
    for c in batch {
      let key = CommentKey(c), hit = !c.assignments.isEmpty
      if inGroup.contains(key) {
        if hit { draft.matched.append(key) } else { draft.missed.append(key) }
      } else if hit {
        draft.alsoMatched.append(key)
      }
    }
    return draft
  }

  /// A word that is also an operator of the pattern language goes in quotes.
  static func quoted(_ form: String) -> String {
    form.split(separator: " ").map { w in ["near", "before"].contains(w.lowercased()) || w.contains(where: PatternParser.isSpecial) ? "\"\(w)\"" : String(w) }
      .joined(separator: " ")
  }
}
