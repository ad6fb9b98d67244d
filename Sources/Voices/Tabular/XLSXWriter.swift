import Foundation

/// Writes Excel workbooks (`.xlsx`) that Excel, LibreOffice and openpyxl open without repairs:
/// review sheets with a frozen, bold header row, filters, wrapped text, set column widths and
/// drop-down lists.
///
/// The package holds exactly the parts a minimal Excel workbook has: `[Content_Types].xml`,
/// `_rels/.rels`, `docProps/app.xml` and `core.xml`, `xl/workbook.xml` and its relationships,
/// `xl/styles.xml`, `xl/sharedStrings.xml` (text is stored once and referenced by index, as
/// Excel writes it) and one `xl/worksheets/sheetN.xml` per sheet. Drop-down lists too long or
/// awkward for an inline list go to a hidden sheet, `Lists`, placed after the caller's sheets.
///
/// Output is deterministic: the same sheets always give the same bytes (fixed timestamps in
/// the ZIP and in `core.xml`), so a written file can be diffed or checked against a fixture.
///
/// Everything is checked before anything is built (`XLSXWriteError`), so a workbook Excel
/// would refuse is never written.
public enum XLSXWriter {
  /// Excel's limits (ECMA-376 and Excel's specifications).
  static let maximumRows = 1_048_576
  static let maximumColumns = 16_384
  static let maximumCellCharacters = 32_767
  static let maximumSheetNameCharacters = 31
  /// An inline list (`"a,b,c"`) and a validation's prompt or error message: 255 characters.
  static let maximumListCharacters = 255
  static let maximumMessageCharacters = 255

  /// Cell style indexes in `styles.xml` (`cellXfs`).
  enum Style: Int {
    case normal = 0, header = 1, wrapped = 2, top = 3
  }

  /// Builds the workbook in memory.
  ///
  /// - Parameter sheets: The sheets in tab order; the first visible one is selected.
  /// - Returns: The bytes of the `.xlsx` file.
  /// - Throws: `XLSXWriteError` when a sheet breaks a rule Excel enforces.
  /// - Complexity: O(n) in the number of cells and the length of their text.
  public static func write(_ sheets: [XLSXSheet]) throws(XLSXWriteError) -> [UInt8] {
    try check(sheets)
    var strings = SharedStrings()
    let (allSheets, formulas) = try addListsSheet(to: sheets)
    var zip = ZIPWriter()
    do {
      // Sheets first, so the shared strings table is complete when it is written.
      var sheetParts: [[UInt8]] = []
      for (index, sheet) in allSheets.enumerated() {
        let selected = index == allSheets.firstIndex { !$0.hidden }
        sheetParts.append(worksheetXML(sheet, listFormulas: formulas[index], selected: selected, strings: &strings))
      }
      try zip.add("[Content_Types].xml", contentTypesXML(sheetCount: allSheets.count))
      try zip.add("_rels/.rels", rootRelationshipsXML())
      try zip.add("docProps/app.xml", appXML())
      try zip.add("docProps/core.xml", coreXML())
      try zip.add("xl/workbook.xml", workbookXML(allSheets))
      try zip.add("xl/_rels/workbook.xml.rels", workbookRelationshipsXML(sheetCount: allSheets.count))
      try zip.add("xl/styles.xml", stylesXML())
      try zip.add("xl/sharedStrings.xml", strings.xml())
      for (index, part) in sheetParts.enumerated() {
        try zip.add("xl/worksheets/sheet\(index + 1).xml", part)
      }
      return try zip.finish()
    } catch {
      throw .archive(error)
    }
  }

  /// Builds the workbook and writes it to `url` atomically (see `AtomicFile`).
  ///
  /// - Throws: `XLSXWriteError` for the sheets, `AtomicFileError` for the disk; in both cases
  ///   any file already at `url` is left as it was.
  public static func write(_ sheets: [XLSXSheet], to url: URL) throws {
    try AtomicFile.write(try write(sheets), to: url)
  }

  /// The text table behind `xl/sharedStrings.xml`: each distinct string once, in first-use
  /// order, with the count of references Excel records.
  struct SharedStrings {
    private(set) var strings: [String] = []
    private var indexes: [String: Int] = [:]
    private(set) var references = 0

    mutating func index(of text: String) -> Int {
      references += 1
      if let index = indexes[text] { return index }
      indexes[text] = strings.count
      strings.append(text)
      return strings.count - 1
    }

    func xml() -> [UInt8] {
      var out = Array(XLSXWriter.xmlDeclaration.utf8)
      out += Array("<sst xmlns=\"\(XLSXWriter.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(strings.count)\">".utf8)
      for text in strings {
        out += Array((XLSXWriter.needsPreserve(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>").utf8)
        XLSXWriter.appendEscapedText(text, to: &out)
        out += Array("</t></si>".utf8)
      }
      out += Array("</sst>".utf8)
      return out
    }
  }
}
