/// Names of people: after a cue ("my son Jack", "Mrs Smith"), or a Capitalised word in the
/// built-in lists (see `BuiltInNames`) in a name-like position.
///
/// Comments typed on a phone are often all lower case, so a lower-case word is taken as a name
/// where the position leaves little doubt: after a title ("mrs hughes", "dr okonkwo-ade"),
/// and, when it is a built-in first name that is not also an English word, after a cue ("my son
/// jack", "spoke to sarah"). Lower-case names with no cue are left: "jack" alone is as often a
/// word as a name.
///
/// A built-in name that is also a common English word ("Will", "Hope", "Young") is kept when
/// it is Capitalised only because it starts a sentence, or when it sits in a run of
/// capitalised words that is clearly not a person ("Early Help", "Young Carers"); it is
/// redacted mid-sentence ("I told Will"), beside another name ("Will Jones"), or before a
/// possessive or a verb that only a person takes ("Will has autism").
extension Redactor {
  /// Cues after which a Capitalised word is a name whatever it is ("my daughter April").
  static let strongCues: [[UInt64]] = [
    "my son", "my daughter", "my child", "my boy", "my girl", "mum to", "mum of", "dad to", "dad of",
    "mother of", "father of", "our son", "our daughter", "his name is", "her name is", "their name is",
    "my son's name is", "my daughter's name is", "my stepson", "my stepdaughter", "my grandson",
    "my granddaughter", "my twins", "my name is", "i am", "i'm", "my names", "my lad", "my little boy",
    "my little girl", "my little one", "my eldest", "my youngest", "my middle child", "my foster son",
    "my foster daughter", "my foster child", "my adopted son", "my adopted daughter", "my nephew",
    "my niece", "my grandchild", "my brother", "my sister", "my little brother", "my little sister",
    "my big brother", "my big sister", "my friend", "my best friend", "my mate", "my partner",
    "my husband", "my wife", "my carer", "our foster son", "our foster daughter",
    // "step-" relations in every spelling: "stepson", "step son", "step-son" (a hyphen joined
    // without spaces is skipped when cues are matched).
    "my step son", "my step daughter", "my step child", "my stepchild", "my step kid", "our stepson",
    "our stepdaughter", "our step son", "our step daughter", "our stepchild", "our step child",
    "my step brother", "my stepbrother", "my step sister", "my stepsister", "my step mum", "my stepmum",
    "my step dad", "my stepdad", "my grandaughter", "our grandson", "our granddaughter",
  ].map { $0.split(separator: " ").map { Scan.hash(String($0)) } }

  /// Cues after which a Capitalised word is a name only if it is not a place or service
  /// ("called Social Services" is not a name).
  static let weakCues: [[UInt64]] = ["called", "named", "call him", "call her", "known as", "spoke to",
                                     "speak to", "spoken to", "talked to", "talk to", "ask for", "asked for",
                                     "thanks to", "thank you", "met with", "worker", "keyworker"]
    .map { $0.split(separator: " ").map { Scan.hash(String($0)) } }

  /// Whether the words of `cue` start at token `t`; a hyphen between two of them, written
  /// without spaces ("step-son"), is skipped. The cue's end is `cueEnd(cue, at:)`.
  func matches(_ cue: [UInt64], at t: Int, _ scan: Scan) -> Bool {
    cueEnd(cue, at: t, scan) != nil
  }

  /// The token after a cue matched at `t`, or nil.
  func cueEnd(_ cue: [UInt64], at t: Int, _ scan: Scan) -> Int? {
    let tokens = scan.tokens
    var i = t
    for (k, word) in cue.enumerated() {
      if k > 0, scan.isChar(i, "-"), !tokens[i].spaceBefore, i + 1 < tokens.count, !tokens[i + 1].spaceBefore { i += 1 }
      guard i < tokens.count, tokens[i].hash == word else { return nil }
      i += 1
    }
    return i
  }

  /// The capitalised word(s) at `k` taken as a name after a cue; nil if none.
  func cueName(at start: Int, strong: Bool, _ scan: Scan) -> Finding? {
    let tokens = scan.tokens
    var k = start
    if scan.isChar(k, ",") || scan.isChar(k, ":") { k += 1 }
    guard k < tokens.count, !tokens[k].lineBreakBefore else { return nil }
    guard tokens[k].isCapitalised else { return lowerCaseName(at: k, strong: strong, scan) }
    let h = tokens[k].hash
    if names.notNames.contains(h), !(strong && (names.calendar.contains(h) || names.allNames.contains(h))) { return nil }
    if !strong {
      if names.organisationWords.contains(h) { return nil }
      var r = k + 1
      while r < tokens.count, tokens[r].isCapitalised, tokens[r].spaceBefore, !tokens[r].lineBreakBefore {
        if names.organisationWords.contains(tokens[r].hash) || names.notNames.contains(tokens[r].hash) { return nil }
        r += 1
      }
    }
    var end = tokens[k].end
    let next = k + 1
    if next < tokens.count, tokens[next].isCapitalised, tokens[next].spaceBefore, !tokens[next].lineBreakBefore,
       !names.notNames.contains(tokens[next].hash),
       !names.organisationWords.contains(tokens[next].hash) || isSurnameEndingRun(next, scan) {
      end = tokens[next].end
    }
    return Finding(kind: .name, start: tokens[k].start, end: end)
  }

