import Foundation

/// What a strategy lead can honestly say about a change in a share.
public enum ChangeVerdict: Equatable, Sendable, CustomStringConvertible {
  /// The whole interval is above zero; `points` is the size of the change.
  case up(points: Int)
  /// The whole interval is below zero.
  case down(points: Int)
  /// The interval includes zero: the data are consistent with no change.
  case noClearChange

  /// Reads the verdict off a Newcombe interval.
  ///
  /// Whether something changed is decided by the interval alone, never by the point
  /// estimate: a 6-point rise whose interval crosses zero is "no clear change". Only once the
  /// interval has settled the direction is the estimate used, to say how big the change was
  /// (in whole percentage points, rounded half away from zero).
  public init(_ difference: ProportionDifference) {
    let points = Int((abs(difference.estimate) * 100).rounded())
    if difference.lower > 0 {
      self = .up(points: points)
    } else if difference.upper < 0 {
      self = .down(points: points)
    } else {
      self = .noClearChange
    }
  }

  /// The plain-language sentence for a board paper.
  ///
  /// It says what the interval shows and no more: the interval measures sampling error only
  /// (which of the people answered), not who chose not to answer, so the sentence names the
  /// interval instead of claiming the change is "real".
  public var description: String {
    switch self {
    case .up(let n): "up \(Self.phrase(n)) (95% interval all above zero)"
    case .down(let n): "down \(Self.phrase(n)) (95% interval all below zero)"
    case .noClearChange: "no clear change (95% interval includes zero)"
    }
  }

  /// True for a rise or a fall.
  public var isChange: Bool { self != .noClearChange }

  private static func phrase(_ n: Int) -> String {
    switch n {
    case 0: "less than 1 point"
    case 1: "1 point"
    default: "\(n) points"
    }
  }
}
