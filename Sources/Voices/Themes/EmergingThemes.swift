import Foundation

/// Groups of comments that say the same thing and that no theme of the codebook covers:
/// candidates for a new theme, with names taken from the comments and every comment's group.
///
/// The method, the same on every run for the same input:
/// 0. The comments considered are those no theme was given (or every comment, with
///    `Settings.everyComment`, for a consultation with no codebook yet). They are redacted and
///    the markers removed, so personal data never becomes a term; comments with the same words
///    (stems) count as one document, so a pasted sentence is not a theme.
/// 1. Each document becomes its terms (`CommentTerms`: stems and pairs of neighbouring words,
///    negated words kept apart). Terms in one document only are dropped; when some comments are
///    covered, so are terms no more common among the uncovered comments than among the covered
///    ones (a smoothed log-odds ratio at or below 0): the groups are built from what is new.
/// 2. A short-text mixture model (`ShortTextMixture`, GSDMM) gives each document one group
///    and chooses how many groups there are; groups under `minimumSize` documents are closed
///    and their documents moved to the most probable remaining group.
/// 3. Each group is named by its most distinctive phrases of 2-4 words as written in its
///    comments (scored by a log-odds ratio of the group against the other comments considered,
///    times how many of the group's comments use the phrase), and shows up to `quotes` varied
///    comments from people who agreed to be quoted, redacted.
public struct EmergingThemes: Sendable, Equatable, Encodable {
  /// How the groups are made.
  public struct Settings: Sendable, Equatable {
    /// The fewest different comments a group may hold.
    public var minimumSize = 3
    /// Group every comment, coded or not (no codebook yet), rather than the uncovered ones.
    public var everyComment = false
    /// Most quotes shown per group.
    public var quotes = 3
    public init(minimumSize: Int = 3, everyComment: Bool = false, quotes: Int = 3) {
      self.minimumSize = minimumSize
      self.everyComment = everyComment
      self.quotes = quotes
    }
  }

  /// How many comments of a wave, or of a respondent group and question, a group holds.
  public struct Count: Sendable, Equatable, Encodable {
    public var name: String
    public var comments: Int
  }

  /// One candidate theme.
  public struct Group: Sendable, Equatable, Encodable {
    /// 1, 2, ... in order of size: what `voices themes adopt GROUP` takes.
    public var number: Int
    /// The most distinctive phrases, as written (2-4 words each), best first; the first is
    /// the group's name.
    public var phrases: [String]
    /// The most distinctive terms (stems, and stem pairs joined by a space; `¬` marks a
    /// negated word), best first: what a drafted codebook row's patterns come from.
    public var terms: [String]
    /// Comments in the group (repeated texts each counted).
    public var size: Int
    /// Different comments in it.
    public var distinctComments: Int
    /// `size` over the comments considered.
    public var share: Double
    public var waves: [Count]
    /// Respondent groups and questions the comments come from ("parent carers: what-is-hard").
    public var sources: [Count]
    /// Varied comments of the group from people who agreed to be quoted, redacted.
    public var quotes: [String]
    public var keys: [CommentKey]

    /// The terms as people wrote them ("not" before a negated word), in the order of `terms`.
    public var writtenTerms: [String]

    public var name: String { phrases.first ?? writtenTerms.first ?? "group \(number)" }
  }

  /// One comment considered, and its group.
  public struct Member: Sendable, Equatable, Encodable {
    public var key: CommentKey
    /// The group's number; nil when the comment has no words to group by ("n/a") or its group
    /// held fewer than the minimum of different comments.
    public var group: Int?
    /// How sure the model is of the group (its posterior probability), 0 with no group.
    public var strength: Double
    /// The comment, redacted.
    public var text: String
  }

  public var groups: [Group]
  /// Every comment considered, in input order.
  public var members: [Member]
  /// How many comments there were in all, and how many were considered.
  public var total: Int
  public var considered: Int

