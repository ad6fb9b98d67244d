/// UK phone numbers, NHS numbers and UK postcodes.
extension Redactor {
  /// Digit groups read from one starting point: "+44 (0)7700 900982", "(01632) 960001".
  struct DigitGroups {
    var digits: [UInt8] = []
    /// Digits so far and byte end, after each group.
    var groups: [(count: Int, end: Int)] = []
    var international = false
    var parenthesised = false
    var separators: [UInt8] = []
  }

  /// Whether the byte before `i` rules out a number starting here (part of a word, a decimal,
  /// a date, money).
  func numberMayStart(at i: Int, _ scan: Scan) -> Bool {
    guard i > 0 else { return true }
    let p = scan.bytes[i - 1]
    if p.isRedactAlphanumeric || p == UInt8(ascii: ".") || p == UInt8(ascii: "/")
      || p == UInt8(ascii: "$") || p == UInt8(ascii: ",") || p == UInt8(ascii: ":") && i >= 2 && scan.bytes[i - 2].isRedactDigit
      || p == UInt8(ascii: "-") && i >= 2 && scan.bytes[i - 2].isRedactDigit { return false }
    if p == 0xA3, i >= 2, scan.bytes[i - 2] == 0xC2 { return false }  // £
    if p == 0xAC, i >= 3, scan.bytes[i - 2] == 0x82, scan.bytes[i - 3] == 0xE2 { return false }  // €
    return true
  }

  func readGroups(at start: Int, _ scan: Scan) -> DigitGroups? {
    let bytes = scan.bytes, n = bytes.count
    var g = DigitGroups()
    var j = start
    var openParen = false
    if bytes[j] == UInt8(ascii: "+") {
      guard j + 2 < n, bytes[j + 1] == UInt8(ascii: "4"), bytes[j + 2] == UInt8(ascii: "4") else { return nil }
      g.international = true
      j += 3
      if j < n, bytes[j] == 0x20 { j += 1 }
      if j + 2 < n, bytes[j] == UInt8(ascii: "("), bytes[j + 1] == UInt8(ascii: "0"), bytes[j + 2] == UInt8(ascii: ")") {
        j += 3
        if j < n, bytes[j] == 0x20 { j += 1 }
      }
    } else if bytes[j] == UInt8(ascii: "(") {
      openParen = true
      g.parenthesised = true
      j += 1
    }
    while j < n, bytes[j].isRedactDigit {
      var k = j
      while k < n, bytes[k].isRedactDigit, g.digits.count < 14 { g.digits.append(bytes[k]); k += 1 }
      if k < n, bytes[k].isRedactDigit { return nil }
      if openParen {
        guard k < n, bytes[k] == UInt8(ascii: ")") else { return nil }
        openParen = false
        k += 1
        g.groups.append((g.digits.count, k))
        if k < n, bytes[k] == 0x20 { k += 1 }
        j = k
        continue
      }
      g.groups.append((g.digits.count, k))
      guard k + 1 < n, bytes[k] == 0x20 || bytes[k] == UInt8(ascii: "-") || bytes[k] == UInt8(ascii: "."),
            bytes[k + 1].isRedactDigit else { break }
      g.separators.append(bytes[k])
      j = k + 1
    }
    return g.groups.isEmpty ? nil : g
  }

  /// The NHS number check: weights 10 down to 2 on the first nine digits, 11 minus the sum
  /// modulo 11 (11 reads as 0, 10 is never valid) must equal the tenth digit.
  static func isValidNHSNumber(_ digits: ArraySlice<UInt8>) -> Bool {
    guard digits.count == 10 else { return false }
    var sum = 0
    for (k, d) in digits.prefix(9).enumerated() { sum += Int(d - 48) * (10 - k) }
    var check = 11 - sum % 11
    if check == 11 { check = 0 }
    return check != 10 && check == Int(digits[digits.startIndex + 9] - 48)
  }

  /// UK numbers as dialled: 0 then 10 digits (mobile 07, geographic 01/02, 03, 05, 08, 09),
  /// or 0 then 9 digits for the older 01 areas and 0800.
  static func isUKPhone(_ national: ArraySlice<UInt8>) -> Bool {
    guard national.first == UInt8(ascii: "0"), national.count >= 10, national.count <= 11 else { return false }
    let second = national[national.startIndex + 1]
    if national.count == 10 { return second == UInt8(ascii: "1") || second == UInt8(ascii: "8") }
    return [UInt8(ascii: "1"), UInt8(ascii: "2"), UInt8(ascii: "3"), UInt8(ascii: "5"), UInt8(ascii: "7"),
            UInt8(ascii: "8"), UInt8(ascii: "9")].contains(second)
  }

