/// A small pull scanner over UTF-8 XML bytes: start and end elements with attributes, and text.
///
/// It is deliberately not a full XML parser. It refuses any `<!DOCTYPE`, so no entity can be
/// declared, expanded or fetched; it decodes only the five predefined entities and numeric
/// character references; it skips comments, processing instructions and the XML declaration;
/// it returns CDATA as text. Namespace prefixes are kept as written: match elements and
/// attributes by local name with `isNamed(_:)` and `attribute(_:)`. An empty element
/// `<a/>` is reported as a start followed by an end, so callers handle one shape.
///
/// Names and values are byte ranges into `bytes` until asked for, so scanning a sheet makes no
/// `String` for markup it does not use. Well-formedness is checked as far as readers need:
/// end tags must match, elements must close, depth and text sizes are bounded by `ReadLimits`.
struct XMLScanner {
  enum Token: Equatable { case startElement, endElement, text }

  /// One attribute of the current start element, as ranges into `bytes`.
  struct Attribute {
    var name: Range<Int>
    var value: Range<Int>
    var needsDecoding: Bool
  }

  let bytes: [UInt8]
  let document: String
  let entry: String?
  let limits: ReadLimits

  /// Offset of the next byte to scan.
  private(set) var position = 0
  /// Qualified name of the current start or end element.
  private(set) var name: Range<Int> = 0..<0
  /// Attributes of the current start element.
  private(set) var attributes: [Attribute] = []
  /// Raw bytes of the current text token, and whether they hold `&` or CR (or are CDATA).
  private(set) var textRange: Range<Int> = 0..<0
  private var textNeedsDecoding = false
  private var textIsCDATA = false
  /// Offset of the `<` that began the current element, for diagnostics.
  private(set) var tokenStart = 0
  private var pendingEnd = false
  private var stack: [Range<Int>] = []

  /// Number of elements open around the current position (the current start element included).
  var depth: Int { stack.count }

  /// - Parameters:
  ///   - bytes: The document, UTF-8 (a leading byte order mark is skipped).
  ///   - document: The file name in diagnostics.
  ///   - entry: The ZIP entry, for documents inside an archive.
  ///   - limits: Depth and field-size limits.
  init(bytes: [UInt8], document: String, entry: String? = nil, limits: ReadLimits = .standard) {
    self.bytes = bytes
    self.document = document
    self.entry = entry
    self.limits = limits
    attributes.reserveCapacity(8)
    stack.reserveCapacity(16)
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
  }

  // MARK: - Scanning

  /// Moves to the next token, or returns nil at the end of the document.
  ///
  /// - Throws: `XMLError` for a `<!DOCTYPE`, malformed markup, unclosed or mismatched
  ///   elements, bad entities in text, and passed limits.
  mutating func next() throws(XMLError) -> Token? {
    if pendingEnd {
      pendingEnd = false
      stack.removeLast()
      return .endElement
    }
    let count = bytes.count
    while position < count {
      if bytes[position] != UInt8(ascii: "<") {
        let start = position
        var special = false
        while position < count {
          let b = bytes[position]
          if b == UInt8(ascii: "<") { break }
          if b == UInt8(ascii: "&") || b == 0x0D { special = true }
          position += 1
        }
        if stack.isEmpty {
          // Outside the root element only white space is allowed.
          if !bytes[start..<position].allSatisfy(\.isXMLSpace) {
            throw .malformed(at: location(of: start), detail: "text outside the root element")
          }
          continue
        }
        if position - start > limits.maximumFieldBytes {
          throw .fieldTooLarge(at: location(of: start), limit: limits.maximumFieldBytes)
        }
        textRange = start..<position
        textNeedsDecoding = special
        textIsCDATA = false
        return .text
      }
      tokenStart = position
      guard position + 1 < count else { throw .malformed(at: location(of: position), detail: "document ends inside a tag") }
      switch bytes[position + 1] {
      case UInt8(ascii: "?"):
        position = try skip(past: "?>", from: position + 2, what: "processing instruction")
      case UInt8(ascii: "!"):
        if matches("<!--", at: position) {
          position = try skip(past: "-->", from: position + 4, what: "comment")
        } else if matches("<![CDATA[", at: position) {
          let start = position + 9
          let after = try skip(past: "]]>", from: start, what: "CDATA section")
          guard !stack.isEmpty else { throw .malformed(at: location(of: tokenStart), detail: "CDATA outside the root element") }
          if after - 3 - start > limits.maximumFieldBytes {
            throw .fieldTooLarge(at: location(of: start), limit: limits.maximumFieldBytes)
          }
          position = after
          textRange = start..<(after - 3)
          textNeedsDecoding = bytes[textRange].contains(0x0D)
          textIsCDATA = true
          return .text
        } else if matchesIgnoringCase("<!DOCTYPE", at: position) {
          throw .doctypeRefused(at: location(of: position))
        } else {
          throw .malformed(at: location(of: position), detail: "unexpected markup declaration")
        }
      case UInt8(ascii: "/"):
        position += 2
        let nameRange = try scanName()
        skipSpace()
        guard position < count, bytes[position] == UInt8(ascii: ">") else {
          throw .malformed(at: location(of: position), detail: "end tag </\(string(nameRange))> is not closed with >")
        }
        position += 1
        guard let open = stack.last else {
          throw .unexpectedEndTag(at: location(of: tokenStart), found: string(nameRange))
        }
        guard bytes[open] == bytes[nameRange] else {
          throw .mismatchedEndTag(at: location(of: tokenStart), expected: string(open), found: string(nameRange))
        }
        stack.removeLast()
        name = nameRange
        return .endElement
      default:
        position += 1
        try scanStartTag()
        return .startElement
      }
    }
    if let open = stack.last {
      throw .unclosedElement(at: location(of: count), name: string(open))
    }
    return nil
  }

