/// Breakdown values as the reports may print them: a value that looks like free text becomes
/// one group, `other`, before anything is counted.
///
/// Breakdown columns hold options ("North Dorset", "SEN support"), but survey tools let people
/// type their own ("Other, please say"), and a typed answer can be a child's name, school,
/// diagnosis and date of birth ("Jack Smith has Angelman syndrome and goes to Hillside
/// Primary", "Tube fed, DOB 3/4/2015"). Printed as a group label, that is personal data in a
/// published table, whether or not the group's numbers are suppressed. So a value is grouped
/// when it has more than 8 words or 60 characters (the longest options seen, such as "Sensory
/// impairment (hearing, vision or multi-sensory)", have 6 words and 54 characters), a date
/// written with slashes or dots, or anything the workspace's redactor would remove. The
/// group's counts are kept: only the label goes.
enum BreakdownLabels {
  static let other = "Other (free text)"

  /// Whether `value` may not be printed as a group label.
  static func looksLikeFreeText(_ value: String, redactor: Redactor) -> Bool {
    let words = value.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).count
    if words > 8 || value.count > 60 || hasDate(value) { return true }
    return !redactor.redact(value).spans.isEmpty
  }

  /// A date such as 3/4/2015, 03.04.15 or 3-4-2015: digit groups joined by `/`, `.` or `-`,
  /// three of them (so an age band "5-10" is not one).
  static func hasDate(_ value: String) -> Bool {
    var groups = 0, separator: Character? = nil, inDigits = false
    for c in value {
      if c.isASCII, c.isNumber {
        if !inDigits { groups += 1; inDigits = true }
        if groups >= 3 { return true }
      } else if inDigits, c == "/" || c == "." || c == "-", separator == nil || separator == c {
        separator = c
        inDigits = false
      } else {
        groups = 0
        separator = nil
        inDigits = false
      }
    }
    return false
  }

  /// `load` with every free-text-like breakdown value replaced by `other`.
  static func publishable(_ load: SurveyCollection, redactor: Redactor) -> SurveyCollection {
    var load = load
    var verdicts: [String: Bool] = [:]
    for e in load.exports.indices {
      for r in load.exports[e].responses.indices {
        for (field, value) in load.exports[e].responses[r].breakdowns {
          let hide: Bool
          if let known = verdicts[value] { hide = known } else {
            hide = looksLikeFreeText(value, redactor: redactor)
            verdicts[value] = hide
          }
          if hide { load.exports[e].responses[r].breakdowns[field] = other }
        }
      }
    }
    return load
  }
}
