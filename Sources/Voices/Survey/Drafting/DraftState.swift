import Foundation

/// The drafter's working state: what has been decided so far, column by column.
struct DraftState {
  let layout: VendorLayout
  let options: ManifestDrafter.Options
  let fileName: String
  let rowCount: Int

  var decisions: [(index: Int, decision: ColumnDecision)] = []
  var unresolved: [(index: Int, column: UnresolvedColumn)] = []
  var notes: [DraftNote] = []

  var respondentId: String?
  var submitted: String?
  var submittedValues: [String] = []
  var attendance: String?
  var consent: Manifest.Consent?
  var groupColumn: Manifest.GroupColumn?
  var breakdowns: [Manifest.Breakdown] = []
  var measures: [Manifest.MeasureColumn] = []
  var measureQuestions: [String] = []
  var measureIndexes: [Int] = []
  var freeText: [Manifest.FreeTextColumn] = []
  var ignore: [String] = []

  init(layout: VendorLayout, options: ManifestDrafter.Options, fileName: String, rowCount: Int) {
    self.layout = layout
    self.options = options
    self.fileName = fileName
    self.rowCount = rowCount
  }

  mutating func decide(_ profile: ColumnProfile, _ kind: ColumnDecision.Kind, _ reason: String) {
    decisions.append((profile.index, ColumnDecision(column: profile.name, kind: kind, reason: reason)))
  }

  mutating func leaveOut(_ profile: ColumnProfile, _ reason: String) {
    unresolved.append((profile.index, UnresolvedColumn(column: profile.name, reason: reason)))
  }

