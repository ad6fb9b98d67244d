/// Street addresses: a house number, one to three words and a street word ("14 Acacia Avenue",
/// "3a Church Road", "22 the crescent", "flat 2, 9 mill lane").
///
/// Street words that are also everyday words ("close", "drive", "way", "court", "place") count
/// only when capitalised or after "at"/"address" ("we live at 9 elm close"), and the words
/// between may not be units or small words, so "2 close friends", "3 hours drive" and "5 miles
/// down the road" stay.
extension Redactor {
  /// Street words that name a street in any case.
  static let streetWords: Set<UInt64> = NameTable.hashes("road rd street avenue ave lane crescent gardens terrace mews")
  /// Street words that are also ordinary words: only when capitalised.
  static let capitalisedStreetWords: Set<UInt64> = NameTable.hashes(
    "close drive way court place grove hill view rise park walk row green square parade st ln dr")
  /// Words that cannot stand between a number and a street word.
  static let notStreetNames: Set<UInt64> = NameTable.hashes("""
    the a an of to down up along on in at by for from and or with per over off our my his her their
    miles mile minutes minute mins min hours hour hrs hr days day weeks week wks months month years
    year yrs times time km metres meters yards steps stops pounds quid percent children kids people
    """)

  func findAddresses(_ scan: Scan, into findings: inout [Finding]) {
    let tokens = scan.tokens
    var t = 0
    while t < tokens.count {
      guard tokens[t].kind == .number, tokens[t].end - tokens[t].start <= 4 else { t += 1; continue }
      var k = t + 1
      // "3a Church Road", "14, Acacia Avenue"
      if k < tokens.count, tokens[k].kind == .word, tokens[k].end - tokens[k].start == 1, !tokens[k].spaceBefore { k += 1 }
      if scan.isChar(k, ",") { k += 1 }
      let firstWord = k
      let cued = t > 0 && (Redactor.addressCues.contains(tokens[t - 1].hash)
        || (t > 1 && scan.isChar(t - 1, ":") && Redactor.addressCues.contains(tokens[t - 2].hash)))
      var found: Int? = nil
      while k < tokens.count, k - firstWord < 4, tokens[k].kind == .word, !tokens[k].lineBreakBefore {
        let h = tokens[k].hash
        if k > firstWord, Redactor.streetWords.contains(h) || ((tokens[k].isCapitalised || cued) && Redactor.capitalisedStreetWords.contains(h)) {
          found = k
          break
        }
        if Redactor.notStreetNames.contains(h) && !(k == firstWord && h == Redactor.hashThe) { break }
        k += 1
      }
      guard let end = found else { t += 1; continue }
      findings.append(Finding(kind: .address, start: tokens[flatStart(before: t, scan)].start, end: tokens[end].end))
      t = end + 1
    }
  }

  /// Words that name a dwelling within a building: "Flat 3/2 Rose Court", "flat 2, 9 mill lane".
  static let flatWords: Set<UInt64> = NameTable.hashes("flat apartment apt unit room maisonette")

  /// The first token of an address whose house number is token `t`: back over flat numbers
  /// written with a slash ("3/2", "12a/4"), and over "Flat 3," or "Apt. 4" before it, so the
  /// whole address becomes one marker, never "Flat 3/[address]".
  func flatStart(before t: Int, _ scan: Scan) -> Int {
    let tokens = scan.tokens
    func isNumber(_ i: Int) -> Bool { i >= 0 && tokens[i].kind == .number && tokens[i].end - tokens[i].start <= 4 }
    /// The first token of a house or flat number ending at `i` ("3", "3a"), or nil.
    func numberStart(endingAt i: Int) -> Int? {
      if isNumber(i) { return i }
      if i >= 1, tokens[i].kind == .word, tokens[i].end - tokens[i].start == 1, !tokens[i].spaceBefore, isNumber(i - 1) { return i - 1 }
      return nil
    }
    var s = t
    // "3/2", "3a/2", "3 / 2"
    while s >= 2, scan.isChar(s - 1, "/"), let p = numberStart(endingAt: s - 2) { s = p }
    // "flat 2, 9 mill lane": the flat's own number and a comma before the house number
    var p = s - 1
    if scan.isChar(p, ","), let q = numberStart(endingAt: p - 1) { p = q - 1 }
    // "Flat 3/2 ...", "Apt. 4 ..."
    if p >= 1, scan.isChar(p, "."), tokens[p - 1].kind == .word, Redactor.flatWords.contains(tokens[p - 1].hash) { return p - 1 }
    if p >= 0, p < t, tokens[p].kind == .word, Redactor.flatWords.contains(tokens[p].hash) { return p }
    return s
  }

  static let hashThe = Scan.hash("the")
  static let addressCues: Set<UInt64> = NameTable.hashes("at address")
}
