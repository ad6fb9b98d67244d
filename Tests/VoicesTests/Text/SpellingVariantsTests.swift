import Testing
@testable import Voices

@Suite("Spelling variants") struct SpellingVariantsTests {
  static let pairs: [(String, String)] = [
    ("behaviour", "behavior"), ("behaviours", "behaviors"), ("behavioural", "behavioral"),
    ("organisation", "organization"), ("organisations", "organizations"),
    ("organise", "organize"), ("organised", "organized"), ("organising", "organizing"),
    ("recognise", "recognize"), ("recognised", "recognized"), ("realise", "realize"),
    ("specialised", "specialized"), ("specialist", "specialist"), ("prioritise", "prioritize"),
    ("apologised", "apologized"), ("minimise", "minimize"), ("categorised", "categorized"),
    ("summarise", "summarize"), ("emphasise", "emphasize"), ("criticised", "criticized"),
    ("centre", "center"), ("centres", "centers"), ("theatre", "theater"), ("metres", "meters"),
    ("programme", "program"), ("programmes", "programs"), ("paediatric", "pediatric"),
    ("paediatrician", "pediatrician"), ("colour", "color"), ("colourful", "colorful"),
    ("travelling", "traveling"), ("travelled", "traveled"), ("traveller", "traveler"),
    ("cancelled", "canceled"), ("labelled", "labeled"), ("modelling", "modeling"),
    ("counselling", "counseling"), ("counsellor", "counselor"),
    ("judgement", "judgment"), ("enrol", "enroll"), ("enrolment", "enrollment"),
    ("practise", "practice"), ("practised", "practiced"), ("fulfil", "fulfill"),
    ("fulfilment", "fulfillment"), ("favour", "favor"), ("favourite", "favorite"),
    ("neighbour", "neighbor"), ("labour", "labor"), ("honour", "honor"), ("humour", "humor"),
    ("defence", "defense"), ("licence", "license"), ("offence", "offense"),
    ("analyse", "analyze"), ("analysed", "analyzed"), ("paralysed", "paralyzed"),
    ("anaesthetic", "anesthetic"), ("orthopaedic", "orthopedic"), ("oesophagus", "esophagus"),
    ("diarrhoea", "diarrhea"), ("ageing", "aging"), ("catalogue", "catalog"), ("grey", "gray"),
    ("sceptical", "skeptical"), ("jewellery", "jewelry"), ("skilful", "skillful"),
    ("instalment", "installment"), ("mould", "mold"), ("tumour", "tumor"),
    ("acknowledgement", "acknowledgment"), ("whilst", "while"), ("amongst", "among"),
    ("learnt", "learned"), ("rumours", "rumors"), ("endeavour", "endeavor"),
    ("signalling", "signaling"), ("fuelled", "fueled"), ("levelled", "leveled"),
    ("marvellous", "marvelous"), ("harbour", "harbor"), ("fibre", "fiber"),
    ("litres", "liters"), ("mobilise", "mobilize"), ("normalisation", "normalization"),
    ("socialising", "socializing"), ("finalised", "finalized"), ("hospitalised", "hospitalized"),
    ("traumatised", "traumatized"), ("stigmatised", "stigmatized"), ("utilise", "utilize"),
    ("optimise", "optimize"), ("standardised", "standardized"), ("personalised", "personalized"),
    ("authorised", "authorized"), ("characterised", "characterized"),
    ("familiarise", "familiarize"), ("memorise", "memorize"), ("maximise", "maximize"),
    ("agonising", "agonizing"), ("patronising", "patronizing"), ("sympathise", "sympathize"),
    ("empathise", "empathize"), ("jeopardise", "jeopardize"), ("scrutinise", "scrutinize"),
  ]

  @Test("British and American spellings stem to the same stem", arguments: pairs)
  func sameStem(_ british: String, _ american: String) {
    let analyzer = TextAnalyzer()
    #expect(analyzer.stems(of: british) == analyzer.stems(of: american))
  }

  @Test("words that are always -ise are left alone",
        arguments: ["advise", "exercise", "promise", "surprise", "supervised", "televised",
                    "compromise", "revised", "advertising", "enterprise", "expertise",
                    "otherwise", "noise", "raise", "arise", "wise", "precise", "premises",
                    "franchise", "improvised", "merchandise", "paradise", "sunrise"])
  func alwaysIse(_ word: String) {
    #expect(SpellingVariants.standard.fold(word) == word)
  }

  @Test("ordinary words are not touched",
        arguments: ["our", "hour", "four", "your", "tour", "genre", "acre", "ogre", "kissed",
                    "crisis", "basis", "analysis", "listed", "missing", "size", "prize",
                    "seize", "travel", "model", "control", "total"])
  func untouched(_ word: String) {
    #expect(SpellingVariants.standard.fold(word) == word)
  }

  @Test("the table holds a few hundred folded forms")
  func tableSize() {
    #expect(SpellingVariants.standard.table.count > 500)
  }

  @Test("a common misspelling stems like the word it misspells", arguments: SpellingVariants.misspellings)
  func misspelling(_ pair: String) {
    let parts = pair.split(separator: "/").map(String.init)
    let analyzer = TextAnalyzer()
    #expect(analyzer.stems(of: parts[0]) == analyzer.stems(of: parts[1]))
    #expect(parts[0] != parts[1])
  }

  @Test("no misspelling folded is an English word (the Snowball project's vocabulary)")
  func misspellingsAreNotWords() throws {
    let vocabulary = Set(try Porter2StemmerTests.lines("stemming/snowball-english/voc.txt"))
    let words = SpellingVariants.misspellings.map { Array($0.split(separator: "/")[0].utf8) }
    #expect(vocabulary.count > 40_000)
    #expect(words.filter(vocabulary.contains).isEmpty)
  }
}
