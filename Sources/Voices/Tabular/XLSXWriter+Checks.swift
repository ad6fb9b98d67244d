/// The rules a workbook must follow for Excel to open it without a repair prompt, checked
/// before any XML is built; and the placing of long drop-down lists on a hidden sheet.
extension XLSXWriter {
  /// Checks every sheet; throws the first problem found, in tab order.
  static func check(_ sheets: [XLSXSheet]) throws(XLSXWriteError) {
    guard !sheets.isEmpty else { throw .noSheets }
    guard sheets.contains(where: { !$0.hidden }) else { throw .noVisibleSheet }
    var seen: Set<String> = []
    for sheet in sheets {
      try checkSheetName(sheet.name)
      guard seen.insert(sheet.name.lowercased()).inserted else { throw .duplicateSheetName(sheet.name) }
      try checkContent(sheet)
    }
  }

  /// Excel's sheet-name rules: 1 to 31 characters, none of `[ ] : * ? / \`, no control
  /// characters, no apostrophe at either end, and not `History` (Excel reserves it).
  static func checkSheetName(_ name: String) throws(XLSXWriteError) {
    if name.isEmpty { throw .badSheetName(name, reason: "is empty; a sheet needs a name") }
    if name.utf16.count > maximumSheetNameCharacters {
      throw .badSheetName(name, reason: "is longer than Excel's limit of \(maximumSheetNameCharacters) characters")
    }
    if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
      throw .badSheetName(name, reason: "contains \"\(bad)\"; Excel does not allow any of [ ] : * ? / \\ in sheet names")
    }
    if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
      throw .badSheetName(name, reason: "contains a control character")
    }
    if name.hasPrefix("'") || name.hasSuffix("'") {
      throw .badSheetName(name, reason: "starts or ends with an apostrophe, which Excel does not allow")
    }
    if name.lowercased() == "history" {
      throw .badSheetName(name, reason: "is reserved by Excel")
    }
  }

  private static func checkContent(_ sheet: XLSXSheet) throws(XLSXWriteError) {
    let columnCount = sheet.columns.count
    guard columnCount <= maximumColumns else {
      throw .tooManyColumns(sheet: sheet.name, count: columnCount, limit: maximumColumns)
    }
    guard sheet.rows.count + 1 <= maximumRows else {
      throw .tooManyRows(sheet: sheet.name, count: sheet.rows.count + 1, limit: maximumRows)
    }
    for (index, column) in sheet.columns.enumerated() {
      if let width = column.width, !(0...255).contains(width) {
        throw .badColumnWidth(sheet: sheet.name, column: index, width: width)
      }
      try checkText(column.header, sheet: sheet.name, column: index, row: 1)
    }
    for (offset, row) in sheet.rows.enumerated() {
      guard row.count <= columnCount else {
        throw .rowTooLong(sheet: sheet.name, row: offset + 2, cells: row.count, columns: columnCount)
      }
      for (column, cell) in row.enumerated() {
        switch cell {
        case .text(let text): try checkText(text, sheet: sheet.name, column: column, row: offset + 2)
        case .number(let value):
          guard value.isFinite else { throw .nonFiniteNumber(cell: place(sheet.name, column: column, row: offset + 2)) }
        case .bool, .empty: break
        }
      }
    }
    for validation in sheet.validations {
      try checkValidation(validation, in: sheet)
    }
  }

  private static func checkText(_ text: String, sheet: String, column: Int, row: Int) throws(XLSXWriteError) {
    // Cheap bound first: UTF-8 is never shorter than UTF-16 in code units.
    if text.utf8.count > maximumCellCharacters, text.utf16.count > maximumCellCharacters {
      throw .textTooLong(cell: place(sheet, column: column, row: row), limit: maximumCellCharacters)
    }
  }

  private static func checkValidation(_ validation: XLSXValidation, in sheet: XLSXSheet) throws(XLSXWriteError) {
    let column = validation.columnIndex
    guard sheet.columns.indices.contains(column) else {
      throw .badValidation(sheet: sheet.name, detail: "is on column \(column + 1) but the sheet has \(sheet.columns.count) columns")
    }
    let where_ = "on column \(columnLetters(column)) (\(sheet.columns[column].header))"
    let rows = validationRows(validation, in: sheet)
    guard rows.lowerBound >= 1, rows.upperBound <= maximumRows else {
      throw .badValidation(sheet: sheet.name, detail: "\(where_) covers rows \(rows.lowerBound)-\(rows.upperBound); rows run from 1 to \(maximumRows)")
    }
    guard !validation.options.isEmpty else {
      throw .badValidation(sheet: sheet.name, detail: "\(where_) has no options")
    }
    for option in validation.options {
      if option.isEmpty { throw .badValidation(sheet: sheet.name, detail: "\(where_) has an empty option") }
      if option.utf16.count > maximumCellCharacters {
        throw .badValidation(sheet: sheet.name, detail: "\(where_) has an option longer than \(maximumCellCharacters) characters")
      }
    }
    if let prompt = validation.prompt, prompt.utf16.count > maximumMessageCharacters {
      throw .badValidation(sheet: sheet.name, detail: "\(where_) has a prompt longer than Excel's limit of \(maximumMessageCharacters) characters")
    }
    if let message = validation.errorMessage, message.utf16.count > maximumMessageCharacters {
      throw .badValidation(sheet: sheet.name, detail: "\(where_) has an error message longer than Excel's limit of \(maximumMessageCharacters) characters")
    }
  }

  /// The sheet rows a validation covers: as given, or every data row (at least row 2).
  static func validationRows(_ validation: XLSXValidation, in sheet: XLSXSheet) -> ClosedRange<Int> {
    validation.rows ?? 2...max(2, sheet.rows.count + 1)
  }

  /// `'Sheet name'!C5`, for messages.
  static func place(_ sheet: String, column: Int, row: Int) -> String {
    formulaSheetName(sheet) + "!" + cellReference(column: column, row: row)
  }

  /// Whether Excel can take `options` as an inline list: `"a,b,c"` has no way to quote a
  /// comma or a double quote, Excel trims spaces around items, and the whole is capped at 255
  /// characters.
  static func fitsInlineList(_ options: [String]) -> Bool {
    var total = options.count - 1
    for option in options {
      if option.contains(",") || option.contains("\"") || needsPreserve(option) { return false }
      if option.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF }) { return false }
      total += option.utf16.count
    }
    return total <= maximumListCharacters
  }

  /// Works out every validation's `formula1`, putting lists that cannot be inline on a hidden
  /// `Lists` sheet (one column per distinct list, its header naming where it was first used,
  /// options from row 2).
  ///
  /// - Returns: The sheets to write (the caller's, then `Lists` if needed) and, per sheet, the
  ///   formula of each of its validations.
  static func addListsSheet(to sheets: [XLSXSheet]) throws(XLSXWriteError) -> ([XLSXSheet], [[String]]) {
    var listColumns: [[String]] = []
    var listHeaders: [String] = []
    var formulas: [[String]] = []
    let listsName = uniqueListsSheetName(avoiding: sheets)
    for sheet in sheets {
      var sheetFormulas: [String] = []
      for validation in sheet.validations {
        if fitsInlineList(validation.options) {
          sheetFormulas.append("\"" + validation.options.joined(separator: ",") + "\"")
          continue
        }
        let column: Int
        if let existing = listColumns.firstIndex(of: validation.options) {
          column = existing
        } else {
          column = listColumns.count
          listColumns.append(validation.options)
          listHeaders.append("\(sheet.name): \(sheet.columns[validation.columnIndex].header.prefix(100))")
        }
        let letters = columnLetters(column)
        sheetFormulas.append(
          "\(formulaSheetName(listsName))!$\(letters)$2:$\(letters)$\(validation.options.count + 1)")
      }
      formulas.append(sheetFormulas)
    }
    guard !listColumns.isEmpty else { return (sheets, formulas) }
    guard listColumns.count <= maximumColumns else {
      throw .tooManyColumns(sheet: listsName, count: listColumns.count, limit: maximumColumns)
    }
    let height = listColumns.map(\.count).max() ?? 0
    let rows = (0..<height).map { row in
      listColumns.map { row < $0.count ? XLSXCell.text($0[row]) : .empty }
    }
    let lists = XLSXSheet(
      name: listsName, columns: listHeaders.map { XLSXColumn(header: $0) }, rows: rows, freezeHeader: false,
      autoFilter: false, hidden: true)
    return (sheets + [lists], formulas + [[]])
  }

  /// `Lists`, or `Lists 2`, `Lists 3`, ... if the caller already has a sheet of that name.
  private static func uniqueListsSheetName(avoiding sheets: [XLSXSheet]) -> String {
    let taken = Set(sheets.map { $0.name.lowercased() })
    var name = "Lists"
    var number = 2
    while taken.contains(name.lowercased()) {
      name = "Lists \(number)"
      number += 1
    }
    return name
  }
}