  /// A lower-case built-in first name at `k` (with a following lower-case surname), for a
  /// position a cue has made name-like; nil for words that are also English words.
  func lowerCaseName(at k: Int, strong: Bool, _ scan: Scan) -> Finding? {
    let tokens = scan.tokens
    guard k < tokens.count, isPlainFirstName(tokens[k]) || (strong && isCuedFirstName(tokens[k])) else { return nil }
    var end = tokens[k].end
    if k + 1 < tokens.count, tokens[k + 1].kind == .word, tokens[k + 1].spaceBefore, !tokens[k + 1].lineBreakBefore,
       names.allNames.contains(tokens[k + 1].hash), !names.ambiguous.contains(tokens[k + 1].hash),
       !names.notNames.contains(tokens[k + 1].hash), !names.organisationWords.contains(tokens[k + 1].hash),
       !names.functionWords.contains(tokens[k + 1].hash), !names.everydayWords.contains(tokens[k + 1].hash) {
      end = tokens[k + 1].end
    }
    return Finding(kind: .name, start: tokens[k].start, end: end)
  }

  /// A word in the first-name list that is not also an English word, place or SEND term.
  func isPlainFirstName(_ token: Scan.Token) -> Bool {
    isEverydayFirstName(token) && !names.everydayWords.contains(token.hash)
  }

  /// A word in the first-name list that is not a small word, a place, a SEND term or a word
  /// usually read otherwise ("will", "may"); everyday words such as "jack" pass.
  func isEverydayFirstName(_ token: Scan.Token) -> Bool {
    isCuedFirstName(token) && !names.ambiguous.contains(token.hash) && !names.organisationWords.contains(token.hash)
  }

  /// A first name right after a strong cue ("my son grace"): any in the list but small words,
  /// verbs and modals ("my son will"), months and places.
  func isCuedFirstName(_ token: Scan.Token) -> Bool {
    token.kind == .word && token.end - token.start >= 2 && names.firstNames.contains(token.hash)
      && !names.notNames.contains(token.hash) && !names.functionWords.contains(token.hash)
      && !names.verbNames.contains(token.hash)
  }

  /// The name after a title in any case: "Mrs Smith", "mrs hughes", "Dr. Okonkwo-Ade". Any
  /// word will do ("Mrs" is never followed by anything else), except after "miss", a verb too.
  func titledName(at t: Int, _ scan: Scan) -> Finding? {
    let tokens = scan.tokens
    var k = t + 1
    if scan.isChar(k, "."), !tokens[k].spaceBefore { k += 1 }
    guard k < tokens.count, tokens[k].kind == .word, !tokens[k].lineBreakBefore,
          !names.afterTitleStop.contains(tokens[k].hash), !names.functionWords.contains(tokens[k].hash) else { return nil }
    let isMiss = tokens[t].hash == NameTable.hashMiss
    if isMiss, !tokens[t].isCapitalised, !(names.allNames.contains(tokens[k].hash) && !names.ambiguous.contains(tokens[k].hash)) {
      return nil
    }
    if tokens[k].isCapitalised { return cueName(at: k, strong: true, scan) }
    if isMiss, tokens[t].isCapitalised, !names.allNames.contains(tokens[k].hash) { return nil }
    // lower case: the word, and hyphenated parts ("okonkwo-ade")
    var last = k
    while last + 2 < tokens.count, scan.isChar(last + 1, "-"), !tokens[last + 1].spaceBefore,
          tokens[last + 2].kind == .word, !tokens[last + 2].spaceBefore {
      last += 2
    }
    return Finding(kind: .name, start: tokens[k].start, end: tokens[last].end)
  }

  /// Whether token `k` is a surname ("Hall", "Ward") that ends its capitalised run, so after a
  /// first name it is the surname, not an organisation ("Isla Hall", not "Village Hall Trust").
  func isSurnameEndingRun(_ k: Int, _ scan: Scan) -> Bool {
    let tokens = scan.tokens
    return names.allNames.contains(tokens[k].hash)
      && !(k + 1 < tokens.count && tokens[k + 1].isCapitalised && tokens[k + 1].spaceBefore && !tokens[k + 1].lineBreakBefore)
  }