  /// Finds the groups among `comments`.
  ///
  /// - Parameters:
  ///   - comments: Coded comments (their assignments say which are covered).
  ///   - redactions: `redactions[i]` is `comments[i]` redacted.
  ///   - mayQuote: Whether a comment's author agreed to be quoted.
  ///   - settings: See `Settings`.
  /// - Complexity: O(n × g × t) for n comments, g ≤ 40 groups, t terms per comment (30 sweeps).
  public static func find(_ comments: [CodedComment], redactions: [Redaction], mayQuote: (CodedComment) -> Bool = { _ in false },
                          settings: Settings = Settings()) -> EmergingThemes {
    precondition(redactions.count == comments.count, "one redaction per comment")
    let analyzer = TextAnalyzer()
    var cache = WordCache()
    // Documents: one per distinct stem sequence and coverage, members in input order.
    struct Document { var covered: Bool; var members: [Int]; var terms: CommentTerms; var hash: UInt64 }
    var documents: [Document] = []
    var index: [String: Int] = [:]
    for (i, c) in comments.enumerated() {
      let covered = !settings.everyComment && !c.assignments.isEmpty
      let terms = CommentTerms(withoutMarkers(redactions[i].text), analyzer: analyzer, cache: &cache)
      let key = (covered ? "1|" : "0|") + terms.stems.joined(separator: " ")
      if let d = index[key] { documents[d].members.append(i); continue }
      index[key] = documents.count
      documents.append(Document(covered: covered, members: [i], terms: terms, hash: CommentKey(c).stableHash))
    }
    // Uncovered documents in a stable order that does not depend on the input's row order.
    let pool = documents.indices.filter { !documents[$0].covered }
      .sorted { (documents[$0].hash, $0) < (documents[$1].hash, $1) }
    var inPool: [String: Int] = [:], inCovered: [String: Int] = [:]
    for d in documents.indices {
      for t in Set(documents[d].terms.terms) {
        if documents[d].covered { inCovered[t, default: 0] += 1 } else { inPool[t, default: 0] += 1 }
      }
    }
    let u = Double(pool.count), c = Double(documents.count - pool.count)
    func newness(_ t: String) -> Double {
      let a = Double(inPool[t] ?? 0), b = Double(inCovered[t] ?? 0)
      return log((a + 0.5) / (u - a + 0.5)) - log((b + 0.5) / (c - b + 0.5))
    }
    var vocabulary: [String: Int] = [:]
    for t in inPool.keys.sorted() where inPool[t, default: 0] >= 2 && (c == 0 || newness(t) > 0) {
      vocabulary[t] = vocabulary.count
    }
    let bags = pool.map { d in documents[d].terms.terms.compactMap { vocabulary[$0] } }
    let fit = ShortTextMixture().fit(bags, vocabularySize: vocabulary.count, minimumSize: settings.minimumSize)

    // Per group: its documents (pool positions), then names and counts.
    var groupDocs = [[Int]](repeating: [], count: fit.groupCount)
    for (p, g) in fit.groups.enumerated() where g >= 0 { groupDocs[g].append(p) }
    // A group under the minimum (the mixture keeps one when it is the only one) is no group:
    // its comments are written out without one, and no small count is shown.
    groupDocs = splitByStance(groupDocs, terms: pool.map { Set(documents[$0].terms.terms) }, minimumSize: settings.minimumSize)
      .filter { $0.count >= settings.minimumSize }
      .sorted { $0.count != $1.count ? $0.count > $1.count : ($0.first ?? 0) < ($1.first ?? 0) }
    var groupOf = [Int](repeating: -1, count: pool.count)
    for (g, positions) in groupDocs.enumerated() { for p in positions { groupOf[p] = g } }
    let considered = pool.reduce(0) { $0 + documents[$1].members.count }
    var groups: [Group] = []
    for (g, positions) in groupDocs.enumerated() where !positions.isEmpty {
      let docs = positions.map { pool[$0] }
      let indices = docs.flatMap { documents[$0].members }.sorted()
      let phrases = distinctive(positions.map { Set(documents[pool[$0]].terms.phrases.keys) },
                                among: pool.map { Set(documents[$0].terms.phrases.keys) }, members: Set(positions), limit: 4,
                                written: { key in Self.mostWritten(key, in: docs.map { documents[$0].terms }) })
      let terms = distinctive(positions.map { Set(documents[pool[$0]].terms.terms) },
                              among: pool.map { Set(documents[$0].terms.terms) }, members: Set(positions), limit: 8, written: { $0 })
      let writtenTerms = terms.map { term in
        let forms = docs.filter { documents[$0].terms.terms.contains(term) }.map { d in
          term.split(separator: " ").map { stem -> String in
            let negated = stem.hasPrefix(CommentTerms.negated)
            let bare = negated ? String(stem.dropFirst(CommentTerms.negated.count)) : String(stem)
            return (negated ? "not " : "") + (documents[d].terms.words[bare] ?? bare)
          }.joined(separator: " ")
        }
        return Self.mostCommon(forms, fallback: CommentTerms.display(term))
      }
      // Quotes: the surest comments first, each sharing under half its terms with those taken.
      var quotes: [String] = [], taken: [Set<String>] = []
      for p in positions.sorted(by: { (-fit.strengths[$0], documents[pool[$0]].hash) < (-fit.strengths[$1], documents[pool[$1]].hash) })
      where quotes.count < settings.quotes {
        guard let i = documents[pool[p]].members.first(where: { mayQuote(comments[$0]) }) else { continue }
        let words = Set(documents[pool[p]].terms.terms)
        guard taken.allSatisfy({ Double($0.intersection(words).count) < 0.5 * Double(max(1, min($0.count, words.count))) }) else { continue }
        quotes.append(redactions[i].text.trimmingCharacters(in: .whitespacesAndNewlines))
        taken.append(words)
      }
      groups.append(Group(
        number: g + 1, phrases: phrases, terms: terms, size: indices.count, distinctComments: docs.count,
        share: considered == 0 ? 0 : Double(indices.count) / Double(considered),
        waves: counts(indices.map { comments[$0].wave }),
        sources: counts(indices.map { "\(comments[$0].audience.rawValue): \(comments[$0].question)" }),
        quotes: quotes, keys: indices.map { CommentKey(comments[$0]) }, writtenTerms: writtenTerms))
    }
    var members: [Member] = []
    var memberOf: [Int: (group: Int?, strength: Double)] = [:]
    for (p, d) in pool.enumerated() {
      for i in documents[d].members { memberOf[i] = groupOf[p] >= 0 ? (groupOf[p] + 1, fit.strengths[p]) : (nil, 0) }
    }
    for (i, comment) in comments.enumerated() {
      guard let m = memberOf[i] else { continue }
      members.append(Member(key: CommentKey(comment), group: m.group, strength: m.strength, text: redactions[i].text))
    }
    return EmergingThemes(groups: groups, members: members, total: comments.count, considered: considered)
  }

