/// One `xl/worksheets/sheetN.xml`: views, column widths, cells, filter and drop-down lists, in
/// the element order the schema (CT_Worksheet) requires, since Excel refuses any other.
extension XLSXWriter {
  /// Builds a sheet's XML, adding its text to `strings`.
  ///
  /// - Parameters:
  ///   - sheet: A checked sheet.
  ///   - listFormulas: The `formula1` of each of `sheet.validations`, in order.
  ///   - selected: Whether this is the tab shown when the workbook opens.
  ///   - strings: The workbook's shared strings.
  static func worksheetXML(
    _ sheet: XLSXSheet, listFormulas: [String], selected: Bool, strings: inout SharedStrings
  ) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256 + sheet.rows.count * max(sheet.columns.count, 1) * 16)
    func put(_ text: String) { out.append(contentsOf: text.utf8) }

    let lastColumn = max(sheet.columns.count, 1) - 1
    let lastRow = sheet.rows.count + 1
    let fullRange = "A1:" + cellReference(column: lastColumn, row: lastRow)
    put(xmlDeclaration)
    put("<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">")
    put("<dimension ref=\"\(sheet.columns.isEmpty ? "A1" : fullRange)\"/>")
    put("<sheetViews><sheetView\(selected ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">")
    if sheet.freezeHeader {
      put("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>")
      put("<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>")
    }
    put("</sheetView></sheetViews>")
    put("<sheetFormatPr defaultRowHeight=\"15\"/>")

    if !sheet.columns.isEmpty {
      put("<cols>")
      for (index, column) in sheet.columns.enumerated() {
        let width = column.width ?? automaticWidth(of: index, in: sheet)
        let style = column.wrap ? Style.wrapped : Style.top
        put("<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(widthText(width))\" style=\"\(style.rawValue)\" customWidth=\"1\"/>")
      }
      put("</cols>")
    }

    put("<sheetData>")
    if !sheet.columns.isEmpty {
      put("<row r=\"1\">")
      for (index, column) in sheet.columns.enumerated() {
        appendCell(.text(column.header), column: index, row: 1, style: .header, to: &out, strings: &strings)
      }
      put("</row>")
    }
    for (offset, row) in sheet.rows.enumerated() {
      let rowNumber = offset + 2
      guard row.contains(where: { !isBlank($0) }) else { continue }
      put("<row r=\"\(rowNumber)\">")
      for (index, cell) in row.enumerated() {
        let style = sheet.columns[index].wrap ? Style.wrapped : Style.top
        appendCell(cell, column: index, row: rowNumber, style: style, to: &out, strings: &strings)
      }
      put("</row>")
    }
    put("</sheetData>")

    if sheet.autoFilter, !sheet.columns.isEmpty {
      put("<autoFilter ref=\"\(fullRange)\"/>")
    }
    if !sheet.validations.isEmpty {
      put("<dataValidations count=\"\(sheet.validations.count)\">")
      for (validation, formula) in zip(sheet.validations, listFormulas) {
        appendValidation(validation, formula: formula, in: sheet, to: &out)
      }
      put("</dataValidations>")
    }
    put("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
    put("</worksheet>")
    return out
  }

  /// Whether a cell writes nothing: `.empty`, or text with no characters.
  static func isBlank(_ cell: XLSXCell) -> Bool {
    switch cell {
    case .empty: true
    case .text(let text): text.isEmpty
    case .number, .bool: false
    }
  }

  private static func appendCell(
    _ cell: XLSXCell, column: Int, row: Int, style: Style, to out: inout [UInt8], strings: inout SharedStrings
  ) {
    guard !isBlank(cell) else { return }
    let reference = cellReference(column: column, row: row)
    let styleAttribute = style == .normal ? "" : " s=\"\(style.rawValue)\""
    switch cell {
    case .text(let text):
      out.append(contentsOf: "<c r=\"\(reference)\"\(styleAttribute) t=\"s\"><v>\(strings.index(of: text))</v></c>".utf8)
    case .number(let value):
      out.append(contentsOf: "<c r=\"\(reference)\"\(styleAttribute)><v>\(numberText(value))</v></c>".utf8)
    case .bool(let value):
      out.append(contentsOf: "<c r=\"\(reference)\"\(styleAttribute) t=\"b\"><v>\(value ? 1 : 0)</v></c>".utf8)
    case .empty:
      break
    }
  }

  private static func appendValidation(_ validation: XLSXValidation, formula: String, in sheet: XLSXSheet, to out: inout [UInt8]) {
    let rows = validationRows(validation, in: sheet)
    let letters = columnLetters(validation.columnIndex)
    let sqref = rows.count == 1 ? "\(letters)\(rows.lowerBound)" : "\(letters)\(rows.lowerBound):\(letters)\(rows.upperBound)"
    out.append(contentsOf: "<dataValidation type=\"list\" allowBlank=\"\(validation.allowBlank ? 1 : 0)\" showInputMessage=\"1\" showErrorMessage=\"1\"".utf8)
    if let message = validation.errorMessage {
      out.append(contentsOf: " errorTitle=\"Not in the list\" error=\"".utf8)
      appendEscapedAttribute(message, to: &out)
      out.append(UInt8(ascii: "\""))
    }
    if let prompt = validation.prompt {
      out.append(contentsOf: " prompt=\"".utf8)
      appendEscapedAttribute(prompt, to: &out)
      out.append(UInt8(ascii: "\""))
    }
    out.append(contentsOf: " sqref=\"\(sqref)\"><formula1>".utf8)
    appendEscapedMarkup(formula, to: &out)
    out.append(contentsOf: "</formula1></dataValidation>".utf8)
  }

  /// A width that fits the column's longest line (header included) plus a little padding,
  /// within `XLSXColumn.automaticWidths`. Counted in Unicode scalars: a fair stand-in for
  /// characters of the default font without measuring glyphs.
  static func automaticWidth(of column: Int, in sheet: XLSXSheet) -> Double {
    func longestLine(_ text: String) -> Int {
      var longest = 0
      var current = 0
      for scalar in text.unicodeScalars {
        if scalar == "\n" {
          longest = max(longest, current)
          current = 0
        } else {
          current += 1
        }
      }
      return max(longest, current)
    }
    let limits = XLSXColumn.automaticWidths
    let cap = Int(limits.upperBound)
    var longest = longestLine(sheet.columns[column].header)
    for row in sheet.rows where column < row.count && longest < cap {
      switch row[column] {
      case .text(let text): longest = max(longest, longestLine(text))
      case .number(let value): longest = max(longest, numberText(value).utf8.count)
      case .bool: longest = max(longest, 5)
      case .empty: break
      }
    }
    return min(max(Double(longest + 2), limits.lowerBound), limits.upperBound)
  }
}
