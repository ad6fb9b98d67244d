import Foundation
import Voices

/// `voices learn FILE`: trains a theme model on human-coded comments and saves it with its card.
enum LearnCommand {
  static let command = Command(
    name: "learn",
    summary: "Train a theme model on human-coded comments",
    help: """
      Usage: voices learn [WORKSPACE] [--folds 5] [--seed N] [--c 30] ...
             voices learn FILE --text-column NAME (--labels-column NAME | --label-columns FIRST:LAST)
                          --out MODEL.json [--id-column NAME] [--exclude-themes "A;B"]
                          [--folds 5] [--seed N] [--c C] [--balanced] [--keep-uncoded]
                          [--classifier linear-svm|logistic-regression] [--chars 2:5 | --no-chars]
                          [--thresholds global|per-theme|fixed] [--analyzer voices-stems|ascii-words]
                          [--min-df 2]

      Learns one linear model per theme on TF-IDF features (words, word pairs and character
      n-grams inside words), measures it by cross-validation, and writes MODEL.json: the model
      and its card (training file SHA-256, date, per-theme cross-validated F1, micro-F1, sample
      counts, settings, Voices version). The default is a linear SVM whose scores become
      probabilities by Platt scaling fitted on out-of-fold scores.

      With a WORKSPACE (default ./surveys, when no FILE is given): trains one model per
      human-coded file in WORKSPACE/coded-sample/ (columns response_id, text, themes with ids
      joined by ";") and saves each as WORKSPACE/models/NAME.json, for
      `voices code --model WORKSPACE/models` and `voices review export --uncertain N`.

      Rows with blank text are dropped; themes named by --exclude-themes are removed; rows left
      with no theme are dropped (a comment nobody coded is not evidence against every theme),
      unless --keep-uncoded says the coder read them and gave none (a workspace's coded sample
      is read that way).

      Options:
        --text-column NAME       the comment text
        --labels-column NAME     theme ids joined by ";"
        --label-columns A:B      one yes/no column per theme, from header A to header B
        --id-column NAME         a stable comment id; folds are a hash of it (default: row number)
        --exclude-themes "A;B"   themes to leave out, joined by ";"
        --folds K                cross-validation folds (default 5)
        --seed N                 salts the fold hash (default 0)
        --classifier NAME        linear-svm (default) or logistic-regression
        --c C                    inverse L2 strength (default 0.5 for the SVM, 30 for
                                 logistic regression)
        --balanced               weight each theme's rarer class up
        --chars MIN:MAX          character n-gram lengths (default 2:5)
        --no-chars               words and word pairs only
        --keep-uncoded           keep rows with no theme, as negatives
        --thresholds RULE        global (default): one threshold maximising micro-F1;
                                 per-theme: each theme with 50+ positives its own; fixed: 0.5
        --analyzer NAME          voices-stems (default) or ascii-words
        --min-df N               a feature must be in N training comments (default 2)

      The date in the card is SOURCE_DATE_EPOCH when set, else now.

      Examples:
        voices learn
        voices learn v6framework.csv --text-column "FFT answer" --id-column "Comment ID" \\
          --label-columns "Not assigned:Positive experience & gratitude" \\
          --exclude-themes "Labelling not possible;Not assigned" --out nhs-model.json
      """,
    valueOptions: [
      "--text-column", "--labels-column", "--label-columns", "--id-column", "--exclude-themes", "--out",
      "--folds", "--seed", "--c", "--thresholds", "--analyzer", "--min-df", "--classifier", "--chars",
    ],
    flagOptions: ["--balanced", "--no-chars", "--keep-uncoded"],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard arguments.positional.count <= 1 else { throw UsageError("give one training FILE or one WORKSPACE folder") }
    var isFolder: ObjCBool = false
    if arguments.positional.isEmpty
      || (FileManager.default.fileExists(atPath: arguments.positional[0], isDirectory: &isFolder) && isFolder.boolValue)
    {
      return try learnWorkspace(arguments)
    }
    let path = arguments.positional[0]
    guard let textColumn = arguments.value("--text-column") else { throw UsageError("--text-column is required") }
    guard let out = arguments.value("--out") else { throw UsageError("--out MODEL.json is required") }
    let labels: TrainingSet.LabelSource
    switch (arguments.value("--labels-column"), arguments.value("--label-columns")) {
    case (let name?, nil):
      labels = .column(name)
    case (nil, let range?):
      let parts = range.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
        throw UsageError("--label-columns takes FIRST:LAST (two column headers)")
      }
      labels = .columns(first: parts[0], last: parts[1])
    default:
      throw UsageError("give one of --labels-column NAME or --label-columns FIRST:LAST")
    }
    let settings = try trainingSettings(arguments)
    let excluded = Set((arguments.value("--exclude-themes") ?? "").split(separator: ";").map {
      $0.trimmingCharacters(in: .whitespaces)
    }.filter { !$0.isEmpty })

