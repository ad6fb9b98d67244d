/// Where every data row of an export went: `read == accepted + rejected + duplicates`.
///
/// Header rows are not counted. A rejected row is still listed in the diagnostics with the
/// reason, so nothing disappears without a trace.
public struct RowAccounting: Equatable, Sendable {
  public var read = 0
  public var accepted = 0
  public var rejected = 0
  public var duplicates = 0
  /// Rejected rows by reason, e.g. "blank row": 1.
  public var rejectedBy: [String: Int] = [:]

  public init() {}

  /// True when the books balance; a loader that breaks this has lost a row.
  public var balances: Bool { read == accepted + rejected + duplicates }

  mutating func reject(_ reason: String) {
    rejected += 1
    rejectedBy[reason, default: 0] += 1
  }

  public static func + (a: RowAccounting, b: RowAccounting) -> RowAccounting {
    var sum = RowAccounting()
    sum.read = a.read + b.read
    sum.accepted = a.accepted + b.accepted
    sum.rejected = a.rejected + b.rejected
    sum.duplicates = a.duplicates + b.duplicates
    sum.rejectedBy = a.rejectedBy.merging(b.rejectedBy, uniquingKeysWith: +)
    return sum
  }
}
