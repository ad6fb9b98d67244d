import Foundation

/// The spreadsheet form of a codebook: one row per theme, one column per field.
///
/// ```
/// id,label,you_said,polarity,priority,audience,patterns,exclusions,notes[,parent]
/// travel-positive,Travel,Transport works well,positive,P5,parent carers,"(taxi|transport) NEAR/6 @good; escort*",,…
/// @negator,Negators,,,,,"no; not; never; n't; without",,words that cancel a positive hit
/// ```
/// Column names are matched ignoring case, spaces and underscores, in any order; extra columns
/// are ignored. `patterns` and `exclusions` hold several patterns separated by `;` or line
/// breaks. Blank rows are skipped. A row whose id starts with `@` defines a word list used in
/// patterns as `@name` instead of a theme.
extension Codebook {
  static let columns = ["id", "label", "you_said", "polarity", "priority", "audience", "patterns", "exclusions", "notes", "parent"]

  /// Reads a codebook CSV file.
  ///
  /// - Throws: `CSVError` if the file is not CSV; `CodebookError` for a missing column, a bad
  ///   polarity or audience, a malformed or repeated id.
  public static func read(contentsOf url: URL, file: String? = nil) throws -> Codebook {
    let table = try CSVReader.read(contentsOf: url, file: file ?? url.path)
    return try parse(table, name: url.deletingPathExtension().lastPathComponent)
  }

  /// Reads codebook CSV text.
  public static func parse(csv: String, file: String, name: String) throws -> Codebook {
    try parse(CSVReader.read(bytes: Array(csv.utf8), file: file), name: name)
  }

  static func parse(_ table: Table, name: String) throws -> Codebook {
    guard let header = table.records.first else { throw CodebookError.missingColumn(file: table.file, column: "id") }
    func key(_ s: String) -> String { s.lowercased().filter { $0 != " " && $0 != "_" && $0 != "\"" } }
    var index: [String: Int] = [:]
    for (i, field) in header.fields.enumerated() where index[key(field)] == nil { index[key(field)] = i }
    for required in ["id", "label", "patterns"] where index[key(required)] == nil {
      throw CodebookError.missingColumn(file: table.file, column: required)
    }
    var book = Codebook(name: name, themes: [], wordLists: [])
    var seen = Set<String>()
    for record in table.records.dropFirst() {
      func cell(_ column: String) -> String {
        guard let i = index[key(column)], i < record.fields.count else { return "" }
        // A codebook Voices wrote has its formula-like cells ("@negator") guarded: undone here.
        return trimmed(TableWriter.restored(record.fields[i]))
      }
      func location(_ column: String) -> SourceLocation {
        SourceLocation(file: table.file, row: record.row, column: (index[key(column)] ?? 0) + 1)
      }
      let id = cell("id")
      if id.isEmpty && record.fields.allSatisfy({ trimmed($0).isEmpty }) { continue }
      guard seen.insert(id).inserted else { throw CodebookError.duplicateID(at: location("id"), id: id) }
      if id.hasPrefix("@") {
        let listName = String(id.dropFirst())
        guard Theme.isValidID(listName) else {
          throw CodebookError.badValue(at: location("id"), column: "id", value: id, expected: "@ then lower-case letters, digits and hyphens")
        }
        book.wordLists.append(WordList(name: listName, patterns: splitPatterns(cell("patterns")), notes: cell("notes")))
        continue
      }
      guard Theme.isValidID(id) else {
        throw CodebookError.badValue(at: location("id"), column: "id", value: id, expected: "lower-case letters, digits and hyphens")
      }
      let polarityText = cell("polarity").lowercased()
      guard let polarity = polarityText.isEmpty ? .neutral : Theme.Polarity(rawValue: polarityText) else {
        throw CodebookError.badValue(at: location("polarity"), column: "polarity", value: cell("polarity"),
                                     expected: Theme.Polarity.allCases.map(\.rawValue).joined(separator: ", "))
      }
      let audienceText = cell("audience").lowercased().replacingOccurrences(of: "-", with: " ")
      guard let audience = audienceText.isEmpty ? .all : Theme.Audience(rawValue: audienceText) else {
        throw CodebookError.badValue(at: location("audience"), column: "audience", value: cell("audience"),
                                     expected: Theme.Audience.allCases.map(\.rawValue).joined(separator: ", "))
      }
      let parent = cell("parent")
      book.themes.append(Theme(
        id: id, label: cell("label"), youSaid: cell("you_said"), polarity: polarity, priority: cell("priority"),
        audience: audience, patterns: splitPatterns(cell("patterns")), exclusions: splitPatterns(cell("exclusions")),
        notes: cell("notes"), parent: parent.isEmpty ? nil : parent))
    }
    let ids = Set(book.themes.map(\.id))
    for theme in book.themes {
      if let parent = theme.parent, !ids.contains(parent) {
        let row = table.records.first { $0.fields.first?.trimmingCharacters(in: .whitespaces) == theme.id }?.row ?? 0
        throw CodebookError.unknownParent(at: SourceLocation(file: table.file, row: row), id: theme.id, parent: parent)
      }
    }
    return book
  }

  /// Splits a patterns cell on `;` and line breaks, dropping blanks.
  static func splitPatterns(_ cell: String) -> [String] {
    cell.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
      .map(trimmed).filter { !$0.isEmpty }
  }

  /// `text` without white space (line breaks included) at either end. Not Foundation's
  /// `trimmingCharacters`: its trip through `NSString` made reading a codebook's thousand cells
  /// and patterns cost more than compiling them.
  static func trimmed<S: StringProtocol>(_ text: S) -> String {
    guard let first = text.firstIndex(where: { !$0.isWhitespace }),
          let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
    return String(text[first...last])
  }

  /// The codebook as CSV (CRLF, quoted only where needed), themes first, then word lists.
  ///
  /// The `parent` column is written only when some theme has a parent.
  public func csv() -> String {
    let withParent = themes.contains { $0.parent != nil }
    var rows: [[String]] = [withParent ? Self.columns : Array(Self.columns.dropLast())]
    for theme in themes {
      var row = [theme.id, theme.label, theme.youSaid, theme.polarity.rawValue, theme.priority, theme.audience.rawValue,
                 theme.patterns.joined(separator: "; "), theme.exclusions.joined(separator: "; "), theme.notes]
      if withParent { row.append(theme.parent ?? "") }
      rows.append(row)
    }
    for list in wordLists {
      var row = ["@" + list.name, "", "", "", "", "", list.patterns.joined(separator: "; "), "", list.notes]
      if withParent { row.append("") }
      rows.append(row)
    }
    return TableWriter.csv(rows)
  }
}
