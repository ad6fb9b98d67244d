/// Where a wave's voices come from: the route by which people took part.
public enum SurveySource: String, Codable, Sendable, CaseIterable, Equatable {
  case parentCarerSurvey = "parent-carer-survey"
  case takeoverChallenge = "takeover-challenge"
  case annualConversation = "annual-conversation"
  case focusGroup = "focus-group"
  case participationEvent = "participation-event"
  case other

  /// A name for tables and reports.
  public var displayName: String {
    switch self {
    case .parentCarerSurvey: "Parent carer survey"
    case .takeoverChallenge: "Takeover Challenge"
    case .annualConversation: "Annual Conversation"
    case .focusGroup: "Focus group"
    case .participationEvent: "Participation event"
    case .other: "Other"
    }
  }
}
