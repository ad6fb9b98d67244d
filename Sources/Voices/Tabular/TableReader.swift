import Foundation

/// The one front door for reading an export: CSV or XLSX, chosen by the file's content.
public enum TableReader {
  /// The formats Voices reads.
  public enum Format: String, Sendable { case csv, xlsx }

  /// Reads a file into a table.
  ///
  /// The format is taken from the first bytes (a ZIP signature means XLSX), not the name, so a
  /// workbook saved as `.csv` by mistake still reads, and the error for a non-table file is
  /// clear.
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - file: Its name in messages (default: the path).
  ///   - sheet: For XLSX, the sheet to read (default: the first).
  /// - Throws: `CSVError`, `ZIPError`, `XLSXError` or `XMLError`, each naming the file and place.
  public static func read(contentsOf url: URL, file: String? = nil, sheet: SheetSelector? = nil, limits: ReadLimits = .standard) throws -> Table {
    let name = file ?? url.path
    switch try format(of: url, file: name) {
    case .xlsx: return try XLSXReader.read(contentsOf: url, file: name, sheet: sheet, limits: limits)
    case .csv: return try CSVReader.read(contentsOf: url, file: name, limits: limits)
    }
  }

  /// Which reader a file needs, from its first four bytes.
  public static func format(of url: URL, file: String) throws -> Format {
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      let exists = FileManager.default.fileExists(atPath: url.path)
      throw CSVError.unreadableFile(file: file, reason: exists ? "permission denied" : "no such file")
    }
    defer { try? handle.close() }
    let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
    return head == [0x50, 0x4B, 0x03, 0x04] ? .xlsx : .csv
  }
}
