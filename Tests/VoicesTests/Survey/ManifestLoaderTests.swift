import Foundation
import Testing
@testable import Voices

@Suite("Manifest loader") struct ManifestLoaderTests {
  @Test("errors name the manifest and the field", arguments: [
    ("{\"wave\": \"2025\", \"file\": \"x.csv\", \"respondentGroup\": \"x\"}", "m.json: source is required but missing"),
    ("{\"source\": \"survey\", \"wave\": \"2025\", \"file\": \"x.csv\"}", "m.json: source: expected one of \"parent-carer-survey\", \"takeover-challenge\", \"annual-conversation\", \"focus-group\", \"participation-event\", \"other\""),
    ("{\"source\": \"other\", \"wave\": 2025, \"file\": \"x.csv\"}", "m.json: wave: expected text in quotes"),
    ("{\"source\": \"other\", \"wave\": \"2025\", \"file\": \"x.csv\", \"measures\": [{\"measure\": \"m\", \"column\": \"c\"}]}", "m.json: measures[0].scale is required but missing"),
  ])
  func errors(_ pair: (String, String)) {
    #expect(throws: (any Error).self) { try ManifestLoader.decode(Data(pair.0.utf8), file: "m.json") }
    do { _ = try ManifestLoader.decode(Data(pair.0.utf8), file: "m.json") } catch { #expect("\(error)" == pair.1) }
  }

  @Test("not JSON at all")
  func notJSON() {
    #expect(throws: ManifestError.self) { try ManifestLoader.decode(Data("{\"source\": ".utf8), file: "m.json") }
  }

  @Test("unknown keys and impossible combinations are diagnostics")
  func checks() throws {
    let json = """
      {"source": "other", "wave": "2025", "file": "x.csv", "respondentID": "Ref",
       "measures": [{"measure": "m", "column": "c", "scale": "stars", "timepoint": "during"}]}
      """
    let (_, diagnostics) = try ManifestLoader.decode(Data(json.utf8), file: "m.json")
    let messages = diagnostics.map(\.message)
    #expect(messages.contains("unknown key \"respondentID\" is ignored; did you mean \"respondentId\"?"))
    #expect(messages.contains("give respondentGroup (one group for every row) or respondentGroupColumn"))
    #expect(messages.contains { $0.hasPrefix("measures[0] (m): unknown scale \"stars\"") })
    #expect(messages.contains("measures[0] (m): timepoint must be \"before\" or \"after\", not \"during\""))
  }
}
