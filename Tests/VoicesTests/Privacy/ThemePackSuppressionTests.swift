import Foundation
import Testing
@testable import Voices

/// A theme held back under the small-number rule is never named against a comment in the
/// theme pack: not as "also coded", not as "coded on one word", not in its review sheet.
@Suite("Theme pack hides a suppressed theme") struct ThemePackSuppressionTests {
  @Test("three comments of a theme under the minimum of 5 are not linked to it anywhere in the pack")
  func alsoCoded() throws {
    var comments: [String] = []
    for i in 0..<12 {
      let wait = ["We are still waiting for speech therapy after a year.", "The waiting list for CAMHS is two years long.",
                  "We have been waiting for an assessment since Year 2."][i % 3]
      comments.append(i < 3 ? wait + " An EHCP is the only way to get any help at all." : wait)
    }
    let root = try PrivacyPipeline.workspace(comments)
    defer { try? FileManager.default.removeItem(at: root) }
    let out = root.appendingPathComponent("out")
    let run = try VoicesRun.run(["report", "themes", root.path, "--out", out.path], environment: ["SOURCE_DATE_EPOCH": "1767225600"])
    #expect(run.status == 0, "\(run.stderr)")
    let label = "EHC plan the only route to support"
    let html = try String(contentsOf: out.appendingPathComponent("theme-pack.html"), encoding: .utf8)
    // The theme is counted (suppressed) in its table, so the label is on the page ...
    #expect(html.contains("held back from this pack under the small-number rule"))
    #expect(html.contains("id=\"theme-ehcp-only-route-to-support\""))
    // ... but never beside a comment.
    for marker in ["also coded", "coded on one word"] {
      for line in html.components(separatedBy: marker).dropFirst() {
        let attribution = line.prefix { $0 != "<" }
        #expect(!attribution.contains(label), "\(marker)\(attribution)")
      }
    }
    let markdown = try String(contentsOf: out.appendingPathComponent("theme-pack.md"), encoding: .utf8)
    for line in markdown.split(separator: "\n") where line.contains("also coded") || line.contains("coded on one word") {
      #expect(!line.contains(label), "\(line)")
    }
    let sheet = [UInt8](try Data(contentsOf: out.appendingPathComponent("theme-pack-review-sheet.xlsx")))
    let rows = try XLSXReader.read(bytes: sheet, file: "s.xlsx", sheet: .name("Review")).rows
    #expect(!rows.contains { $0.contains("ehcp-only-route-to-support") })
  }
}
