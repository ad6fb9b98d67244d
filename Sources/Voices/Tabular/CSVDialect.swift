/// How a CSV file separates fields: the delimiter byte and the quote byte.
///
/// Survey exports use comma; European Excel writes semicolon; some tools write tab. When a
/// caller does not give a dialect the reader sniffs one with `sniff(_:isComplete:)`.
public struct CSVDialect: Sendable, Equatable, CustomStringConvertible {
  /// The byte between fields (ASCII).
  public var delimiter: UInt8
  /// The byte that opens and closes a quoted field (ASCII).
  public var quote: UInt8

  public init(delimiter: UInt8 = UInt8(ascii: ","), quote: UInt8 = UInt8(ascii: "\"")) {
    self.delimiter = delimiter
    self.quote = quote
  }

  public static let comma = CSVDialect(delimiter: UInt8(ascii: ","))
  public static let semicolon = CSVDialect(delimiter: UInt8(ascii: ";"))
  public static let tab = CSVDialect(delimiter: UInt8(ascii: "\t"))

  public var description: String {
    switch delimiter {
    case UInt8(ascii: ","): "comma"
    case UInt8(ascii: ";"): "semicolon"
    case UInt8(ascii: "\t"): "tab"
    default: "delimiter 0x\(String(delimiter, radix: 16, uppercase: true))"
    }
  }
}

extension CSVDialect {
  /// How many records and bytes the sniffer looks at.
  static let sniffRecordLimit = 50
  static let sniffByteLimit = 64 << 10

  /// Guesses the delimiter from the start of a file.
  ///
  /// For each candidate (comma, semicolon, tab) it splits the sample into records and fields,
  /// honouring quotes, and counts how many records have the most common field count. The
  /// candidate with the most such records wins, then the one with more fields per record; a
  /// remaining tie goes to comma, then semicolon. A candidate that never splits a record counts
  /// for nothing, so a one-column file reads as comma-separated.
  ///
  /// - Parameters:
  ///   - sample: The first bytes of the text, as UTF-8 (or Windows-1252: only ASCII matters).
  ///   - isComplete: Whether the sample is the whole file; if not, its last record may be cut
  ///     short and is ignored.
  static func sniff(_ sample: UnsafeBufferPointer<UInt8>, isComplete: Bool) -> CSVDialect {
    var best = CSVDialect.comma
    var bestScore = (0, 0)
    for candidate in [CSVDialect.comma, .semicolon, .tab] {
      let counts = fieldCounts(in: sample, delimiter: candidate.delimiter, isComplete: isComplete)
      var frequency: [Int: Int] = [:]
      for c in counts { frequency[c, default: 0] += 1 }
      guard let mode = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), mode.key > 1
      else { continue }
      let score = (mode.value, mode.key)
      if score > bestScore {
        bestScore = score
        best = candidate
      }
    }
    return best
  }

  /// Field counts of the first records of `sample`, skipping blank lines.
  private static func fieldCounts(
    in sample: UnsafeBufferPointer<UInt8>, delimiter: UInt8, isComplete: Bool
  ) -> [Int] {
    let quote = UInt8(ascii: "\"")
    var counts: [Int] = []
    var inQuotes = false
    var fields = 1
    var lineHasBytes = false
    var i = 0
    let n = min(sample.count, sniffByteLimit)
    while i < n, counts.count < sniffRecordLimit {
      let b = sample[i]
      if b == quote {
        inQuotes.toggle()
        lineHasBytes = true
      } else if inQuotes {
        // Delimiters and line ends inside quotes belong to the field.
      } else if b == delimiter {
        fields += 1
        lineHasBytes = true
      } else if b == 0x0A || b == 0x0D {
        if lineHasBytes { counts.append(fields) }
        fields = 1
        lineHasBytes = false
      } else {
        lineHasBytes = true
      }
      i += 1
    }
    if lineHasBytes, counts.count < sniffRecordLimit, isComplete, n == sample.count {
      counts.append(fields)
    }
    return counts
  }
}