  func findNames(_ scan: Scan, into findings: inout [Finding]) {
    let tokens = scan.tokens
    var t = 0
    while t < tokens.count {
      let token = tokens[t]
      guard token.kind == .word else { t += 1; continue }
      // titles: Mr Smith, Mrs. Jones, mrs hughes
      if names.titles.contains(token.hash), let found = titledName(at: t, scan) {
        findings.append(found)
        t += 1
        while t < tokens.count, tokens[t].start < found.end { t += 1 }
        continue
      }
      var cued = false
      for cue in Redactor.strongCues {
        if let end = cueEnd(cue, at: t, scan), let found = cueName(at: end, strong: true, scan) {
          findings.append(found)
          cued = true
          t = end
          break
        }
      }
      if !cued {
        for cue in Redactor.weakCues {
          if let end = cueEnd(cue, at: t, scan), let found = cueName(at: end, strong: false, scan) {
            findings.append(found)
            cued = true
            t = end
            break
          }
        }
      }
      if cued { continue }
      if token.isCapitalised, names.allNames.contains(token.hash), !names.notNames.contains(token.hash),
         let found = builtInName(at: t, scan) {
        findings.append(found)
      } else if let found = accentedName(at: t, scan) {
        findings.append(found)
      }
      t += 1
    }
  }

  /// A Capitalised word with an accented letter that no list knows ("Siobhán", "Zoë"): in
  /// English comments such a word is nearly always a name, wherever it stands. A following
  /// Capitalised word that is not a listed word is taken as its surname.
  func accentedName(at t: Int, _ scan: Scan) -> Finding? {
    let tokens = scan.tokens
    let token = tokens[t]
    guard token.isCapitalised, token.hasAccent, !names.notNames.contains(token.hash),
          !names.organisationWords.contains(token.hash), !names.everydayWords.contains(token.hash) else { return nil }
    var end = token.end
    if t + 1 < tokens.count, tokens[t + 1].isCapitalised, tokens[t + 1].spaceBefore, !tokens[t + 1].lineBreakBefore,
       !names.notNames.contains(tokens[t + 1].hash), !names.organisationWords.contains(tokens[t + 1].hash) {
      end = tokens[t + 1].end
    }
    return Finding(kind: .name, start: token.start, end: end)
  }

  /// A built-in name at token `t`, if its position makes it one.
  func builtInName(at t: Int, _ scan: Scan) -> Finding? {
    let tokens = scan.tokens
    let h = tokens[t].hash
    if t > 0, names.saints.contains(tokens[t - 1].hash) || (t > 1 && scan.isChar(t - 1, ".") && names.saints.contains(tokens[t - 2].hash)) {
      return nil
    }
    // the run of capitalised words around t, on one line, separated by spaces or hyphens
    func joined(_ k: Int) -> Bool {
      !tokens[k].lineBreakBefore && (tokens[k].spaceBefore || scan.isChar(k - 1, "-"))
    }
    var first = t, last = t
    while first > 0 {
      var p = first - 1
      if scan.isChar(p, "-"), p > 0, !tokens[p].spaceBefore { p -= 1 }
      guard tokens[p].isCapitalised, joined(first) else { break }
      first = p
    }
    while last + 1 < tokens.count {
      var q = last + 1
      if scan.isChar(q, "-"), !tokens[q].spaceBefore, q + 1 < tokens.count, !tokens[q + 1].spaceBefore { q += 1 }
      guard tokens[q].isCapitalised, joined(q) || q != last + 1 else { break }
      last = q
    }
    var organisation = false, otherNonName = false, unambiguousOther = false
    var k = first
    while k <= last {
      if tokens[k].isCapitalised, k != t {
        let other = tokens[k].hash
        if names.organisationWords.contains(other) { organisation = true }
        if !names.allNames.contains(other) || names.notNames.contains(other) {
          if !(k == first && scan.startsSentence(k)) { otherNonName = true }
        } else if !names.ambiguous.contains(other) {
          unambiguousOther = true
        }
      }
      k += 1
    }
    // "Isla Hall": an unambiguous first name and a surname that ends the run
    let runStartsHere = first == t
      || (first == t - 1 && scan.startsSentence(first) && !names.allNames.contains(tokens[first].hash))
    if runStartsHere, last == t + 1, names.firstNames.contains(h), !names.ambiguous.contains(h),
       isSurnameEndingRun(t + 1, scan) {
      return Finding(kind: .name, start: tokens[t].start, end: tokens[t + 1].end)
    }
    if organisation || names.organisationWords.contains(h) { return nil }
    if names.ambiguous.contains(h) {
      if otherNonName { return nil }
      if scan.startsSentence(t), !unambiguousOther {
        let possessive = scan.isApostrophe(t + 1) && !tokens[t + 1].spaceBefore
        let verb = names.verbNames.contains(h) && t + 1 < tokens.count && names.nameFollowers.contains(tokens[t + 1].hash)
        guard possessive || verb else { return nil }
      }
      return Finding(kind: .name, start: tokens[t].start, end: tokens[t].end)
    }
    // an unknown capitalised word straight after a first name is taken as its surname
    var end = tokens[t].end
    if names.firstNames.contains(h), t + 1 < tokens.count, tokens[t + 1].isCapitalised, tokens[t + 1].spaceBefore,
       !tokens[t + 1].lineBreakBefore, !names.allNames.contains(tokens[t + 1].hash),
       !names.notNames.contains(tokens[t + 1].hash), !names.organisationWords.contains(tokens[t + 1].hash) {
      end = tokens[t + 1].end
    }
    return Finding(kind: .name, start: tokens[t].start, end: end)
  }
}
