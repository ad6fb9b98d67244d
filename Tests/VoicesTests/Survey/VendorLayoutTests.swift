import Testing
@testable import Voices

@Suite("Vendor layouts") struct VendorLayoutTests {
  @Test("SurveyMonkey: question text carried over blank headers, option labels joined")
  func surveyMonkey() {
    let names = VendorLayout.surveymonkey.columnNames(from: [
      ["RespondentID", "Which films have you seen?", "", "Do you like steak?"],
      ["", "Episode I", "Episode II", "Response"],
    ])
    #expect(names == ["RespondentID", "Which films have you seen?: Episode I", "Which films have you seen?: Episode II", "Do you like steak?"])
  }

  @Test("a column with no header is named by its letter; repeated names are numbered")
  func unnamedAndRepeated() {
    #expect(VendorLayout.plain.columnNames(from: [["Name", "", "Name"]]) == ["Name", "column B", "Name (2)"])
  }

  @Test("SmartSurvey and Qualtrics name columns by their row-1 codes")
  func codes() {
    #expect(VendorLayout.smartsurvey.columnNames(from: [["UserID", "Q1"], ["NA", "Answer"], ["", ""]]) == ["UserID", "Q1"])
    #expect(VendorLayout.qualtrics.columnNames(from: [["ResponseId", "Q1"], ["Response ID", "How?"], ["{\"ImportId\":\"_recordId\"}", "{}"]]) == ["ResponseId", "Q1"])
  }
}

@Suite("Timestamps") struct TimestampTests {
  @Test("the formats survey tools write", arguments: [
    ("1612172400", Timestamp.DayOrder.dayFirst, "2021-02-01T09:40:00Z"),
    ("2025-02-14T09:30:00", .dayFirst, "2025-02-14T09:30:00"),
    ("2025-02-14 09:30", .dayFirst, "2025-02-14T09:30:00"),
    ("14/02/2025 09:30:05", .dayFirst, "2025-02-14T09:30:05"),
    ("03/02/2025 09:30:05", .dayFirst, "2025-02-03T09:30:05"),
    ("03/02/2025 09:30:05", .monthFirst, "2025-03-02T09:30:05"),
    ("02/14/2025 09:30:00 PM", .dayFirst, "2025-02-14T21:30:00"),
    ("2/14/25 12:05:00 AM", .monthFirst, "2025-02-14T00:05:00"),
    ("14/02/2025", .dayFirst, "2025-02-14T00:00:00"),
    ("  2025-02-14 09:30  ", .dayFirst, "2025-02-14T09:30:00"),
    ("99999999999", .dayFirst, "5138-11-16T09:46:39Z"),
    ("31/12/2016 23:59:60", .dayFirst, "2017-01-01T00:00:00"),
    ("0000001000", .dayFirst, "1970-01-01T00:16:40Z"),
  ])
  func parses(_ case_: (String, Timestamp.DayOrder, String)) {
    #expect(Timestamp.parse(case_.0, order: case_.1)?.iso == case_.2)
  }

  @Test("not a time", arguments: ["", "0", "   ", "yesterday", "31/02/2025", "2025-13-01", "14/02/2025 25:00"])
  func rejects(_ text: String) {
    #expect(Timestamp.parse(text) == nil)
  }
}

@Suite("Scales") struct ScaleTests {
  @Test("numeric scales read a number with or without its label", arguments: [
    ("4", 3), ("4 - Confident", 3), ("5 - Very confident", 4), ("1", 0), ("4.0", 3),
  ])
  func numeric(_ pair: (String, Int)) throws {
    let scale = try #require(Scale.builtIn["1-5"])
    #expect(scale.read(pair.0, using: ScaleIndex(scale)) == .option(pair.1))
  }

  @Test("not a point on the scale", arguments: ["4.5", "6", "45", "four"])
  func notNumeric(_ text: String) throws {
    let scale = try #require(Scale.builtIn["1-5"])
    #expect(scale.read(text, using: ScaleIndex(scale)) == .unrecognised)
  }
}