  /// Phone and NHS numbers: digit groups separated by single spaces, hyphens or dots, the
  /// longest run of groups that is a valid number. Years, counts, money and short numbers are
  /// never long enough or start after a currency sign.
  func findNumbers(_ scan: Scan, into findings: inout [Finding]) {
    let bytes = scan.bytes, n = bytes.count
    var i = 0
    while i < n {
      let b = bytes[i]
      guard b.isRedactDigit || b == UInt8(ascii: "+") || b == UInt8(ascii: "("), numberMayStart(at: i, scan),
            let g = readGroups(at: i, scan) else {
        i += 1
        while i < n, bytes[i].isRedactDigit, bytes[i - 1].isRedactDigit { i += 1 }
        continue
      }
      var matched: Finding?
      for k in stride(from: g.groups.count - 1, through: 0, by: -1) {
        let (count, end) = g.groups[k]
        if end < n, bytes[end].isRedactAlphanumeric { continue }
        if end + 1 < n, bytes[end] == UInt8(ascii: "/") || bytes[end] == UInt8(ascii: "."), bytes[end + 1].isRedactDigit { continue }
        let digits = g.digits[0..<count]
        let shape = g.groups[0...k].enumerated().map { $0.element.count - ($0.offset == 0 ? 0 : g.groups[$0.offset - 1].count) }
        let sameSeparators = Set(g.separators.prefix(k)).count <= 1
        if !g.international, !g.parenthesised, count == 10, sameSeparators,
           shape == [10] && digits.first != UInt8(ascii: "0") || shape == [3, 3, 4],
           Redactor.isValidNHSNumber(digits) {
          matched = Finding(kind: .nhsNumber, start: i, end: end)
          break
        }
        let national = g.international ? [UInt8(ascii: "0")] + digits : Array(digits)
        if Redactor.isUKPhone(national[...]), !g.separators.prefix(k).contains(UInt8(ascii: ".")) || sameSeparators {
          matched = Finding(kind: .phone, start: i, end: end)
          break
        }
      }
      if let found = matched {
        findings.append(found)
        i = found.end
      } else {
        i += 1
        while i < n, bytes[i].isRedactDigit, bytes[i - 1].isRedactDigit { i += 1 }
      }
    }
  }

  /// The postcode areas of the United Kingdom and Crown dependencies (one or two letters).
  static let postcodeAreas: Set<String> = Set("""
    AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E
    EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL
    LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN
    SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

  /// UK postcodes in any case, with or without the space: an outward code of a real area
  /// (A9, A99, A9A, AA9, AA99, AA9A) and an inward code 9AA whose letters avoid C I K M O V,
  /// as the Royal Mail format requires. A lowercase "2nd", "1st" after an outward-looking
  /// word is an ordinal, not an inward code.
  func findPostcodes(_ scan: Scan, into findings: inout [Finding]) {
    let bytes = scan.bytes, n = bytes.count
    func isInwardLetter(_ b: UInt8) -> Bool {
      guard b.isRedactLetter else { return false }
      switch b | 0x20 {
      case UInt8(ascii: "c"), UInt8(ascii: "i"), UInt8(ascii: "k"), UInt8(ascii: "m"), UInt8(ascii: "o"), UInt8(ascii: "v"): return false
      default: return true
      }
    }
    for token in scan.tokens where token.kind == .word && token.end - token.start <= 2 {
      let i = token.start
      if i > 0, bytes[i - 1].isRedactAlphanumeric { continue }
      let letters = token.end - token.start
      guard token.end < n, bytes[token.end].isRedactDigit else { continue }
      let area = String(decoding: bytes[i..<token.end].map { $0 & ~0x20 }, as: UTF8.self)
      guard Redactor.postcodeAreas.contains(area) else { continue }
      var digitRun = 0
      while token.end + digitRun < n, bytes[token.end + digitRun].isRedactDigit { digitRun += 1 }
      // Outward ends to try: A(A)99, A(A)9A, A(A)9 (the 9 of "DT11XJ" may start the inward code).
      var outwardEnds: [Int] = []
      if digitRun >= 2 { outwardEnds.append(token.end + 2) }
      if digitRun >= 1 {
        let afterOne = token.end + 1
        if digitRun == 1, afterOne < n, bytes[afterOne].isRedactLetter { outwardEnds.append(afterOne + 1) }
        outwardEnds.append(afterOne)
      }
      _ = letters
      for outwardEnd in outwardEnds {
        var s = outwardEnd
        var spaces = 0
        while s < n, bytes[s] == 0x20, spaces < 2 { s += 1; spaces += 1 }
        guard s + 2 < n || s + 3 == n, s + 2 < n, bytes[s].isRedactDigit, isInwardLetter(bytes[s + 1]), isInwardLetter(bytes[s + 2]) else { continue }
        if s + 3 < n, bytes[s + 3].isRedactAlphanumeric { continue }
        let a = bytes[s + 1], c = bytes[s + 2]
        if a.isRedactLower, c.isRedactLower {
          let pair = [a, c]
          let ordinal = pair == Array("st".utf8) || pair == Array("nd".utf8) || pair == Array("rd".utf8) || pair == Array("th".utf8)
          if ordinal { continue }
        }
        findings.append(Finding(kind: .postcode, start: i, end: s + 3))
        break
      }
    }
  }
}
