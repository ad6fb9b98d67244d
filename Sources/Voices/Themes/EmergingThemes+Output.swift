import Foundation

extension EmergingThemes {
  /// Every comment considered and its group, one row each, so a reviewer can check and count:
  /// `wave,response_id,question,group,group_name,strength,text` (text redacted; group empty
  /// for a comment with no words to group by). RFC 4180 with CRLF line ends.
  public var csv: String {
    let names = Dictionary(uniqueKeysWithValues: groups.map { ($0.number, $0.name) })
    var rows = [["wave", "response_id", "question", "group", "group_name", "strength", "text"]]
    for m in members {
      rows.append([m.key.wave, m.key.responseId, m.key.question, m.group.map(String.init) ?? "",
                   m.group.flatMap { names[$0] } ?? "", String(format: "%.3f", m.strength), m.text])
    }
    return TableWriter.csv(rows)
  }

  /// The groups and every comment's group as one JSON object (keys sorted, so the same input
  /// gives the same bytes).
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding plain values of these types cannot fail.
    let data = (try? encoder.encode(self)) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

extension CommentKey: Encodable {
  enum CodingKeys: String, CodingKey { case wave, responseId = "response_id", question }

  public func encode(to encoder: Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(wave, forKey: .wave)
    try c.encode(responseId, forKey: .responseId)
    try c.encode(question, forKey: .question)
  }
}
