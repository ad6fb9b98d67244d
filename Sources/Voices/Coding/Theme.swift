/// One theme of a codebook: a "you said" statement and the patterns that find it in free text.
///
/// A theme is one row of the codebook spreadsheet. Its `polarity` decides how negation and
/// sentiment in the same clause affect its patterns (see `CodingEngine`); its `audience`
/// decides which respondents' comments it is tried on.
public struct Theme: Sendable, Equatable {
  /// How a theme's meaning leans, which sets its negation and sentiment rules.
  public enum Polarity: String, Sendable, Equatable, CaseIterable {
    /// Something families find hard. A hit is not cancelled by negation (the negation is
    /// usually the complaint: "no help", "can't get a place"), only by the theme's exclusions.
    case difficulty
    /// A good experience. A hit is cancelled by a negator just before it in the same clause
    /// and by a negative word anywhere in the same clause.
    case positive
    /// Something people want in future; treated like `difficulty`.
    case aspiration
    /// A topic coded whatever the tone (young people's themes).
    case neutral
  }

  /// Whose comments the theme is tried on.
  public enum Audience: String, Sendable, Equatable, CaseIterable {
    case parentCarers = "parent carers"
    case youngPeople = "young people"
    case all
  }

  /// A stable id: lower-case letters, digits and hyphens (`waiting-for-assessment-and-therapy`).
  public var id: String
  public var label: String
  /// The "you said" statement as it is published.
  public var youSaid: String
  public var polarity: Polarity
  /// The strategy priority the theme feeds (for example `P3 SEND pathway`); free text.
  public var priority: String
  public var audience: Audience
  /// Pattern sources, one per alternative (see `PatternParser` for the language).
  public var patterns: [String]
  /// Pattern sources that, when any matches the comment, stop the theme being assigned.
  public var exclusions: [String]
  public var notes: String
  /// The id of the theme this one sits under (from an imported hierarchy); nil at the top.
  public var parent: String?

  public init(id: String, label: String, youSaid: String = "", polarity: Polarity = .neutral,
              priority: String = "", audience: Audience = .all, patterns: [String] = [],
              exclusions: [String] = [], notes: String = "", parent: String? = nil) {
    self.id = id
    self.label = label
    self.youSaid = youSaid
    self.polarity = polarity
    self.priority = priority
    self.audience = audience
    self.patterns = patterns
    self.exclusions = exclusions
    self.notes = notes
    self.parent = parent
  }

  /// Whether `id` is a well-formed theme id.
  public static func isValidID(_ id: String) -> Bool {
    guard let first = id.utf8.first, first != UInt8(ascii: "-") else { return false }
    return id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "-") }
  }
}

/// A named word list used inside patterns as `@name` (for example `@good`, `@negator`).
///
/// Lists are rows of the same spreadsheet whose id starts with `@`; the engine's negation and
/// sentiment rules read the lists `@negator`, `@negative` and `@positive`.
public struct WordList: Sendable, Equatable {
  public var name: String
  public var patterns: [String]
  public var notes: String

  public init(name: String, patterns: [String], notes: String = "") {
    self.name = name
    self.patterns = patterns
    self.notes = notes
  }
}
