import Foundation
import Testing
@testable import Voices

@Suite("Linear SVM, Platt scaling and character n-grams") struct LinearSVMTests {
  @Test("character n-grams inside words are scikit-learn's char_wb 2-5 grams")
  func characterGrams() {
    // Oracle: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()("Go cats"),
    // scikit-learn 1.9.1.
    let sklearn = [" g", "go", "o ", " go", "go ", " go ", " c", "ca", "at", "ts", "s ", " ca", "cat", "ats", "ts ",
                   " cat", "cats", "ats ", " cats", "cats "]
    let ours = FeatureText.characterGrams("Go cats", minimum: 2, maximum: 5)
    #expect(ours == sklearn.map { "\t" + $0 })
  }

  @Test("an apostrophe does not split a word: can't and cant share every n-gram")
  func apostrophes() {
    #expect(FeatureText.characterGrams("I can't", minimum: 2, maximum: 5)
      == FeatureText.characterGrams("i cant", minimum: 2, maximum: 5))
    #expect(FeatureText.characterGrams("can’t", minimum: 3, maximum: 3) == ["\t ca", "\tcan", "\tant", "\tnt "])
  }

  @Test("the SVM separates separable rows, and Platt scaling makes its scores probabilities")
  func separates() {
    // Two features: the first marks the positives.
    let rows = (0..<40).map { i in
      SparseVector(indices: [0, 1], values: i % 4 == 0 ? [1, 0.2] : [0, 1])
    }
    let labels = (0..<40).map { $0 % 4 == 0 }
    let fit = LinearSVM.fit(SparseMatrix(rows: rows, columns: 2), labels: labels, c: 1)
    let scores = rows.map(fit.decisionValue)
    #expect(zip(scores, labels).allSatisfy { $1 ? $0 > 0 : $0 < 0 })
    let platt = PlattScaling.fit(scores: scores, labels: labels)
    #expect(platt.a > 0)
    #expect(zip(scores, labels).allSatisfy { $1 ? platt.probability($0) > 0.5 : platt.probability($0) < 0.5 })
    #expect(PlattScaling.fit(scores: [1, 2], labels: [true, true]) == .identity)
  }

  @Test("a model file from before the SVM reads as logistic regression without character n-grams")
  func oldSettings() throws {
    let json = """
      {"features":{"analyzer":"voices-stems","wordPairs":true,"minimumDocumentFrequency":2,"sublinearTermFrequency":true},
       "c":30,"balancedClassWeights":false,"maximumIterations":500,"folds":5,"seed":0,"thresholdRule":"global",
       "perThemeMinimumPositives":50}
      """
    let settings = try JSONDecoder().decode(TrainingSettings.self, from: Data(json.utf8))
    #expect(settings.classifier == .logisticRegression)
    #expect(!settings.features.usesCharacters)
    #expect(settings.c == 30)
  }

  @Test("uncoded rows are dropped by default and kept as negatives when asked")
  func keepUncoded() throws {
    let csv = "response_id,text,themes\r\na,bus late,transport\r\nb,all fine,\r\n"
    let table = try CSVReader.read(bytes: Array(csv.utf8), file: "t.csv")
    let dropped = try TrainingSet.read(table, textColumn: "text", labels: .column("themes"), idColumn: "response_id")
    #expect(dropped.examples.map(\.id) == ["a"])
    let kept = try TrainingSet.read(table, textColumn: "text", labels: .column("themes"), idColumn: "response_id",
                                    keepUncoded: true)
    #expect(kept.examples.map(\.id) == ["a", "b"])
    #expect(kept.examples[1].themes.isEmpty)
  }

  @Test("both classifiers learn the synthetic themes", arguments: TrainingSettings.Classifier.allCases)
  func classifiers(_ classifier: TrainingSettings.Classifier) throws {
    let model = try SyntheticComments.train(settings: TrainingSettings(classifier: classifier))
    #expect(model.card.scores.microF1 == 1)
    #expect(model.assign("the taxi driver was late and we waited months") == ["transport", "waiting"])
  }
}
