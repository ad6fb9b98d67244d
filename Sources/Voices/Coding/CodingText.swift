/// The bridge between comment text and the engine's tokens.
///
/// INTERIM: until the Text module (normaliser, tokenizer, negation and clause marks, spelling
/// folding, abbreviations, Porter2 stemmer) is merged, this splits on ASCII letters/digits and
/// apostrophes, lower-cases, and uses the word itself as its stem. Patterns are written so they
/// work with and without stemming (`wait*`), and nothing else in Coding depends on this file's
/// internals. Offsets are UTF-8 byte offsets into the original string.
enum CodingText {
  static let clauseWords: Set<String> = ["but", "although", "though", "however", "except", "whereas", "yet"]
  static let negators: Set<String> = ["no", "not", "never", "without", "nothing", "none", "nobody", "hardly", "cannot", "cant", "nor", "neither", "noone"]

  static func tokens(of text: String) -> [CodingToken] {
    var out: [CodingToken] = []
    var clause = 0
    var bytes = Array(text.utf8)
    bytes.withUnsafeMutableBufferPointer { buf in
      var i = 0
      let n = buf.count
      while i < n {
        let b = buf[i]
        if isWordByte(b) {
          let start = i
          var word: [UInt8] = []
          while i < n {
            let c = buf[i]
            if isWordByte(c) {
              word.append(c >= 0x41 && c <= 0x5A ? c + 32 : c)
              i += 1
            } else if c == UInt8(ascii: "@"), i + 4 < n, buf[i + 1] == UInt8(ascii: "S"), buf[i + 2] == UInt8(ascii: "Q"),
                      buf[i + 3] == UInt8(ascii: "@"), isLetter(buf[i + 4]) {
              // SmartSurvey writes an apostrophe as @SQ@; read "don@SQ@t" as "don't".
              word.append(0x27)
              i += 4
            } else if (c == 0x27 || c == 0xE2) && i + 1 < n {
              // Apostrophe (ASCII or U+2019) followed by a letter stays in the word.
              let width = c == 0x27 ? 1 : 3
              if c == 0xE2 && !(i + 2 < n && buf[i + 1] == 0x80 && buf[i + 2] == 0x99) { break }
              guard i + width < n, isLetter(buf[i + width]) else { break }
              word.append(0x27)
              i += width
            } else { break }
          }
          let form = String(decoding: word, as: UTF8.self)
          if clauseWords.contains(form) { clause += 1 }
          let negator = negators.contains(form) || form.hasSuffix("n't")
          out.append(CodingToken(start: start, end: i, form: form, stem: form, clause: clause, isNegator: negator))
        } else {
          if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: ";")
            || b == UInt8(ascii: ":") || b == UInt8(ascii: ",") || b == 0x0A || b == UInt8(ascii: "(") || b == UInt8(ascii: ")") {
            if let last = out.last, last.clause == clause { clause += 1 }
          }
          i += 1
        }
      }
    }
    return out
  }

  @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
  @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { isLetter(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "&") }

  /// The text between two offsets of `tokens(of:)`.
  static func slice(_ text: String, start: Int, end: Int) -> String {
    let utf8 = text.utf8
    guard start >= 0, end <= utf8.count, start <= end else { return "" }
    let a = utf8.index(utf8.startIndex, offsetBy: start), b = utf8.index(utf8.startIndex, offsetBy: end)
    return String(decoding: utf8[a..<b], as: UTF8.self)
  }
}
