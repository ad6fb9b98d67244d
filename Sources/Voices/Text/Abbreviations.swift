/// The SEND domain's abbreviations and their spelled-out forms, each folded to ONE canonical
/// token so a pattern can name the concept once.
///
/// Canonical forms are UPPERCASE (`EHCP`, `SALT`, `EP`, `OT`, `CAMHS`, `SENCO`, `SENDIASS`,
/// `PFA`, `ASD`, `ADHD`, `SEMH`, `SEND`, `SEN`). Ordinary stems are always lowercase, so a
/// canonical abbreviation can never collide with a word: `SEND` (the system) is not `send`
/// (the verb), `SALT` (speech and language therapy) is not `salt`. A pattern compiler passes
/// pattern words through ``TextAnalyzer`` like comments, so the pattern `ehcp`, `EHC plan` or
/// `education, health and care plan` all become `EHCP`.
///
/// Matching is on stems, token by token, longest phrase first, within one clause; commas and
/// hyphens between the words do not matter (`co-ordinator` is `co ordinator`), `&` is `and`,
/// plurals match (`EHCPs`, `speech and language therapists`). The canonical token's span
/// covers every original word of the phrase.
///
/// Case: the letter pairs `EP` and `OT` count only when written in capitals in the original
/// (`EP`, `EPs`, `OT`, `OTs`), since lowercase `ep`/`ot` are typing slips more often than
/// abbreviations. `SEND` and `SALT` are real words, so they count only in capitals AND only
/// when the comment is not written mostly in capitals (in `PLEASE SEND HELP` nothing can tell
/// the verb from the system, and the verb is the safer reading). Everything else matches in
/// any case (`Ehcp`, `senco`, `SENCo`).
struct Abbreviations: Sendable {
  enum CaseRule: Sendable, Equatable {
    case any
    case uppercase
    case uppercaseUnlessShouting
  }

  struct Entry: Sendable, Equatable {
    var canonical: String
    /// `canonical` as UTF-8, to look up in a `WordCache` without making the bytes each time.
    var canonicalBytes: [UInt8]
    /// `canonical`'s place in `table`: a `WordCache` remembers each canonical form's word
    /// number under it (`WordCache.canonicalWord(_:)`).
    var canonicalNumber: Int
    var stems: [String]
    var caseRule: CaseRule
  }

  /// The entries starting with each first stem, longest phrase first, as a number into
  /// `lists`: a `WordCache` keeps the number with each word, so a comment's words need no
  /// lookup by stem.
  let listByFirstStem: [String: Int32]
  let lists: [[Entry]]
  /// Every stem of every phrase, numbered (in sorted order, the same on every run): a
  /// `WordCache` keeps each word's number (or -1) so that phrases are matched on numbers.
  let stemIDs: [String: Int32]
  /// Per list, its entries' stems as numbers, one record per entry in order: the number of
  /// stems, then the numbers of all but the first (the list's own). Matching reads these in
  /// one stretch of memory; reading each entry's `stems` went to a different place each time.
  let stemRecords: [[Int32]]

  /// Builds the index, stemming each phrase word with `stem` (the analyzer's own pipeline).
  init(stem: (String) -> String) {
    var index: [String: [Entry]] = [:]
    for (canonicalNumber, (canonical, phrases)) in Self.table.enumerated() {
      for phrase in phrases {
        var rule = CaseRule.any
        var body = Substring(phrase)
        if body.hasPrefix("^^") {
          rule = .uppercaseUnlessShouting
          body = body.dropFirst(2)
        } else if body.hasPrefix("^") {
          rule = .uppercase
          body = body.dropFirst()
        }
        let stems = body.split(separator: " ").map { stem(String($0)) }
        guard let first = stems.first else { continue }
        index[first, default: []].append(Entry(canonical: canonical, canonicalBytes: Array(canonical.utf8),
                                               canonicalNumber: canonicalNumber, stems: stems, caseRule: rule))
      }
    }
    for key in index.keys { index[key]?.sort { $0.stems.count > $1.stems.count } }
    // Numbered in key order, so the numbering is the same on every run.
    let keys = index.keys.sorted()
    lists = keys.map { index[$0] ?? [] }
    let stemIDs = Dictionary(uniqueKeysWithValues: Set(lists.flatMap { $0.flatMap(\.stems) }).sorted().enumerated()
      .map { ($0.element, Int32($0.offset)) })
    self.stemIDs = stemIDs
    stemRecords = lists.map { entries in
      entries.flatMap { [Int32($0.stems.count)] + $0.stems.dropFirst().map { stemIDs[$0] ?? -1 } }
    }
    listByFirstStem = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($0.element, Int32($0.offset)) })
  }

  /// Canonical form → its written forms. `^` marks a form that must be in capitals, `^^` one
  /// that must be in capitals in a comment not written in capitals.
  static let table: [(String, [String])] = [
    ("EHCP", ["ehcp", "ehc", "ehc plan", "ehcp plan", "education health and care plan",
              "education health care plan", "education and health care plan",
              "education health and social care plan"]),
    ("SALT", ["^^salt", "slt", "speech and language therapy", "speech and language therapist",
              "speech and language therapy service", "speech and language service",
              "speech and language team", "speech therapy", "speech therapist",
              "speech language therapy", "speech language therapist", "salt therapy"]),
    ("EP", ["^ep", "ed psych", "ed psychologist", "educational psychologist",
            "educational psychology", "educational psychology service", "education psychologist"]),
    ("OT", ["^ot", "occupational therapy", "occupational therapist",
            "occupational therapy service"]),
    ("CAMHS", ["camhs", "camh", "child and adolescent mental health service",
               "child and adolescent mental health", "children and adolescent mental health service",
               "children and adolescents mental health service"]),
    ("SENCO", ["senco", "sendco", "special educational needs coordinator",
               "special educational needs co ordinator",
               "special educational needs and disabilities coordinator",
               "special educational needs and disability coordinator", "sen coordinator",
               "sen co ordinator", "send coordinator", "send co ordinator"]),
    ("SENDIASS", ["sendiass", "sendias", "iass", "send information advice and support service",
                  "send information advice and support",
                  "information advice and support service",
                  "special educational needs and disabilities information advice and support service"]),
    ("PFA", ["pfa", "preparing for adulthood", "preparation for adulthood",
             "prepare for adulthood"]),
    ("ASD", ["asd", "asc", "autism", "autistic", "autism spectrum disorder",
             "autistic spectrum disorder", "autism spectrum condition",
             "autistic spectrum condition", "autism spectrum", "autistic spectrum"]),
    ("ADHD", ["adhd", "attention deficit hyperactivity disorder",
              "attention deficit and hyperactivity disorder"]),
    ("SEMH", ["semh", "social emotional and mental health", "social emotional mental health",
              "social and emotional mental health"]),
    ("SEND", ["^^send", "special educational needs and disabilities",
              "special educational needs and disability",
              "special educational needs and or disabilities",
              "special educational needs and or disability",
              "special educational needs or disabilities"]),
    ("SEN", ["sen", "special educational needs", "special educational need", "special needs"]),
  ]
}
