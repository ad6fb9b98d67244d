import Foundation

extension DraftState {
  /// The survey tools' own columns: ids, times, personal data and bookkeeping.
  static func vendorColumn(_ key: String, layout: VendorLayout) -> (ColumnDecision.Kind, String)? {
    let tool = layout.displayName
    func personal(_ what: String) -> (ColumnDecision.Kind, String) { (.ignore, "personal data (\(what)) in every \(tool) export: never read") }
    func bookkeeping() -> (ColumnDecision.Kind, String) { (.ignore, "\(tool)'s own bookkeeping column, not an answer") }
    switch (layout, key) {
    case (.smartsurvey, "userid"): return (.respondentId, "SmartSurvey's respondent id")
    case (.smartsurvey, "ended"): return (.submitted, "SmartSurvey's submission time (Unix seconds)")
    case (.smartsurvey, "name"), (.smartsurvey, "email"), (.smartsurvey, "ip"): return personal(key == "ip" ? "IP address" : key)
    case (.smartsurvey, "userno"), (.smartsurvey, "id"), (.smartsurvey, "started"), (.smartsurvey, "tracking"): return bookkeeping()
    case (.surveymonkey, "respondentid"), (.surveymonkey, "respondent id"): return (.respondentId, "SurveyMonkey's respondent id")
    case (.surveymonkey, "end date"): return (.submitted, "SurveyMonkey's submission time")
    case (.surveymonkey, "collector id"), (.surveymonkey, "start date"): return bookkeeping()
    case (.surveymonkey, "ip address"), (.surveymonkey, "email address"), (.surveymonkey, "first name"), (.surveymonkey, "last name"):
      return personal(key)
    case (.surveymonkey, let k) where k.hasPrefix("custom data"): return personal("custom data")
    case (.qualtrics, "responseid"): return (.respondentId, "Qualtrics' response id")
    case (.qualtrics, "enddate"): return (.submitted, "Qualtrics' submission time")
    case (.qualtrics, "startdate"), (.qualtrics, "status"), (.qualtrics, "progress"), (.qualtrics, "duration (in seconds)"),
         (.qualtrics, "finished"), (.qualtrics, "recordeddate"), (.qualtrics, "distributionchannel"), (.qualtrics, "userlanguage"),
         (.qualtrics, "externalreference"):
      return bookkeeping()
    case (.qualtrics, "ipaddress"), (.qualtrics, "recipientlastname"), (.qualtrics, "recipientfirstname"), (.qualtrics, "recipientemail"),
         (.qualtrics, "locationlatitude"), (.qualtrics, "locationlongitude"):
      return personal(key)
    case (.microsoftForms, "id"): return (.respondentId, "Microsoft Forms' response id")
    case (.microsoftForms, "completion time"): return (.submitted, "Microsoft Forms' completion time")
    case (.microsoftForms, "start time"), (.microsoftForms, "last modified time"), (.microsoftForms, "total points"),
         (.microsoftForms, "quiz feedback"):
      return bookkeeping()
    case (.microsoftForms, "email"), (.microsoftForms, "name"): return personal(key)
    case (.googleForms, "timestamp"): return (.submitted, "Google Forms' submission time (day first)")
    case (.googleForms, "email address"), (.googleForms, "email"): return personal("email address")
    default: return nil
    }
  }

  /// What personal data a column holds, judged by its name and question, or `nil`.
  static func personalData(_ p: ColumnProfile) -> String? {
    let key = ColumnName.normalised(p.name)
    let question = ColumnName.normalised(p.question)
    if ["name", "first name", "last name", "full name", "surname", "forename"].contains(key) || question.contains("your name")
      || question.contains("name of your child") || question.contains("child's name") { return "names" }
    let words = Set(QuestionWords.all(p.name) + QuestionWords.all(p.question))
    if words.contains("email") || question.contains("e-mail") { return "email addresses" }
    if words.contains("phone") || words.contains("telephone") || words.contains("mobile") { return "phone numbers" }
    if words.contains("postcode") || question.contains("post code") || words.contains("address") { return "addresses" }
    if key == "ip" || key == "ip address" || key == "ipaddress" { return "IP addresses" }
    if question.contains("date of birth") || key == "dob" { return "dates of birth" }
    return nil
  }

