/// Dates of birth: a date next to a cue ("dob", "d.o.b", "date of birth", "born", "birthday").
///
/// Dates without a cue are survey content ("the meeting on 3 March") and stay. The cue itself
/// stays too ("DOB: [date of birth]"), so a reader still sees what was there.
extension Redactor {
  static let months: [UInt64: Int] = {
    var table: [UInt64: Int] = [:]
    let names = ["january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"]
    for (k, name) in names.enumerated() {
      table[Scan.hash(name)] = k + 1
      table[Scan.hash(String(name.prefix(3)))] = k + 1
    }
    table[Scan.hash("sept")] = 9
    return table
  }()

  static let ordinalSuffixes: Set<UInt64> = Set(["st", "nd", "rd", "th"].map(Scan.hash))
  static let hashOf = Scan.hash("of")
  static let birthCues: Set<UInt64> = Set(["dob", "born", "birthday", "birthdate", "bday", "b'day"].map(Scan.hash))
  static let hashDate = Scan.hash("date"), hashBirth = Scan.hash("birth")
  static let hashD = Scan.hash("d"), hashO = Scan.hash("o"), hashB = Scan.hash("b")

  /// The numeric value of a number token of at most `digits` digits.
  func number(_ t: Int, _ scan: Scan, maxDigits: Int) -> Int? {
    guard t < scan.tokens.count, scan.tokens[t].kind == .number else { return nil }
    let token = scan.tokens[t]
    guard token.end - token.start <= maxDigits else { return nil }
    var value = 0
    for i in token.start..<token.end { value = value * 10 + Int(scan.bytes[i] - 48) }
    return value
  }

  func isYear(_ t: Int, _ scan: Scan) -> Bool {
    guard let year = number(t, scan, maxDigits: 4), scan.tokens[t].end - scan.tokens[t].start == 4 else { return false }
    return year >= 1900 && year <= 2099
  }

  /// A date starting at token `t`; returns the index of its last token.
  ///
  /// Forms: 12/03/2012, 12.03.12, 12-3-2012; 3 March 2012, 3rd of March, 3rd Mar. 2012;
  /// March 3, 2012, March 3rd; March 2012.
  func date(at t: Int, _ scan: Scan) -> Int? {
    let tokens = scan.tokens
    if let day = number(t, scan, maxDigits: 2) {
      // numeric
      if t + 4 < tokens.count, tokens[t + 1].kind == .other, !tokens[t + 1].spaceBefore,
         scan.isChar(t + 1, "/") || scan.isChar(t + 1, ".") || scan.isChar(t + 1, "-"),
         let month = number(t + 2, scan, maxDigits: 2), !tokens[t + 2].spaceBefore,
         tokens[t + 3].hash == tokens[t + 1].hash, !tokens[t + 3].spaceBefore, !tokens[t + 4].spaceBefore,
         let year = number(t + 4, scan, maxDigits: 4), tokens[t + 4].end - tokens[t + 4].start != 3 {
        let valid = (day >= 1 && day <= 31 && month >= 1 && month <= 12) || (month >= 1 && month <= 31 && day >= 1 && day <= 12)
        return valid && (year < 100 || (year >= 1900 && year <= 2099)) ? t + 4 : nil
      }
      guard day >= 1, day <= 31 else { return nil }
      var k = t + 1
      if k < tokens.count, !tokens[k].spaceBefore, Redactor.ordinalSuffixes.contains(tokens[k].hash) { k += 1 }
      if k < tokens.count, tokens[k].hash == Redactor.hashOf { k += 1 }
      guard k < tokens.count, Redactor.months[tokens[k].hash] != nil else { return nil }
      var last = k
      if scan.isChar(k + 1, "."), !tokens[k + 1].spaceBefore { last = k + 1 }
      var y = last + 1
      if scan.isChar(y, ",") { y += 1 }
      if isYear(y, scan) { last = y }
      return last
    }
    guard tokens[t].kind == .word, Redactor.months[tokens[t].hash] != nil else { return nil }
    var k = t + 1
    if scan.isChar(k, "."), !tokens[k].spaceBefore { k += 1 }
    if isYear(k, scan) { return k }
    guard let day = number(k, scan, maxDigits: 2), day >= 1, day <= 31 else { return nil }
    var last = k
    if k + 1 < tokens.count, !tokens[k + 1].spaceBefore, Redactor.ordinalSuffixes.contains(tokens[k + 1].hash) { last = k + 1 }
    var y = last + 1
    if scan.isChar(y, ",") { y += 1 }
    if isYear(y, scan) { last = y }
    return last
  }

  /// Index of the last token of a birth cue starting at `t`, if there is one.
  func birthCue(at t: Int, _ scan: Scan) -> Int? {
    let tokens = scan.tokens
    let h = tokens[t].hash
    if Redactor.birthCues.contains(h) { return t }
    if h == Redactor.hashDate, t + 2 < tokens.count, tokens[t + 1].hash == Redactor.hashOf, tokens[t + 2].hash == Redactor.hashBirth { return t + 2 }
    if h == Redactor.hashD, t + 4 < tokens.count, scan.isChar(t + 1, "."), tokens[t + 2].hash == Redactor.hashO,
       scan.isChar(t + 3, "."), tokens[t + 4].hash == Redactor.hashB {
      return scan.isChar(t + 5, ".") ? t + 5 : t + 4
    }
    return nil
  }

  /// Whether token `t` ends a sentence or clause strongly enough to part a cue from a date.
  func isStop(_ t: Int, _ scan: Scan) -> Bool {
    scan.isChar(t, "!") || scan.isChar(t, "?") || scan.isChar(t, ";")
      || (scan.isChar(t, ".") && (t + 1 >= scan.tokens.count || scan.tokens[t + 1].spaceBefore))
  }

  func findDatesOfBirth(_ scan: Scan, into findings: inout [Finding]) {
    let tokens = scan.tokens
    var t = 0
    while t < tokens.count {
      guard tokens[t].kind == .word, let cueEnd = birthCue(at: t, scan) else { t += 1; continue }
      var found = false
      // after the cue: "DOB: 12/03/2012", "born on the 3rd of March 2012"
      var k = cueEnd + 1
      while k < tokens.count, k <= cueEnd + 6 {
        if tokens[k].lineBreakBefore || (k > cueEnd + 1 && isStop(k, scan)) { break }
        if let last = date(at: k, scan) {
          findings.append(Finding(kind: .dateOfBirth, start: tokens[k].start, end: tokens[last].end))
          found = true
          k = last
          break
        }
        k += 1
      }
      // before the cue: "12/03/2012 is her date of birth"
      if !found {
        var s = t - 1
        while s >= 0, s >= t - 8 {
          if isStop(s, scan) || tokens[s + 1].lineBreakBefore { break }
          if let last = date(at: s, scan), last < t, t - last <= 5 {
            findings.append(Finding(kind: .dateOfBirth, start: tokens[s].start, end: tokens[last].end))
            break
          }
          s -= 1
        }
      }
      t = max(t + 1, cueEnd + 1)
    }
  }
}
