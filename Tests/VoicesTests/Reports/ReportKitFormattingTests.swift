import Foundation
import Testing
@testable import Voices

@Suite("Number formatting") struct NumberFormattingTests {
  @Test("percentages: whole points, half away from zero, edge cases", arguments: [
    (45.0, "45%"), (44.5, "45%"), (14.5, "15%"), (0.0, "0%"), (0.3, "<0.5%"), (0.5, "1%"), (99.7, ">99.5%"),
    (100.0, "100%"), (99.4, "99%"), (-3.0, "\u{2212}3%"),
  ])
  func percent(_ value: Double, _ expected: String) {
    #expect(NumberFormatting.percent(value) == expected)
  }

  @Test("decimals come from the decimal form, not the binary one")
  func decimals() {
    #expect(NumberFormatting.percent(0.145 * 100, decimals: 1) == "14.5%")
    #expect(NumberFormatting.number(0.145, decimals: 2) == "0.15")
    #expect(NumberFormatting.number(2.675, decimals: 2) == "2.68")
    #expect(NumberFormatting.percent(0.02, decimals: 1) == "<0.05%")
  }

  @Test("counts have thousands separators and U+2212 for minus", arguments: [
    (0, "0"), (999, "999"), (1000, "1,000"), (1_234_567, "1,234,567"), (-4500, "\u{2212}4,500"),
  ])
  func counts(_ value: Int, _ expected: String) {
    #expect(NumberFormatting.count(value) == expected)
  }

  @Test("changes are signed after rounding", arguments: [
    (4.0, "+4"), (-2.0, "\u{2212}2"), (0.3, "0"), (-0.3, "0"), (0.5, "+1"), (1234.0, "+1,234"),
  ])
  func change(_ value: Double, _ expected: String) {
    #expect(NumberFormatting.change(value) == expected)
  }

  @Test("plain numbers have no float noise", arguments: [
    (0.1, "0.1"), (3.0, "3"), (-2.0, "-2"), (0.1 + 0.2, "0.30000000000000004"), (1e21, "1e+21"), (12.25, "12.25"),
  ])
  func plain(_ value: Double, _ expected: String) {
    #expect(NumberFormatting.plain(value) == expected)
  }
}

@Suite("HTML escaping") struct HTMLEscapingTests {
  @Test("markup in text comes out inert")
  func inert() {
    let quote = "He said \"<script>alert('x')</script>\" & left"
    #expect(HTMLEscaping.text(quote) == "He said &quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; &amp; left")
    #expect(HTMLEscaping.attribute("a\"b\nc") == "a&quot;b c")
    #expect(HTMLEscaping.text("bell\u{07}") == "bell")
  }

  @Test("a quote with <script> in the page never opens a script element")
  func quoteInPage() throws {
    let html = try ReportKitSample.page().render()
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; nobody told us why."))
  }

  @Test("slugs", arguments: [("You said, we did", "you-said-we-did"), ("  ", "section"), ("2025: Trust!", "2025-trust")])
  func slug(_ text: String, _ expected: String) {
    #expect(HTMLEscaping.slug(text) == expected)
  }
}

@Suite("Markdown, CSV and JSON writers") struct ReportWritersTests {
  @Test("Markdown escapes syntax and pipes in tables")
  func markdown() {
    var doc = MarkdownDocument()
    doc.append(.heading(level: 2, text: "Themes *and* #tags"))
    doc.append(.paragraph("- not a list; [not](a link) <b>"))
    doc.append(.paragraph("1. not ordered"))
    doc.append(.table(caption: "T", header: ["Theme", "Share"], rows: [["a | b", "45%"]], rightAligned: [false, true]))
    doc.append(.list(["one", "two"], ordered: true))
    #expect(doc.render() == """
      ## Themes \\*and\\* \\#tags

      \\- not a list; \\[not\\](a link) \\<b\\>

      1\\. not ordered

      **T**

      | Theme | Share |
      | --- | ---: |
      | a \\| b | 45% |

      1. one
      2. two

      """)
  }

  @Test("CSV reuses TableWriter quoting; data tables write numbers, not formatted text")
  func csv() {
    let table = DataTable(caption: "c", columns: ["Group", "Share"], rows: [["North, East", .percent(45.5)], ["South", .numericText("suppressed")]])
    #expect(table.csv.render() == "Group,Share\r\n\"North, East\",45.5\r\nSouth,suppressed\r\n")
    #expect(table.csv.render(byteOrderMark: true).hasPrefix("\u{FEFF}Group"))
  }

  @Test("JSON keeps key order, escapes per RFC 8259, writes numbers without noise")
  func json() {
    let value: JSONValue = .object([("z", 1), ("a", .number(0.1)), ("s", "line\n\"q\"\u{01}"), ("n", .number(.nan)), ("e", []), ("o", .object([]))])
    #expect(value.render() == """
      {
        "z": 1,
        "a": 0.1,
        "s": "line\\n\\"q\\"\\u0001",
        "n": null,
        "e": [],
        "o": {}
      }

      """)
  }
}
