import Foundation

/// TF-IDF features of single words, word pairs and character n-grams, fitted on training comments.
///
/// Matches scikit-learn's `TfidfVectorizer(ngram_range=(1,2), sublinear_tf=True, min_df=…)`
/// definitions so results can be compared: idf = ln((1 + n) / (1 + df)) + 1 (smoothed), tf
/// weighted `1 + ln(tf)`. The word block and the character block are each scaled to unit
/// Euclidean length, as two scikit-learn vectorizers stacked side by side are, so neither
/// drowns the other. Features are sorted by their text, so the same comments always give the
/// same feature numbers (character n-grams, marked with a tab, sort first).
struct Vectorizer: Equatable, Sendable {
  var settings: FeatureSettings
  /// Feature texts (a word, or two words joined by one space), sorted.
  var terms: [String]
  /// Inverse document frequency of each term.
  var idf: [Double]
  private var index: [String: Int32]
  /// Terms before this index are character n-grams.
  private var characterTerms: Int32

  init(settings: FeatureSettings, terms: [String], idf: [Double]) {
    self.settings = settings
    self.terms = terms
    self.idf = idf
    var index: [String: Int32] = [:]
    index.reserveCapacity(terms.count)
    for (i, term) in terms.enumerated() { index[term] = Int32(i) }
    self.index = index
    characterTerms = Int32(terms.prefix { $0.first == FeatureText.characterMark }.count)
  }

  static func == (a: Vectorizer, b: Vectorizer) -> Bool {
    a.settings == b.settings && a.terms == b.terms && a.idf == b.idf
  }

  /// The features of one comment before weighting: each word, each adjacent pair, and each
  /// character n-gram.
  static func features(of text: String, settings: FeatureSettings) -> [String] {
    let words = FeatureText.words(text, analyzer: settings.analyzer)
    var features = words
    if settings.wordPairs, words.count > 1 {
      features.reserveCapacity(words.count * 2 - 1)
      for i in 1..<words.count { features.append(words[i - 1] + " " + words[i]) }
    }
    if settings.usesCharacters {
      features += FeatureText.characterGrams(text, minimum: settings.characterMinimum, maximum: settings.characterMaximum)
    }
    return features
  }

  /// Learns the vocabulary and idf weights from training comments.
  static func fit(_ texts: [String], settings: FeatureSettings) -> Vectorizer {
    fit(featureLists: texts.map { features(of: $0, settings: settings) }, settings: settings)
  }

  /// Learns the vocabulary from each comment's features (from `features(of:settings:)`).
  static func fit(featureLists: [[String]], settings: FeatureSettings) -> Vectorizer {
    var documentFrequency: [String: Int] = [:]
    for list in featureLists {
      for feature in Set(list) { documentFrequency[feature, default: 0] += 1 }
    }
    let minimum = max(1, settings.minimumDocumentFrequency)
    let terms = documentFrequency.filter { $0.value >= minimum }.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    let n = Double(featureLists.count)
    let idf = terms.map { term in log((1 + n) / (1 + Double(documentFrequency[term] ?? 0))) + 1 }
    return Vectorizer(settings: settings, terms: terms, idf: idf)
  }

  /// The weighted, unit-length feature vector of one comment (empty if it has no known feature).
  func transform(_ text: String) -> SparseVector {
    transform(features: Vectorizer.features(of: text, settings: settings))
  }

  /// The weighted, unit-length vector of a comment's features.
  func transform(features: [String]) -> SparseVector {
    var counts: [Int32: Int] = [:]
    for feature in features {
      if let i = index[feature] { counts[i, default: 0] += 1 }
    }
    let indices = counts.keys.sorted()
    var values = indices.map { i -> Double in
      let tf = Double(counts[i] ?? 0)
      return (settings.sublinearTermFrequency ? 1 + log(tf) : tf) * idf[Int(i)]
    }
    // Each block (character n-grams first, then words) to unit length on its own.
    let split = indices.firstIndex { $0 >= characterTerms } ?? indices.count
    for block in [0..<split, split..<indices.count] {
      let norm = values[block].reduce(0) { $0 + $1 * $1 }.squareRoot()
      if norm > 0 { for k in block { values[k] /= norm } }
    }
    return SparseVector(indices: indices, values: values)
  }
}
