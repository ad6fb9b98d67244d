import Foundation

/// What kind of personal data a redacted span held; the raw value is the name written in
/// JSON output (`"nhs-number"`), the marker is what replaces it in the text (`[nhs number]`).
public enum RedactionKind: String, Sendable, Equatable, Hashable, CaseIterable {
  case name, school, email, phone, postcode
  case nhsNumber = "nhs-number"
  case dateOfBirth = "date-of-birth"
  case url
  case address

  /// The marker that stands in the redacted text where the personal data was.
  public var marker: String {
    switch self {
    case .name: "[name]"
    case .school: "[school]"
    case .email: "[email]"
    case .phone: "[phone]"
    case .postcode: "[postcode]"
    case .nhsNumber: "[nhs number]"
    case .dateOfBirth: "[date of birth]"
    case .url: "[url]"
    case .address: "[address]"
    }
  }
}

/// One stretch of the original text that was replaced by a marker.
///
/// Offsets count **Unicode scalars** of the original text (not UTF-8 bytes, not `Character`s,
/// not UTF-16 units): `start` is the first scalar replaced, `end` the one after the last, so
/// `Array(original.unicodeScalars)[start..<end]` is the personal data. Scalars are what
/// JSON consumers in most languages can index without knowing Swift's grapheme rules (Python
/// `str` indexes code points).
public struct RedactedSpan: Sendable, Equatable, Hashable {
  public var kind: RedactionKind
  public var start: Int
  public var end: Int

  public init(kind: RedactionKind, start: Int, end: Int) {
    self.kind = kind
    self.start = start
    self.end = end
  }
}

/// A text with its personal data replaced by markers, and where each replacement was.
public struct Redaction: Sendable, Equatable {
  /// The text with every span replaced by its kind's marker.
  public var text: String
  /// The replaced spans in order, with offsets into the original text (Unicode scalars).
  public var spans: [RedactedSpan]

  public init(text: String, spans: [RedactedSpan]) {
    self.text = text
    self.spans = spans
  }
}

/// Names of people and schools a workspace knows about, redacted wherever they appear in any
/// case, as whole words; added to the built-in lists, never replacing them.
public struct RedactionLists: Sendable, Equatable {
  public var names: [String]
  public var schools: [String]

  public init(names: [String] = [], schools: [String] = []) {
    self.names = names
    self.schools = schools
  }

  /// Reads a list file: one entry per line; blank lines and lines starting with `#` skipped;
  /// a UTF-8 BOM and surrounding spaces are ignored.
  public static func entries(inListText text: String) -> [String] {
    var entries: [String] = []
    for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
      var entry = line.trimmingCharacters(in: .whitespaces)
      if entry.hasPrefix("\u{FEFF}") { entry.removeFirst() }
      if entry.isEmpty || entry.hasPrefix("#") { continue }
      entries.append(entry)
    }
    return entries
  }
}
