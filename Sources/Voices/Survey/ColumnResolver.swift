/// Finds the columns a manifest names, and says what is wrong when one is missing.
struct ColumnResolver {
  let columns: [String]
  let file: String
  let headerRow: Int
  private var indexByName: [String: Int] = [:]
  private(set) var diagnostics: [Diagnostic] = []

  init(columns: [String], file: String, headerRow: Int) {
    self.columns = columns
    self.file = file
    self.headerRow = headerRow
    for (index, name) in columns.enumerated() {
      let key = ColumnName.normalised(name)
      if indexByName[key] == nil { indexByName[key] = index }
    }
  }

  /// The 0-based index of the named column, or `nil` with an error diagnostic.
  mutating func index(of name: String, for use: String) -> Int? {
    if let index = indexByName[ColumnName.normalised(name)] { return index }
    var message = "\(use): column \"\(name)\" is not in the export"
    if let suggestion = closest(to: name) { message += "; did you mean \"\(suggestion)\"?" }
    diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, row: headerRow), message))
    return nil
  }

  /// The column whose name is nearest by edit distance, if it is near enough to be a typo or
  /// starts the same way as a question that was shortened in the manifest.
  func closest(to name: String) -> String? {
    let target = Array(ColumnName.normalised(name).unicodeScalars)
    var best: (String, Int)? = nil
    for column in columns {
      let candidate = Array(ColumnName.normalised(column).unicodeScalars)
      if candidate.starts(with: target) || target.starts(with: candidate), min(candidate.count, target.count) >= 6 {
        return column
      }
      let distance = ColumnResolver.editDistance(target, candidate)
      if distance <= max(2, target.count / 4), distance < (best?.1 ?? .max) { best = (column, distance) }
    }
    return best?.0
  }

  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
