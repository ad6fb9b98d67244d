/// A submission time as exports write it, normalised to ISO 8601 so waves sort and compare.
///
/// Times are kept as the wall-clock time the export shows (no time zone guessing), except Unix
/// epoch seconds, which are UTC by definition and marked with `Z`.
///
/// Only the seconds and the UTC mark are stored (a million responses each holding a 20-byte
/// string would cost a heap allocation apiece); the ISO text is made when asked for. A leap
/// second (`23:59:60`) reads as the first second of the next minute.
public struct Timestamp: Equatable, Sendable, Comparable {
  /// Seconds since 1970-01-01T00:00:00 of the wall-clock time, for ordering.
  public var seconds: Int64
  /// Whether the source was epoch seconds, so the time is UTC.
  public var isUTC: Bool

  public init(seconds: Int64, isUTC: Bool) {
    self.seconds = seconds
    self.isUTC = isUTC
  }

  /// `yyyy-MM-ddTHH:mm:ss`, with a trailing `Z` when the source was epoch seconds.
  public var iso: String {
    let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    let rest = Int(seconds - Int64(days) * 86_400)
    let (y, m, d) = CivilDate.date(days: days)
    return Self.format(y, m, d, rest / 3600, rest % 3600 / 60, rest % 60, utc: isUTC)
  }

  public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

  /// Which way round a slashed date is when both readings are possible.
  public enum DayOrder: Sendable { case dayFirst, monthFirst }

  /// Parses the time formats survey tools write.
  ///
  /// Accepted: Unix epoch seconds (SmartSurvey); ISO 8601 `2025-02-14T09:30:00` or with a
  /// space (XLSX dates as Voices reads them, Qualtrics); `14/02/2025 09:30:00` (Google Forms
  /// UK, day first) and `02/14/2025 09:30:00 AM` (SurveyMonkey, US, month first), with or
  /// without seconds, with two- or four-digit years. A date that cannot be a day-first date is
  /// read month-first and the reverse.
  ///
  /// - Returns: `nil` when the text is not a time in any of these forms.
  public static func parse(_ text: String, order: DayOrder = .dayFirst) -> Timestamp? {
    if let parsed = text.utf8.withContiguousStorageIfAvailable({ parse(bytes: $0, order: order) }) { return parsed }
    return Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0, order: order) }
  }

  /// `parse(_:order:)` on the text's UTF-8 bytes.
  static func parse(bytes all: UnsafeBufferPointer<UInt8>, order: DayOrder) -> Timestamp? {
    var lo = 0, hi = all.count
    while lo < hi, all[lo] == 32 { lo += 1 }
    while lo < hi, all[hi - 1] == 32 { hi -= 1 }
    let bytes = UnsafeBufferPointer(rebasing: all[lo..<hi])
    guard !bytes.isEmpty else { return nil }
    if (9...11).contains(bytes.count), bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
      return Timestamp(seconds: bytes.reduce(0) { $0 * 10 + Int64($1 - 48) }, isUTC: true)
    }
    var scanner = NumberScanner(bytes)
    guard let first = scanner.number() else { return nil }
    let year: Int, month: Int, day: Int
    if scanner.lastDigits == 4 {
      guard scanner.skip("-"), let m = scanner.number(), scanner.skip("-"), let d = scanner.number() else { return nil }
      (year, month, day) = (first, m, d)
    } else {
      guard scanner.skip("/") || scanner.skip("."), let second = scanner.number(), scanner.skip("/") || scanner.skip("."),
        var y = scanner.number()
      else { return nil }
      if scanner.lastDigits == 2 { y += 2000 }
      year = y
      switch order {
      case .dayFirst: (day, month) = first > 12 || second <= 12 ? (first, second) : (second, first)
      case .monthFirst: (month, day) = second > 12 || first <= 12 ? (first, second) : (second, first)
      }
    }
    var hour = 0, minute = 0, second = 0
    if scanner.skip("T") || scanner.skipSpaces() {
      if let h = scanner.number() {
        guard scanner.skip(":"), let m = scanner.number() else { return nil }
        hour = h; minute = m
        if scanner.skip(":") { guard let s = scanner.number() else { return nil }; second = s }
        _ = scanner.skipFraction()
        scanner.skipSpaces()
        if scanner.skipWord("PM") { if hour < 12 { hour += 12 } } else if scanner.skipWord("AM") { if hour == 12 { hour = 0 } }
        _ = scanner.skip("Z")
      }
    }
    guard scanner.atEnd, (1...12).contains(month), (1...daysIn(month, year)).contains(day),
      (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second), (1900...2200).contains(year)
    else { return nil }
    let days = CivilDate.days(year: year, month: month, day: day)
    return Timestamp(seconds: Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second), isUTC: false)
  }

  /// `YYYY-MM-DDThh:mm:ss`, with `Z` after it when `utc`.
  static func format(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int, utc: Bool = false) -> String {
    let twoDigits = 0...99
    guard (1000...9999).contains(y), twoDigits.contains(m), twoDigits.contains(d), twoDigits.contains(h),
      twoDigits.contains(mi), twoDigits.contains(s)
    else {
      func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
      return "\(y)-\(two(m))-\(two(d))T\(two(h)):\(two(mi)):\(two(s))" + (utc ? "Z" : "")
    }
    // The usual case, digit by digit: this runs once or twice per response.
    return String(unsafeUninitializedCapacity: 20) { out in
      func put(_ value: Int, _ digits: Int, at i: Int) {
        var v = value
        for k in stride(from: i + digits - 1, through: i, by: -1) {
          out[k] = UInt8(ascii: "0") + UInt8(v % 10)
          v /= 10
        }
      }
      put(y, 4, at: 0)
      out[4] = UInt8(ascii: "-")
      put(m, 2, at: 5)
      out[7] = UInt8(ascii: "-")
      put(d, 2, at: 8)
      out[10] = UInt8(ascii: "T")
      put(h, 2, at: 11)
      out[13] = UInt8(ascii: ":")
      put(mi, 2, at: 14)
      out[16] = UInt8(ascii: ":")
      put(s, 2, at: 17)
      if utc { out[19] = UInt8(ascii: "Z") }
      return utc ? 20 : 19
    }
  }

  static func daysIn(_ month: Int, _ year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

/// Reads unsigned numbers and separators from ASCII bytes, for `Timestamp.parse`.
private struct NumberScanner {
  let bytes: UnsafeBufferPointer<UInt8>
  var index = 0
  var lastDigits = 0

  init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

  var atEnd: Bool { index == bytes.count }

  mutating func number() -> Int? {
    var value = 0, digits = 0
    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57, digits < 9 {
      value = value * 10 + Int(bytes[index] - 48); index += 1; digits += 1
    }
    lastDigits = digits
    return digits > 0 ? value : nil
  }

  mutating func skip(_ character: Unicode.Scalar) -> Bool {
    guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
    index += 1
    return true
  }

  @discardableResult mutating func skipSpaces() -> Bool {
    let start = index
    while index < bytes.count, bytes[index] == 32 { index += 1 }
    return index > start
  }

  mutating func skipFraction() -> Bool {
    guard skip(".") else { return false }
    while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 { index += 1 }
    return true
  }

  mutating func skipWord(_ word: String) -> Bool {
    let w = Array(word.utf8)
    guard index + w.count <= bytes.count else { return false }
    for i in 0..<w.count where bytes[index + i] & 0xDF != w[i] { return false }
    index += w.count
    return true
  }
}
