import Foundation

/// Replaces personal data in free text with markers such as `[name]` and `[phone]`, so a quote
/// can go into a review sheet or a report.
///
/// Everything is found by scanning UTF-8 bytes and a token list once per text, with hash-set
/// look-ups for names; nothing is compiled per text. What it finds, and why each rule is as
/// strict or as loose as it is, is described on the extension for each concern
/// (`Redactor+Contacts`, `Redactor+Dates`, `Redactor+Names`, `Redactor+Schools`); the corpora in
/// `Tests/VoicesTests/Fixtures/privacy` measure it.
///
/// When two findings overlap the more specific wins, in this order: email, URL, NHS number,
/// phone, postcode, date of birth, address, school, name. Names next to each other ("Jack Smith")
/// become one `[name]`.
public struct Redactor: Sendable {
  /// Hashes of workspace entries: first token hash → every entry starting with it, as token
  /// hashes, longest first.
  let listedNames: [UInt64: [[UInt64]]]
  let listedSchools: [UInt64: [[UInt64]]]
  let names: NameTable

  /// - Parameter lists: Names of people and schools this workspace knows, added to the
  ///   built-in lists.
  public init(lists: RedactionLists = RedactionLists()) {
    listedNames = Redactor.compile(lists.names)
    listedSchools = Redactor.compile(lists.schools)
    names = NameTable.shared
  }

  /// Redacts many texts on every core; `result[i]` is `redact(texts[i])`.
  public func redact(all texts: [String]) -> [Redaction] {
    let parts = texts.count < 1024 ? 1 : 32
    return parallelMap(parts) { part in
      texts[(texts.count * part / parts)..<(texts.count * (part + 1) / parts)].map(redact)
    }.flatMap { $0 }
  }

  /// Redacts one text.
  ///
  /// - Parameter text: A comment or quote.
  /// - Returns: The text with markers, and the replaced spans in Unicode scalar offsets of
  ///   `text`.
  /// - Complexity: O(n) in the text's length.
  public func redact(_ text: String) -> Redaction {
    var bytes = Array(text.utf8)
    if bytes.isEmpty { return Redaction(text: text, spans: []) }
    let found: [Finding] = bytes.withUnsafeMutableBufferPointer { buffer in
      let scan = Scan(UnsafeBufferPointer(buffer))
      var findings: [Finding] = []
      findEmails(scan, into: &findings)
      findSpelledEmails(scan, into: &findings)
      findURLs(scan, into: &findings)
      findNumbers(scan, into: &findings)
      findPostcodes(scan, into: &findings)
      findDatesOfBirth(scan, into: &findings)
      findAddresses(scan, into: &findings)
      findListed(listedSchools, kind: .school, scan, into: &findings)
      findSchools(scan, into: &findings)
      findListed(listedNames, kind: .name, scan, into: &findings)
      findNames(scan, into: &findings)
      return Redactor.resolve(findings, in: scan)
    }
    if found.isEmpty { return Redaction(text: text, spans: []) }
    return Redactor.apply(found, to: &bytes)
  }

  /// Keeps the first-found of overlapping findings (detectors run most specific first), sorts
  /// them, and joins names separated only by spaces or a hyphen.
  static func resolve(_ findings: [Finding], in scan: Scan) -> [Finding] {
    var kept: [Finding] = []
    for finding in findings where finding.start < finding.end {
      if !kept.contains(where: { $0.start < finding.end && finding.start < $0.end }) { kept.append(finding) }
    }
    kept.sort { $0.start < $1.start }
    var merged: [Finding] = []
    for finding in kept {
      if let last = merged.last, last.kind == .name, finding.kind == .name,
         scan.onlyJoiners(from: last.end, to: finding.start) {
        merged[merged.count - 1].end = finding.end
      } else {
        merged.append(finding)
      }
    }
    return merged
  }

  /// Builds the redacted text and converts byte offsets to Unicode scalar offsets.
  static func apply(_ findings: [Finding], to bytes: inout [UInt8]) -> Redaction {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    var spans: [RedactedSpan] = []
    var scalars = 0, position = 0
    func advance(to end: Int) {
      while position < end {
        if bytes[position] & 0xC0 != 0x80 { scalars += 1 }
        position += 1
      }
    }
    var copied = 0
    for finding in findings {
      out += bytes[copied..<finding.start]
      out += Array(finding.kind.marker.utf8)
      copied = finding.end
      advance(to: finding.start)
      let start = scalars
      advance(to: finding.end)
      spans.append(RedactedSpan(kind: finding.kind, start: start, end: scalars))
    }
    out += bytes[copied...]
    return Redaction(text: String(decoding: out, as: UTF8.self), spans: spans)
  }

  /// Tokenises each list entry the way texts are tokenised, so "St Mary's" matches "st mary’s".
  static func compile(_ entries: [String]) -> [UInt64: [[UInt64]]] {
    var table: [UInt64: [[UInt64]]] = [:]
    for entry in entries {
      let bytes = Array(entry.utf8)
      let hashes: [UInt64] = bytes.withUnsafeBufferPointer { Scan($0).tokens.map(\.hash) }
      guard let first = hashes.first else { continue }
      table[first, default: []].append(hashes)
    }
    for key in table.keys { table[key]?.sort { $0.count > $1.count } }
    return table
  }

  /// Whole-token matches of workspace entries, in any case.
  func findListed(_ table: [UInt64: [[UInt64]]], kind: RedactionKind, _ scan: Scan, into findings: inout [Finding]) {
    guard !table.isEmpty else { return }
    let tokens = scan.tokens
    var i = 0
    while i < tokens.count {
      if let entries = table[tokens[i].hash] {
        for entry in entries where i + entry.count <= tokens.count {
          var ok = true
          for k in 0..<entry.count where tokens[i + k].hash != entry[k] { ok = false; break }
          if ok {
            findings.append(Finding(kind: kind, start: tokens[i].start, end: tokens[i + entry.count - 1].end))
            i += entry.count - 1
            break
          }
        }
      }
      i += 1
    }
  }
}

/// A stretch of bytes to replace.
struct Finding: Equatable {
  var kind: RedactionKind
  var start: Int
  var end: Int
}
