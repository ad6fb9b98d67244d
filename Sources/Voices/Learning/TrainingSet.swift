import Foundation

/// Human-coded comments ready for training: text, an id for the folds, and theme flags.
public struct TrainingSet: Equatable, Sendable {
  /// One comment and the themes a person gave it.
  public struct Example: Equatable, Sendable {
    public var id: String
    public var text: String
    /// Indices into `themes`, ascending.
    public var themes: [Int]

    public init(id: String, text: String, themes: [Int]) {
      self.id = id
      self.text = text
      self.themes = themes
    }
  }

  /// Rows not used, and why.
  public struct DroppedRows: Codable, Equatable, Sendable {
    public var reason: String
    public var count: Int
  }

  /// Where the theme flags are in the file.
  public enum LabelSource: Equatable, Sendable {
    /// One column of theme ids joined by a separator (`;`).
    case column(String, separator: Character = ";")
    /// A run of columns, one per theme named by its header, each a yes/no mark.
    case columns(first: String, last: String)
  }

  public var themes: [String]
  public var examples: [Example]
  public var rowsRead: Int
  public var dropped: [DroppedRows]
  /// Themes left out on purpose (for example "Labelling not possible").
  public var excludedThemes: [String]

  public init(themes: [String], examples: [Example], rowsRead: Int? = nil, dropped: [DroppedRows] = [], excludedThemes: [String] = []) {
    self.themes = themes
    self.examples = examples
    self.rowsRead = rowsRead ?? examples.count
    self.dropped = dropped
    self.excludedThemes = excludedThemes
  }

  /// Per comment, one flag per theme.
  var labelMatrix: [[Bool]] {
    examples.map { example in
      var row = [Bool](repeating: false, count: themes.count)
      for j in example.themes { row[j] = true }
      return row
    }
  }

  static let yes: Set<String> = ["1", "y", "yes", "true", "x"]
  static let no: Set<String> = ["", "0", "n", "no", "false"]

  /// Reads a table whose first record is the header.
  ///
  /// Rows whose text is blank are dropped; excluded themes are removed. Rows left with no theme
  /// are dropped by default (in a file like the NHS one, a row with no theme is one nobody
  /// could code, not evidence against every theme); with `keepUncoded` they stay as comments
  /// with no theme (where a coder read every comment and gave some none, as in a workspace's
  /// coded sample: each is a negative for every theme).
  ///
  /// - Parameters:
  ///   - table: The file as read by `CSVReader` or `TableReader`.
  ///   - textColumn: The header of the comment text.
  ///   - labels: Where the themes are.
  ///   - idColumn: The header of a stable comment id (for folds); the row number if nil.
  ///   - excludedThemes: Theme ids to leave out.
  ///   - keepUncoded: Keep rows with no theme as negatives.
  /// - Throws: `LearningError` for a missing column or a cell that is not a yes/no mark.
  public static func read(
    _ table: Table, textColumn: String, labels: LabelSource, idColumn: String? = nil,
    excludedThemes: Set<String> = [], keepUncoded: Bool = false
  ) throws -> TrainingSet {
    guard let header = table.records.first?.fields else { throw LearningError.emptyFile(file: table.file) }
    let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
    func column(_ name: String) throws -> Int {
      guard let i = names.firstIndex(of: name.trimmingCharacters(in: .whitespaces)) else {
        throw LearningError.missingColumn(file: table.file, name: name, available: names)
      }
      return i
    }
    let textIndex = try column(textColumn)
    let idIndex = try idColumn.map(column)
    var themes: [String] = []
    var cellThemes: [(column: Int, theme: Int)] = []
    var labelIndex: Int?
    var separator: Character = ";"
    switch labels {
    case .column(let name, let sep):
      labelIndex = try column(name)
      separator = sep
    case .columns(let first, let last):
      let a = try column(first), b = try column(last)
      guard a <= b else { throw LearningError.badColumnRange(file: table.file, first: first, last: last) }
      for c in a...b where !excludedThemes.contains(names[c]) {
        cellThemes.append((c, themes.count))
        themes.append(names[c])
      }
    }

    var raw: [(id: String, text: String, themes: [String])] = []
    var blankText = 0, noTheme = 0
    let records = table.records.dropFirst()
    for record in records {
      let fields = record.fields
      func cell(_ i: Int) -> String { i < fields.count ? fields[i] : "" }
      let text = cell(textIndex)
      guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { blankText += 1; continue }
      var given: [String] = []
      if let labelIndex {
        given = cell(labelIndex).split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }
          .filter { !$0.isEmpty && !excludedThemes.contains($0) }
      } else {
        for (c, j) in cellThemes {
          let mark = cell(c).trimmingCharacters(in: .whitespaces).lowercased()
          if yes.contains(mark) { given.append(themes[j]) } else if !no.contains(mark) {
            throw LearningError.badLabelCell(
              at: SourceLocation(file: table.file, row: record.row, column: c + 1), theme: names[c], value: cell(c))
          }
        }
      }
      guard !given.isEmpty || keepUncoded else { noTheme += 1; continue }
      raw.append((idIndex.map(cell) ?? String(record.row), text, given))
    }
    if labelIndex != nil {
      themes = Set(raw.flatMap(\.themes)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
    let position = Dictionary(uniqueKeysWithValues: themes.enumerated().map { ($1, $0) })
    let examples = raw.map { row in
      Example(id: row.id, text: row.text, themes: Set(row.themes.compactMap { position[$0] }).sorted())
    }
    var dropped: [DroppedRows] = []
    if blankText > 0 { dropped.append(DroppedRows(reason: "blank text", count: blankText)) }
    if noTheme > 0 { dropped.append(DroppedRows(reason: "no theme (after exclusions)", count: noTheme)) }
    return TrainingSet(
      themes: themes, examples: examples, rowsRead: records.count, dropped: dropped,
      excludedThemes: excludedThemes.sorted())
  }
}
