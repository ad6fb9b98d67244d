/// Why a CSV file could not be read. Each case says where, so the message can point at the
/// line (and field) to fix.
///
/// `column` in a location is the 1-based field index within the record.
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A quoted field opened at `at` (its line and field) and the file ended before it closed.
  case unterminatedQuote(at: SourceLocation)
  /// Text follows the closing quote of a quoted field, as in `"abc"def`: usually a quote inside
  /// a quoted field that was not doubled, which makes every later boundary doubtful.
  case textAfterClosingQuote(at: SourceLocation)
  /// A field is longer than `ReadLimits.maximumFieldBytes`; `at` is where it starts.
  case fieldTooLarge(at: SourceLocation, limit: Int)
  /// A record has more fields than `ReadLimits.maximumFieldsPerRecord`.
  case tooManyFields(at: SourceLocation, limit: Int)
  /// The file holds more than `ReadLimits.maximumCells` fields in all; `at` is the record
  /// that crossed the limit. Only when the whole table is kept in memory: streaming reads
  /// hold one record at a time.
  case tooManyCells(at: SourceLocation, limit: Int)
  /// The file's fields hold more than `ReadLimits.maximumTextBytes` of text in all (whole-table
  /// reads only, as for `tooManyCells`).
  case tooMuchText(at: SourceLocation, limit: Int)
  /// A NUL byte: no CSV text contains one; it means a binary file or UTF-16 without a BOM.
  case nulByte(at: SourceLocation)
  /// The file starts with a UTF-16 byte order mark but its bytes are not UTF-16.
  case invalidUTF16(at: SourceLocation, byteOffset: Int, reason: String)
  /// The operating system could not open or read the file.
  case unreadableFile(file: String, reason: String)

  public var description: String {
    switch self {
    case .unterminatedQuote(let at):
      "\(at): quoted field opened here never closes"
    case .textAfterClosingQuote(let at):
      "\(at): text follows the closing quote of a quoted field (a quote inside a quoted field must be doubled as \"\")"
    case .fieldTooLarge(let at, let limit):
      "\(at): field is larger than the limit of \(limit) bytes"
    case .tooManyFields(let at, let limit):
      "\(at): record has more than \(limit) fields"
    case .tooManyCells(let at, let limit):
      "\(at): the file has more than \(limit) fields in all, too many to hold as one table"
    case .tooMuchText(let at, let limit):
      "\(at): the file's fields hold more than \(limit) bytes of text in all, too much to hold as one table"
    case .nulByte(let at):
      "\(at): NUL byte in the text; this is not a CSV text file (binary, or UTF-16 without a byte order mark?)"
    case .invalidUTF16(let at, let byteOffset, let reason):
      "\(at): invalid UTF-16 at byte offset \(byteOffset): \(reason)"
    case .unreadableFile(let file, let reason):
      "\(file): cannot read file: \(reason)"
    }
  }
}
