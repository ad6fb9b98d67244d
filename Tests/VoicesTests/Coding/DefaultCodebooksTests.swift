import Foundation
import Testing
@testable import Voices

@Suite("Default codebooks") struct DefaultCodebooksTests {
  @Test("the codebooks voices init writes are the example workspace's, byte for byte (else run scripts/make-default-codebooks)")
  func sameAsExample() throws {
    for (name, contents) in DefaultCodebooks.files {
      let file = try Data(contentsOf: TestPaths.packageRoot.appendingPathComponent("surveys/codebooks/\(name)"))
      #expect(Data(contents.utf8) == file, "\(name) differs: run scripts/make-default-codebooks")
    }
  }

  @Test("the default codebooks parse and hold exactly the domain's parent carer theme ids")
  func parse() throws {
    let csv = try #require(DefaultCodebooks.files.first { $0.name == "parent-carers.csv" }?.contents)
    let codebook = try Codebook.parse(csv: csv, file: "parent-carers.csv", name: "parent-carers")
    let ids = Set(codebook.themes.map(\.id))
    #expect(ids == ["system-hard-to-understand", "fitting-in-and-friendships", "waiting-for-assessment-and-therapy",
                    "ehcp-only-route-to-support", "services-not-joined-up", "not-enough-right-provision", "mainstream-support",
                    "anxiety-and-mental-health", "future-and-adult-services", "locality-teams-positive", "send-system-positive",
                    "ehcp-process-positive", "annual-review-positive", "sen-support-positive", "travel-positive", "communications-positive"])
  }
}
