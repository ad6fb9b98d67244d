/// Agreement between two or more coders who coded the same comments with themes.
///
/// The first coder is the reference; each other coder is compared with it on the comments both
/// coded (pairwise kappa, prevalence, precision, recall, F1, micro- and macro-F1). With three or
/// more coders, Krippendorff's alpha is added over every comment any coder coded (a coder
/// without the comment is a missing value): per theme on presence, and overall with each
/// (comment, theme) pair as a unit.
public struct AgreementReport: Equatable, Sendable {
  /// One coder's themes for each comment id.
  public struct Coder: Equatable, Sendable {
    public var name: String
    public var themes: [String: Set<String>]

    public init(name: String, themes: [String: Set<String>]) {
      self.name = name
      self.themes = themes
    }
  }

  /// One theme's line in a pairwise comparison.
  public struct ThemeAgreement: Equatable, Sendable {
    public var theme: String
    public var kappa: Double?
    /// Share of the compared comments the reference coded with the theme.
    public var prevalenceReference: Double
    /// Share the comparison coder coded with it.
    public var prevalenceComparison: Double
    public var precision: Double?
    public var recall: Double?
    public var f1: Double?
    public var counts: CodingEvaluation.Score
  }

  /// The comparison coder against the reference.
  public struct Pairwise: Equatable, Sendable {
    public var reference: String
    public var comparison: String
    /// Comments both coded.
    public var comments: Int
    /// Ids only the reference has, and only the comparison has, sorted.
    public var onlyInReference: [String]
    public var onlyInComparison: [String]
    public var themes: [ThemeAgreement]
    public var microF1: Double?
    /// Mean F1 over themes either coder used.
    public var macroF1: Double?
  }

  /// Krippendorff's alpha across every coder.
  public struct Alpha: Equatable, Sendable {
    /// Comments any coder coded.
    public var units: Int
    public var themes: [(theme: String, alpha: Double?)]
    public var overall: Double?

    public static func == (a: Alpha, b: Alpha) -> Bool {
      a.units == b.units && a.overall == b.overall && a.themes.map(\.theme) == b.themes.map(\.theme)
        && a.themes.map(\.alpha) == b.themes.map(\.alpha)
    }
  }

  /// Themes reported, in order: those asked for, then any others used, sorted.
  public var themes: [String]
  public var pairwise: [Pairwise]
  /// Present with three or more coders.
  public var alpha: Alpha?

  /// Compares coders.
  ///
  /// - Parameters:
  ///   - coders: The reference first; at least two.
  ///   - themes: Themes to report even if nobody used them (a codebook's list); others used
  ///     are added after them, sorted.
  public init(coders: [Coder], themes listed: [String] = []) {
    var themes = listed
    let used = Set(coders.flatMap { $0.themes.values.flatMap { $0 } }).subtracting(listed)
    themes += used.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    self.themes = themes
    guard let reference = coders.first else {
      pairwise = []
      alpha = nil
      return
    }
    pairwise = coders.dropFirst().map { AgreementReport.compare(reference, $0, themes: themes) }
    alpha = coders.count >= 3 ? AgreementReport.alpha(coders, themes: themes) : nil
  }

  static func compare(_ a: Coder, _ b: Coder, themes: [String]) -> Pairwise {
    let ids = Set(a.themes.keys).intersection(b.themes.keys).sorted()
    let evaluation = CodingEvaluation(
      reference: ids.map { a.themes[$0] ?? [] }, assigned: ids.map { b.themes[$0] ?? [] }, themeIDs: themes)
    let n = Double(ids.count)
    let rows = evaluation.themes.map { s in
      ThemeAgreement(
        theme: s.themeId, kappa: AgreementStatistics.cohensKappa(s, comments: ids.count),
        prevalenceReference: n > 0 ? Double(s.truePositives + s.falseNegatives) / n : 0,
        prevalenceComparison: n > 0 ? Double(s.truePositives + s.falsePositives) / n : 0,
        precision: AgreementStatistics.precision(s), recall: AgreementStatistics.recall(s),
        f1: AgreementStatistics.f1(s), counts: s)
    }
    let usedF1 = rows.compactMap(\.f1)
    return Pairwise(
      reference: a.name, comparison: b.name, comments: ids.count,
      onlyInReference: Set(a.themes.keys).subtracting(b.themes.keys).sorted(),
      onlyInComparison: Set(b.themes.keys).subtracting(a.themes.keys).sorted(),
      themes: rows, microF1: AgreementStatistics.f1(evaluation.micro),
      macroF1: usedF1.isEmpty ? nil : usedF1.reduce(0, +) / Double(usedF1.count))
  }

  static func alpha(_ coders: [Coder], themes: [String]) -> Alpha {
    let ids = Set(coders.flatMap { $0.themes.keys }).sorted()
    func presence(_ id: String, _ theme: String) -> [Bool?] {
      coders.map { coder in coder.themes[id].map { $0.contains(theme) } }
    }
    let perTheme = themes.map { theme in
      (theme: theme, alpha: AgreementStatistics.krippendorffAlpha(nominal: ids.map { presence($0, theme) }))
    }
    let pooled = ids.flatMap { id in themes.map { presence(id, $0) } }
    return Alpha(units: ids.count, themes: perTheme, overall: AgreementStatistics.krippendorffAlpha(nominal: pooled))
  }
}