  mutating func classify(_ p: ColumnProfile) {
    let key = ColumnName.normalised(p.name)
    if let (kind, reason) = DraftState.vendorColumn(key, layout: layout) {
      switch kind {
      case .respondentId where respondentId == nil: respondentId = p.name
      case .submitted where submitted == nil: submitted = p.name; submittedValues = p.values
      case .ignore: ignore.append(p.name)
      default: ignore.append(p.name)
      }
      let actual: ColumnDecision.Kind
      switch kind {
      case .respondentId: actual = respondentId == p.name ? .respondentId : .ignore
      case .submitted: actual = submitted == p.name ? .submitted : .ignore
      default: actual = kind
      }
      decide(p, actual, reason)
      return
    }
    let question = ColumnName.normalised(p.question)
    let words = Set(QuestionWords.all(p.question))
    // Before personal data: "Can we use your words? We will never use your name." is consent.
    if consent == nil, !p.isEmpty, ["quote", "publish", "published", "quoted"].contains(where: { words.contains($0) })
      || question.contains("use your words") || question.contains("use your comments") || question.contains("share your comments")
      || question.contains("share your words") {
      let answers = p.counts.keys.map(ColumnName.normalised)
      if answers.allSatisfy({ $0.hasPrefix("yes") || $0.hasPrefix("no") }) {
        let yes = p.counts.keys.filter { ColumnName.normalised($0).hasPrefix("yes") }.sorted()
        consent = Manifest.Consent(column: p.name, yes: yes.isEmpty ? ["Yes"] : yes)
        decide(p, .consent, "the question asks to quote or publish what people said; answers \(p.commonValues.prefix(4).map { "\"\($0)\"" }.joined(separator: ", "))")
        return
      }
    }
    if let what = DraftState.personalData(p) {
      ignore.append(p.name)
      decide(p, .ignore, "personal data (\(what)): never read")
      return
    }
    if p.isEmpty {
      leaveOut(p, "no answers in any of the \(rowCount) rows")
      return
    }
    // Named as an id and mostly different: the id, even when some repeat (a resubmission
    // repeats its id; loading keeps each id's latest submission, consent included).
    if respondentId == nil, ["id", "respondent id", "response id", "respondentid", "responseid", "participant id", "reference", "ref", "userid"].contains(key),
      p.distinct * 2 >= p.values.count {
      respondentId = p.name
      let repeated = p.counts.values.filter { $0 > 1 }.count
      var reason = "named \(p.name), \(p.distinct) different values in \(p.values.count) rows"
      if repeated > 0 {
        reason += "; \(repeated) id\(repeated == 1 ? "" : "s") repeat: each respondent's latest submission is kept (its consent too), the others counted as duplicates"
      }
      decide(p, .respondentId, reason)
      return
    }
    if let reason = timeColumn(p, key: key) {
      if submitted == nil {
        submitted = p.name
        submittedValues = p.values
        decide(p, .submitted, reason)
      } else {
        leaveOut(p, "\(reason), but \(submitted ?? "") is already the submitted time")
      }
      return
    }
    if attendance == nil, ["attending", "attendance", "attended", "attendees"].contains(where: { words.contains($0) }) || question.contains("number of people"),
      let numbers = p.integers, numbers.allSatisfy({ $0 >= 0 }) {
      attendance = p.name
      decide(p, .attendance, "whole numbers \(numbers.min() ?? 0) to \(numbers.max() ?? 0) and the name says people attending: each row stands for that many people")
      return
    }
    if groupColumn == nil, p.distinct <= 12,
      question.contains("are you a ") || question.contains("are you an ") || question.hasSuffix("are you a...") || question.hasSuffix("are you a?")
        || question.contains("respondent type") || question.contains("responding as") || key == "group" || key == "respondent group" {
      var values: [String: String] = [:]
      for value in p.counts.keys {
        if let group = DraftState.canonicalGroup(value) { values[value] = group }
      }
      groupColumn = Manifest.GroupColumn(column: p.name, values: values.isEmpty ? nil : values)
      decide(p, .respondentGroup, "says who is answering (\(p.commonValues.prefix(4).map { "\"\($0)\"" }.joined(separator: ", ")))")
      return
    }
    if measure(p) { return }
    // Free text: long answers that mostly differ, or answers that are mostly sentences even
    // when few differ (a comment box a handful of people filled in alike is still comments,
    // and a breakdown of it would print them as group labels).
    let sentences = p.counts.keys.filter(DraftState.looksLikeSentence).count
    if p.medianLength > 25, p.distinctShare > 0.5 || sentences * 2 >= p.distinct {
      let id = unique(DraftState.freeTextId(p.question), in: freeText.map(\.question))
      freeText.append(Manifest.FreeTextColumn(question: id, column: p.name, label: p.question == p.name ? nil : p.question))
      decide(p, .freeText(question: id), "\(p.values.count) answers, median \(p.medianLength) characters, \(Int((p.distinctShare * 100).rounded()))% different: free text")
      return
    }
    if (2...12).contains(p.distinct), p.values.count > p.distinct, sentences * 2 < p.distinct {
      let (field, why) = DraftState.breakdownField(p)
      let id = unique(field, in: breakdowns.map(\.field))
      breakdowns.append(Manifest.Breakdown(field: id, column: p.name))
      decide(p, .breakdown(field: id), "\(p.distinct) different answers repeated over \(p.values.count) rows (\(p.commonValues.prefix(3).map { "\"\($0)\"" }.joined(separator: ", "))\(p.distinct > 3 ? ", ..." : "")); \(why)")
      return
    }
    leaveOut(p, DraftState.whyLeftOut(p))
  }

  /// A submitted-time column outside the survey tools' own: named like a date or time, and
  /// nearly every answer reads as one.
  func timeColumn(_ p: ColumnProfile, key: String) -> String? {
    let words = Set(QuestionWords.all(p.name))
    guard !words.isDisjoint(with: ["date", "time", "timestamp", "submitted", "completed", "submission"]) else { return nil }
    let order: Timestamp.DayOrder = layout == .surveymonkey ? .monthFirst : .dayFirst
    let parsed = p.values.filter { Timestamp.parse($0, order: order) != nil }.count
    guard parsed * 10 >= p.values.count * 9 else { return nil }
    return "named \(p.name) and \(parsed) of \(p.values.count) answers are dates or times"
  }

  func unique(_ id: String, in used: [String]) -> String {
    guard used.contains(id) else { return id }
    var n = 2
    while used.contains("\(id)-\(n)") { n += 1 }
    return "\(id)-\(n)"
  }

  /// An answer that reads as a sentence rather than an option: more than 12 words or 80
  /// characters, or 5 words or more ending in `.`, `!` or `?`. Options such as "Social,
  /// emotional and mental health (SEMH)" or "I am a parent or carer" are not sentences.
  static func looksLikeSentence(_ value: String) -> Bool {
    let words = value.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    if words > 12 || value.count > 80 { return true }
    guard let last = value.last else { return false }
    return words >= 5 && (last == "." || last == "!" || last == "?")
  }

  static func whyLeftOut(_ p: ColumnProfile) -> String {
    if p.distinct == 1 {
      return "every answer is \"\(Diagnostic.abbreviated(p.values[0]))\" (a tick-box option?); nothing to compare"
    }
    if let numbers = p.integers, let low = numbers.min(), let high = numbers.max() {
      return "whole numbers \(low) to \(high): not a 1-5 or 0-10 scale; add it by hand if it is a measure"
    }
    if p.values.count == p.distinct, p.medianLength <= 25 {
      return "every answer differs and they are short (median \(p.medianLength) characters): an id or a name? not free text"
    }
    return "\(p.distinct) different answers in \(p.values.count) rows, median \(p.medianLength) characters: too many for a breakdown, too short or repeated for free text"
  }
}