  /// Splits a group in two where its comments use the same word for and against: when at
  /// least `minimumSize` of its documents hold a word only plainly and as many only negated
  /// ("ban" and "don't ban"), those holding it negated become a group of their own (the word
  /// with the most such documents on the smaller side decides). Repeated until no group splits.
  static func splitByStance(_ groups: [[Int]], terms: [Set<String>], minimumSize: Int) -> [[Int]] {
    var out: [[Int]] = [], queue = groups
    while let group = queue.popLast() {
      var plain: [String: Int] = [:], negated: [String: Int] = [:]
      for p in group {
        for t in terms[p] where !t.contains(" ") {
          if t.hasPrefix(CommentTerms.negated) {
            let bare = String(t.dropFirst(CommentTerms.negated.count))
            if !terms[p].contains(bare) { negated[bare, default: 0] += 1 }
          } else if !terms[p].contains(CommentTerms.negated + t) {
            plain[t, default: 0] += 1
          }
        }
      }
      let split = negated.keys.map { ($0, min(negated[$0] ?? 0, plain[$0] ?? 0)) }
        .filter { $0.1 >= max(2, minimumSize) }
        .max { a, b in a.1 != b.1 ? a.1 < b.1 : a.0 > b.0 }
      guard let (word, _) = split else { out.append(group); continue }
      let against = group.filter { terms[$0].contains(CommentTerms.negated + word) && !terms[$0].contains(word) }
      let rest = group.filter { !(terms[$0].contains(CommentTerms.negated + word) && !terms[$0].contains(word)) }
      queue.append(against)
      queue.append(rest)
    }
    return out
  }

