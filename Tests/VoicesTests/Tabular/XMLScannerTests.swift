import Testing
@testable import Voices

/// Every token of a document as readable text: `<name a=v>`, `</name>`, `"text"`.
private func tokens(_ xml: String, limits: ReadLimits = .standard) throws -> [String] {
  var scanner = XMLScanner(bytes: Array(xml.utf8), document: "t.xml", limits: limits)
  var out: [String] = []
  while let token = try scanner.next() {
    switch token {
    case .startElement:
      var attributes = ""
      for attribute in scanner.attributes {
        attributes += " \(scanner.string(attribute.name))=\(scanner.string(attribute.value))"
      }
      out.append("<\(scanner.qualifiedName)\(attributes)>")
    case .endElement: out.append("</\(scanner.qualifiedName)>")
    case .text: out.append("\"\(try scanner.text())\"")
    }
  }
  return out
}

@Suite("XML scanner") struct XMLScannerTests {
  @Test("elements, attributes, empty elements and text")
  func basics() throws {
    let xml = "<?xml version=\"1.0\"?>\n<!-- c --><a x=\"1\" y='two'><b/>hi<c:d>there</c:d><?pi x?></a>\n"
    #expect(try tokens(xml) == ["<a x=1 y=two>", "<b>", "</b>", "\"hi\"", "<c:d>", "\"there\"", "</c:d>", "</a>"])
  }

  @Test("predefined entities, character references and CDATA are decoded")
  func entities() throws {
    let xml = "<a t=\"&quot;&lt;&amp;\">&lt;&gt;&amp;&quot;&apos; &#65;&#x1F600;&#xe9;<![CDATA[<raw> &amp;]]></a>"
    var scanner = XMLScanner(bytes: Array(xml.utf8), document: "t.xml")
    _ = try scanner.next()
    #expect(try scanner.attribute("t") == "\"<&")
    var text: [UInt8] = []
    while let token = try scanner.next(), token == .text { try scanner.appendText(to: &text) }
    #expect(String(decoding: text, as: UTF8.self) == "<>&\"' A😀é<raw> &amp;")
  }

  @Test("line ends are normalised to LF as XML requires")
  func lineEnds() throws {
    #expect(try tokens("<a>1\r\n2\r3\n4</a>") == ["<a>", "\"1\n2\n3\n4\"", "</a>"])
  }

  @Test("local names match whatever the prefix; namespace declarations are not attributes")
  func localNames() throws {
    var scanner = XMLScanner(bytes: Array("<x:sheet xmlns:id=\"u\" r:id=\"rId3\" name=\"S\"/>".utf8), document: "t.xml")
    _ = try scanner.next()
    #expect(scanner.isNamed("sheet"))
    #expect(!scanner.isNamed("x:sheet"))
    #expect(scanner.localName == "sheet")
    #expect(try scanner.attribute("id") == "rId3")
    #expect(try scanner.attribute("name") == "S")
    #expect(try scanner.attribute("missing") == nil)
  }

  @Test("a DOCTYPE is refused, so billion laughs never expands")
  func doctype() throws {
    let xml = """
      <?xml version="1.0"?>
      <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
      <lolz>&lol2;</lolz>
      """
    #expect(throws: XMLError.doctypeRefused(at: XMLLocation(document: "t.xml", line: 2, column: 1, offset: 22))) {
      try tokens(xml)
    }
  }

  @Test("nesting deeper than the limit is refused")
  func depth() {
    let xml = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
    #expect(throws: XMLError.tooDeep(at: XMLLocation(document: "t.xml", line: 1, column: 769, offset: 768), limit: 256)) {
      try tokens(xml)
    }
    #expect((try? tokens(xml, limits: ReadLimits(maximumXMLDepth: 300)))?.count == 600)
  }

  @Test("text and attributes larger than the field limit are refused")
  func fieldLimit() {
    let limits = ReadLimits(maximumFieldBytes: 10)
    #expect(throws: XMLError.fieldTooLarge(at: XMLLocation(document: "t.xml", line: 1, column: 4, offset: 3), limit: 10)) {
      try tokens("<a>" + String(repeating: "x", count: 11) + "</a>", limits: limits)
    }
    #expect(throws: XMLError.self) { try tokens("<a b=\"" + String(repeating: "x", count: 11) + "\"/>", limits: limits) }
    #expect((try? tokens("<a>0123456789</a>", limits: limits)) != nil)
  }

  @Test("malformed documents are reported with line and column", arguments: [
    ("<a>\n<b></a>", "t.xml:2:4: expected </b>, found </a>"),
    ("<a>\n<b>text", "t.xml:2:8: document ends before <b> is closed"),
    ("<a>&nbsp;</a>", "t.xml:1:4: unknown or invalid entity &nbsp;"),
    ("<a>&#0;</a>", "t.xml:1:4: unknown or invalid entity &#0;"),
    ("<a>&amp</a>", "t.xml:1:4: unknown or invalid entity &amp"),
    ("</a>", "t.xml:1:1: </a> closes an element that was never opened"),
    ("<a b=c/>", "t.xml:1:6: malformed XML: attribute b value is not quoted"),
    ("<a><!-- never", "t.xml:1:4: malformed XML: comment never closes"),
    ("<a/>junk", "t.xml:1:5: malformed XML: text outside the root element"),
  ])
  func malformed(_ pair: (String, String)) {
    do {
      _ = try tokens(pair.0)
      Issue.record("no error for \(pair.0)")
    } catch {
      #expect(String(describing: error) == pair.1)
    }
  }

  @Test("locations inside an archive name the entry")
  func entryLocation() {
    let location = XMLLocation(document: "x.xlsx", entry: "xl/workbook.xml", line: 3, column: 7, offset: 90)
    #expect(location.description == "x.xlsx: entry xl/workbook.xml line 3, column 7 (byte 90)")
  }

  @Test("skipElement skips a subtree, including an empty one")
  func skip() throws {
    var scanner = XMLScanner(bytes: Array("<r><rPh><t>x</t></rPh><e/><t>y</t></r>".utf8), document: "t.xml")
    var seen: [String] = []
    while let token = try scanner.next() {
      if token == .startElement, scanner.isNamed("rPh") || scanner.isNamed("e") {
        try scanner.skipElement()
      } else if token == .text {
        seen.append(try scanner.text())
      }
    }
    #expect(seen == ["y"])
  }
}
