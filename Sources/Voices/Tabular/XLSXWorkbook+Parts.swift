extension XLSXWorkbook {
  /// The shared strings table: each `<si>` as one string, rich-text runs (`<r><t>`)
  /// concatenated, phonetic runs (`<rPh>`) left out, white space kept exactly as stored
  /// (whatever `xml:space` says) and Excel's `_xHHHH_` escapes decoded.
  ///
  /// - Throws: `XMLError` for damaged XML or a string over `limits.maximumFieldBytes`.
  static func sharedStrings(_ bytes: [UInt8], file: String, entry: String, limits: ReadLimits) throws -> [String] {
    var scanner = XMLScanner(bytes: bytes, document: file, entry: entry, limits: limits)
    var strings: [String] = []
    var buffer: [UInt8] = []
    var inItem = false, inText = false
    while let token = try scanner.next() {
      switch token {
      case .startElement:
        if scanner.isNamed("si") {
          buffer.removeAll(keepingCapacity: true)
          inItem = true
        } else if scanner.isNamed("rPh") {
          try scanner.skipElement()
        } else if inItem, scanner.isNamed("t") {
          inText = true
        }
      case .endElement:
        if scanner.isNamed("t") {
          inText = false
        } else if scanner.isNamed("si") {
          XLSXValue.unescapeExcel(&buffer)
          strings.append(String(decoding: buffer, as: UTF8.self))
          inItem = false
        }
      case .text:
        guard inText else { continue }
        try scanner.appendText(to: &buffer)
        if buffer.count > limits.maximumFieldBytes {
          throw XMLError.fieldTooLarge(at: scanner.location(of: scanner.textRange.lowerBound), limit: limits.maximumFieldBytes)
        }
      }
    }
    return strings
  }

  /// The number format kind of every cell style (`cellXfs/xf`), by style index.
  static func cellFormats(_ bytes: [UInt8], file: String, entry: String, limits: ReadLimits) throws -> [XLSXNumberFormat] {
    var scanner = XMLScanner(bytes: bytes, document: file, entry: entry, limits: limits)
    var custom: [Int: XLSXNumberFormat] = [:]
    var styleFormatIDs: [Int] = []
    var inCellXfs = false
    while let token = try scanner.next() {
      switch token {
      case .startElement:
        if scanner.isNamed("numFmt") {
          if let id = try scanner.attribute("numFmtId").flatMap({ Int($0) }), let code = try scanner.attribute("formatCode") {
            custom[id] = XLSXNumberFormat.classify(code: code)
          }
        } else if scanner.isNamed("cellXfs") {
          inCellXfs = true
        } else if inCellXfs, scanner.isNamed("xf") {
          styleFormatIDs.append(try scanner.attribute("numFmtId").flatMap { Int($0) } ?? 0)
          try scanner.skipElement()
        }
      case .endElement:
        if scanner.isNamed("cellXfs") { inCellXfs = false }
      case .text:
        continue
      }
    }
    return styleFormatIDs.map { custom[$0] ?? XLSXNumberFormat.builtIn($0) }
  }
}
