/// Redacts one text column of a table whose first row is its header, keeping an id column.
///
/// Works on rows of strings so Privacy needs no file reader: the caller reads the file
/// (`TableReader`) and writes the result.
public struct CommentFileRedaction: Sendable {
  /// One output row: the id and the redacted text with its spans.
  public struct Row: Sendable, Equatable {
    public var id: String
    public var redaction: Redaction
  }

  public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyFile(file: String)
    case unknownColumn(file: String, option: String, name: String, columns: [String])

    public var description: String {
      switch self {
      case .emptyFile(let file): "\(file): no header row"
      case .unknownColumn(let file, let option, let name, let columns):
        "\(file): \(option) \"\(name)\" is not a column; the columns are: \(columns.joined(separator: ", "))"
      }
    }
  }

  /// - Parameters:
  ///   - rows: The table's rows, header first.
  ///   - file: The file's name for messages.
  ///   - idColumn: Header of the id column (exact, then case-insensitive).
  ///   - textColumn: Header of the text column.
  ///   - redactor: The redactor to use.
  /// - Returns: One row per data row; missing cells read as empty.
  /// - Throws: `Problem.unknownColumn` naming the columns there are.
  public static func redact(rows: [[String]], file: String, idColumn: String, textColumn: String,
                            redactor: Redactor) throws -> [Row] {
    guard let header = rows.first else { throw Problem.emptyFile(file: file) }
    func index(_ name: String, _ option: String) throws -> Int {
      if let i = header.firstIndex(of: name) { return i }
      if let i = header.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return i }
      throw Problem.unknownColumn(file: file, option: option, name: name, columns: header)
    }
    let id = try index(idColumn, "--id-column"), text = try index(textColumn, "--text-column")
    return rows.dropFirst().map { row in
      Row(id: id < row.count ? row[id] : "", redaction: redactor.redact(text < row.count ? row[text] : ""))
    }
  }
}
