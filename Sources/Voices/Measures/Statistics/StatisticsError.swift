/// Why a statistic could not be computed from the numbers given.
///
/// The cases carry the offending values so the message tells a user what to fix; callers in
/// the Measures layer add the question or wave the numbers came from.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalidCount(successes: Int, base: Int)
  case invalidConfidence(Double)
  case lengthMismatch(expected: Int, found: Int)
  case tooFewGroups(found: Int, needed: Int)
  case noVariation(String)
  case invalidProportions([Double])
  case invalidWeight(index: Int, value: Double)
  case emptyCell(margin: Int, category: Int)
  case notConverged(iterations: Int, largestGap: Double)

  public var description: String {
    switch self {
    case .invalidCount(let k, let n):
      "\(k) of \(n) is not a count: need 0 <= successes <= base"
    case .invalidConfidence(let c):
      "confidence level \(c) must be strictly between 0 and 1"
    case .lengthMismatch(let expected, let found):
      "expected \(expected) values, found \(found)"
    case .tooFewGroups(let found, let needed):
      "needs at least \(needed) groups, found \(found)"
    case .noVariation(let what):
      "no variation: \(what)"
    case .invalidProportions(let p):
      "expected shares must be non-negative and sum to more than 0, got \(p)"
    case .invalidWeight(let index, let value):
      "weight \(index + 1) is \(value); weights must be finite and greater than 0"
    case .emptyCell(let margin, let category):
      "margin \(margin + 1), category \(category + 1) has no respondents but the population has people there"
    case .notConverged(let iterations, let gap):
      "raking did not converge in \(iterations) iterations (largest gap to a target share: \(gap))"
    }
  }
}
