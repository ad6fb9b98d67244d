import Foundation

/// An export's columns as its layout names them, with the question each one asks: what two
/// waves of a survey series are compared on.
struct ExportHeader: Sendable, Equatable {
  var layout: VendorLayout
  var headerRows: Int
  /// Column names as manifests refer to them.
  var names: [String]
  /// The question text per column (the name itself where the layout has no other text).
  var questions: [String]

  /// The header of an export nobody has described: the layout is recognised from the rows.
  init(detecting table: Table) {
    let detection = LayoutDetection.detect(Array(table.rows.prefix(60)))
    self.init(table, layout: detection.layout, headerRows: detection.effectiveHeaderRows)
  }

  /// The header as a manifest reads it.
  init(_ table: Table, layout: VendorLayout, headerRows: Int) {
    self.layout = layout
    self.headerRows = headerRows
    let headers = Array(table.rows.prefix(headerRows))
    names = layout.columnNames(from: headers)
    questions = names.enumerated().map { ManifestDrafter.question($0.offset, name: $0.element, headers: headers, layout: layout) }
  }

  /// One text per column that says what it is: its name and its question, folded.
  var signatures: Set<String> {
    Set(zip(names, questions).map { ColumnName.normalised($0.0) + "\u{1F}" + ColumnName.normalised($0.1) })
  }

  /// The question text of a column, when the layout gives one beyond the name.
  func question(of column: String) -> String? {
    let key = ColumnName.normalised(column)
    guard let i = names.firstIndex(where: { ColumnName.normalised($0) == key }) else { return nil }
    return questions[i]
  }

  /// Whether the export has a column of this name (names compared as manifests compare them).
  func has(_ column: String) -> Bool {
    let key = ColumnName.normalised(column)
    return names.contains { ColumnName.normalised($0) == key }
  }

  /// How alike two exports' columns are: shared columns over all columns (Jaccard), 0 to 1.
  func likeness(to other: ExportHeader) -> Double {
    let a = signatures, b = other.signatures
    let union = a.union(b).count
    return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
  }
}
