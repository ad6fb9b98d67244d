import Foundation

/// What a file is and how it reads, without keeping its rows: for `voices inspect --format
/// summary` and the ingest benchmark, so a file of millions of rows is described in constant
/// memory (CSV and XLSX rows are streamed record by record).
public struct TableDescription: Sendable, Equatable {
  public var format: TableReader.Format
  public var records: Int
  public var widestRecord: Int
  public var bytes: Int
  /// CSV: the encoding detected.
  public var encoding: String?
  /// CSV: the separator detected.
  public var separator: String?
  /// XLSX: every sheet's name, in workbook order.
  public var sheets: [String]?
  public var warnings: [ReadWarning]

  /// Reads a file through and describes it.
  ///
  /// - Throws: The reader's error for the file, as `TableReader.read` would.
  public static func read(contentsOf url: URL, file: String, sheet: SheetSelector? = nil, limits: ReadLimits = .standard) throws -> TableDescription {
    let bytes = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    switch try TableReader.format(of: url, file: file) {
    case .csv:
      var records = 0, widest = 0
      let summary = try CSVReader.forEachRecord(contentsOf: url, file: file, limits: limits) { record in
        records += 1
        widest = max(widest, record.fields.count)
      }
      return TableDescription(format: .csv, records: records, widestRecord: widest, bytes: bytes,
                              encoding: "\(summary.encoding)", separator: "\(summary.dialect)", sheets: nil, warnings: summary.warnings)
    case .xlsx:
      var records = 0, widest = 0
      try XLSXReader.forEachRecord(contentsOf: url, file: file, sheet: sheet, limits: limits) { record in
        records += 1
        widest = max(widest, record.fields.count)
      }
      let sheets = try XLSXReader.sheetNames(contentsOf: url, file: file, limits: limits)
      return TableDescription(format: .xlsx, records: records, widestRecord: widest,
                              bytes: bytes, encoding: nil, separator: nil, sheets: sheets, warnings: [])
    }
  }
}
