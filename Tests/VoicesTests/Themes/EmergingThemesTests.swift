import Foundation
import Testing
@testable import Voices

@Suite("Emerging themes") struct EmergingThemesTests {
  /// Three things people said, six ways each, none of which the codebook knows.
  static let said: [String] = [
    "The short breaks service has been cut and we get no respite at all.",
    "We used to have short breaks at weekends but the respite has gone.",
    "No respite, no short breaks, we are exhausted as carers.",
    "Short breaks were stopped last year and respite care is impossible to get.",
    "Respite would help us so much, short breaks are a lifeline we lost.",
    "Please bring back short breaks and overnight respite for families.",
    "The school toilets are filthy and there is never any soap.",
    "Toilets at school are locked during lessons so she waits all day.",
    "He will not use the school toilets because they are dirty and there are no locks.",
    "The toilets are broken and the school says it has no money to fix them.",
    "Dirty toilets at school mean she gets ill from holding it all day.",
    "School toilets have no doors on the cubicles, he is mortified.",
    "The bus to college leaves before his lectures end so he misses the bus home.",
    "College bus times do not match the timetable, he waits two hours.",
    "There is one bus to college and it is always late.",
    "He missed the college bus again and had no way home.",
    "The bus to college is full by the time it reaches our village.",
    "College transport means a bus at six in the morning.",
  ]

  static func comments(_ texts: [String], covered: Set<Int> = []) -> [CodedComment] {
    texts.enumerated().map { i, t in
      var c = CodedComment(responseId: "r\(i)", wave: "2025", question: "q", text: t, audience: .parentCarers)
      if covered.contains(i) { c.assignments = [ThemeAssignment(themeId: "known", evidence: [])] }
      return c
    }
  }

  static func find(_ cs: [CodedComment], minimumSize: Int = 3) -> EmergingThemes {
    EmergingThemes.find(cs, redactions: Redactor().redact(all: cs.map(\.text)), mayQuote: { _ in true },
                        settings: .init(minimumSize: minimumSize))
  }

  /// Each group's comments as a set of response ids, for comparing groupings.
  static func partition(_ found: EmergingThemes) -> Set<Set<String>> {
    Set(found.groups.map { Set($0.keys.map(\.responseId)) })
  }

  @Test("the same comments in any order give the same groups")
  func deterministic() {
    let a = Self.find(Self.comments(Self.said))
    let b = Self.find(Self.comments(Self.said))
    #expect(a == b)
    let reversed = Self.comments(Self.said).reversed().map { $0 }
    #expect(Self.partition(Self.find(reversed)) == Self.partition(a))
  }

  @Test("comments saying the same thing in other words share a group, named from their words")
  func groupsByMeaning() throws {
    let found = Self.find(Self.comments(Self.said))
    let parts = Self.partition(found)
    // No group mixes two planted topics, and each topic is in at most two groups.
    for part in parts {
      #expect(Set(part.compactMap { Int($0.dropFirst()).map { $0 / 6 } }).count == 1, "\(parts)")
    }
    #expect(parts.count <= 6)
    let names = found.groups.map(\.name).joined(separator: " | ")
    #expect(names.contains("short breaks") || names.contains("respite"))
    #expect(names.contains("toilet"))
    #expect(names.contains("bus") || names.contains("college"))
    // Every comment considered is written out with a group and a strength.
    #expect(found.members.count == Self.said.count)
    #expect(found.members.allSatisfy { $0.group != nil && $0.strength > 0 && $0.strength <= 1 })
    let csv = found.csv
    #expect(csv.hasPrefix("wave,response_id,question,group,group_name,strength,text\r\n"))
    #expect(csv.components(separatedBy: "\r\n").count == Self.said.count + 2)
  }

  @Test("covered comments are left out, and their words do not make groups")
  func onlyUncovered() {
    let found = Self.find(Self.comments(Self.said, covered: Set(6..<12)))
    #expect(found.considered == 12)
    #expect(!found.members.contains { Int($0.key.responseId.dropFirst())! >= 6 && Int($0.key.responseId.dropFirst())! < 12 })
  }

  @Test("a negated word is a different term, so the same words for and against stay apart")
  func stance() {
    let forBan = ["Ban gambling adverts during football matches.", "Just ban the gambling adverts in football, all of them.",
                  "I would ban gambling adverts from football entirely.", "Ban gambling adverts on the football coverage now.",
                  "Gambling adverts in football should be banned, ban them today.", "Ban every gambling advert during the football."]
    let against = ["Do not ban gambling adverts during football matches.", "Please don't ban the gambling adverts in football.",
                   "I would never ban gambling adverts from football.", "No need to ban gambling adverts on the football coverage.",
                   "Gambling adverts in football should not be banned.", "Don't ban every gambling advert during the football."]
    var cache = WordCache()
    let terms = CommentTerms(against[0], analyzer: TextAnalyzer(), cache: &cache)
    #expect(terms.terms.contains("¬ban"))
    let found = Self.find(Self.comments(forBan + against))
    let parts = Self.partition(found)
    let forIDs = Set((0..<6).map { "r\($0)" }), againstIDs = Set((6..<12).map { "r\($0)" })
    #expect(parts.contains { $0.isSuperset(of: forIDs) && $0.isDisjoint(with: againstIDs) })
    #expect(parts.contains { $0.isSuperset(of: againstIDs) && $0.isDisjoint(with: forIDs) })
  }

  @Test("quotes come only from people who agreed, redacted")
  func quotes() {
    var texts = Self.said
    texts[0] = "Short breaks were cut, email me at jo.bloggs@example.com, we get no respite."
    let cs = Self.comments(texts)
    let found = EmergingThemes.find(cs, redactions: Redactor().redact(all: texts), mayQuote: { $0.responseId == "r0" || $0.responseId == "r7" })
    let quotes = found.groups.flatMap(\.quotes)
    #expect(quotes.count == 2)
    #expect(!quotes.joined().contains("example.com"))
  }

  @Test("an adopted group's drafted row compiles, passes the codebook check and finds the group")
  func adopt() throws {
    let cs = Self.comments(Self.said)
    let redactions = Redactor().redact(all: cs.map(\.text))
    let found = EmergingThemes.find(cs, redactions: redactions, settings: .init())
    let group = try #require(found.groups.first { $0.name.contains("short breaks") })
    let draft = try ThemeDraft.draft(group, of: found, comments: cs, redactions: redactions,
                                     theme: Theme(id: "short-breaks", label: "Short breaks", polarity: .difficulty, audience: .parentCarers))
    #expect(!draft.theme.patterns.isEmpty)
    #expect(draft.matched.count >= 5)
    #expect(draft.alsoMatched.isEmpty)
    // Written as a codebook file and read back, the row is accepted by the check.
    let book = Codebook(name: "draft.csv", themes: [draft.theme])
    let read = try Codebook.parse(csv: book.csv(), file: "draft.csv", name: "draft.csv")
    #expect(read.themes.first?.patterns == draft.theme.patterns)
    #expect(CodebookCheck.patternErrors(in: read).isEmpty)
  }
}