  /// A respondent group's usual name for an answer to "Are you a...?", or `nil` to keep it.
  static func canonicalGroup(_ value: String) -> String? {
    let key = ColumnName.normalised(value)
    if key.contains("parent") || key.contains("carer") { return "parent carers" }
    if key.contains("young person") || key.contains("young people") || key.contains("child") { return "young people" }
    if key.contains("decision maker") { return "decision makers" }
    if key.contains("professional") || key.contains("practitioner") { return "professionals" }
    return nil
  }

  /// Free-text question ids the example workspace and codebooks use, else one from the words.
  static func freeTextId(_ question: String) -> String {
    let key = ColumnName.normalised(question)
    if key.contains("works well") || key.contains("work well") || key.contains("going well") { return "what-works-well" }
    if key.contains("is hard") || key.contains("difficult") || key.contains("hardest") { return "what-is-hard" }
    if key.contains("anything else") { return "anything-else" }
    return QuestionWords.slug(question)
  }

  /// The canonical breakdown field a question asks for (`locality`, `need`, `support`,
  /// `age-band`), else an id from its words; with the reason.
  static func breakdownField(_ p: ColumnProfile) -> (String, String) {
    let question = ColumnName.normalised(p.question)
    let words = Set(QuestionWords.all(p.question))
    let values = p.counts.keys.map(ColumnName.normalised)
    if words.contains("ehcp") || question.contains("sen support") || question.contains("ehc plan") || words.contains("support") && values.contains(where: { $0.contains("ehcp") }) {
      return ("support", "the question asks about EHCP / SEN support")
    }
    if words.contains("age") || question.contains("how old") {
      return ("age-band", "the question asks about age")
    }
    if words.contains("need") || words.contains("needs") {
      return ("need", "the question asks about needs")
    }
    if ["locality", "area", "live", "district", "region", "location", "town"].contains(where: { words.contains($0) }) {
      return ("locality", "the question asks where people live")
    }
    if values.filter(DraftState.looksLikeAgeBand).count * 2 > values.count {
      return ("age-band", "the answers are ranges of ages")
    }
    if values.contains(where: { $0.contains("ehcp") || $0 == "sen support" }) {
      return ("support", "the answers name EHCP / SEN support")
    }
    return (QuestionWords.slug(p.question, maxWords: 3), "field name made from the question: rename it if you like")
  }

