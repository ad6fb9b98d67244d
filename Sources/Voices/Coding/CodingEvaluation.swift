/// Precision, recall and F1 of one coder's themes against another's (the rules against a human
/// coder here; two humans later, for agreement).
public struct CodingEvaluation: Sendable, Equatable {
  /// Counts and scores for one theme (or, for `micro`, for all themes pooled).
  public struct Score: Sendable, Equatable {
    public var themeId: String
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    /// Share of assigned themes that the reference also has; 1 when nothing was assigned.
    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    /// Share of the reference's themes that were assigned; 1 when the reference has none.
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    public var f1: Double {
      let denominator = 2 * truePositives + falsePositives + falseNegatives
      return denominator == 0 ? 1 : Double(2 * truePositives) / Double(denominator)
    }
    /// How many comments the reference gave this theme.
    public var support: Int { truePositives + falseNegatives }
  }

  public var themes: [Score]
  public var micro: Score
  /// Number of comments compared.
  public var comments: Int
  /// Comments where the two theme sets are identical.
  public var exactMatches: Int

  /// Mean F1 over themes the reference or the coder used at least once.
  public var macroF1: Double {
    let used = themes.filter { $0.truePositives + $0.falsePositives + $0.falseNegatives > 0 }
    return used.isEmpty ? 1 : used.map(\.f1).reduce(0, +) / Double(used.count)
  }

  /// Compares two codings of the same comments.
  ///
  /// - Parameters:
  ///   - reference: The themes each comment should have (the human coding).
  ///   - assigned: The themes each comment was given, in the same order.
  ///   - themeIDs: The themes to report, in order; themes seen but not listed are added.
  public init(reference: [Set<String>], assigned: [Set<String>], themeIDs: [String]) {
    precondition(reference.count == assigned.count, "reference and assigned must cover the same comments")
    var order = themeIDs
    var index: [String: Int] = [:]
    for (i, id) in order.enumerated() { index[id] = i }
    var scores = order.map { Score(themeId: $0) }
    func slot(_ id: String) -> Int {
      if let i = index[id] { return i }
      order.append(id)
      scores.append(Score(themeId: id))
      index[id] = order.count - 1
      return order.count - 1
    }
    var exact = 0
    for (gold, given) in zip(reference, assigned) {
      if gold == given { exact += 1 }
      for id in gold.union(given).sorted() {
        let i = slot(id)
        switch (gold.contains(id), given.contains(id)) {
        case (true, true): scores[i].truePositives += 1
        case (false, true): scores[i].falsePositives += 1
        case (true, false): scores[i].falseNegatives += 1
        case (false, false): break
        }
      }
    }
    var micro = Score(themeId: "micro")
    for s in scores {
      micro.truePositives += s.truePositives
      micro.falsePositives += s.falsePositives
      micro.falseNegatives += s.falseNegatives
    }
    self.themes = scores
    self.micro = micro
    self.comments = reference.count
    self.exactMatches = exact
  }

  /// A plain-text table: theme, support, precision, recall, F1; micro and macro last.
  public func table() -> String {
    func f(_ x: Double) -> String { String(Int((x * 1000).rounded())).leftPadded(4).inserting(".", at: 1) }
    var lines = ["theme".padding(toLength: 36, withPad: " ", startingAt: 0) + "    n  prec   rec    F1"]
    for s in themes + [micro] {
      lines.append(s.themeId.padding(toLength: 36, withPad: " ", startingAt: 0) + String(s.support).leftPadded(5)
                   + "  " + f(s.precision) + "  " + f(s.recall) + "  " + f(s.f1))
    }
    lines.append("macro F1 \(f(macroF1)); \(exactMatches) of \(comments) comments coded exactly alike")
    return lines.joined(separator: "\n")
  }
}

extension String {
  func leftPadded(_ width: Int, with pad: Character = " ") -> String {
    count >= width ? self : String(repeating: pad, count: width - count) + self
  }

  /// `"1000"` -> `"1.000"`; used for three-decimal scores without Foundation formatting.
  func inserting(_ s: String, at offset: Int) -> String {
    let digits = self.replacingOccurrences(of: " ", with: "0")
    let i = digits.index(digits.startIndex, offsetBy: offset)
    return String(digits[..<i]) + s + String(digits[i...])
  }
}
