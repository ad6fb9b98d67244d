/// The four cells of a two-by-two table for one theme: reference (A) against comparison (B).
///
/// One place for precision, recall and F1, used by agreement statistics and by the model's
/// cross-validation. Precision and recall are nil when undefined (nothing predicted, nothing
/// to find) rather than NaN; F1 = 2TP / (2TP + FP + FN) is nil only when both coders never use
/// the theme.
public struct AgreementCounts: Equatable, Sendable, Codable {
  /// Both said yes.
  public var truePositives = 0
  /// B said yes, A said no.
  public var falsePositives = 0
  /// A said yes, B said no.
  public var falseNegatives = 0
  /// Both said no.
  public var trueNegatives = 0

  public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0, trueNegatives: Int = 0) {
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
    self.trueNegatives = trueNegatives
  }

  /// Counts one item.
  public mutating func add(reference: Bool, comparison: Bool) {
    switch (reference, comparison) {
    case (true, true): truePositives += 1
    case (false, true): falsePositives += 1
    case (true, false): falseNegatives += 1
    case (false, false): trueNegatives += 1
    }
  }

  public static func + (a: AgreementCounts, b: AgreementCounts) -> AgreementCounts {
    AgreementCounts(
      truePositives: a.truePositives + b.truePositives, falsePositives: a.falsePositives + b.falsePositives,
      falseNegatives: a.falseNegatives + b.falseNegatives, trueNegatives: a.trueNegatives + b.trueNegatives)
  }

  public var total: Int { truePositives + falsePositives + falseNegatives + trueNegatives }
  /// Items the reference coded with the theme.
  public var referencePositives: Int { truePositives + falseNegatives }

  public var precision: Double? {
    let d = truePositives + falsePositives
    return d == 0 ? nil : Double(truePositives) / Double(d)
  }

  public var recall: Double? {
    let d = truePositives + falseNegatives
    return d == 0 ? nil : Double(truePositives) / Double(d)
  }

  public var f1: Double? {
    let d = 2 * truePositives + falsePositives + falseNegatives
    return d == 0 ? nil : Double(2 * truePositives) / Double(d)
  }
}