  /// The keys that most set the group's documents apart from the rest of the pool: smoothed
  /// log-odds of being in a group document, times the group documents holding it; held by at
  /// least 2 of them (and a fifth of them); a key inside one already taken is skipped.
  static func distinctive(_ group: [Set<String>], among all: [Set<String>], members: Set<Int>, limit: Int,
                          written: (String) -> String) -> [String] {
    var inGroup: [String: Int] = [:], inAll: [String: Int] = [:]
    for s in group { for k in s { inGroup[k, default: 0] += 1 } }
    for s in all { for k in s { inAll[k, default: 0] += 1 } }
    let n = Double(group.count), rest = Double(all.count - group.count)
    let floor = max(2, Int((n / 5).rounded(.up)))
    var scored: [(key: String, score: Double)] = []
    for (k, a) in inGroup where a >= floor {
      let b = Double(inAll[k, default: 0] - a), x = Double(a)
      let odds = log((x + 0.5) / (n - x + 0.5)) - log((b + 0.5) / (rest - b + 0.5))
      if odds > 0 { scored.append((k, odds * x)) }
    }
    scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
    var out: [String] = [], keys: [String] = []
    for s in scored where out.count < limit {
      let words = " " + s.key + " "
      if keys.contains(where: { (" " + $0 + " ").contains(words) || words.contains(" " + $0 + " ") }) { continue }
      keys.append(s.key)
      out.append(written(s.key))
    }
    return out
  }

  /// The way a phrase (its stems) was most often written among `terms`.
  static func mostWritten(_ key: String, in terms: [CommentTerms]) -> String {
    var forms: [String: Int] = [:]
    for t in terms { if let f = t.phrases[key] { forms[f, default: 0] += 1 } }
    return forms.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? key
  }

  /// The most common of `forms` (ties: alphabetical first).
  static func mostCommon(_ forms: [String], fallback: String) -> String {
    var tally: [String: Int] = [:]
    for f in forms { tally[f, default: 0] += 1 }
    return tally.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key ?? fallback
  }

  static func counts(_ names: [String]) -> [Count] {
    var tally: [String: Int] = [:]
    for n in names { tally[n, default: 0] += 1 }
    return tally.map { Count(name: $0.key, comments: $0.value) }
      .sorted { $0.comments != $1.comments ? $0.comments > $1.comments : $0.name < $1.name }
  }

  /// The redaction markers (`[name]` ...) as bytes, for `withoutMarkers`.
  static let markers: [[UInt8]] = RedactionKind.allCases.map { Array($0.marker.utf8) }

  /// `text` with every redaction marker replaced by " . " (a break no term spans).
  static func withoutMarkers(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard bytes.contains(UInt8(ascii: "[")) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "["), let marker = markers.first(where: { bytes[i...].starts(with: $0) }) {
        out += Array(" . ".utf8)
        i += marker.count
        continue
      }
      out.append(bytes[i])
      i += 1
    }
    return String(decoding: out, as: UTF8.self)
  }
}
