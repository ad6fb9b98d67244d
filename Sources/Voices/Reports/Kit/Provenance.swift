import Foundation

/// What a report was built from, so a reader can check it and a rebuild can reproduce it.
///
/// Every input file is named with its SHA-256; the codebook and model versions, the Voices
/// version and the rules applied (thresholds, suppression) are listed in words. The build time
/// comes from `SOURCE_DATE_EPOCH` when it is set (the reproducible-builds convention), else from
/// the caller, else it is left out: the toolkit never reads the clock, so the same inputs give
/// the same bytes.
struct Provenance: Equatable, Sendable {
  struct InputFile: Equatable, Sendable {
    /// The path as the report should show it (usually relative to the workspace).
    var path: String
    /// Lower-case hexadecimal SHA-256 of the file's bytes.
    var sha256: String
  }

  var inputs: [InputFile]
  var codebookVersion: String?
  var modelVersion: String?
  var voicesVersion: String = Voices.version
  /// Thresholds and suppression rules, each a sentence (e.g. "Counts below 5 are suppressed.").
  var rules: [String] = []
  /// Seconds since 1970-01-01 UTC; `nil` leaves the date out.
  var builtAt: Int64?

  init(inputs: [InputFile], codebookVersion: String? = nil, modelVersion: String? = nil, voicesVersion: String = Voices.version,
       rules: [String] = [], builtAt: Int64? = nil)
  {
    self.inputs = inputs
    self.codebookVersion = codebookVersion
    self.modelVersion = modelVersion
    self.voicesVersion = voicesVersion
    self.rules = rules
    self.builtAt = builtAt
  }

  /// An input file's entry, with the digest taken from its bytes (streamed).
  ///
  /// - Parameters:
  ///   - url: Where to read the file.
  ///   - path: How the report names it; defaults to the file name.
  static func input(fileAt url: URL, path: String? = nil) throws(SHA256Error) -> InputFile {
    InputFile(path: path ?? url.lastPathComponent, sha256: SHA256.hex(try SHA256.hash(fileAt: url)))
  }

  /// The build time: `SOURCE_DATE_EPOCH` from `environment` when set, else `fallback`.
  ///
  /// The caller passes the environment (`ProcessInfo.processInfo.environment` in the tool), so
  /// tests can set it without touching the process.
  ///
  /// - Throws: `ProvenanceError.invalidSourceDateEpoch` when the variable is set but is not a
  ///   whole number of seconds.
  static func buildTime(environment: [String: String], fallback: Int64? = nil) throws(ProvenanceError) -> Int64? {
    guard let raw = environment["SOURCE_DATE_EPOCH"] else { return fallback }
    let text = raw.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
          let seconds = Int64(text), seconds <= 253_402_300_799  // 9999-12-31T23:59:59Z
    else { throw .invalidSourceDateEpoch(raw) }
    return seconds
  }

  /// `builtAt` as ISO 8601 UTC ("2024-03-01T09:30:00Z"), computed without locale or calendar
  /// settings so every machine writes the same text.
  var builtAtISO: String? { builtAt.map(Self.iso8601) }

  static func iso8601(_ seconds: Int64) -> String {
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secs = seconds - days * 86_400
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
    let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
    return "\(yearText)-\(two(month))-\(two(day))T\(two(secs / 3600)):\(two(secs % 3600 / 60)):\(two(secs % 60))Z"
  }
}

/// Why provenance could not be recorded.
enum ProvenanceError: Error, Equatable, Sendable, CustomStringConvertible {
  case invalidSourceDateEpoch(String)

  var description: String {
    switch self {
    case .invalidSourceDateEpoch(let value):
      "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, found \"\(value)\""
    }
  }
}
