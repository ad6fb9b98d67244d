import Testing
@testable import Voices

@Suite("Text normalizer") struct TextNormalizerTests {
  @Test("folds case, diacritics, quotes, dashes, spaces and ellipses",
        arguments: [
          ("Café NAÏVE Éclair", "cafe naive eclair"),
          ("don’t ‘quoted’ it`s ʼtwas ´x", "don't 'quoted' it's 'twas 'x"),
          ("“double” «guillemets»", "\"double\" \"guillemets\""),
          ("a–b—c−d‐e", "a-b-c-d-e"),
          ("no\u{00A0}break\u{202F}narrow\u{2009}thin", "no break narrow thin"),
          ("wait…", "wait..."),
          ("zero\u{200B}width\u{FEFF}", "zerowidth"),
          ("straße Æther œuvre Łódź", "strasse aether oeuvre lodz"),
          ("ＡＢＣ１２３ ﬁne", "abc123 fine"),
          ("Мой 我们", "мой 我们"),
          ("cafe\u{301}", "cafe"),
        ])
  func folding(_ input: String, _ expected: String) {
    #expect(TextNormalizer().normalize(input).string == expected)
  }

  @Test("every folded byte maps back inside the original")
  func backMap() {
    let text = "Ⓐ😡é\u{301}x…ß"
    let n = TextNormalizer().normalize(text)
    let scalarCount = text.unicodeScalars.count
    for j in n.folded.indices {
      #expect(n.sourceStart[j] >= 0 && n.sourceEnd[j] <= scalarCount)
      #expect(n.sourceStart[j] < n.sourceEnd[j])
    }
    #expect(n.scalarUTF8Offsets.last == text.utf8.count)
  }

  @Test("ASCII text folds eight bytes at a time as it would one by one, at every alignment")
  func asciiEightAtATime() {
    let every = (0..<128).map { UInt8($0) }
    for shift in 0..<9 {
      let bytes = Array(repeating: UInt8(ascii: "Q"), count: shift) + every + every.reversed() + Array("`A`z`".utf8)
      let text = String(decoding: bytes, as: UTF8.self)
      let n = TextNormalizer().normalize(text)
      let expected = bytes.map { b -> UInt8 in
        b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b + 32 : b == UInt8(ascii: "`") ? UInt8(ascii: "'") : b
      }
      #expect(n.folded == expected, "shifted by \(shift)")
      #expect(n.isIdentity)
      #expect(bytes.indices.filter { n.isUppercase($0) } == bytes.indices.filter { bytes[$0] >= 65 && bytes[$0] <= 90 })
    }
  }

  @Test("the fold table's blocks, built when text first needs them, fold alike on every thread")
  func blocksOnManyThreads() async {
    // Scalars from every block of the table (U+0080..U+2FFF, U+FB00..U+FB06, U+FF00..U+FFEF)
    // and from outside it, folded by eight tasks at once and once alone.
    let values = Array(stride(from: 0x80, through: 0x2FFF, by: 37)) + Array(0xFB00...0xFB06) + Array(0xFF00...0xFFEF) + [0x1F600, 0x4E00]
    let text = String(String.UnicodeScalarView(values.compactMap { Unicode.Scalar($0) }))
    let results = await withTaskGroup(of: NormalizedText.self) { group in
      for _ in 0..<8 { group.addTask { TextNormalizer().normalize(text) } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    let alone = TextNormalizer().normalize(text)
    #expect(results.count == 8)
    #expect(results.allSatisfy { $0 == alone })
    #expect(alone.folded.indices.allSatisfy { alone.sourceEnd[$0] <= text.unicodeScalars.count })
    #expect(TextNormalizer().normalize("ＡＢＣ Ｃａｆé ﬁ").string == "abc cafe fi")
  }
}
