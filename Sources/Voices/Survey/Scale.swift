import Foundation

/// An answer scale: its ordered substantive options, which of them count as positive, and the
/// answers that say nothing about the question ("Don't know", "Prefer not to say").
///
/// Labels are matched after normalising case, spacing and curly quotes, and numeric scales
/// accept a number alone or a number followed by its label ("4 - Confident").
public struct Scale: Codable, Sendable, Equatable {
  public var id: String
  /// Substantive options, lowest first.
  public var labels: [String]
  /// Labels that count as a positive answer (for "% positive").
  public var positive: [String]
  /// Numeric value of each label when the scale is numeric (for means), else `nil`.
  public var values: [Double]?
  /// Other spellings of a label seen in real exports, mapped to the label.
  public var aliases: [String: String]

  public init(id: String, labels: [String], positive: [String], values: [Double]? = nil, aliases: [String: String] = [:]) {
    self.id = id
    self.labels = labels
    self.positive = positive
    self.values = values
    self.aliases = aliases
  }

  enum CodingKeys: String, CodingKey { case id, labels, positive, values, aliases }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
    labels = try c.decode([String].self, forKey: .labels)
    positive = try c.decode([String].self, forKey: .positive)
    values = try c.decodeIfPresent([Double].self, forKey: .values)
    aliases = try c.decodeIfPresent([String: String].self, forKey: .aliases) ?? [:]
  }

  /// Answers on any scale that carry no opinion: counted, shown, never in a base.
  public static let nonSubstantiveLabels = [
    "Don't know", "Do not know", "Dont know", "Not sure", "N/A", "Not applicable",
    "Prefer not to say", "Rather not say",
  ]

  /// Built-in scales by id.
  public static let builtIn: [String: Scale] = {
    let scales = [
      Scale(
        id: "agreement-5",
        labels: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
        positive: ["Agree", "Strongly agree"], values: [1, 2, 3, 4, 5],
        aliases: ["Neither agree or disagree": "Neither agree nor disagree", "Neutral": "Neither agree nor disagree",
                  "Tend to agree": "Agree", "Tend to disagree": "Disagree"]),
      Scale(
        id: "satisfaction-5",
        labels: ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied"],
        positive: ["Satisfied", "Very satisfied"], values: [1, 2, 3, 4, 5],
        aliases: ["Neither satisfied or dissatisfied": "Neither satisfied nor dissatisfied",
                  "Neutral": "Neither satisfied nor dissatisfied", "Fairly satisfied": "Satisfied",
                  "Fairly dissatisfied": "Dissatisfied"]),
      Scale(id: "yes-partly-no", labels: ["No", "Partly", "Yes"], positive: ["Yes"], values: nil,
            aliases: ["Somewhat": "Partly", "In part": "Partly", "Sometimes": "Partly", "Y": "Yes", "N": "No"]),
      Scale(id: "0-10", labels: (0...10).map(String.init), positive: (7...10).map(String.init),
            values: (0...10).map(Double.init)),
      Scale(id: "1-5", labels: (1...5).map(String.init), positive: ["4", "5"], values: (1...5).map(Double.init)),
    ]
    return Dictionary(uniqueKeysWithValues: scales.map { ($0.id, $0) })
  }()

  /// What an answer cell means on this scale.
  public enum Reading: Equatable, Sendable {
    /// No answer given.
    case blank
    /// One of the scale's options, by its 0-based position in `labels`.
    case option(Int)
    /// An answer that carries no opinion, under its canonical label.
    case nonSubstantive(String)
    /// Not a label of this scale: reported, never dropped.
    case unrecognised
  }

  /// Reads one answer cell.
  ///
  /// - Complexity: O(1) expected after the first call builds `index` (see `ScaleIndex`).
  func read(_ raw: String, using index: ScaleIndex) -> Reading {
    let key = ColumnName.normalised(raw)
    if key.isEmpty { return .blank }
    if let position = index.positions[key] { return .option(position) }
    if let label = index.nonSubstantive[key] { return .nonSubstantive(label) }
    if values != nil, let number = Scale.leadingNumber(key), let position = index.numberPositions[number] {
      return .option(position)
    }
    return .unrecognised
  }

  /// The integer at the start of "4 - confident", "4.0" or "4", if any.
  static func leadingNumber(_ key: String) -> Int? {
    var digits = 0, value = 0
    var iterator = key.utf8.makeIterator()
    var rest: UInt8? = nil
    while let byte = iterator.next() {
      if byte >= 48 && byte <= 57, digits < 6 {
        value = value * 10 + Int(byte - 48); digits += 1
      } else { rest = byte; break }
    }
    guard digits > 0 else { return nil }
    if let rest {
      // "4.0" is 4; "4.5" is not a scale point; "4 - label", "4: label", "4 (label)" are 4.
      if rest == UInt8(ascii: ".") {
        while let byte = iterator.next() {
          if byte == UInt8(ascii: "0") { continue }
          if byte == UInt8(ascii: " ") { break }
          return nil
        }
      } else if !(rest == UInt8(ascii: " ") || rest == UInt8(ascii: "-") || rest == UInt8(ascii: ":")
        || rest == UInt8(ascii: "(") || rest == UInt8(ascii: "=")) {
        return nil
      }
    }
    return value
  }
}

/// Lookup tables for reading answers on one scale, built once per column.
struct ScaleIndex: Sendable {
  var positions: [String: Int] = [:]
  var numberPositions: [Int: Int] = [:]
  var nonSubstantive: [String: String] = [:]

  init(_ scale: Scale) {
    for (position, label) in scale.labels.enumerated() {
      positions[ColumnName.normalised(label)] = position
      if let values = scale.values, position < values.count, values[position] == values[position].rounded() {
        numberPositions[Int(values[position])] = position
      }
    }
    for (alias, label) in scale.aliases {
      if let position = positions[ColumnName.normalised(label)] { positions[ColumnName.normalised(alias), default: position] = position }
    }
    for label in Scale.nonSubstantiveLabels {
      let key = ColumnName.normalised(label)
      if positions[key] == nil { nonSubstantive[key] = Scale.canonicalNonSubstantive(label) }
    }
  }
}

extension Scale {
  /// Groups spellings of the same non-answer under one label for counting.
  static func canonicalNonSubstantive(_ label: String) -> String {
    switch ColumnName.normalised(label) {
    case "don't know", "do not know", "dont know", "not sure": "Don't know"
    case "n/a", "not applicable": "Not applicable"
    default: "Prefer not to say"
    }
  }
}
