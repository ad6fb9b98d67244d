/// Why a ZIP archive (such as an `.xlsx` file) could not be read.
///
/// Every case names the archive as the user gave it and, where there is one, the entry inside
/// it, so a message reads `exports/x.xlsx: entry xl/worksheets/sheet1.xml ...`.
public enum ZIPError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No end-of-central-directory record: the file is not a ZIP archive at all.
  case notAZIPArchive(file: String)
  /// The archive is cut short or its directory points outside the file.
  case truncated(file: String, detail: String)
  /// The central directory is inconsistent (bad signature, spanned archive, overflow).
  case corruptDirectory(file: String, detail: String)
  /// The archive has no entry with this name.
  case entryNotFound(file: String, entry: String)
  /// The entry is encrypted; Voices never asks for passwords.
  case encryptedEntry(file: String, entry: String)
  /// The entry uses a compression method other than stored (0) or deflate (8).
  case unsupportedMethod(file: String, entry: String, method: Int)
  /// The entry's compressed data is not valid deflate data.
  case corruptData(file: String, entry: String, detail: String)
  /// The entry's data ends before its declared end.
  case truncatedEntry(file: String, entry: String)
  /// The entry did not expand to the size its directory record declares (when extraction
  /// stopped at the declared size, `actual` is a lower bound).
  case sizeMismatch(file: String, entry: String, declared: Int, actual: Int)
  /// The entry's CRC-32 does not match: the file is damaged.
  case checksumMismatch(file: String, entry: String, expected: UInt32, actual: UInt32)
  /// The entry is (or would become) larger than `ReadLimits.maximumEntryBytes`.
  case entryTooLarge(file: String, entry: String, limit: Int)
  /// The entry expands past `ReadLimits.maximumCompressionRatio` times its compressed size.
  case compressionRatioExceeded(file: String, entry: String, ratio: Int)
  /// The archive, or everything read from it, is larger than `ReadLimits.maximumArchiveBytes`.
  case archiveTooLarge(file: String, limit: Int)

  public var description: String {
    switch self {
    case .notAZIPArchive(let file):
      "\(file): not a ZIP archive (no end of central directory record); an .xlsx file is a ZIP archive, so this file is damaged or of another type"
    case .truncated(let file, let detail):
      "\(file): archive is truncated or damaged: \(detail)"
    case .corruptDirectory(let file, let detail):
      "\(file): archive directory is damaged: \(detail)"
    case .entryNotFound(let file, let entry):
      "\(file): archive has no entry \(entry)"
    case .encryptedEntry(let file, let entry):
      "\(file): entry \(entry) is encrypted; save the workbook without a password and try again"
    case .unsupportedMethod(let file, let entry, let method):
      "\(file): entry \(entry) uses compression method \(method); only stored (0) and deflate (8) are supported"
    case .corruptData(let file, let entry, let detail):
      "\(file): entry \(entry) has damaged compressed data (\(detail))"
    case .truncatedEntry(let file, let entry):
      "\(file): entry \(entry) is cut short; the file is truncated or damaged"
    case .sizeMismatch(let file, let entry, let declared, let actual):
      "\(file): entry \(entry) should hold \(declared) bytes but holds \(actual > declared ? "at least " : "")\(actual)"
    case .checksumMismatch(let file, let entry, let expected, let actual):
      "\(file): entry \(entry) fails its CRC-32 check (expected \(hex(expected)), found \(hex(actual))); the file is damaged"
    case .entryTooLarge(let file, let entry, let limit):
      "\(file): entry \(entry) is larger than the limit of \(limit) bytes; refused"
    case .compressionRatioExceeded(let file, let entry, let ratio):
      "\(file): entry \(entry) expands past \(ratio)x its compressed size (possible ZIP bomb); refused"
    case .archiveTooLarge(let file, let limit):
      "\(file): archive holds more than the limit of \(limit) bytes; refused"
    }
  }

  private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }
}
