/// One record as the CSV parser holds it, before any field becomes a `String`: the fields'
/// UTF-8 bytes end to end (doubled quotes undone) and where each field ends.
///
/// A view that is valid only inside the call it is passed to. It exists for readers that need
/// a few columns of a wide file: the survey loader reads an id, a date and some short answers
/// from each row and, when it is not keeping free text, never makes strings of the long
/// comments at all. A `String` per field was most of the cost of reading an export.
struct RawRecord {
  /// 1-based line (CSV) or row number (XLSX) on which the record starts.
  let row: Int
  let bytes: UnsafeBufferPointer<UInt8>
  /// `ends[i]` is where field `i` ends in `bytes` (and field `i + 1` starts).
  let ends: UnsafeBufferPointer<Int>

  var count: Int { ends.count }

  /// Field `i`'s bytes.
  subscript(field: Int) -> UnsafeBufferPointer<UInt8> {
    let start = field == 0 ? 0 : ends[field - 1]
    return UnsafeBufferPointer(rebasing: bytes[start..<ends[field]])
  }

  /// Field `i` as text.
  func string(_ field: Int) -> String { String(decoding: self[field], as: UTF8.self) }

  /// The record with every field as text.
  func record() -> Record { Record(row: row, fields: (0..<count).map(string)) }

  /// Calls `body` with a view of a record already read as text (an XLSX row, a test's row).
  static func withView<Result>(of record: Record, _ body: (RawRecord) throws -> Result) rethrows -> Result {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    ends.reserveCapacity(record.fields.count)
    for field in record.fields {
      bytes.append(contentsOf: field.utf8)
      ends.append(bytes.count)
    }
    return try bytes.withUnsafeBufferPointer { b in
      try ends.withUnsafeBufferPointer { e in try body(RawRecord(row: record.row, bytes: b, ends: e)) }
    }
  }
}
