/// Whether two waves of a series can be compared: the same scale and the same question.
///
/// Wording is compared after folding case, runs of spaces, typographic quotes and dashes, and
/// the punctuation at the end ("I feel listened to." is the question "I feel listened to").
/// A wave with no wording recorded (no `label` in its manifest and none in `measures.json`)
/// is not known to be comparable: it is never compared silently.
public enum Comparability: Sendable, Equatable {
  case comparable
  /// The scale or the wording changed; the reason says how, in words for a report.
  case changed(String)
  /// A wave has no wording recorded, so nobody can say the same question was asked.
  case notKnown(String)

  /// Why the waves are not compared, or `nil` when they are comparable.
  public var reason: String? {
    switch self {
    case .comparable: nil
    case .changed(let reason), .notKnown(let reason): reason
    }
  }

  /// The verdict's opening words when the waves are not compared.
  public var heading: String? {
    switch self {
    case .comparable: nil
    case .changed: "not compared"
    case .notKnown: "not known to be comparable"
    }
  }

  /// Compares how a series was asked in two waves.
  ///
  /// - Returns: `.changed` when the scale or the (normalised) wording differ, `.notKnown`
  ///   when either wave has no wording, else `.comparable`.
  static func of(_ a: MeasureTallies.HowAsked, _ b: MeasureTallies.HowAsked, from: String, to: String) -> Comparability {
    if a.scale != b.scale { return .changed("the answer scale changed from \(a.scale) in \(from) to \(b.scale) in \(to)") }
    guard let wa = a.wording, let wb = b.wording else {
      let missing = [a.wording == nil ? from : nil, b.wording == nil ? to : nil].compactMap { $0 }
      return .notKnown("no question wording is recorded for \(missing.joined(separator: " or ")), so it cannot be checked that the same question was asked")
    }
    if normalisedWording(wa) != normalisedWording(wb) {
      return .changed("the question's wording changed between \(from) (\"\(wa)\") and \(to) (\"\(wb)\")")
    }
    return .comparable
  }

  /// Wording for comparison: `ColumnName.normalised` (case, spaces, quotes, dashes), then
  /// the punctuation and spaces at the end removed.
  static func normalisedWording(_ wording: String) -> String {
    var text = ColumnName.normalised(wording)
    while let last = text.unicodeScalars.last, finalPunctuation.contains(last) { text.unicodeScalars.removeLast() }
    return text
  }

  static let finalPunctuation: Set<Unicode.Scalar> = [".", "?", "!", ":", ";", ",", " ", "\u{2026}", "\u{3002}", "\u{FF1F}", "\u{FF01}"]
}
