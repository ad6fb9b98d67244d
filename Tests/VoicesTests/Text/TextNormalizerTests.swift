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
}
