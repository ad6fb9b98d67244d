/// Emails, URLs, UK phone numbers, NHS numbers and UK postcodes, found on bytes.
extension Redactor {
  @inline(__always) static func isEmailLocal(_ b: UInt8) -> Bool {
    b.isRedactAlphanumeric || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "%")
      || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: "'")
  }

  @inline(__always) static func isDomain(_ b: UInt8) -> Bool {
    b.isRedactAlphanumeric || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
  }

  /// `local@domain.tld`: any case, dots, plus tags and subdomains; the domain needs a dot and
  /// a final label of two or more letters.
  func findEmails(_ scan: Scan, into findings: inout [Finding]) {
    let bytes = scan.bytes
    for at in bytes.indices where bytes[at] == UInt8(ascii: "@") {
      var start = at
      while start > 0, Redactor.isEmailLocal(bytes[start - 1]) { start -= 1 }
      while start < at, bytes[start] == UInt8(ascii: ".") || bytes[start] == UInt8(ascii: "'") { start += 1 }
      guard start < at else { continue }
      var end = at + 1
      while end < bytes.count, Redactor.isDomain(bytes[end]) { end += 1 }
      while end > at + 1, !bytes[end - 1].isRedactAlphanumeric { end -= 1 }
      guard let dot = (at + 1..<end).last(where: { bytes[$0] == UInt8(ascii: ".") }), dot > at + 1,
            end - dot - 1 >= 2, (dot + 1..<end).allSatisfy({ bytes[$0].isRedactLetter }) else { continue }
      findings.append(Finding(kind: .email, start: start, end: end))
    }
  }

  /// `http://`, `https://` and `www.` addresses to the next space, less trailing punctuation.
  func findURLs(_ scan: Scan, into findings: inout [Finding]) {
    let bytes = scan.bytes, n = bytes.count
    func hasPrefix(_ i: Int, _ prefix: StaticString) -> Bool {
      let count = prefix.utf8CodeUnitCount
      guard i + count <= n else { return false }
      let p = prefix.utf8Start
      for k in 0..<count where bytes[i + k].redactLowercased != p[k] { return false }
      return true
    }
    var i = 0
    while i < n {
      let b = bytes[i] | 0x20
      if (b == UInt8(ascii: "h") || b == UInt8(ascii: "w")), i == 0 || !bytes[i - 1].isRedactAlphanumeric,
         hasPrefix(i, "http://") || hasPrefix(i, "https://") || hasPrefix(i, "www.") {
        var end = i
        while end < n, bytes[end] > 0x20, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "<"),
              bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "\"") { end += 1 }
        var opens = 0, closes = 0
        for k in i..<end { if bytes[k] == UInt8(ascii: "(") { opens += 1 } else if bytes[k] == UInt8(ascii: ")") { closes += 1 } }
        while end > i {
          let last = bytes[end - 1]
          if last == UInt8(ascii: ")"), closes > opens { closes -= 1; end -= 1; continue }
          guard last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";")
            || last == UInt8(ascii: ":") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
            || last == UInt8(ascii: "'") else { break }
          end -= 1
        }
        if end - i > 4 { findings.append(Finding(kind: .url, start: i, end: end)) }
        i = max(end, i + 1)
        continue
      }
      i += 1
    }
  }
}
