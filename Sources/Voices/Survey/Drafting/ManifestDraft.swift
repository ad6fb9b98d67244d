/// A manifest drafted from an export by `ManifestDrafter`, with the reasons for every choice.
///
/// The draft is a starting point a person checks: each decision says what was seen in the
/// column, and every column left out says why, so nothing is decided silently.
public struct ManifestDraft: Sendable, Equatable {
  public var manifest: Manifest
  /// One per column that the manifest uses or deliberately ignores, in column order.
  public var decisions: [ColumnDecision]
  /// Columns left out of the manifest, with the reason.
  public var unresolved: [UnresolvedColumn]
  /// How the layout, wave, source and respondent group were chosen, and what to check.
  public var notes: [DraftNote]
}

/// What the drafter did with one column, and why.
public struct ColumnDecision: Sendable, Equatable, CustomStringConvertible {
  public enum Kind: Sendable, Equatable {
    case respondentId
    case submitted
    case attendance
    case consent
    case respondentGroup
    case measure(id: String, scale: String)
    case breakdown(field: String)
    case freeText(question: String)
    case ignore
  }

  /// The column's name as the layout resolves it (what the manifest refers to).
  public var column: String
  public var kind: Kind
  /// What was seen that led to the decision, in words a participation officer understands.
  public var reason: String

  public init(column: String, kind: Kind, reason: String) {
    self.column = column
    self.kind = kind
    self.reason = reason
  }

  /// The decision in a few words: `measure trust-confidence`, `breakdown locality`.
  public var summary: String {
    switch kind {
    case .respondentId: "respondent id"
    case .submitted: "submitted time"
    case .attendance: "attendance (people per row)"
    case .consent: "consent to quote"
    case .respondentGroup: "respondent group"
    case .measure(let id, _): "measure \(id)"
    case .breakdown(let field): "breakdown \(field)"
    case .freeText(let question): "free text \(question)"
    case .ignore: "ignore"
    }
  }

  public var description: String { "\(column)  \(summary) (\(reason))" }
}

/// A column the drafter left out of the manifest.
public struct UnresolvedColumn: Sendable, Equatable, CustomStringConvertible {
  public var column: String
  public var reason: String

  public init(column: String, reason: String) {
    self.column = column
    self.reason = reason
  }

  public var description: String { "\(column)  left out (\(reason))" }
}

/// A choice about the whole export (layout, wave, source), or something a person must check.
public struct DraftNote: Sendable, Equatable, CustomStringConvertible {
  /// True when the drafter could not decide and a person should edit the manifest.
  public var needsAttention: Bool
  public var message: String

  public init(_ message: String, needsAttention: Bool = false) {
    self.message = message
    self.needsAttention = needsAttention
  }

  public var description: String { message }
}
