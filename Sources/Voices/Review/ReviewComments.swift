import Foundation

/// Where one comment sits in a workspace: the wave, the response and the question.
///
/// Response ids can repeat between waves (each survey tool numbers from 1), so the wave is part
/// of the key; the question is, because one response has several free-text answers.
public struct CommentKey: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var wave: String
  public var responseId: String
  public var question: String

  public init(wave: String, responseId: String, question: String) {
    self.wave = wave
    self.responseId = responseId
    self.question = question
  }

  public init(_ comment: CodedComment) {
    self.init(wave: comment.wave, responseId: comment.responseId, question: comment.question)
  }

  public static func < (a: CommentKey, b: CommentKey) -> Bool {
    (a.wave, a.responseId, a.question) < (b.wave, b.responseId, b.question)
  }

  public var description: String { "response \(responseId) (wave \(wave), \(question))" }

  /// A hash that does not change between runs or machines (Swift's `Hasher` is seeded per
  /// process): the first 8 bytes of SHA-256 of the key. Sampling orders comments by it.
  var stableHash: UInt64 {
    let digest = SHA256.hash(Array("\(wave)\u{1F}\(responseId)\u{1F}\(question)".utf8))
    return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
  }
}

/// The comments of a workspace as review sees them, and the workspace's redactor.
public enum ReviewComments {
  /// Every non-blank free-text answer of `load`, in export order, with the audience `voices
  /// code` uses (parent carers' answers get the parent carer themes, everyone else's the young
  /// people's). Not yet coded.
  public static func of(_ load: SurveyCollection) -> [CodedComment] { load.comments() }

  /// The redactor with the workspace's own lists (`names.txt`, `schools.txt`) when present,
  /// as the reports use.
  public static func redactor(for root: URL) -> Redactor {
    var lists = RedactionLists()
    if let text = try? String(contentsOf: root.appendingPathComponent("names.txt"), encoding: .utf8) {
      lists.names = RedactionLists.entries(inListText: text)
    }
    if let text = try? String(contentsOf: root.appendingPathComponent("schools.txt"), encoding: .utf8) {
      lists.schools = RedactionLists.entries(inListText: text)
    }
    return Redactor(lists: lists)
  }
}
