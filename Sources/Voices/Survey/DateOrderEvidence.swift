import Foundation

/// One order for every date in a column: a slashed date such as 3/5/2025 is 3 May or 5 March
/// depending on the survey tool's locale, and reading each value on its own (3/5 as 3 May,
/// 1/15 as 15 January) would mix both in one file.
///
/// Every value is looked at: one whose first number is over 12 settles day first, one whose
/// second is over 12 settles month first. When none settles it, the manifest's `dateOrder`
/// (or the workspace's) decides, else the layout's usual order with a warning.
struct DateOrderEvidence {
  var dayFirst = 0
  var monthFirst = 0
  /// Responses whose date reads both ways (both numbers 12 or under and different).
  var ambiguous: [Int] = []

  /// Notes one value of the column, for the response at `index`.
  mutating func note(_ raw: UnsafeBufferPointer<UInt8>, response index: Int) {
    guard let (a, b) = DateOrderEvidence.slashed(raw) else { return }
    if a > 12, b <= 12 { dayFirst += 1 } else if b > 12, a <= 12 { monthFirst += 1 } else if a != b { ambiguous.append(index) }
  }

  /// The first two numbers of a slashed or dotted date (`14/02/2025`), else `nil`.
  static func slashed(_ raw: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
    var i = 0
    while i < raw.count, raw[i] == 32 { i += 1 }
    func number() -> Int? {
      var value = 0, digits = 0
      while i < raw.count, raw[i] >= 48, raw[i] <= 57, digits < 3 { value = value * 10 + Int(raw[i] - 48); i += 1; digits += 1 }
      return (1...2).contains(digits) ? value : nil
    }
    guard let a = number(), i < raw.count, raw[i] == UInt8(ascii: "/") || raw[i] == UInt8(ascii: ".") else { return nil }
    i += 1
    guard let b = number(), i < raw.count, raw[i] == UInt8(ascii: "/") || raw[i] == UInt8(ascii: ".") else { return nil }
    return (a, b)
  }

  /// Puts the column in one order: the responses read the other way have day and month
  /// swapped, and a warning says how the order was chosen when it was not settled by the data.
  ///
  /// - Parameters:
  ///   - responses: The export's responses (indexes as given to `note`).
  ///   - parsedAs: The order each value was parsed in.
  ///   - setting: The manifest's or workspace's `dateOrder`, if any.
  /// - Returns: A diagnostic for a column the data do not settle, or that contradicts itself.
  func apply(to responses: inout [Response], parsedAs: Timestamp.DayOrder, setting: Timestamp.DayOrder?,
             at location: SourceLocation, column: String) -> Diagnostic? {
    let order: Timestamp.DayOrder
    var diagnostic: Diagnostic? = nil
    switch (dayFirst > 0, monthFirst > 0) {
    case (true, false): order = .dayFirst
    case (false, true): order = .monthFirst
    case (true, true):
      return Diagnostic(.warning, at: location, column: column, value: nil,
        "dates in this column are day first in \(dayFirst) answers (a first number over 12) and month first in \(monthFirst) (a second number over 12); each was read the only way it can be, and \(ambiguous.count) that read both ways were read \(parsedAs == .dayFirst ? "day" : "month") first: check the export")
    case (false, false):
      order = setting ?? parsedAs
      if setting == nil, !ambiguous.isEmpty {
        diagnostic = Diagnostic(.warning, at: location, column: column, value: nil,
          "\(ambiguous.count) dates in this column read both ways (such as 3/5: 3 May or 5 March) and none has a number over 12 to settle it; read \(order == .dayFirst ? "day first (UK)" : "month first (US)"). Set \"dateOrder\": \"day-first\" or \"month-first\" in the manifest or workspace.json to decide")
      }
    }
    if order != parsedAs {
      for index in ambiguous where index < responses.count {
        guard let time = responses[index].submitted else { continue }
        let days = Int((time.seconds - ((time.seconds % 86_400) + 86_400) % 86_400) / 86_400)
        let (y, m, d) = CivilDate.date(days: days)
        let swapped = CivilDate.days(year: y, month: d, day: m)
        responses[index].submitted = Timestamp(seconds: Int64(swapped) * 86_400 + ((time.seconds % 86_400) + 86_400) % 86_400, isUTC: time.isUTC)
      }
    }
    return diagnostic
  }
}