    let url = URL(fileURLWithPath: path)
    let bytes = try [UInt8](Data(contentsOf: url))
    let table = try CSVReader.read(bytes: bytes, file: path)
    for warning in table.warnings { Terminal.err(Terminal.styled("\(warning)", .yellow, forErr: true)) }
    let set = try TrainingSet.read(
      table, textColumn: textColumn, labels: labels, idColumn: arguments.value("--id-column"), excludedThemes: excluded,
      keepUncoded: arguments.has("--keep-uncoded"))
    let created = creationDate()
    Terminal.progress("training on \(set.examples.count) comments, \(set.themes.count) themes, \(settings.folds) folds…")
    let started = Date()
    let model = try ThemeModel.train(
      set, settings: settings, trainingFile: url.lastPathComponent,
      trainingDataSHA256: ThemeModel.sha256Hex(of: bytes), created: created)
    let seconds = Date().timeIntervalSince(started)
    try AtomicFile.write([UInt8](try model.jsonData()), to: URL(fileURLWithPath: out))
    Terminal.clearProgress()
    Terminal.out(summary(model.card, seconds: seconds, out: out))
    return .ok
  }

  /// The training settings the options ask for.
  static func trainingSettings(_ arguments: Arguments) throws -> TrainingSettings {
    var settings = TrainingSettings()
    if let v = arguments.value("--classifier") {
      guard let k = TrainingSettings.Classifier(rawValue: v) else {
        throw UsageError("--classifier must be linear-svm or logistic-regression")
      }
      settings = TrainingSettings(classifier: k)
    }
    if let v = arguments.value("--chars") {
      let parts = v.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
      guard parts.count == 2, let lo = parts[0], let hi = parts[1], lo >= 1, hi >= lo, hi <= 10 else {
        throw UsageError("--chars takes MIN:MAX, two whole numbers from 1 to 10 (e.g. 2:5)")
      }
      (settings.features.characterMinimum, settings.features.characterMaximum) = (lo, hi)
    }
    if arguments.has("--no-chars") { (settings.features.characterMinimum, settings.features.characterMaximum) = (0, 0) }
    if let v = arguments.value("--folds") {
      guard let k = Int(v), k >= 2 else { throw UsageError("--folds must be a whole number of 2 or more") }
      settings.folds = k
    }
    if let v = arguments.value("--seed") {
      guard let s = UInt64(v) else { throw UsageError("--seed must be a whole number of 0 or more") }
      settings.seed = s
    }
    if let v = arguments.value("--c") {
      guard let c = Double(v), c > 0 else { throw UsageError("--c must be a positive number") }
      settings.c = c
    }
    if let v = arguments.value("--thresholds") {
      guard let rule = ThresholdRule(rawValue: v) else { throw UsageError("--thresholds must be global, per-theme or fixed") }
      settings.thresholdRule = rule
    }
    if let v = arguments.value("--analyzer") {
      guard let a = FeatureSettings.Analyzer(rawValue: v) else { throw UsageError("--analyzer must be voices-stems or ascii-words") }
      settings.features.analyzer = a
    }
    if let v = arguments.value("--min-df") {
      guard let m = Int(v), m >= 1 else { throw UsageError("--min-df must be a whole number of 1 or more") }
      settings.features.minimumDocumentFrequency = m
    }
    settings.balancedClassWeights = arguments.has("--balanced")
    return settings
  }

  /// Trains one model per file of WORKSPACE/coded-sample/ into WORKSPACE/models/.
  static func learnWorkspace(_ arguments: Arguments) throws -> ExitCode {
    let workspace = try WorkspaceArgument.open(arguments, command: "learn")
    let learned = try workspace.learnModels(settings: try trainingSettings(arguments), created: creationDate()) {
      Terminal.progress($0 + "…")
    }
    Terminal.clearProgress()
    for l in learned {
      Terminal.out(summary(l.model.card, seconds: l.seconds, out: workspace.displayName(of: "models/\(l.url.lastPathComponent)")))
      Terminal.out("")
    }
    return .ok
  }

  /// SOURCE_DATE_EPOCH when set, else now: the date written in a model's card.
  static func creationDate() -> Date {
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Double(epoch) {
      return Date(timeIntervalSince1970: seconds)
    }
    return Date()
  }

  static func summary(_ card: ModelCard, seconds: Double, out: String) -> String {
    func f(_ x: Double?) -> String { x.map { String(format: "%.3f", $0) } ?? "  n/a" }
    var lines = [
      "trained on \(card.commentsUsed) of \(card.rowsRead) rows of \(card.trainingFile) "
        + "(sha256 \(card.trainingDataSHA256.prefix(12))…) in \(String(format: "%.1f", seconds)) s",
    ]
    for d in card.dropped { lines.append("  dropped \(d.count): \(d.reason)") }
    let characters = card.features.usesCharacters
      ? " + character \(card.features.characterMinimum)-\(card.features.characterMaximum)-grams" : ""
    lines.append("\(card.settings.classifier.rawValue), C \(card.settings.c)\(card.settings.balancedClassWeights ? ", balanced" : "")")
    lines.append("features: \(card.features.analyzer.rawValue), \(card.features.wordPairs ? "words + word pairs" : "words")\(characters), "
      + "min df \(card.features.minimumDocumentFrequency), vocabulary \(card.vocabularySize)")
    lines.append("\(card.settings.folds)-fold cross-validated micro-F1: \(f(card.scores.microF1AtHalf)) at 0.5, "
      + "\(f(card.scores.microF1GlobalThreshold)) global threshold, \(f(card.scores.microF1PerThemeThresholds)) per-theme thresholds")
    lines.append("model uses \(card.settings.thresholdRule.rawValue) thresholds: micro-F1 \(f(card.scores.microF1)), macro-F1 \(f(card.scores.macroF1))")
    lines.append("")
    lines.append("positives  threshold  precision  recall     F1  theme")
    for t in card.themes.sorted(by: { $0.positives > $1.positives }) {
      lines.append(String(format: "%9d  %9.3f  ", t.positives, t.threshold) + "    " + f(t.precision) + "   " + f(t.recall)
        + "  " + f(t.f1) + "  " + t.id)
    }
    lines.append("")
    lines.append("wrote \(out)")
    return lines.joined(separator: "\n")
  }
}
