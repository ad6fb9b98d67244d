extension XMLScanner {
  /// Decodes entity and character references, and normalises line ends as XML requires:
  /// CR LF and lone CR become LF; in attributes, tab, CR and LF become a space.
  ///
  /// - Throws: `XMLError.badEntity` for an unknown entity, a reference that never ends, or a
  ///   character reference to a code point XML does not allow.
  func decode(_ range: Range<Int>, into out: inout [UInt8], isAttribute: Bool) throws(XMLError) {
    out.reserveCapacity(out.count + range.count)
    var i = range.lowerBound
    let end = range.upperBound
    while i < end {
      let b = bytes[i]
      if b == UInt8(ascii: "&") {
        var semicolon = i + 1
        while semicolon < end, semicolon - i <= 12, bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < end, bytes[semicolon] == UInt8(ascii: ";") else {
          throw .badEntity(at: location(of: i), entity: string(i..<min(end, i + 12)))
        }
        let body = bytes[(i + 1)..<semicolon]
        if body.elementsEqual("lt") {
          out.append(UInt8(ascii: "<"))
        } else if body.elementsEqual("gt") {
          out.append(UInt8(ascii: ">"))
        } else if body.elementsEqual("amp") {
          out.append(UInt8(ascii: "&"))
        } else if body.elementsEqual("quot") {
          out.append(UInt8(ascii: "\""))
        } else if body.elementsEqual("apos") {
          out.append(UInt8(ascii: "'"))
        } else if body.first == UInt8(ascii: "#"), let scalar = Self.characterReference(body.dropFirst()) {
          Self.appendUTF8(scalar, to: &out)
        } else {
          throw .badEntity(at: location(of: i), entity: string(i..<(semicolon + 1)))
        }
        i = semicolon + 1
      } else if b == 0x0D {
        out.append(isAttribute ? 0x20 : 0x0A)
        i += (i + 1 < end && bytes[i + 1] == 0x0A) ? 2 : 1
      } else if isAttribute, b == 0x0A || b == 0x09 {
        out.append(0x20)
        i += 1
      } else {
        out.append(b)
        i += 1
      }
    }
  }

  /// The scalar of `#123` or `#x1F600` (without the `#`), if it is a character XML allows.
  static func characterReference(_ digits: ArraySlice<UInt8>) -> Unicode.Scalar? {
    var rest = digits
    var radix: UInt32 = 10
    if rest.first == UInt8(ascii: "x") {
      radix = 16
      rest = rest.dropFirst()
    }
    guard !rest.isEmpty, rest.count <= 8 else { return nil }
    var value: UInt32 = 0
    for b in rest {
      let digit: UInt32
      switch b {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(b - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(b - UInt8(ascii: "A") + 10)
      default: return nil
      }
      value = value * radix + digit
    }
    // XML 1.0 Char: tab, LF, CR, and everything from space up except surrogates, FFFE, FFFF.
    let allowed =
      value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
      || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    return allowed ? Unicode.Scalar(value) : nil
  }

  static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
    UTF8.encode(scalar) { out.append($0) }
  }

  static func appendNormalisingNewlines(_ slice: ArraySlice<UInt8>, to out: inout [UInt8]) {
    var previousCR = false
    for b in slice {
      if b == 0x0D {
        out.append(0x0A)
        previousCR = true
      } else {
        if !(b == 0x0A && previousCR) { out.append(b) }
        previousCR = false
      }
    }
  }
}
