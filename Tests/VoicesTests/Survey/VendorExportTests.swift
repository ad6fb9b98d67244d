import Foundation
import Testing
@testable import Voices

/// Real exports from survey tools (../shared/external/vendor-formats), read end to end through
/// a manifest: the layouts must name their columns as a person would and account for every row.
@Suite("Real vendor exports") struct VendorExportTests {
  func load(_ path: String, _ json: String, sheet: SheetSelector? = nil) throws -> SurveyExport {
    let url = TestPaths.externalFile("vendor-formats/" + path)
    let table = try TableReader.read(contentsOf: url, file: path, sheet: sheet)
    let (manifest, diagnostics) = try ManifestLoader.decode(Data(json.utf8), file: "m.json")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    return SurveyLoader.load(table, manifest: manifest, name: "x")
  }

  @Test("every vendor file reads without error", arguments: [
    "surveymonkey-fivethirtyeight/StarWars.csv", "surveymonkey-fivethirtyeight/steak-risk-survey.csv",
    "smartsurvey-layout-cars-dummy/cars_dummy_data.csv", "iai-consult-fixtures/responses_biomass_format.csv",
    "iai-consult-fixtures/responses_lgr_format.csv", "iai-consult-fixtures/responses_scr_format.csv",
    "iai-consult-fixtures/qu_format_a_numeric.xlsx", "iai-consult-fixtures/qu_format_b_instruction.xlsx",
  ])
  func readsEveryFile(_ path: String) throws {
    let table = try TableReader.read(contentsOf: TestPaths.externalFile("vendor-formats/" + path), file: path)
    #expect(!table.records.isEmpty)
  }

  @Test("SurveyMonkey (StarWars, Windows-1252): multi-select columns named by question and option")
  func starWars() throws {
    let export = try load("surveymonkey-fivethirtyeight/StarWars.csv", """
      {"source": "other", "wave": "2014", "file": "StarWars.csv", "layout": "surveymonkey",
       "respondentGroup": "fans", "respondentId": "RespondentID",
       "breakdowns": [{"field": "seen-episode-1", "column": "Which of the following Star Wars films have you seen? Please select all that apply.: Star Wars: Episode I  The Phantom Menace"},
                      {"field": "region", "column": "Location (Census Region)"}]}
      """)
    #expect(export.accounting.read == 1186)
    #expect(export.accounting.balances)
    #expect(export.accounting.accepted == 1186)
    #expect(export.diagnostics.contains { $0.severity == .warning && $0.message.contains("Windows-1252") })
    #expect(!export.diagnostics.contains { $0.severity == .error })
    let first = try #require(export.responses.first)
    #expect(first.respondentId == "3292879998")
    #expect(first.breakdowns["seen-episode-1"] == "Star Wars: Episode I  The Phantom Menace")
    #expect(first.breakdowns["region"] == "South Atlantic")
  }

  @Test("SurveyMonkey (steak): a custom yes/no scale counts every answer")
  func steak() throws {
    let export = try load("surveymonkey-fivethirtyeight/steak-risk-survey.csv", """
      {"source": "other", "wave": "2014", "file": "steak.csv", "layout": "surveymonkey",
       "respondentGroup": "adults", "respondentId": "RespondentID",
       "scales": {"yes-no": {"labels": ["No", "Yes"], "positive": ["Yes"]}},
       "measures": [{"measure": "smokes", "column": "Do you ever smoke cigarettes?", "scale": "yes-no"}]}
      """)
    #expect(export.accounting.read == 550)
    #expect(export.accounting.accepted == 550)
    #expect(export.diagnostics.isEmpty, "\(export.diagnostics.prefix(3))")
    let readings = export.responses.map { $0.answers[0].reading }
    #expect(readings.filter { $0 == .option(1) }.count + readings.filter { $0 == .option(0) }.count + readings.filter { $0 == .blank }.count == 550)
    #expect(readings[0] == .blank)
    #expect(readings[1] == .option(0))
  }

  @Test("SmartSurvey API layout (CARS dummy): three header rows, epoch times, every row accepted")
  func smartSurvey() throws {
    let export = try load("smartsurvey-layout-cars-dummy/cars_dummy_data.csv", """
      {"source": "other", "wave": "2023", "file": "cars.csv", "layout": "smartsurvey",
       "respondentGroup": "analysts", "respondentId": "UserID", "submitted": "Ended",
       "breakdowns": [{"field": "department", "column": "Q3"}], "ignore": ["Name", "Email", "IP"]}
      """)
    #expect(export.accounting.read == 500)
    #expect(export.accounting.balances)
    #expect(export.responses.count + export.accounting.duplicates + export.accounting.rejected == 500)
    let first = try #require(export.responses.first)
    #expect(first.respondentId == "100000000")
    #expect(first.submitted?.iso == "2023-11-05T16:45:00Z")
    #expect(first.breakdowns["department"] == "Scottish Forestry")
    #expect(first.location.row == 4)
  }

  @Test("a consultation export: 5-point agreement labels all recognised")
  func agreement() throws {
    let export = try load("iai-consult-fixtures/responses_lgr_format.csv", """
      {"source": "other", "wave": "2025", "file": "lgr.csv", "layout": "plain", "respondentGroup": "residents",
       "measures": [{"measure": "p1", "column": "Prop 1 Q1 - Do you agree or disagree with the proposal?", "scale": "agreement-5"},
                    {"measure": "p2", "column": "Prop 1 Q2 - To what extent do you agree the councils will deliver the outcomes?", "scale": "agreement-5"}],
       "freeText": [{"question": "why", "column": "Prop 1 Q8 - Please use this space to explain your answers to questions 1-7"}]}
      """)
    #expect(export.accounting.accepted == 5)
    #expect(export.diagnostics.isEmpty)
    // Python's csv module reads column D as: Strongly agree, Disagree, Neither..., Strongly agree, Disagree.
    #expect(export.responses.map { $0.answers[0].reading } == [.option(4), .option(1), .option(2), .option(4), .option(1)])
    #expect(export.responses[0].texts.first?.text == "I support this because it provides better local services for residents")
  }

  @Test("two header rows (ids, then question text) via headerRows")
  func biomass() throws {
    let export = try load("iai-consult-fixtures/responses_biomass_format.csv", """
      {"source": "other", "wave": "2025", "file": "b.csv", "layout": "plain", "headerRows": 2, "respondentGroup": "respondents",
       "consent": {"column": "Ident 5", "yes": ["Yes"]}, "breakdowns": [{"field": "type", "column": "Ident 3"}]}
      """)
    #expect(export.accounting.read == 5)
    // Python's csv module reads column E as: Yes, No, Yes, Yes, No.
    #expect(export.responses.map(\.consentToQuote) == [true, false, true, true, false])
    #expect(export.responses[0].breakdowns["type"] == "Organisation")
  }
}
