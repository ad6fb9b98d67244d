import Foundation

/// Reads one sheet of an Excel workbook (`.xlsx`), such as a Microsoft Forms export, into a
/// `Table` of strings.
///
/// What a cell becomes:
/// - text (shared, inline or formula results) exactly as stored, rich-text runs joined;
/// - numbers as Excel's General format shows them, without float noise (`0.1`, `42`), whatever
///   their decimal, percent or currency format (see `XLSXNumberFormat`);
/// - numbers formatted as dates or times as ISO 8601: `2025-02-14`, `2025-02-14T09:30:00`
///   (rounded to the second) or `09:30:00`, in the 1900 or 1904 date system;
/// - booleans as `TRUE` / `FALSE`, errors as their text (`#N/A`), ISO date cells as stored.
///
/// Shape: `Record.row` is the sheet's row number and records run from row 1 to the last row
/// with any non-empty cell, so `records[i].row == i + 1`; a row that is missing or holds only
/// empty cells is kept as a record with no fields, so row numbers stay honest. Within a row,
/// cells skipped by their references (`C5` after `A5`) become empty strings so columns line
/// up, and trailing empty cells are dropped: a row is as long as its last non-empty cell.
public enum XLSXReader {
  /// Reads one sheet of the workbook at `url`.
  ///
  /// - Parameters:
  ///   - url: The workbook file.
  ///   - file: The name used in diagnostics; defaults to the path as given in `url`.
  ///   - sheet: The sheet to read; the first sheet when nil.
  ///   - limits: Bounds that turn a hostile file into an error.
  /// - Returns: The sheet as a table; `table.file` is `file`.
  /// - Throws: `XLSXError`, `ZIPError` or `XMLError`, each naming the file.
  public static func read(
    contentsOf url: URL, file: String? = nil, sheet: SheetSelector? = nil, limits: ReadLimits = .standard
  ) throws -> Table {
    let name = file ?? url.relativePath
    return try read(bytes: try load(url, file: name, limits: limits), file: name, sheet: sheet, limits: limits)
  }

  /// Reads one sheet of a workbook held in memory.
  ///
  /// - Complexity: O(n) in the size of the sheet's XML, scanned once as UTF-8 bytes.
  public static func read(
    bytes: [UInt8], file: String, sheet: SheetSelector? = nil, limits: ReadLimits = .standard
  ) throws -> Table {
    var records: [Record] = []
    try forEachRecord(bytes: bytes, file: file, sheet: sheet, limits: limits) { records.append($0) }
    return Table(file: file, records: records)
  }

  /// Streams one sheet of the workbook at `url` record by record, as `read` would return them,
  /// without holding the table: memory is the workbook, its sheet's XML and one row.
  ///
  /// - Throws: As `read`, or whatever `body` throws.
  public static func forEachRecord(
    contentsOf url: URL, file: String? = nil, sheet: SheetSelector? = nil, limits: ReadLimits = .standard,
    _ body: (Record) throws -> Void
  ) throws {
    let name = file ?? url.relativePath
    try forEachRecord(bytes: try load(url, file: name, limits: limits), file: name, sheet: sheet, limits: limits, body)
  }

  /// Streams one sheet of a workbook held in memory record by record.
  static func forEachRecord(
    bytes: [UInt8], file: String, sheet: SheetSelector?, limits: ReadLimits, _ body: (Record) throws -> Void
  ) throws {
    var zip = try ZIPArchive(bytes: bytes, file: file, limits: limits)
    let workbook = try XLSXWorkbook(zip: &zip, limits: limits)
    let (chosen, index) = try workbook.sheet(sheet)
    let partName = chosen.part ?? "xl/worksheets/sheet\(index).xml"
    guard let part = zip.entry(named: partName) else {
      throw XLSXError.missingPart(file: file, entry: partName)
    }
    var strings: [String] = []
    if let shared = workbook.sharedStringsPart {
      strings = try XLSXWorkbook.sharedStrings(try zip.extract(named: shared), file: file, entry: shared, limits: limits)
    }
    var formats: [XLSXNumberFormat] = []
    if let styles = workbook.stylesPart {
      formats = try XLSXWorkbook.cellFormats(try zip.extract(named: styles), file: file, entry: styles, limits: limits)
    }
    var parser = XLSXSheetParser(
      bytes: try zip.extract(part), file: file, entry: part.name, sharedStrings: strings, formats: formats,
      date1904: workbook.date1904, limits: limits)
    try parser.forEachRecord(body)
  }

  /// The names of the workbook's sheets in tab order (hidden sheets included).
  public static func sheetNames(contentsOf url: URL, file: String? = nil, limits: ReadLimits = .standard) throws -> [String] {
    let name = file ?? url.relativePath
    return try sheetNames(bytes: try load(url, file: name, limits: limits), file: name, limits: limits)
  }

  /// The names of the sheets of a workbook held in memory, in tab order.
  public static func sheetNames(bytes: [UInt8], file: String, limits: ReadLimits = .standard) throws -> [String] {
    var zip = try ZIPArchive(bytes: bytes, file: file, limits: limits)
    return try XLSXWorkbook(zip: &zip, limits: limits).sheets.map(\.name)
  }

  private static func load(_ url: URL, file: String, limits: ReadLimits) throws -> [UInt8] {
    let size: Int
    do {
      let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
      size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    } catch {
      throw XLSXError.unreadable(file: file, reason: "no such file, or it cannot be opened")
    }
    guard size <= limits.maximumArchiveBytes else {
      throw ZIPError.archiveTooLarge(file: file, limit: limits.maximumArchiveBytes)
    }
    do {
      return [UInt8](try Data(contentsOf: url))
    } catch {
      throw XLSXError.unreadable(file: file, reason: error.localizedDescription)
    }
  }
}
