/// Schools named in a comment: a run of Capitalised words ending in a school word ("Hillside
/// Primary", "St Mary's C of E First School", "Thomas Hardye School").
///
/// A run made only of generic words ("Primary School", "Special School", "Forest School",
/// "the Virtual School") names a kind of school or a service, not a school, and stays.
///
/// In lower case ("goes to hillside primary", "at st marys") capitals cannot mark the name, so
/// a school is taken only after a cue that places a child in a school (`at`, `goes to`,
/// `attends`, ...): the distinctive words between the cue and a school word, or a saint's name.
extension Redactor {
  static let schoolKeywords: Set<UInt64> = NameTable.hashes(
    "primary academy school college infants infant junior juniors grammar nursery preschool kindergarten")
  /// Words that may follow a keyword inside the name ("Primary School", "Junior Academy").
  static let schoolTails: Set<UInt64> = NameTable.hashes("school academy primary infants infant junior juniors college")
  /// Words that do not make a school's name on their own.
  static let genericSchoolWords: Set<UInt64> = NameTable.hashes("""
    the a an our my his her their your this that local new old next current previous special
    mainstream specialist primary secondary first middle high upper lower infant infants junior
    juniors grammar comprehensive independent private state free faith church catholic ce c of e
    community village nursery pre sixth form further education fe forest sunday summer holiday
    virtual online home hospital residential boarding day language medical alternative send sen
    asd asc mld sld pmld semh pru ebd autism autistic resource base unit academy school college
    big small good bad best worst other another same different every each any all no both
    year reception key stage mainstream's special's which what when where why how if but and or
    after before breakfast english spelling punctuation maths math science music drama art
    """)
  /// Words that put a school after them ("my son goes to ...").
  static let schoolCues: [[UInt64]] = [
    "at", "attends", "attend", "attended", "attending", "into", "goes to", "go to", "went to", "going to",
    "moved to", "move to", "moving to", "moved him to", "moved her to", "started at", "starts at", "from",
  ].map { $0.split(separator: " ").map { Scan.hash(String($0)) } }
  static let schoolCueStarts = Set(schoolCues.compactMap(\.first))
  static let hashSchool = Scan.hash("school")
  static let hashAnd = Scan.hash("and")

  func findSchools(_ scan: Scan, into findings: inout [Finding]) {
    let tokens = scan.tokens
    var t = 0
    while t < tokens.count {
      guard tokens[t].isCapitalised, Redactor.schoolKeywords.contains(tokens[t].hash) else { t += 1; continue }
      // forward over more school words: "Primary School", "Junior Academy", "Primary school"
      var last = t
      while last + 1 < tokens.count, !tokens[last + 1].lineBreakBefore, tokens[last + 1].spaceBefore,
            Redactor.schoolTails.contains(tokens[last + 1].hash),
            tokens[last + 1].isCapitalised || tokens[last + 1].hash == Redactor.hashSchool {
        last += 1
      }
      // back over the name: capitalised words, St., possessives, "C of E", "CE", "&"
      var first = t
      var k = t - 1
      while k >= 0, !tokens[k + 1].lineBreakBefore {
        let token = tokens[k]
        let isSingleCapital = token.kind == .word && token.end - token.start == 1 && scan.bytes[token.start].isRedactUpper
        let allCaps = token.kind == .word && token.end - token.start >= 2
          && (token.start..<token.end).allSatisfy { scan.bytes[$0].isRedactUpper }
        if token.isCapitalised || isSingleCapital || allCaps {
          first = k
        } else if token.kind == .word, token.hash == Redactor.hashOf, k > 0, k + 1 <= t,
                  tokens[k - 1].isCapitalised || tokens[k - 1].end - tokens[k - 1].start == 1 {
          // "C of E", "Church of England"
        } else if scan.isApostrophe(k) && !tokens[k].spaceBefore, k + 1 < t, tokens[k + 1].end - tokens[k + 1].start == 1 {
          // possessive "Mary's": the apostrophe; the "s" was taken as a word below
        } else if token.kind == .word, token.end - token.start == 1, (scan.bytes[token.start] | 0x20) == UInt8(ascii: "s"),
                  scan.isApostrophe(k - 1) {
          // the "s" of a possessive
        } else if scan.isChar(k, "."), k > 0, names.saints.contains(tokens[k - 1].hash) {
          // "St."
        } else if token.hash == Redactor.hashAnd, k > 0, tokens[k - 1].isCapitalised, tokens[k + 1].isCapitalised {
          // "Bournemouth and Poole College"
        } else if scan.isChar(k, "&") || scan.isChar(k, "-") {
          // "Bishop Aldhelm's & ..." or "Lytchett-Minster"
        } else {
          break
        }
        k -= 1
      }
      // drop leading generic words and connectors; need one distinctive word
      while first < t, !tokens[first].isCapitalised || Redactor.genericSchoolWords.contains(tokens[first].hash),
            !(tokens[first].end - tokens[first].start <= 2 && names.saints.contains(tokens[first].hash)) {
        if tokens[first].kind == .word, tokens[first].end - tokens[first].start == 1, scan.bytes[tokens[first].start].isRedactUpper,
           first + 1 < t, tokens[first + 1].hash == Redactor.hashOf { break }  // keep "C of E" only after a name
        first += 1
      }
      var distinctive = false
      for j in first..<t where tokens[j].kind == .word && !Redactor.genericSchoolWords.contains(tokens[j].hash) && tokens[j].end - tokens[j].start > 1 {
        distinctive = true
      }
      if distinctive, first < t {
        findings.append(Finding(kind: .school, start: tokens[first].start, end: tokens[last].end))
      }
      t = last + 1
    }
    findCuedSchools(scan, into: &findings)
  }

