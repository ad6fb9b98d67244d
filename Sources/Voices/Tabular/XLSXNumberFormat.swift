/// How a numeric cell is shown, as far as Voices cares: as a plain number, or as a date, a
/// date and time, or a time of day.
///
/// Only dates and times change what Voices produces. Every other format (decimals, percent,
/// currency, thousands separators) is rendered as Excel's General format would show the stored
/// value, because survey analysis wants the value, not its decoration: a cell holding 0.25
/// shown as `25%` reads as `0.25`.
enum XLSXNumberFormat: Equatable, Sendable {
  case general
  case date
  case dateTime
  case time

  /// The kind of a built-in format id (ECMA-376 Part 1, 18.8.30).
  static func builtIn(_ id: Int) -> XLSXNumberFormat {
    switch id {
    case 14...17: .date
    case 18...21, 45...47: .time
    case 22: .dateTime
    default: .general
    }
  }

  /// The kind of a custom format code such as `dd/mm/yyyy hh:mm` or `0.0%`.
  ///
  /// Only the first section (before `;`) counts. Quoted literals, `\`-escaped characters, the
  /// characters after `_` (padding) and `*` (fill), and bracketed groups (colours, locales,
  /// conditions) are ignored, except the elapsed-time groups `[h]`, `[mm]`, `[ss]`. Then `y`
  /// or `d` make it a date, `h` or `s` a time, both a date and time; `m` alone (as in `mmm`)
  /// is a month, so a date.
  static func classify(code: String) -> XLSXNumberFormat {
    var date = false, time = false, month = false
    var bytes = Array(code.utf8).makeIterator()
    outer: while let b = bytes.next() {
      switch b {
      case UInt8(ascii: ";"): break outer
      case UInt8(ascii: "\""):
        while let c = bytes.next(), c != UInt8(ascii: "\"") {}
      case UInt8(ascii: "\\"), UInt8(ascii: "_"), UInt8(ascii: "*"):
        _ = bytes.next()
      case UInt8(ascii: "["):
        var group: [UInt8] = []
        while let c = bytes.next(), c != UInt8(ascii: "]") { group.append(c | 0x20) }
        if let first = group.first, group.allSatisfy({ $0 == first }) {
          if first == UInt8(ascii: "h") || first == UInt8(ascii: "s") { time = true }
          if first == UInt8(ascii: "m") { time = true }
        }
      default:
        switch b | 0x20 {
        case UInt8(ascii: "y"), UInt8(ascii: "d"): date = true
        case UInt8(ascii: "h"), UInt8(ascii: "s"): time = true
        case UInt8(ascii: "m"): month = true
        default: break
        }
      }
    }
    // "General" holds none of these letters; guard against look-alikes anyway.
    if code.lowercased() == "general" { return .general }
    switch (date, time) {
    case (true, true): return .dateTime
    case (true, false): return .date
    case (false, true): return .time
    case (false, false): return month ? .date : .general
    }
  }
}
