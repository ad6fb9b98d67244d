import Foundation

/// How every report writes a number, so a figure reads the same in a chart, a table and the text.
///
/// Reports never compute statistics; they format what Measures computed. Rounding is half away
/// from zero on the number's shortest decimal form (so 14.5 becomes "15" and 0.145 to two places
/// becomes "0.15", as a reader checking by hand expects, not the binary "0.14"). Negative numbers
/// use the minus sign U+2212, which screen readers say as "minus" and which lines up with "+".
enum NumberFormatting {
  /// The minus sign used for every negative number.
  /// Said under every table or chart that shows a change beside rounded shares: the change is
  /// the rounded difference of the unrounded shares, which the reader's own subtraction of the
  /// rounded shares can miss by a point.
  static let changeRoundingNote = "Changes are worked out from the unrounded shares and then rounded, so a change can differ by one point from the difference of the rounded shares shown (34% to 41% can be a rise of 8 points, from 33.6% to 41.4%)."

  static let minus = "\u{2212}"

  /// A percentage given in points (0–100): "45%".
  ///
  /// A value that is not zero but would round to zero is written "<0.5%" (with no decimals), and
  /// one that is not 100 but would round to 100 is ">99.5%", so a small group is never shown as
  /// "0%" (nobody) or "100%" (everybody).
  ///
  /// - Parameters:
  ///   - points: The percentage, 0–100.
  ///   - decimals: Places after the point.
  static func percent(_ points: Double, decimals: Int = 0) -> String {
    guard points.isFinite else { return "–" }
    let rounded = round(points, decimals: decimals)
    let half = halfUnit(decimals)
    if points > 0, roundedValue(points, decimals: decimals) == 0 {
      return "<" + plain(half) + "%"
    }
    if points < 100, points > 99, roundedValue(points, decimals: decimals) >= 100 {
      return ">" + plain(100 - half) + "%"
    }
    return signed(rounded) + "%"
  }

  /// A whole count with thousands separators: "1,234", "−56".
  static func count(_ value: Int) -> String {
    let digits = String(value.magnitude)
    return (value < 0 ? minus : "") + grouped(digits)
  }

  /// A decimal number with thousands separators and a fixed number of places: "1,234.5".
  static func number(_ value: Double, decimals: Int = 0) -> String {
    guard value.isFinite else { return "–" }
    return signed(round(value, decimals: decimals))
  }

  /// A change between waves in points or counts: "+4", "−2", "0".
  ///
  /// The sign is decided after rounding, so +0.3 with no decimals is "0", never "+0".
  static func change(_ value: Double, decimals: Int = 0) -> String {
    guard value.isFinite else { return "–" }
    let text = signed(round(value, decimals: decimals))
    if text.hasPrefix(minus) { return text }
    return roundedValue(value, decimals: decimals) == 0 ? text : "+" + text
  }

  /// A number for machine-readable output (CSV cells, JSON): the shortest text that reads back
  /// as the same `Double`, with no grouping, no float noise ("0.1", not "0.1000000000000000055")
  /// and whole numbers without ".0".
  static func plain(_ value: Double) -> String {
    guard value.isFinite else { return "" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return "\(value)"
  }

  // MARK: - Rounding on the decimal form

  /// `value` rounded half away from zero to `decimals` places, as an ungrouped ASCII string with
  /// a leading "-" when negative (and never "-0").
  static func round(_ value: Double, decimals: Int) -> String {
    let places = max(0, min(decimals, 12))
    var decimal = Decimal(string: "\(value)") ?? Decimal(value)
    var result = Decimal()
    NSDecimalRound(&result, &decimal, places, .plain)
    var text = NSDecimalNumber(decimal: result).stringValue
    if places > 0 {
      if !text.contains(".") { text += "." }
      let fraction = text.split(separator: ".", omittingEmptySubsequences: false).last.map(\.count) ?? 0
      text += String(repeating: "0", count: max(0, places - fraction))
    }
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
    return text
  }

  private static func roundedValue(_ value: Double, decimals: Int) -> Double {
    Double(round(value, decimals: decimals)) ?? value
  }

  /// Half of one unit in the last place shown: 0.5 for no decimals, 0.05 for one.
  private static func halfUnit(_ decimals: Int) -> Double {
    0.5 / pow(10, Double(max(0, decimals)))
  }

  /// Groups the integer part and swaps "-" for U+2212.
  private static func signed(_ ascii: String) -> String {
    let negative = ascii.hasPrefix("-")
    let body = negative ? String(ascii.dropFirst()) : ascii
    let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var out = grouped(String(parts[0]))
    if parts.count > 1 { out += "." + parts[1] }
    return (negative ? minus : "") + out
  }

  private static func grouped(_ digits: String) -> String {
    let chars = Array(digits)
    var out = ""
    for (i, c) in chars.enumerated() {
      if i > 0, (chars.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return out
  }
}