  /// Schools after a cue in any case: "at hillside primary", "goes to st marys".
  func findCuedSchools(_ scan: Scan, into findings: inout [Finding]) {
    let tokens = scan.tokens
    var t = 0
    while t < tokens.count {
      guard Redactor.schoolCueStarts.contains(tokens[t].hash),
            let cue = Redactor.schoolCues.first(where: { matches($0, at: t, scan) }),
            let first = cueEnd(cue, at: t, scan) else { t += 1; continue }
      t += 1
      guard first < tokens.count, tokens[first].kind == .word, !tokens[first].lineBreakBefore else { continue }
      // "st marys", "St. John's": a saint and a name
      if names.saints.contains(tokens[first].hash) {
        var k = first + 1
        if scan.isChar(k, "."), !tokens[k].spaceBefore { k += 1 }
        guard k < tokens.count, tokens[k].kind == .word, !tokens[k].lineBreakBefore,
              !Redactor.genericSchoolWords.contains(tokens[k].hash) else { continue }
        var last = k
        if scan.isApostrophe(k + 1), k + 2 < tokens.count, tokens[k + 2].end - tokens[k + 2].start == 1 { last = k + 2 }
        while last + 1 < tokens.count, Redactor.schoolKeywords.contains(tokens[last + 1].hash), tokens[last + 1].spaceBefore {
          last += 1
        }
        findings.append(Finding(kind: .school, start: tokens[first].start, end: tokens[last].end))
        t = last + 1
        continue
      }
      // up to three distinctive words, then school words: "hillside primary", "oak tree academy"
      var k = first
      while k < tokens.count, k - first < 3, tokens[k].kind == .word, !tokens[k].lineBreakBefore,
            !Redactor.schoolKeywords.contains(tokens[k].hash), !Redactor.genericSchoolWords.contains(tokens[k].hash),
            !names.functionWords.contains(tokens[k].hash), tokens[k].end - tokens[k].start > 1 {
        k += 1
      }
      guard k > first, k < tokens.count, Redactor.schoolKeywords.contains(tokens[k].hash), tokens[k].spaceBefore,
            !tokens[k].lineBreakBefore else { continue }
      var last = k
      while last + 1 < tokens.count, Redactor.schoolTails.contains(tokens[last + 1].hash), tokens[last + 1].spaceBefore {
        last += 1
      }
      findings.append(Finding(kind: .school, start: tokens[first].start, end: tokens[last].end))
      t = last + 1
    }
  }
}
