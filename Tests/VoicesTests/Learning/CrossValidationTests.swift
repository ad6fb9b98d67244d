import Testing
@testable import Voices

/// Expected values printed by the functions in scripts/baseline-nhs.py (the scikit-learn side).
@Suite("Cross-validation rules") struct CrossValidationTests {
  @Test("folds are FNV-1a of the id modulo k, as the Python baseline computes",
        arguments: [("NEAS PTS 528 - Q1", 0), ("c01", 3), ("", 2)])
  func folds(_ id: String, _ fold: Int) {
    #expect(CrossValidation.fold(of: id, folds: 5) == fold)
  }

  @Test("a seed changes the folds")
  func seed() {
    let ids = (0..<50).map { "id\($0)" }
    #expect(ids.map { CrossValidation.fold(of: $0, folds: 5, seed: 1) } != ids.map { CrossValidation.fold(of: $0, folds: 5) })
  }

  @Test("per-theme cut: the F1-best score, midpoint to the next lower")
  func bestCut() {
    let t = CrossValidation.bestCut([0.9, 0.8, 0.8, 0.3, 0.2, 0.1], [true, false, true, true, false, false])
    #expect(abs(t - 0.25) < 1e-12)
    #expect(CrossValidation.bestCut([0.2, 0.1], [false, false]) == 0.5)
  }

  @Test("global threshold: grid value with the best micro-F1, ties nearest 0.5")
  func global() {
    let t = CrossValidation.globalThreshold(
      [[0.9, 0.2], [0.4, 0.6], [0.3, 0.1], [0.07, 0.5]], [[true, false], [true, true], [false, false], [false, true]])
    #expect(t == 0.4)  // 0.31 … 0.40 are all perfect; the tie goes to the one nearest 0.5
    // Every cut from 0.05 to 0.95 is perfect here: the tie goes to 0.5.
    #expect(CrossValidation.globalThreshold([[0.99], [0.01]], [[true], [false]]) == 0.5)
  }
}
