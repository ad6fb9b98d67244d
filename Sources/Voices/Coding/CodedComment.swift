import Foundation

/// One free-text answer to code and, after `CodingRun.code`, its themes.
public struct CodedComment: Sendable, Equatable {
  public var responseId: String
  public var wave: String
  public var question: String
  public var text: String
  public var audience: Theme.Audience
  public var assignments: [ThemeAssignment] = []

  public init(responseId: String, wave: String = "", question: String = "", text: String, audience: Theme.Audience = .all) {
    self.responseId = responseId
    self.wave = wave
    self.question = question
    self.text = text
    self.audience = audience
  }
}
