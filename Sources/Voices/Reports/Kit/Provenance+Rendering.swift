extension Provenance {
  /// Label and value pairs shown in every format, in a fixed order.
  private var facts: [(label: String, value: String)] {
    var out: [(String, String)] = []
    if let built = builtAtISO { out.append(("Built", built)) }
    out.append(("Voices version", voicesVersion))
    if let codebookVersion { out.append(("Codebook version", codebookVersion)) }
    if let modelVersion { out.append(("Model version", modelVersion)) }
    return out
  }

  /// The "About this report" section for the page footer.
  func html() -> String {
    var out = "<section aria-labelledby=\"about-this-report\">\n<h2 id=\"about-this-report\">About this report</h2>\n<dl>\n"
    for fact in facts {
      out += "<dt>\(HTMLEscaping.text(fact.label))</dt><dd>"
      out += fact.label == "Built" ? "<time datetime=\"\(fact.value)\">\(fact.value)</time>" : HTMLEscaping.text(fact.value)
      out += "</dd>\n"
    }
    out += "</dl>\n"
    if !rules.isEmpty {
      out += "<h3 class=\"footer-heading\">Rules applied</h3>\n<ul class=\"list\">\n"
      out += rules.map { "<li>\(HTMLEscaping.text($0))</li>\n" }.joined() + "</ul>\n"
    }
    if !inputs.isEmpty {
      let table = DataTable(caption: "Input files and their SHA-256 digests", columns: ["File", "SHA-256"],
                            rows: inputs.map { [DataTable.Cell($0.path), DataTable.Cell($0.sha256)] })
      var html = table.html(id: "provenance-inputs").replacingOccurrences(of: "<td>", with: "<td class=\"digest\">")
      // Printed, a digest shows its first 16 digits (enough to tell files apart); on screen and
      // in every other format it is whole.
      for input in inputs where input.sha256.count > 16 {
        let head = String(input.sha256.prefix(16)), rest = String(input.sha256.dropFirst(16))
        html = html.replacingOccurrences(of: ">\(input.sha256)</td>",
                                         with: ">\(head)<span class=\"digest-rest\">\(rest)</span><span class=\"print-only-inline\" aria-hidden=\"true\">…</span></td>")
      }
      out += html
    }
    return out + "</section>\n"
  }

  /// The same facts as Markdown blocks, under a level-2 heading.
  var markdown: [MarkdownDocument.Block] {
    var blocks: [MarkdownDocument.Block] = [.heading(level: 2, text: "About this report")]
    blocks.append(.list(facts.map { "\($0.label): \($0.value)" }))
    if !rules.isEmpty {
      blocks.append(.heading(level: 3, text: "Rules applied"))
      blocks.append(.list(rules))
    }
    if !inputs.isEmpty {
      blocks.append(.table(caption: "Input files and their SHA-256 digests", header: ["File", "SHA-256"],
                           rows: inputs.map { [$0.path, $0.sha256] }))
    }
    return blocks
  }

  /// The same facts as one JSON object, keys in a fixed order.
  var json: JSONValue {
    .object([
      ("builtAt", .optional(builtAtISO)),
      ("voicesVersion", .string(voicesVersion)),
      ("codebookVersion", .optional(codebookVersion)),
      ("modelVersion", .optional(modelVersion)),
      ("rules", .array(rules.map(JSONValue.string))),
      ("inputs", .array(inputs.map { .object([("path", .string($0.path)), ("sha256", .string($0.sha256))]) })),
    ])
  }
}
