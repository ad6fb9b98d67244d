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
      findings.append(Finding(kind: .address, start: tokens[t].start, end: tokens[end].end))
      t = end + 1
    }
  }

  static let hashThe = Scan.hash("the")
  static let addressCues: Set<UInt64> = NameTable.hashes("at address")
}
