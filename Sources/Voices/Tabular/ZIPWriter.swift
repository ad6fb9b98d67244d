/// Builds a ZIP archive in memory, entry by entry, for the XLSX writer (and any later writer
/// of a ZIP-based format).
///
/// The output is deterministic: every entry carries the same DOS timestamp (1980-01-01 00:00,
/// the earliest a ZIP can say), no extra fields and no comments, so the same entries in the same
/// order always give the same bytes, and a written file can be compared byte for byte with a
/// committed fixture. Names are flagged as UTF-8 (general-purpose bit 11). Deflated entries go
/// through zlib's raw deflate (`Inflate.deflateRaw`, the same zlib the reader inflates with);
/// an entry that deflate would not shrink is stored instead.
///
/// Only classic (non-ZIP64) archives are written: entries and the whole archive must stay
/// under 4 GiB and there may be at most 65,535 entries. A review workbook is a few megabytes.
struct ZIPWriter: Sendable {
  /// How an entry's data is kept.
  enum Method: UInt16, Sendable {
    /// Kept as is (method 0).
    case stored = 0
    /// Raw deflate (method 8), falling back to stored when that would not be smaller.
    case deflated = 8
  }

  /// 1980-01-01 as an MS-DOS date: day 1, month 1 (bits 5-8), year 0 since 1980 (bits 9-15).
  static let dosDate: UInt16 = 1 << 5 | 1
  /// 00:00:00 as an MS-DOS time.
  static let dosTime: UInt16 = 0
  /// General-purpose flag bit 11: the name is UTF-8.
  static let utf8NameFlag: UInt16 = 0x0800
  /// Version 2.0: deflate, folders; what every reader accepts.
  static let version: UInt16 = 20
  /// The largest value a classic (non-ZIP64) size or offset field can hold.
  static let maximumClassicValue = Int(UInt32.max) - 1

  private struct Record {
    var name: [UInt8]
    var method: UInt16
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var offset: Int
  }

  private var output: [UInt8] = []
  private var records: [Record] = []
  private var names: Set<[UInt8]> = []

  init() {}

  /// The number of entries added so far.
  var count: Int { records.count }

  /// Appends one entry.
  ///
  /// - Parameters:
  ///   - name: The entry's path inside the archive, `/`-separated, such as `xl/workbook.xml`.
  ///   - bytes: The entry's uncompressed content.
  ///   - method: `.deflated` (the default) or `.stored`.
  /// - Throws: `ZIPWriteError` for an empty, duplicate or over-long name, or when the entry or
  ///   archive would pass the classic ZIP limits.
  mutating func add(_ name: String, _ bytes: [UInt8], method: Method = .deflated) throws(ZIPWriteError) {
    let nameBytes = Array(name.utf8)
    guard !nameBytes.isEmpty, nameBytes.count <= Int(UInt16.max) else { throw .badEntryName(name) }
    guard !names.contains(nameBytes) else { throw .duplicateEntry(name) }
    guard records.count < Int(UInt16.max) else { throw .tooManyEntries(limit: Int(UInt16.max)) }
    guard bytes.count <= Self.maximumClassicValue else { throw .entryTooLarge(name) }

    var payload = bytes
    var storedMethod = Method.stored
    if method == .deflated {
      let deflated = Inflate.deflateRaw(bytes)
      // deflateRaw returns nothing if zlib could not start; store rather than lose data.
      if !deflated.isEmpty, deflated.count < bytes.count {
        payload = deflated
        storedMethod = .deflated
      }
    }
    let offset = output.count
    let headerSize = 30 + nameBytes.count
    guard offset + headerSize + payload.count <= Self.maximumClassicValue else {
      throw .archiveTooLarge
    }
    let record = Record(
      name: nameBytes, method: storedMethod.rawValue, crc: Inflate.crc32(bytes),
      compressedSize: payload.count, uncompressedSize: bytes.count, offset: offset)

    output.reserveCapacity(output.count + headerSize + payload.count)
    output.appendLE32(0x0403_4B50)
    output.appendLE16(Self.version)
    output.appendLE16(Self.utf8NameFlag)
    output.appendLE16(record.method)
    output.appendLE16(Self.dosTime)
    output.appendLE16(Self.dosDate)
    output.appendLE32(record.crc)
    output.appendLE32(UInt32(record.compressedSize))
    output.appendLE32(UInt32(record.uncompressedSize))
    output.appendLE16(UInt16(nameBytes.count))
    output.appendLE16(0)  // extra field length
    output.append(contentsOf: nameBytes)
    output.append(contentsOf: payload)
    records.append(record)
    names.insert(nameBytes)
  }

