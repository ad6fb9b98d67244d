import Foundation

extension SurveyCollection {
  /// Every free-text answer of every export, ready to code. Parent carers' answers get the
  /// parent carer themes; everyone else's (young people, families, decision makers) the
  /// young people's.
  public func comments() -> [CodedComment] {
    var comments: [CodedComment] = []
    for export in exports {
      for response in export.responses {
        let audience = SurveyCollection.audience(of: response)
        for answer in response.texts where !answer.text.isEmpty {
          comments.append(CodedComment(responseId: response.id, wave: response.wave, question: answer.question, text: answer.text, audience: audience))
        }
      }
    }
    return comments
  }

  /// Which codebook audience a response's comments are coded against.
  public static func audience(of response: Response) -> Theme.Audience {
    response.group == "parent carers" ? .parentCarers : .youngPeople
  }
}