  /// Skips to the end of the current element (after a `.startElement`), ignoring its content.
  mutating func skipElement() throws(XMLError) {
    let target = depth - 1
    while depth > target, try next() != nil {}
  }

  private mutating func scanStartTag() throws(XMLError) {
    let count = bytes.count
    name = try scanName()
    attributes.removeAll(keepingCapacity: true)
    while true {
      let hadSpace = skipSpace()
      guard position < count else { throw .malformed(at: location(of: tokenStart), detail: "document ends inside <\(string(name))>") }
      let b = bytes[position]
      if b == UInt8(ascii: ">") {
        position += 1
        break
      }
      if b == UInt8(ascii: "/") {
        guard position + 1 < count, bytes[position + 1] == UInt8(ascii: ">") else {
          throw .malformed(at: location(of: position), detail: "expected /> in <\(string(name))>")
        }
        position += 2
        pendingEnd = true
        break
      }
      guard hadSpace else { throw .malformed(at: location(of: position), detail: "expected space between attributes in <\(string(name))>") }
      let attributeName = try scanName()
      skipSpace()
      guard position < count, bytes[position] == UInt8(ascii: "=") else {
        throw .malformed(at: location(of: position), detail: "attribute \(string(attributeName)) has no value")
      }
      position += 1
      skipSpace()
      guard position < count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
        throw .malformed(at: location(of: position), detail: "attribute \(string(attributeName)) value is not quoted")
      }
      let quote = bytes[position]
      let start = position + 1
      var end = start
      var special = false
      while end < count, bytes[end] != quote {
        let c = bytes[end]
        if c == UInt8(ascii: "<") { throw .malformed(at: location(of: end), detail: "< inside attribute value") }
        if c == UInt8(ascii: "&") || c == 0x0D || c == 0x0A || c == 0x09 { special = true }
        end += 1
      }
      guard end < count else { throw .malformed(at: location(of: start), detail: "attribute value never closes") }
      if end - start > limits.maximumFieldBytes {
        throw .fieldTooLarge(at: location(of: start), limit: limits.maximumFieldBytes)
      }
      attributes.append(Attribute(name: attributeName, value: start..<end, needsDecoding: special))
      position = end + 1
    }
    stack.append(name)
    if stack.count > limits.maximumXMLDepth {
      throw .tooDeep(at: location(of: tokenStart), limit: limits.maximumXMLDepth)
    }
  }

  /// Scans a name: any bytes up to white space, `/`, `>`, `=` or `<`; at least one.
  private mutating func scanName() throws(XMLError) -> Range<Int> {
    let start = position
    let count = bytes.count
    while position < count {
      let b = bytes[position]
      if b.isXMLSpace || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=")
        || b == UInt8(ascii: "<") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'")
      { break }
      position += 1
    }
    guard position > start else { throw .malformed(at: location(of: start), detail: "expected a name") }
    return start..<position
  }

  @discardableResult
  private mutating func skipSpace() -> Bool {
    let start = position
    while position < bytes.count, bytes[position].isXMLSpace { position += 1 }
    return position > start
  }

  /// Offset just past `terminator`, searching from `from`.
  private func skip(past terminator: StaticString, from: Int, what: String) throws(XMLError) -> Int {
    let first = terminator.utf8Start.pointee
    var at = from
    let last = bytes.count - terminator.utf8CodeUnitCount
    while at <= last {
      if bytes[at] == first, matches(terminator, at: at) { return at + terminator.utf8CodeUnitCount }
      at += 1
    }
    throw .malformed(at: location(of: tokenStart), detail: "\(what) never closes")
  }

  private func matches(_ literal: StaticString, at offset: Int) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard offset + n <= bytes.count else { return false }
    let p = literal.utf8Start
    for i in 0..<n where bytes[offset + i] != p[i] { return false }
    return true
  }

  private func matchesIgnoringCase(_ literal: StaticString, at offset: Int) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard offset + n <= bytes.count else { return false }
    let p = literal.utf8Start
    for i in 0..<n where bytes[offset + i] | 0x20 != p[i] | 0x20 { return false }
    return true
  }

  // MARK: - Reading the current token

  /// Whether the current element's local name (after any `prefix:`) is `local`.
  func isNamed(_ local: StaticString) -> Bool {
    Self.localPart(of: name, in: bytes).elementsEqual(local)
  }

  /// The current element's local name (after any `prefix:`).
  var localName: String { String(decoding: Self.localPart(of: name, in: bytes), as: UTF8.self) }

  /// The current element's name as written, prefix included.
  var qualifiedName: String { string(name) }

  /// The raw range of the attribute with local name `local` (namespace declarations never
  /// match), and whether its value holds entities or white space to normalise.
  func rawAttribute(_ local: StaticString) -> Attribute? {
    for attribute in attributes where Self.localPart(of: attribute.name, in: bytes).elementsEqual(local) {
      if isNamespaceDeclaration(attribute.name) { continue }
      return attribute
    }
    return nil
  }

  /// The decoded value of the attribute with local name `local`, or nil if it is absent.
  func attribute(_ local: StaticString) throws(XMLError) -> String? {
    guard let attribute = rawAttribute(local) else { return nil }
    guard attribute.needsDecoding else { return string(attribute.value) }
    var out: [UInt8] = []
    try decode(attribute.value, into: &out, isAttribute: true)
    return String(decoding: out, as: UTF8.self)
  }

  /// The current text token, decoded.
  func text() throws(XMLError) -> String {
    guard textNeedsDecoding else { return string(textRange) }
    var out: [UInt8] = []
    try appendText(to: &out)
    return String(decoding: out, as: UTF8.self)
  }

  /// Appends the current text token, decoded, to `buffer` (for text split by CDATA or runs).
  func appendText(to buffer: inout [UInt8]) throws(XMLError) {
    if !textNeedsDecoding {
      buffer.append(contentsOf: bytes[textRange])
    } else if textIsCDATA {
      Self.appendNormalisingNewlines(bytes[textRange], to: &buffer)
    } else {
      try decode(textRange, into: &buffer, isAttribute: false)
    }
  }

  /// Whether the current text token is only XML white space.
  var textIsWhitespace: Bool { bytes[textRange].allSatisfy(\.isXMLSpace) }

  /// Where `offset` lies, as line and column, for diagnostics.
  func location(of offset: Int) -> XMLLocation {
    let end = min(max(offset, 0), bytes.count)
    var line = 1
    var lineStart = 0
    for i in 0..<end where bytes[i] == 0x0A {
      line += 1
      lineStart = i + 1
    }
    return XMLLocation(document: document, entry: entry, line: line, column: end - lineStart + 1, offset: end)
  }

  func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }

  private func isNamespaceDeclaration(_ range: Range<Int>) -> Bool {
    let slice = bytes[range]
    return slice.starts(with: "xmlns".utf8) && (slice.count == 5 || slice[slice.startIndex + 5] == UInt8(ascii: ":"))
  }

  static func localPart(of range: Range<Int>, in bytes: [UInt8]) -> ArraySlice<UInt8> {
    var start = range.lowerBound
    for i in range where bytes[i] == UInt8(ascii: ":") { start = i + 1 }
    return bytes[start..<range.upperBound]
  }
}

extension UInt8 {
  @inline(__always) var isXMLSpace: Bool {
    self == 0x20 || self == 0x0A || self == 0x0D || self == 0x09
  }
}

extension ArraySlice<UInt8> {
  @inline(__always) func elementsEqual(_ literal: StaticString) -> Bool {
    let n = literal.utf8CodeUnitCount
    guard count == n else { return false }
    let p = literal.utf8Start
    var i = 0
    for b in self {
      if b != p[i] { return false }
      i += 1
    }
    return true
  }
}