  /// "5-10", "16 - 25 years", "under 5", "65+": an age band, not "11-50 employees".
  static func looksLikeAgeBand(_ value: String) -> Bool {
    var rest = value
    for word in ["years old", "years", "yrs", "under", "over", "aged"] { rest = rest.replacingOccurrences(of: word, with: "") }
    let hasDigit = rest.unicodeScalars.contains { ("0"..."9").contains($0) }
    return hasDigit && rest.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || " -+<>\u{2013}".unicodeScalars.contains($0) }
  }

  /// Decides whether a column is a measure: every answer on one built-in scale.
  ///
  /// - Returns: `true` when the column became a measure.
  mutating func measure(_ p: ColumnProfile) -> Bool {
    let question = ColumnName.normalised(p.question)
    var chosen: ColumnProfile.ScaleFit? = nil
    var registryOnly = false
    if let fit = Scale.builtIn["agreement-5"].flatMap(p.fit), fit.optionsSeen >= 2 { chosen = fit }
    else if let fit = Scale.builtIn["satisfaction-5"].flatMap(p.fit), fit.optionsSeen >= 2 { chosen = fit }
    else if let fit = Scale.builtIn["yes-partly-no"].flatMap(p.fit), fit.positions.count >= 2 || fit.positions.contains(1) {
      chosen = fit
      registryOnly = !fit.positions.contains(1)
    } else {
      let five = Scale.builtIn["1-5"].flatMap(p.fit).flatMap { $0.optionsSeen >= 3 || $0.labelled ? $0 : nil }
      let ten = Scale.builtIn["0-10"].flatMap(p.fit).flatMap { fit -> ColumnProfile.ScaleFit? in
        let mentionsTen = question.contains("10") || question.contains("ten") || question.contains("how likely")
        return fit.optionsSeen >= 3 && (fit.positions.contains(0) || fit.positions.contains(10) || mentionsTen) ? fit : nil
      }
      let mentionsTen = question.contains("0-10") || question.contains("0 to 10") || question.contains("out of 10")
      chosen = (mentionsTen ? ten ?? five : five ?? ten)
    }
    guard let fit = chosen else { return false }
    let match = matchMeasure(p.question, scale: fit.scale, named: p.name)
    if registryOnly, match.definition == nil { return false }  // Yes/No only: a breakdown, not a yes/partly/no measure.
    var seen = "\(fit.scale): \(fit.optionsSeen) label\(fit.optionsSeen == 1 ? "" : "s") seen"
    if fit.nonSubstantive > 0 { seen += ", \(fit.nonSubstantive) \"Don't know\"/N/A" }
    let id: String, why: String
    if let definition = match.definition {
      id = definition.id
      why = "wording matches \"\(Diagnostic.abbreviated(match.wording))\""
    } else {
      id = QuestionWords.slug(p.question)
      why = match.reason
      notes.append(DraftNote("\(p.name): measure id \"\(id)\" was made from the question; if it is one of \(options.registryName), use that id so waves can be compared", needsAttention: true))
    }
    measures.append(Manifest.MeasureColumn(measure: id, column: p.name, scale: fit.scale, label: p.question == p.name && layout == .smartsurvey ? nil : p.question))
    measureQuestions.append(p.question)
    measureIndexes.append(p.index)
    decide(p, .measure(id: id, scale: fit.scale), "\(seen); \(why)")
    return true
  }

  struct MeasureMatch {
    var definition: MeasureDefinition?
    var wording: String
    var reason: String
  }

  /// The registered measure whose wording is clearly closest to a question, on a compatible
  /// scale: overlap at least 0.5 and 0.15 ahead of any other measure.
  func matchMeasure(_ question: String, scale: String, named name: String) -> MeasureMatch {
    let words = QuestionWords.content(question)
    if question == name, layout == .smartsurvey || words.count <= 1 {
      return MeasureMatch(definition: nil, wording: "", reason: "the export does not hold the question's wording, so it cannot be matched to a registered measure")
    }
    var scored: [(MeasureDefinition, String, Double)] = []
    for definition in options.registry.measures where definition.scale == scale {
      var best: (String, Double) = ("", 0)
      for wave in definition.wording.keys.sorted() {
        let wording = definition.wording[wave] ?? ""
        let score = QuestionWords.overlap(words, QuestionWords.content(wording))
        if score > best.1 { best = (wording, score) }
      }
      scored.append((definition, best.0, best.1))
    }
    scored.sort { $0.2 > $1.2 }
    guard let top = scored.first, top.2 >= 0.5 else {
      let near = scored.first.map { " (nearest: \($0.0.id), overlap \(String(format: "%.2f", $0.2)))" } ?? ""
      return MeasureMatch(definition: nil, wording: "", reason: "no measure in \(options.registryName) on the \(scale) scale is worded like this\(near); id made from the question")
    }
    if scored.count > 1, scored[1].2 > top.2 - 0.15 {
      return MeasureMatch(definition: nil, wording: "", reason: "wording is as close to \(top.0.id) as to \(scored[1].0.id); id made from the question")
    }
    return MeasureMatch(definition: top.0, wording: top.1, reason: "")
  }

  /// Two columns of the same measure become a before/after pair when their questions say so;
  /// any other repeat gets an id of its own so no answer is counted twice.
  mutating func finishMeasures() {
    var byId: [String: [Int]] = [:]
    for (i, m) in measures.enumerated() { byId[m.measure, default: []].append(i) }
    for (id, positions) in byId where positions.count > 1 {
      let timepoints = positions.map { DraftState.timepoint(measureQuestions[$0]) }
      if positions.count == 2, Set(timepoints.compactMap { $0 }) == ["before", "after"] {
        for (position, timepoint) in zip(positions, timepoints) { measures[position].timepoint = timepoint }
        continue
      }
      for position in positions.dropFirst() {
        let newId = unique(QuestionWords.slug(measureQuestions[position]), in: measures.map(\.measure))
        measures[position].measure = newId
        notes.append(DraftNote("\(measures[position].column): also worded like \(id); given its own id \"\(newId)\" so no answer is counted twice", needsAttention: true))
        if let d = decisions.firstIndex(where: { $0.index == measureIndexes[position] }) {
          decisions[d].decision.kind = .measure(id: newId, scale: measures[position].scale)
          decisions[d].decision.reason += "; \(id) was already used by another column"
        }
      }
    }
  }

  static func timepoint(_ question: String) -> String? {
    let words = Set(QuestionWords.all(question))
    if words.contains("before") { return "before" }
    if words.contains("after") || words.contains("now") { return "after" }
    return nil
  }

  /// `--source`, else a word in the file name, else what the questions are about, else `other`.
  mutating func chooseSource(profiles: [ColumnProfile]) -> SurveySource {
    if let source = options.source { return source }
    let name = fileName.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    let byName: [(String, SurveySource)] = [
      ("takeover", .takeoverChallenge), ("annual conversation", .annualConversation), ("annualconversation", .annualConversation),
      ("focus group", .focusGroup), ("focus", .focusGroup), ("event", .participationEvent), ("parent carer", .parentCarerSurvey),
      ("parent", .parentCarerSurvey), ("carer", .parentCarerSurvey),
    ]
    if let (word, source) = byName.first(where: { name.contains($0.0) }) {
      notes.append(DraftNote("source \(source.rawValue): the file name says \"\(word)\""))
      return source
    }
    let questions = profiles.map { ColumnName.normalised($0.question) }
    let byQuestion: [(String, SurveySource)] = [
      ("takeover", .takeoverChallenge), ("voice was heard", .annualConversation), ("made a difference", .annualConversation),
      ("your child", .parentCarerSurvey),
    ]
    if let (phrase, source) = byQuestion.first(where: { pair in questions.contains { $0.contains(pair.0) } }) {
      notes.append(DraftNote("source \(source.rawValue): a question mentions \"\(phrase)\""))
      return source
    }
    if attendance != nil {
      notes.append(DraftNote("source participation-event: the sheet counts people attending"))
      return .participationEvent
    }
    notes.append(DraftNote("source other: neither the file name nor the questions say which route this is; run again with --source (\(SurveySource.allCases.map(\.rawValue).joined(separator: ", "))) or edit \"source\"", needsAttention: true))
    return .other
  }

  /// `--wave`, else a year in the file name, else the most common year of the submitted times,
  /// else this year (with a note asking the user to check).
  mutating func chooseWave(profiles: [ColumnProfile]) -> String {
    if let wave = options.wave { return wave }
    if let year = DraftState.year(in: fileName) {
      notes.append(DraftNote("wave \(year): the year in the file name"))
      return year
    }
    let order: Timestamp.DayOrder = layout == .surveymonkey ? .monthFirst : .dayFirst
    var years: [String: Int] = [:]
    for value in submittedValues {
      if let time = Timestamp.parse(value, order: order) { years[String(time.iso.prefix(4)), default: 0] += 1 }
    }
    if let (year, count) = years.max(by: { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }) {
      notes.append(DraftNote("wave \(year): the year of \(count) of \(submittedValues.count) submitted times"))
      return year
    }
    let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()))
    notes.append(DraftNote("wave \(year): no year in the file name or the answers, so this year was used; run again with --wave or edit \"wave\"", needsAttention: true))
    return year
  }

  /// The first 4-digit year (1990-2099) standing alone in a name.
  static func year(in name: String) -> String? {
    let scalars = Array(name.unicodeScalars)
    var i = 0
    while i < scalars.count {
      guard ("0"..."9").contains(scalars[i]) else { i += 1; continue }
      var j = i
      while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
      if j - i == 4 {
        let text = String(String.UnicodeScalarView(scalars[i..<j]))
        if let year = Int(text), (1990...2099).contains(year) { return text }
      }
      i = j
    }
    return nil
  }
}
