import Foundation
import Testing
@testable import Voices

/// Drafts manifests for real and synthetic exports and checks each through the same loaders
/// `voices validate` uses: the draft must decode, name only real columns and read every row
/// without an error.
@Suite("Manifest drafter") struct ManifestDrafterTests {
  struct Checked {
    var draft: ManifestDraft
    var export: SurveyExport
    var diagnostics: [Diagnostic]
    var manifest: Manifest { draft.manifest }
    func decision(_ column: String) -> ColumnDecision.Kind? { draft.decisions.first { $0.column == column }?.kind }
  }

  /// Drafts, writes the JSON, decodes it again and loads the table through it.
  func check(_ table: Table, file: String, options: ManifestDrafter.Options = .init()) throws -> Checked {
    let draft = ManifestDrafter.draft(table, file: file, options: options)
    let (manifest, manifestDiagnostics) = try ManifestLoader.decode(Data(draft.manifest.jsonText().utf8), file: "m.json")
    #expect(manifest == draft.manifest)
    let export = SurveyLoader.load(table, manifest: manifest, name: "x")
    #expect(export.accounting.balances)
    return Checked(draft: draft, export: export, diagnostics: manifestDiagnostics + export.diagnostics)
  }

  func vendor(_ path: String) throws -> Checked {
    let table = try TableReader.read(contentsOf: TestPaths.externalFile("vendor-formats/" + path), file: path)
    return try check(table, file: "exports/" + (path as NSString).lastPathComponent)
  }

  func table(_ rows: [[String]]) -> Table {
    Table(file: "t.csv", records: rows.enumerated().map { Record(row: $0.offset + 1, fields: $0.element) })
  }

  @Test("every real vendor export drafts a manifest that validates with zero errors", arguments: [
    ("surveymonkey-fivethirtyeight/StarWars.csv", VendorLayout.surveymonkey),
    ("surveymonkey-fivethirtyeight/steak-risk-survey.csv", .surveymonkey),
    ("smartsurvey-layout-cars-dummy/cars_dummy_data.csv", .smartsurvey),
    ("iai-consult-fixtures/responses_biomass_format.csv", .plain),
    ("iai-consult-fixtures/responses_lgr_format.csv", .plain),
    ("iai-consult-fixtures/responses_scr_format.csv", .plain),
    ("iai-consult-fixtures/qu_format_a_numeric.xlsx", .plain),
    ("iai-consult-fixtures/qu_format_b_instruction.xlsx", .plain),
  ])
  func vendorFiles(_ path: String, _ layout: VendorLayout) throws {
    let checked = try vendor(path)
    #expect(checked.manifest.layout == layout)
    #expect(checked.diagnostics.count(of: .error) == 0, "\(checked.diagnostics.filter { $0.severity == .error }.prefix(3))")
    #expect(checked.export.accounting.rejected == 0)
  }

  @Test("SurveyMonkey steak: respondent id, age band and region from the questions; yes/no items are breakdowns")
  func steak() throws {
    let c = try vendor("surveymonkey-fivethirtyeight/steak-risk-survey.csv")
    #expect(c.manifest.respondentId == "RespondentID")
    #expect(c.decision("Age") == .breakdown(field: "age-band"))
    #expect(c.decision("Location (Census Region)") == .breakdown(field: "locality"))
    #expect(c.decision("Do you ever smoke cigarettes?") == .breakdown(field: "ever-smoke-cigarettes"))
    #expect(c.manifest.measures.isEmpty)
    #expect(c.manifest.source == .other)
    #expect(c.draft.notes.contains { $0.needsAttention && $0.message.hasPrefix("source other") })
    #expect(c.export.accounting.accepted == 550)
  }

  @Test("SurveyMonkey StarWars: tick-box option columns and 1-6 rankings are left out with a reason")
  func starWars() throws {
    let c = try vendor("surveymonkey-fivethirtyeight/StarWars.csv")
    let seen = "Which of the following Star Wars films have you seen? Please select all that apply.: Star Wars: Episode I  The Phantom Menace"
    let left = try #require(c.draft.unresolved.first { $0.column == seen })
    #expect(left.reason.contains("every answer is"))
    #expect(!c.manifest.measures.contains { $0.scale == "0-10" || $0.scale == "1-5" })
    #expect(c.export.accounting.accepted == 1186)
  }

