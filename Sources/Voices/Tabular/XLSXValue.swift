/// Renders stored cell values as the strings Voices hands on: numbers as Excel's General
/// format shows them (without float noise), and date serials as ISO 8601.
enum XLSXValue {
  /// A number in its shortest exact form: integers without `.0` (for magnitudes below 2^53),
  /// everything else as the shortest decimal that reads back as the same double, so a stored
  /// `0.10000000000000001` reads as `0.1`. Very small or large values use exponent form
  /// (`1e-05`, `1e+16`), as Swift and Python print them.
  static func number(_ value: Double) -> String {
    if value == 0 { return "0" }
    if value == value.rounded(), abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    return value.description
  }

  /// A date serial as ISO 8601, rounded to the second, or nil if Excel could not show it as a
  /// date (negative, or after 9999-12-31).
  ///
  /// In the 1900 system Excel counts 1900-02-29, a day that never was (a bug kept from Lotus
  /// 1-2-3): serial 60 is shown as `1900-02-29` exactly as Excel shows it, serials 1 to 59
  /// count from 1899-12-31, and serials from 61 count from 1899-12-30. In the 1904 system
  /// serial 0 is 1904-01-01. A time-only format shows the time of day of the serial.
  static func date(serial: Double, format: XLSXNumberFormat, date1904: Bool) -> String? {
    guard serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
    let totalSeconds = Int64((serial * 86_400).rounded())
    let days = Int(totalSeconds / 86_400)
    let seconds = Int(totalSeconds % 86_400)
    let time = pad(seconds / 3600) + ":" + pad(seconds / 60 % 60) + ":" + pad(seconds % 60)
    if format == .time { return time }

    let day: String
    if date1904 {
      day = civil(CivilDate.days(year: 1904, month: 1, day: 1) + days)
    } else if days == 60 {
      day = "1900-02-29"
    } else if days < 60 {
      day = civil(CivilDate.days(year: 1899, month: 12, day: 31) + days)
    } else {
      day = civil(CivilDate.days(year: 1899, month: 12, day: 30) + days)
    }
    return format == .dateTime ? day + "T" + time : day
  }

  private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// `YYYY-MM-DD` of a day count since 1970-01-01.
  static func civil(_ days: Int) -> String {
    let (y, m, d) = CivilDate.date(days: days)
    let yearText = String(y)
    return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + pad(m) + "-" + pad(d)
  }

  /// Decodes Excel's `_xHHHH_` escapes (used for control characters such as CR in
  /// `_x000D_`, and `_x005F_` for a literal underscore) in place.
  static func unescapeExcel(_ bytes: inout [UInt8]) {
    guard bytes.count >= 7, bytes.contains(UInt8(ascii: "_")) else { return }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    var changed = false
    while i < bytes.count {
      if bytes[i] == UInt8(ascii: "_"), i + 6 < bytes.count, bytes[i + 1] == UInt8(ascii: "x"),
        bytes[i + 6] == UInt8(ascii: "_"), let value = hex4(bytes, i + 2),
        let scalar = Unicode.Scalar(value)
      {
        XMLScanner.appendUTF8(scalar, to: &out)
        i += 7
        changed = true
      } else {
        out.append(bytes[i])
        i += 1
      }
    }
    if changed { bytes = out }
  }

  private static func hex4(_ bytes: [UInt8], _ at: Int) -> UInt32? {
    var value: UInt32 = 0
    for b in bytes[at..<(at + 4)] {
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | UInt32(b - 48)
      case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | UInt32(b - 87)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): value = value << 4 | UInt32(b - 55)
      default: return nil
      }
    }
    return value
  }
}
