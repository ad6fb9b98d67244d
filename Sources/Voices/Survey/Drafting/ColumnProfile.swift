/// What the answers in one column look like: how many, how varied, how long, and which scale
/// (if any) every one of them belongs to.
struct ColumnProfile: Sendable {
  /// Index in the table (0-based) and the column's name as the layout resolves it.
  var index: Int
  var name: String
  /// The question as asked, when the export holds it (else the name).
  var question: String
  /// Non-blank answers, trimmed, in row order.
  var values: [String]
  /// Answers by how often they occur.
  var counts: [String: Int]

  init(index: Int, name: String, question: String, values: [String]) {
    self.index = index
    self.name = name
    self.question = question
    self.values = values
    var counts: [String: Int] = [:]
    for value in values { counts[value, default: 0] += 1 }
    self.counts = counts
  }

  var distinct: Int { counts.count }
  var isEmpty: Bool { values.isEmpty }

  /// Median length of the answers in characters.
  var medianLength: Int {
    guard !values.isEmpty else { return 0 }
    let lengths = values.map(\.count).sorted()
    return lengths[lengths.count / 2]
  }

  /// Share of answers that occur once only.
  var distinctShare: Double { values.isEmpty ? 0 : Double(distinct) / Double(values.count) }

  /// Answers that are whole numbers, and their range.
  var integers: [Int]? {
    var out: [Int] = []
    out.reserveCapacity(values.count)
    for value in values {
      if let n = Int(value) { out.append(n) } else if let d = Double(value), d == d.rounded(), abs(d) < 1e9 { out.append(Int(d)) } else { return nil }
    }
    return out
  }

  /// Distinct answers, most frequent first (ties in text order), for messages.
  var commonValues: [String] {
    counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
  }

  /// How the column's answers sit on one scale.
  struct ScaleFit: Sendable, Equatable {
    var scale: String
    /// Distinct substantive options seen.
    var optionsSeen: Int
    /// Positions (in the scale's labels) of the options seen.
    var positions: Set<Int>
    /// Answers such as "Don't know" seen.
    var nonSubstantive: Int
    /// True when some answer is a scale option written with a label ("4 - Confident").
    var labelled: Bool
  }

  /// The scale every non-blank answer is a label of, or `nil` when some answer is not.
  func fit(_ scale: Scale) -> ScaleFit? {
    guard !values.isEmpty else { return nil }
    let index = ScaleIndex(scale)
    var seen = Set<Int>(), nonSubstantive = 0, labelled = false
    // "4 - Confident" is on a 1-5 scale, not the 4th agreement label.
    let wordLabels = Int(scale.labels.first ?? "") == nil
    for (value, count) in counts {
      switch scale.read(value, using: index) {
      case .option(let position):
        if wordLabels, index.positions[ColumnName.normalised(value)] == nil { return nil }
        if !wordLabels {
          // "5-10" is an age band, not the number 5.
          if ColumnProfile.isRange(value) { return nil }
          if Int(value) == nil && Double(value) == nil { labelled = true }
        }
        seen.insert(position)
      case .nonSubstantive: nonSubstantive += count
      case .blank: break
      case .unrecognised: return nil
      }
    }
    guard !seen.isEmpty else { return nil }
    return ScaleFit(scale: scale.id, optionsSeen: seen.count, positions: seen, nonSubstantive: nonSubstantive, labelled: labelled)
  }

  /// True for "5-10", "16 - 25": a range of numbers.
  static func isRange(_ value: String) -> Bool {
    let scalars = Array(value.unicodeScalars)
    var i = 0
    while i < scalars.count, ("0"..."9").contains(scalars[i]) { i += 1 }
    guard i > 0 else { return false }
    while i < scalars.count, scalars[i] == " " { i += 1 }
    guard i < scalars.count, scalars[i] == "-" || scalars[i] == "\u{2013}" else { return false }
    i += 1
    while i < scalars.count, scalars[i] == " " { i += 1 }
    return i < scalars.count && ("0"..."9").contains(scalars[i])
  }
}

/// Words of a question for comparing wordings: lower case letters and digits, without the
/// small words every question shares.
enum QuestionWords {
  static let stopWords: Set<String> = [
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by", "at", "is", "are", "was", "were",
    "be", "you", "your", "i", "me", "my", "we", "our", "us", "it", "its", "do", "did", "does", "have", "has",
    "how", "what", "which", "who", "that", "this", "there", "any", "please", "q", "about", "from", "as", "so",
    "up", "now", "would", "could", "should", "can", "feel", "think", "much", "very", "if", "all", "they",
  ]

  /// All words, lower case, split on anything that is not a letter or digit.
  static func all(_ text: String) -> [String] {
    var words: [String] = [], current = ""
    for scalar in text.lowercased().unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "'" {
        if scalar != "'" { current.unicodeScalars.append(scalar) }
      } else if !current.isEmpty {
        words.append(current); current = ""
      }
    }
    if !current.isEmpty { words.append(current) }
    return words
  }

  static func content(_ text: String) -> Set<String> { Set(all(text).filter { !stopWords.contains($0) }) }

  /// Dice overlap of the content words of two wordings, 0...1.
  static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
    guard !a.isEmpty, !b.isEmpty else { return 0 }
    return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
  }

  /// An id from a question: its first few content words joined by hyphens (`what-works-well`
  /// keeps the small words so it still reads).
  static func slug(_ text: String, maxWords: Int = 4) -> String {
    let words = all(text)
    var kept = words.filter { !stopWords.contains($0) }
    if kept.isEmpty { kept = words }
    let id = kept.prefix(maxWords).joined(separator: "-")
    return id.isEmpty ? "column" : id
  }
}
