import Foundation

extension ThemeModel {
  /// Trains a model on every comment and measures it by k-fold cross-validation.
  ///
  /// The folds come from `CrossValidation.fold(of:folds:seed:)`. For each fold a vectorizer and
  /// one regression per theme are fitted on the other folds and score the fold's comments; a
  /// final model is fitted on all of them. Thresholds for the saved model are tuned on all
  /// out-of-fold probabilities; the card's scores use, for each fold, thresholds tuned on the
  /// other folds' probabilities only. Fits run on every core; results do not depend on the
  /// order they finish in.
  ///
  /// - Parameters:
  ///   - set: The coded comments.
  ///   - settings: Features, regularisation, folds, seed and threshold rule.
  ///   - trainingFile: The file name recorded in the card.
  ///   - trainingDataSHA256: The hash of the training file's bytes (see `sha256Hex(of:)`).
  ///   - created: The date recorded in the card.
  /// - Throws: `LearningError.tooFewComments` or `.noThemes`.
  public static func train(
    _ set: TrainingSet, settings: TrainingSettings, trainingFile: String, trainingDataSHA256: String,
    created: Date
  ) throws -> ThemeModel {
    let folds = max(2, settings.folds)
    guard set.examples.count >= folds * 2 else {
      throw LearningError.tooFewComments(file: trainingFile, used: set.examples.count, folds: folds)
    }
    guard !set.themes.isEmpty else { throw LearningError.noThemes(file: trainingFile) }
    let n = set.examples.count, themeCount = set.themes.count
    let texts = set.examples.map(\.text)
    let labels = set.labelMatrix
    let fold = set.examples.map { CrossValidation.fold(of: $0.id, folds: folds, seed: settings.seed) }
    // Analyze each comment once; every split reuses its features.
    let features = parallelMap(n) { Vectorizer.features(of: texts[$0], settings: settings.features) }

    // Split `folds` is the full set; splits 0 ..< folds hold one fold out each.
    struct Split: Sendable {
      var vectorizer: Vectorizer
      var matrix: SparseMatrix
      var trainRows: [Int]
      var testRows: [Int]
      var testVectors: [SparseVector]
    }
    let splits: [Split] = parallelMap(folds + 1) { k in
      let trainRows = (0..<n).filter { k == folds || fold[$0] != k }
      let testRows = k == folds ? [] : (0..<n).filter { fold[$0] == k }
      let vectorizer = Vectorizer.fit(featureLists: trainRows.map { features[$0] }, settings: settings.features)
      let matrix = SparseMatrix(rows: trainRows.map { vectorizer.transform(features: features[$0]) }, columns: vectorizer.terms.count)
      return Split(vectorizer: vectorizer, matrix: matrix, trainRows: trainRows, testRows: testRows,
                   testVectors: testRows.map { vectorizer.transform(features: features[$0]) })
    }

    let regression = settings.regression
    let fits: [LogisticRegression] = parallelMap((folds + 1) * themeCount) { task in
      let split = splits[task / themeCount], j = task % themeCount
      let y = split.trainRows.map { labels[$0][j] }
      let positives = y.filter { $0 }.count
      if positives == 0 || positives == y.count {  // nothing to learn: a constant answer
        return LogisticRegression(weights: [Double](repeating: 0, count: split.matrix.columns), bias: positives == 0 ? -40 : 40)
      }
      switch settings.classifier {
      case .linearSVM:
        return LinearSVM.fit(split.matrix, labels: y, c: settings.c, balanced: settings.balancedClassWeights)
      case .logisticRegression:
        return LogisticRegression.fit(split.matrix, labels: y, settings: regression).model
      }
    }

    // Out-of-fold decision values (w·x + b), one per comment and theme.
    var scores = [[Double]](repeating: [Double](repeating: 0, count: themeCount), count: n)
    for k in 0..<folds {
      let split = splits[k]
      for (r, row) in split.testRows.enumerated() {
        for j in 0..<themeCount { scores[row][j] = fits[k * themeCount + j].decisionValue(split.testVectors[r]) }
      }
    }
    // Scores to probabilities: the logistic function for logistic regression; for the SVM,
    // Platt scaling fitted on the out-of-fold scores of the given rows (for fold k's own
    // scores, the other folds' rows only, so no comment calibrates its own probability).
    let calibrate = settings.classifier == .linearSVM, outOfFoldScores = scores
    let foldCalibrations: [[PlattScaling]] = parallelMap(folds + 1) { k in
      let rows = (0..<n).filter { k == folds || fold[$0] != k }
      return (0..<themeCount).map { j in
        calibrate
          ? PlattScaling.fit(scores: rows.map { outOfFoldScores[$0][j] }, labels: rows.map { labels[$0][j] }) : .identity
      }
    }
    // outOfFold[k][i]: comment i's probabilities under the calibration of split k.
    let outOfFold: [[[Double]]] = (0...folds).map { k in
      scores.map { row in (0..<themeCount).map { foldCalibrations[k][$0].probability(row[$0]) } }
    }

    // Cross-fitted scores for each rule, counted by Coding's evaluation (one copy of F1).
    let reference = set.examples.map { Set($0.themes.map { set.themes[$0] }) }
    var evaluations: [ThresholdRule: CodingEvaluation] = [:]
    for rule in ThresholdRule.allCases {
      var assigned = [Set<String>](repeating: [], count: n)
      for k in 0..<folds {
        let tuning = (0..<n).filter { fold[$0] != k }
        let p = outOfFold[k]
        let t = CrossValidation.thresholds(
          rule, minimumPositives: settings.perThemeMinimumPositives,
          probabilities: tuning.map { p[$0] }, labels: tuning.map { labels[$0] }, themes: themeCount)
        for i in 0..<n where fold[i] == k {
          assigned[i] = Set((0..<themeCount).filter { p[i][$0] >= t[$0] }.map { set.themes[$0] })
        }
      }
      evaluations[rule] = CodingEvaluation(reference: reference, assigned: assigned, themeIDs: set.themes)
    }
    func micro(_ rule: ThresholdRule) -> Double { evaluations[rule]?.micro.f1 ?? 0 }
    func defined(_ score: CodingEvaluation.Score, _ value: Double) -> Double? {
      score.truePositives + score.falsePositives + score.falseNegatives == 0 ? nil : value
    }
    let chosen = evaluations[settings.thresholdRule]?.themes ?? []
    let halfScores = evaluations[.fixed]?.themes ?? []
    let thresholds = CrossValidation.thresholds(
      settings.thresholdRule, minimumPositives: settings.perThemeMinimumPositives,
      probabilities: outOfFold[folds], labels: labels, themes: themeCount)

    let full = splits[folds]
    // The calibration folded into the final weights: σ(a(w·x + b) + c) = σ((aw)·x + ab + c).
    let finalFits = (0..<themeCount).map { j in
      let fit = fits[folds * themeCount + j], platt = foldCalibrations[folds][j]
      return LogisticRegression(weights: fit.weights.map { platt.a * $0 }, bias: platt.a * fit.bias + platt.b)
    }
    let card = ModelCard(
      voicesVersion: Voices.version,
      created: ThemeModel.iso8601(created),
      trainingFile: trainingFile,
      trainingDataSHA256: trainingDataSHA256,
      rowsRead: set.rowsRead,
      commentsUsed: n,
      dropped: set.dropped,
      excludedThemes: set.excludedThemes,
      features: settings.features,
      vocabularySize: full.vectorizer.terms.count,
      settings: settings,
      foldRule: "FNV-1a 64-bit of the comment id's UTF-8 bytes (offset basis XOR seed) modulo \(folds)",
      scores: ModelCard.Scores(
        microF1AtHalf: micro(.fixed), microF1GlobalThreshold: micro(.global),
        microF1PerThemeThresholds: micro(.perTheme), microF1: micro(settings.thresholdRule),
        macroF1: evaluations[settings.thresholdRule]?.macroF1 ?? 0),
      themes: (0..<themeCount).map { j in
        ModelCard.Theme(
          id: set.themes[j], positives: labels.filter { $0[j] }.count, threshold: thresholds[j],
          truePositives: chosen[j].truePositives, falsePositives: chosen[j].falsePositives,
          falseNegatives: chosen[j].falseNegatives,
          precision: chosen[j].truePositives + chosen[j].falsePositives == 0 ? nil : chosen[j].precision,
          recall: chosen[j].truePositives + chosen[j].falseNegatives == 0 ? nil : chosen[j].recall,
          f1: defined(chosen[j], chosen[j].f1), f1AtHalf: defined(halfScores[j], halfScores[j].f1))
      })
    return ThemeModel(
      card: card, themes: set.themes, thresholds: thresholds, vectorizer: full.vectorizer,
      weights: finalFits.map { $0.weights.map(ThemeModel.stored) }, biases: finalFits.map { ThemeModel.stored($0.bias) })
  }

  /// Weights as saved: rounded to 1e-4 (prediction changes by well under 1e-2 in the logit),
  /// so the model in memory is the model on disk and the file stays small.
  static func stored(_ w: Double) -> Double {
    let r = (w * 10_000).rounded() / 10_000
    return r == 0 ? 0 : r
  }

  static func iso8601(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }
}

extension ThemeModel {
  /// SHA-256 of a file's bytes, lowercase hex, for `ModelCard.trainingDataSHA256`.
  public static func sha256Hex(of bytes: [UInt8]) -> String { SHA256.hex(SHA256.hash(bytes)) }
}
