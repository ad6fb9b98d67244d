/// One pass over a worksheet's XML, turning `<row>` and `<c>` elements into records.
///
/// Cell attributes are read as raw bytes and compared without making strings; each cell makes
/// exactly one `String`, its value.
struct XLSXSheetParser {
  /// Excel's last row.
  static let maximumRow = 1_048_576

  private var scanner: XMLScanner
  let file: String
  let sharedStrings: [String]
  let formats: [XLSXNumberFormat]
  let date1904: Bool
  let limits: ReadLimits

  init(
    bytes: [UInt8], file: String, entry: String, sharedStrings: [String], formats: [XLSXNumberFormat],
    date1904: Bool, limits: ReadLimits
  ) {
    scanner = XMLScanner(bytes: bytes, document: file, entry: entry, limits: limits)
    self.file = file
    self.sharedStrings = sharedStrings
    self.formats = formats
    self.date1904 = date1904
    self.limits = limits
  }

  /// The kinds of cell `t="..."` names.
  enum CellType { case number, shared, inline, formulaString, boolean, error, isoDate }

  /// - Returns: Records from row 1 to the last row with a non-empty cell.
  /// - Throws: As `forEachRecord`.
  mutating func parse() throws -> [Record] {
    var records: [Record] = []
    try forEachRecord { records.append($0) }
    return records
  }

  /// Hands over the records from row 1 to the last row with a non-empty cell, one at a time.
  ///
  /// Rows missing from the sheet, or holding only empty cells, are handed over as empty
  /// records as soon as a later row has a value (never after the last one). Every cell a
  /// record holds (the padding before its last value included) and every byte of its text
  /// count against `ReadLimits.maximumCells` and `maximumTextBytes`, checked before the row is
  /// padded, so a sheet declaring a value at column XFD on every row is refused after a few
  /// hundred rows, in time and memory bounded by the limits, not by its declared size.
  ///
  /// - Throws: `XLSXError` for bad references, rows, shared-string indexes and numbers, and for
  ///   a sheet over the cell or text limits; `XMLError` for damaged XML; whatever `body` throws.
  mutating func forEachRecord(_ body: (Record) throws -> Void) throws {
    var emitted = 0
    var budget = TableBudget(limits: limits)
    var fields: [String] = []
    var rowNumber = 0
    var column = 0
    var inSheetData = false
    var inRow = false
    // Per cell.
    var value: [UInt8] = []
    value.reserveCapacity(256)
    var cellType = CellType.number
    var format = XLSXNumberFormat.general
    var collecting = false
    var sawInline = false
    var inCell = false

    while let token = try scanner.next() {
      switch token {
      case .startElement:
        if inCell {
          if scanner.isNamed("v") {
            collecting = true
          } else if scanner.isNamed("t") {
            collecting = true
            sawInline = true
          } else if scanner.isNamed("rPh") || scanner.isNamed("f") {
            try scanner.skipElement()
          }
        } else if inRow, scanner.isNamed("c") {
          inCell = true
          value.removeAll(keepingCapacity: true)
          sawInline = false
          collecting = false
          column = try cellColumn(after: column, row: rowNumber)
          (cellType, format) = try cellTypeAndFormat(row: rowNumber, column: column)
        } else if inSheetData, scanner.isNamed("row") {
          inRow = true
          rowNumber = try nextRowNumber(after: rowNumber)
          fields.removeAll(keepingCapacity: true)
          column = 0
        } else if scanner.isNamed("sheetData") {
          inSheetData = true
        }
      case .endElement:
        if inCell {
          if scanner.isNamed("c") {
            inCell = false
            let text = try render(value, type: cellType, format: format, sawInline: sawInline, row: rowNumber, column: column)
            let at = SourceLocation(file: file, row: rowNumber, column: column)
            if column > fields.count {
              if !text.isEmpty {
                try check(budget.addCells(column - fields.count), at: at)
                try check(budget.addText(text.utf8.count), at: at)
                while fields.count < column - 1 { fields.append("") }
                fields.append(text)
              }
            } else {
              try check(budget.addText(text.utf8.count - fields[column - 1].utf8.count), at: at)
              fields[column - 1] = text
            }
          } else if scanner.isNamed("v") || scanner.isNamed("t") {
            collecting = false
          }
        } else if inRow, scanner.isNamed("row") {
          inRow = false
          while fields.last?.isEmpty == true { fields.removeLast() }
          if !fields.isEmpty {
            while emitted < rowNumber - 1 {
              emitted += 1
              try body(Record(row: emitted, fields: []))
            }
            emitted = rowNumber
            try body(Record(row: rowNumber, fields: fields))
          }
        } else if scanner.isNamed("sheetData") {
          inSheetData = false
        }
      case .text:
        guard collecting else { continue }
        try scanner.appendText(to: &value)
        if value.count > limits.maximumFieldBytes {
          throw XLSXError.fieldTooLarge(
            at: SourceLocation(file: file, row: rowNumber, column: column), limit: limits.maximumFieldBytes)
        }
      }
    }
  }

  private func check(_ overrun: TableBudget.Overrun?, at: SourceLocation) throws {
    switch overrun {
    case nil: return
    case .cells: throw XLSXError.tooManyCells(at: at, limit: limits.maximumCells)
    case .text: throw XLSXError.tooMuchText(at: at, limit: limits.maximumTextBytes)
    }
  }

  // MARK: - Rows and cells

