import Foundation

/// Every free-text answer of a workspace as `Workspace.code` coded it, and how many
/// respondents raised each theme per audience and wave, with the small-number rule applied.
///
/// The counting is tallying the final assignments (respondents with at least one comment given
/// the theme); shares, intervals and changes come from Measures' `Proportion` and
/// `ProportionDifference`, so the theme figures follow the same rules as the measures.
struct ThemeResults: Sendable {
  var codebook: Codebook
  /// Every non-empty free-text answer, coded, in workspace order.
  var comments: [CodedComment]
  var counts: [ThemeCount]
  /// Respondents who wrote at least one comment, per audience and wave.
  var bases: [AudienceWave: Int]
  /// Indices into `comments` of the comments given each theme, per audience and wave, in
  /// workspace order: reports list them per theme, and filtering every comment once per theme
  /// took most of a report's time on a large workspace.
  var commentsByTheme: [AudienceWave: [String: [Int]]]

  struct AudienceWave: Hashable, Sendable, Comparable {
    var audience: Theme.Audience
    var wave: String
    static func < (a: AudienceWave, b: AudienceWave) -> Bool { (a.audience.rawValue, a.wave) < (b.audience.rawValue, b.wave) }
  }

  /// One theme in one audience and wave.
  struct ThemeCount: Sendable, Equatable {
    var theme: String
    var audience: Theme.Audience
    var wave: String
    /// Respondents with at least one comment given the theme.
    var respondents: Int
    /// Respondents with at least one comment in this audience and wave.
    var base: Int
    /// The count after the small-number rule.
    var published: SuppressedCell
    /// Share of respondents who commented, with its Wilson interval; `nil` when not published.
    var share: WilsonInterval?
    /// The previous wave of this audience with comments, if any.
    var previousWave: String?
    /// Change in share since `previousWave`, when both shares are published.
    var change: ProportionDifference?
    /// True when the theme had no respondents at all in the previous wave.
    var isNew: Bool
  }

  /// Counts the themes of a coded corpus.
  static func counting(_ corpus: CodedCorpus, policy: SuppressionPolicy) -> ThemeResults {
    let codebook = corpus.codebook, comments = corpus.comments

    var bases: [AudienceWave: Set<String>] = [:]
    var hits: [AudienceWave: [String: Set<String>]] = [:]
    var byTheme: [AudienceWave: [String: [Int]]] = [:]
    for (index, c) in comments.enumerated() {
      let key = AudienceWave(audience: c.audience, wave: c.wave)
      bases[key, default: []].insert(c.responseId)
      for a in c.assignments {
        hits[key, default: [:]][a.themeId, default: []].insert(c.responseId)
        if byTheme[key]?[a.themeId]?.last != index { byTheme[key, default: [:]][a.themeId, default: []].append(index) }
      }
    }
    let rule = SuppressionRule(minimumCount: policy.minimumCount, minimumBase: policy.minimumBase)
    var counts: [ThemeCount] = []
    var previous: [Theme.Audience: AudienceWave] = [:]
    var previousCounts: [String: ThemeCount] = [:]
    for key in bases.keys.sorted() {
      let base = bases[key]?.count ?? 0
      var current: [String: ThemeCount] = [:]
      for theme in codebook.themes(for: key.audience) {
        let k = hits[key]?[theme.id]?.count ?? 0
        let published: SuppressedCell
        switch policy.rule {
        case .nhs: published = NHSSuppression.apply([k])[0]
        case .threshold: published = rule.primary([k])[0]
        }
        let shareShown = !published.isSuppressed && rule.allowsPercentage(base: base)
        let share = shareShown ? ((try? Proportion(k, of: base)).flatMap { try? $0.wilsonInterval() } ?? nil) : nil
        let prev = previous[key.audience].flatMap { _ in previousCounts[theme.id] }
        var change: ProportionDifference? = nil
        if let prev, prev.share != nil, share != nil,
           let p1 = try? Proportion(k, of: base), let p0 = try? Proportion(prev.respondents, of: prev.base) {
          change = try? ProportionDifference.between(p1, p0)
        }
        let count = ThemeCount(theme: theme.id, audience: key.audience, wave: key.wave, respondents: k, base: base, published: published,
                               share: share, previousWave: previous[key.audience]?.wave, change: change,
                               isNew: prev != nil && prev?.respondents == 0 && k > 0)
        counts.append(count)
        current[theme.id] = count
      }
      // Keys sort by audience then wave, so the counts just made are the next wave's previous.
      previous[key.audience] = key
      previousCounts = current
    }
    return ThemeResults(codebook: codebook, comments: comments, counts: counts, bases: bases.mapValues(\.count), commentsByTheme: byTheme)
  }

  /// The comments of `audience` and `wave` given `theme`, in workspace order.
  func comments(given theme: String, audience: Theme.Audience, wave: String) -> [CodedComment] {
    (commentsByTheme[AudienceWave(audience: audience, wave: wave)]?[theme] ?? []).map { comments[$0] }
  }

  /// The waves with comments for `audience`, oldest first.
  func waves(_ audience: Theme.Audience) -> [String] {
    bases.keys.filter { $0.audience == audience }.map(\.wave).sorted()
  }

  /// Counts of one audience and wave, most respondents first (then codebook order); suppressed
  /// counts sort last so their order reveals nothing.
  func ranked(_ audience: Theme.Audience, wave: String) -> [ThemeCount] {
    let order = Dictionary(uniqueKeysWithValues: codebook.themes.enumerated().map { ($0.element.id, $0.offset) })
    return counts.filter { $0.audience == audience && $0.wave == wave }.sorted { a, b in
      let ka = a.published.isSuppressed ? -1 : a.respondents, kb = b.published.isSuppressed ? -1 : b.respondents
      return ka != kb ? ka > kb : (order[a.theme] ?? 0) < (order[b.theme] ?? 0)
    }
  }
}