  /// Appends the central directory and the end-of-central-directory record, and returns the
  /// whole archive.
  ///
  /// - Throws: `ZIPWriteError.archiveTooLarge` when the directory would pass 4 GiB.
  func finish() throws(ZIPWriteError) -> [UInt8] {
    var archive = output
    let directoryOffset = archive.count
    for record in records {
      archive.appendLE32(0x0201_4B50)
      archive.appendLE16(Self.version)  // version made by: MS-DOS, 2.0
      archive.appendLE16(Self.version)  // version needed to extract
      archive.appendLE16(Self.utf8NameFlag)
      archive.appendLE16(record.method)
      archive.appendLE16(Self.dosTime)
      archive.appendLE16(Self.dosDate)
      archive.appendLE32(record.crc)
      archive.appendLE32(UInt32(record.compressedSize))
      archive.appendLE32(UInt32(record.uncompressedSize))
      archive.appendLE16(UInt16(record.name.count))
      archive.appendLE16(0)  // extra field length
      archive.appendLE16(0)  // comment length
      archive.appendLE16(0)  // disk number start
      archive.appendLE16(0)  // internal attributes
      archive.appendLE32(0)  // external attributes
      archive.appendLE32(UInt32(record.offset))
      archive.append(contentsOf: record.name)
    }
    let directorySize = archive.count - directoryOffset
    guard archive.count + 22 <= Self.maximumClassicValue else { throw .archiveTooLarge }
    archive.appendLE32(0x0605_4B50)
    archive.appendLE16(0)  // this disk
    archive.appendLE16(0)  // disk with the directory
    archive.appendLE16(UInt16(records.count))
    archive.appendLE16(UInt16(records.count))
    archive.appendLE32(UInt32(directorySize))
    archive.appendLE32(UInt32(directoryOffset))
    archive.appendLE16(0)  // comment length
    return archive
  }
}

/// Why a ZIP archive could not be written.
///
/// The writer works in memory, so these are limits of the classic ZIP format or mistakes in
/// the entries a caller asked for, never I/O failures (those are `AtomicFileError`).
public enum ZIPWriteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An entry name is empty or longer than 65,535 UTF-8 bytes.
  case badEntryName(String)
  /// Two entries have the same name.
  case duplicateEntry(String)
  /// The archive would hold more entries than a classic ZIP can list.
  case tooManyEntries(limit: Int)
  /// One entry is 4 GiB or larger.
  case entryTooLarge(String)
  /// The archive would be 4 GiB or larger.
  case archiveTooLarge

  public var description: String {
    switch self {
    case .badEntryName(let name):
      "cannot write ZIP entry \"\(name)\": a name must be 1 to 65,535 bytes long"
    case .duplicateEntry(let name):
      "cannot write ZIP entry \"\(name)\" twice"
    case .tooManyEntries(let limit):
      "cannot write more than \(limit) entries in one ZIP archive"
    case .entryTooLarge(let name):
      "cannot write ZIP entry \"\(name)\": it is 4 GiB or larger"
    case .archiveTooLarge:
      "cannot write the ZIP archive: it would be 4 GiB or larger"
    }
  }
}

extension [UInt8] {
  /// Appends `value` as two little-endian bytes.
  @inline(__always) mutating func appendLE16(_ value: UInt16) {
    append(UInt8(truncatingIfNeeded: value))
    append(UInt8(truncatingIfNeeded: value >> 8))
  }

  /// Appends `value` as four little-endian bytes.
  @inline(__always) mutating func appendLE32(_ value: UInt32) {
    appendLE16(UInt16(truncatingIfNeeded: value))
    appendLE16(UInt16(truncatingIfNeeded: value >> 16))
  }
}