  @Test("SmartSurvey CARS: ids, epoch times, personal columns ignored, wave from the submitted times")
  func smartSurvey() throws {
    let c = try vendor("smartsurvey-layout-cars-dummy/cars_dummy_data.csv")
    #expect(c.manifest.respondentId == "UserID")
    #expect(c.manifest.submitted == "Ended")
    #expect(c.manifest.wave == "2023")
    #expect(["Name", "Email", "IP", "Tracking"].allSatisfy(c.manifest.ignore.contains))
    #expect(c.decision("Q37.8") == .measure(id: "q37-8", scale: "agreement-5"))
    // "test" among agreement labels is not on the scale: a breakdown, never a measure that errors.
    #expect(c.decision("Q37.1") == .breakdown(field: "q37-1"))
    #expect(c.draft.unresolved.contains { $0.column == "Q3.1" && $0.reason.contains("no answers") })
  }

  @Test("consultation exports: a second header row of questions, consent, agreement measures, free text")
  func consultation() throws {
    let biomass = try vendor("iai-consult-fixtures/responses_biomass_format.csv")
    #expect(biomass.manifest.headerRows == 2)
    #expect(biomass.manifest.consent == Manifest.Consent(column: "Ident 5", yes: ["Yes"]))
    #expect(biomass.manifest.ignore == ["Ident 1", "Ident 2"])
    #expect(biomass.export.responses.map(\.consentToQuote) == [true, false, true, true, false])
    let lgr = try vendor("iai-consult-fixtures/responses_lgr_format.csv")
    #expect(lgr.decision("Prop 1 Q1 - Do you agree or disagree with the proposal?") == .measure(id: "prop-1-q1-agree", scale: "agreement-5"))
    #expect(lgr.manifest.freeText.map(\.column) == ["Prop 1 Q8 - Please use this space to explain your answers to questions 1-7",
                                                    "Prop 2 Q8 - Please use this space to explain your answers to questions 1-7"])
    let scr = try vendor("iai-consult-fixtures/responses_scr_format.csv")
    #expect(scr.manifest.headerRows == 2)
    #expect(scr.manifest.respondentGroupColumn?.column == "Responding as")
  }

  @Test("Google Forms: Timestamp, group column, yes/partly/no and agreement measures matched by wording, consent")
  func googleForms() throws {
    let header = ["Timestamp", "Are you a...", "Which area do you live in?", "Do you feel your voice was heard?",
                  "I enjoy life and feel part of my school, college or work and my community",
                  "Is there anything else you would like to tell us?", "Can we use your words in our reports?"]
    var rows = [header]
    let areas = ["North", "South", "East"], heard = ["Yes", "Partly", "No", "Don't know"]
    let agree = ["Agree", "Strongly agree", "Disagree", "Neither agree nor disagree", ""]
    for i in 0..<20 {
      rows.append(["\(10 + i % 18)/03/2024 10:\(10 + i):00", i % 2 == 0 ? "Young person" : "Parent or carer", areas[i % 3], heard[i % 4],
                   agree[i % 5], "Comment number \(i) about the support we had this year", i % 3 == 0 ? "No" : "Yes"])
    }
    let c = try check(table(rows), file: "exports/responses.csv")
    #expect(c.manifest.layout == .googleForms)
    #expect(c.manifest.submitted == "Timestamp")
    #expect(c.manifest.wave == "2024")
    #expect(c.manifest.source == .annualConversation)
    #expect(c.manifest.respondentGroupColumn == Manifest.GroupColumn(column: "Are you a...", values: ["Young person": "young people", "Parent or carer": "parent carers"]))
    #expect(c.decision("Do you feel your voice was heard?") == .measure(id: "voice-heard", scale: "yes-partly-no"))
    #expect(c.decision(header[4]) == .measure(id: "enjoy-life", scale: "agreement-5"))
    #expect(c.decision("Which area do you live in?") == .breakdown(field: "locality"))
    #expect(c.decision(header[5]) == .freeText(question: "anything-else"))
    #expect(c.manifest.consent == Manifest.Consent(column: header[6], yes: ["Yes"]))
    #expect(c.diagnostics.count(of: .error) == 0, "\(c.diagnostics.prefix(3))")
    #expect(c.export.accounting.accepted == 20)
  }

  @Test("Qualtrics: three header rows, ResponseId, question text from row 2, metadata and personal columns ignored")
  func qualtrics() throws {
    var rows = [
      ["StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId",
       "RecipientEmail", "Q1", "Q2", "Q3"],
      ["Start Date", "End Date", "Response Type", "IP Address", "Progress", "Duration (in seconds)", "Finished", "Recorded Date", "Response ID",
       "Recipient Email", "I have confidence in the support and advice I receive", "How satisfied are you with the support your child receives?",
       "What is hard for you and your child?"],
      ["{\"ImportId\":\"startDate\",\"timeZone\":\"Europe/London\"}", "{\"ImportId\":\"endDate\"}", "{\"ImportId\":\"status\"}", "{\"ImportId\":\"ipAddress\"}",
       "{\"ImportId\":\"progress\"}", "{\"ImportId\":\"duration\"}", "{\"ImportId\":\"finished\"}", "{\"ImportId\":\"recordedDate\"}",
       "{\"ImportId\":\"_recordId\"}", "{\"ImportId\":\"recipientEmail\"}", "{\"ImportId\":\"QID1\"}", "{\"ImportId\":\"QID2\"}", "{\"ImportId\":\"QID3_TEXT\"}"],
    ]
    let agree = ["Agree", "Strongly agree", "Disagree", "Neither agree nor disagree", "Strongly disagree"]
    let satisfied = ["Satisfied", "Very satisfied", "Dissatisfied", "Not applicable"]
    for i in 0..<12 {
      rows.append(["2023-01-\(10 + i) 09:00:00", "2023-01-\(10 + i) 09:12:00", "IP Address", "10.0.0.\(i)", "100", "720", "True",
                   "2023-01-\(10 + i) 09:12:01", "R_\(i)abc", "p\(i)@example.org", agree[i % 5], satisfied[i % 4],
                   "Waiting \(i) months for an assessment and nobody explains why"])
    }
    let c = try check(table(rows), file: "exports/survey.csv")
    #expect(c.manifest.layout == .qualtrics)
    #expect(c.manifest.respondentId == "ResponseId")
    #expect(c.manifest.submitted == "EndDate")
    #expect(c.manifest.wave == "2023")
    #expect(c.manifest.source == .parentCarerSurvey)
    #expect(c.decision("Q1") == .measure(id: "trust-confidence", scale: "agreement-5"))
    #expect(c.decision("Q2") == .measure(id: "satisfaction-support", scale: "satisfaction-5"))
    #expect(c.decision("Q3") == .freeText(question: "what-is-hard"))
    #expect(c.manifest.measures.first?.label == "I have confidence in the support and advice I receive")
    #expect(c.manifest.ignore.contains("IPAddress") && c.manifest.ignore.contains("RecipientEmail"))
    #expect(c.diagnostics.count(of: .error) == 0, "\(c.diagnostics.prefix(3))")
    #expect(c.export.accounting.accepted == 12)
  }

  @Test("Microsoft Forms XLSX fixture: ID, Completion time, Email and Name ignored, a satisfaction item")
  func microsoftFormsFixture() throws {
    let url = TestPaths.fixture("xlsx/forms-export-openpyxl.xlsx")
    let c = try check(try TableReader.read(contentsOf: url, file: "forms.xlsx"), file: "exports/forms.xlsx",
                      options: .init(wave: "2025", source: .parentCarerSurvey))
    #expect(c.manifest.layout == .microsoftForms)
    #expect(c.manifest.respondentId == "ID")
    #expect(c.manifest.submitted == "Completion time")
    #expect(c.manifest.ignore.contains("Email") && c.manifest.ignore.contains("Name"))
    #expect(c.decision("How satisfied are you with the support your child receives?") == .measure(id: "satisfaction-support", scale: "satisfaction-5"))
    #expect(c.manifest.wave == "2025")
    #expect(c.diagnostics.count(of: .error) == 0, "\(c.diagnostics.prefix(3))")
  }

  @Test("the example workspace's exports draft manifests that find its measures", arguments: [
    "parent-carer-survey-2021.csv", "parent-carer-survey-2023.csv", "parent-carer-survey-2025.csv", "annual-conversation-2025.csv",
    "focus-group-notes-2025.csv", "participation-events-2025.csv", "takeover-decision-makers-2025.xlsx", "takeover-young-people-2025.xlsx",
  ])
  func exampleWorkspace(_ name: String) throws {
    let url = TestPaths.packageRoot.appendingPathComponent("surveys/exports/" + name)
    let c = try check(try TableReader.read(contentsOf: url, file: name), file: "exports/" + name)
    #expect(c.diagnostics.count(of: .error) == 0, "\(c.diagnostics.filter { $0.severity == .error }.prefix(3))")
    #expect(c.manifest.wave == DraftState.year(in: name))
    let measures = Set(c.manifest.measures.map(\.measure))
    switch name {
    case "annual-conversation-2025.csv":
      #expect(c.manifest.layout == .googleForms)
      #expect(measures.isSuperset(of: ["voice-heard", "made-a-difference", "enjoy-life"]))
    case "takeover-young-people-2025.xlsx":
      #expect(c.manifest.layout == .microsoftForms)
      #expect(c.manifest.source == .takeoverChallenge)
      #expect(c.manifest.measures.filter { $0.measure == "takeover-confidence" }.compactMap(\.timepoint).sorted() == ["after", "before"])
    case "takeover-decision-makers-2025.xlsx":
      #expect(c.manifest.respondentGroup == "decision makers")
      #expect(measures.contains("decision-maker-value"))
    case "participation-events-2025.csv":
      #expect(c.manifest.attendance == "Number attending")
      #expect(c.manifest.source == .participationEvent)
    case "parent-carer-survey-2025.csv":
      #expect(c.manifest.layout == .smartsurvey)
      #expect(c.manifest.source == .parentCarerSurvey)
      // SmartSurvey exports hold codes, not questions: scales are found, wordings cannot be.
      #expect(c.decision("Q5") == .measure(id: "q5", scale: "agreement-5"))
      #expect(c.decision("Q7") == .measure(id: "q7", scale: "satisfaction-5"))
      #expect(c.decision("Q4") == .breakdown(field: "age-band"))
    default: break
    }
  }

  @Test("manifest JSON: contract key order, stable bytes, decodes to the same manifest")
  func json() throws {
    var manifest = Manifest(source: .parentCarerSurvey, wave: "2025", file: "exports/a \"b\".csv", layout: .smartsurvey)
    manifest.respondentGroup = "parent carers"
    manifest.sheet = .index(2)
    manifest.measures = [Manifest.MeasureColumn(measure: "trust-confidence", column: "Q5", scale: "agreement-5", timepoint: nil, label: "Line\nbreak")]
    let text = manifest.jsonText()
    #expect(text == manifest.jsonText())
    #expect(text.hasPrefix("{\n  \"manifestVersion\": 1,\n  \"source\": \"parent-carer-survey\",\n  \"wave\": \"2025\",\n  \"file\": \"exports/a \\\"b\\\".csv\",\n  \"layout\": \"smartsurvey\",\n  \"sheet\": 2,"))
    let (decoded, diagnostics) = try ManifestLoader.decode(Data(text.utf8), file: "m.json")
    #expect(decoded == manifest)
    #expect(diagnostics.isEmpty)
  }

  @Test("wording match: clearly best only", arguments: [
    ("I trust and have confidence in the support and advice I receive", "agreement-5", "trust-confidence"),
    ("How confident do you feel speaking up now, after it?", "1-5", "takeover-confidence"),
    ("Do you agree with the new bus timetable?", "agreement-5", nil),
  ] as [(String, String, String?)])
  func wording(_ question: String, _ scale: String, _ expected: String?) {
    let state = DraftState(layout: .plain, options: .init(), fileName: "x.csv", rowCount: 0)
    #expect(state.matchMeasure(question, scale: scale, named: question).definition?.id == expected)
  }

  @Test("a year in the file name", arguments: [("pcs-2023-final.csv", "2023"), ("survey 12345.csv", nil), ("Takeover2025.xlsx", "2025")] as [(String, String?)])
  func year(_ name: String, _ expected: String?) {
    #expect(DraftState.year(in: name) == expected)
  }
}