  private func nextRowNumber(after previous: Int) throws -> Int {
    guard let attribute = scanner.rawAttribute("r") else {
      guard previous < Self.maximumRow else {
        throw XLSXError.badRowNumber(at: SourceLocation(file: file, row: previous + 1), detail: "past Excel's last row")
      }
      return previous + 1
    }
    let at = SourceLocation(file: file, row: previous + 1)
    guard let row = decimal(attribute.value), row >= 1, row <= Self.maximumRow else {
      throw XLSXError.badRowNumber(at: at, detail: "\"\(scanner.string(attribute.value))\" is not a row from 1 to \(Self.maximumRow)")
    }
    guard row > previous else {
      throw XLSXError.badRowNumber(at: SourceLocation(file: file, row: row), detail: "row \(row) comes after row \(previous)")
    }
    return row
  }

  /// The 1-based column of the current `<c>`: from its `r` reference, or the next column.
  private func cellColumn(after previous: Int, row: Int) throws -> Int {
    var column = previous + 1
    if let attribute = scanner.rawAttribute("r") {
      let bytes = scanner.bytes
      var letters = 0
      var i = attribute.value.lowerBound
      column = 0
      while i < attribute.value.upperBound, letters < 4 {
        let b = bytes[i] & ~0x20  // upper case
        guard b >= UInt8(ascii: "A"), b <= UInt8(ascii: "Z") else { break }
        column = column * 26 + Int(b - UInt8(ascii: "A")) + 1
        letters += 1
        i += 1
      }
      let digitsValid = decimal(i..<attribute.value.upperBound) != nil
      guard letters > 0, digitsValid else {
        throw XLSXError.badCellReference(at: SourceLocation(file: file, row: row), reference: scanner.string(attribute.value))
      }
    }
    guard column <= limits.maximumFieldsPerRecord else {
      throw XLSXError.tooManyColumns(at: SourceLocation(file: file, row: row), limit: limits.maximumFieldsPerRecord)
    }
    return column
  }

  private func cellTypeAndFormat(row: Int, column: Int) throws -> (CellType, XLSXNumberFormat) {
    var type = CellType.number
    if let attribute = scanner.rawAttribute("t") {
      let t = scanner.bytes[attribute.value]
      if t.elementsEqual("s") {
        type = .shared
      } else if t.elementsEqual("inlineStr") {
        type = .inline
      } else if t.elementsEqual("str") {
        type = .formulaString
      } else if t.elementsEqual("b") {
        type = .boolean
      } else if t.elementsEqual("e") {
        type = .error
      } else if t.elementsEqual("d") {
        type = .isoDate
      }
    }
    var format = XLSXNumberFormat.general
    if type == .number, let attribute = scanner.rawAttribute("s"), let style = decimal(attribute.value), style < formats.count {
      format = formats[style]
    }
    return (type, format)
  }

  private func render(
    _ value: [UInt8], type: CellType, format: XLSXNumberFormat, sawInline: Bool, row: Int, column: Int
  ) throws -> String {
    var value = value
    switch type {
    case .shared:
      guard !value.isEmpty else { return "" }
      guard let index = Self.decimal(value[...]), index < sharedStrings.count else {
        throw XLSXError.sharedStringOutOfRange(
          at: SourceLocation(file: file, row: row, column: column), index: String(decoding: value, as: UTF8.self),
          count: sharedStrings.count)
      }
      return sharedStrings[index]
    case .inline, .formulaString:
      XLSXValue.unescapeExcel(&value)
      return String(decoding: value, as: UTF8.self)
    case .boolean:
      if value.elementsEqualBytes("1") { return "TRUE" }
      if value.elementsEqualBytes("0") { return "FALSE" }
      return String(decoding: value, as: UTF8.self)
    case .error, .isoDate:
      return String(decoding: value, as: UTF8.self)
    case .number:
      if sawInline {
        XLSXValue.unescapeExcel(&value)
        return String(decoding: value, as: UTF8.self)
      }
      return try number(value, format: format, row: row, column: column)
    }
  }

  private func number(_ value: [UInt8], format: XLSXNumberFormat, row: Int, column: Int) throws -> String {
    guard !value.isEmpty else { return "" }
    // Fast path: a plain integer of up to 15 digits is already in its General form.
    if format == .general, value.count <= 15, Self.isCanonicalInteger(value) {
      return String(decoding: value, as: UTF8.self)
    }
    let text = String(decoding: value, as: UTF8.self)
    guard let number = Double(text.trimmingXMLSpace()), number.isFinite else {
      throw XLSXError.badNumber(at: SourceLocation(file: file, row: row, column: column), text: text)
    }
    if format != .general, let date = XLSXValue.date(serial: number, format: format, date1904: date1904) {
      return date
    }
    return XLSXValue.number(number)
  }

  private static func isCanonicalInteger(_ value: [UInt8]) -> Bool {
    var digits = value[...]
    if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
    guard let first = digits.first, first != UInt8(ascii: "0") || digits.count == 1 else { return false }
    if value.first == UInt8(ascii: "-"), first == UInt8(ascii: "0") { return false }
    return digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }

  private func decimal(_ range: Range<Int>) -> Int? { Self.decimal(scanner.bytes[range]) }

  /// A non-negative decimal integer of at most 9 digits.
  static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
    guard !digits.isEmpty, digits.count <= 9 else { return nil }
    var n = 0
    for b in digits {
      guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
      n = n * 10 + Int(b - UInt8(ascii: "0"))
    }
    return n
  }
}

extension [UInt8] {
  fileprivate func elementsEqualBytes(_ literal: StaticString) -> Bool { self[...].elementsEqual(literal) }
}

extension String {
  fileprivate func trimmingXMLSpace() -> Substring {
    let scalars = utf8
    guard let first = scalars.firstIndex(where: { !$0.isXMLSpace }),
      let last = scalars.lastIndex(where: { !$0.isXMLSpace })
    else { return "" }
    return self[first...last]
  }
}
