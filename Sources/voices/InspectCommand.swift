import Foundation
import Voices

/// `voices inspect FILE`: shows exactly how Voices reads a file, with no header handling.
enum InspectCommand {
  static let command = Command(
    name: "inspect",
    summary: "Show how Voices reads a CSV or XLSX file",
    help: """
      Usage: voices inspect FILE [--sheet NAME|INDEX] [--format table|json|csv|summary]

      Shows how Voices reads FILE, row by row, exactly as read: no header handling, no trimming.
      The format (CSV or XLSX) is recognised from the file's content; the encoding (UTF-8,
      UTF-16, Windows-1252) and the separator (comma, semicolon, tab) are detected and reported.

      Options:
        --sheet NAME|INDEX   XLSX: the sheet to read, by name or 1-based number (default: first)
        --format table       aligned columns for reading (default)
        --format json        one JSON array of rows, each an array of strings
        --format csv         the rows written back as RFC 4180 CSV (UTF-8)
        --format summary     counts, encoding, separator and warnings only (streams big files)

      Examples:
        voices inspect surveys/exports/parent-carer-survey-2025.csv
        voices inspect export.xlsx --sheet "Form1" --format json
      """,
    valueOptions: ["--sheet", "--format"],
    flagOptions: [],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard arguments.positional.count == 1 else { throw UsageError("give exactly one FILE to inspect") }
    let path = arguments.positional[0]
    let format = arguments.value("--format") ?? "table"
    guard ["table", "json", "csv", "summary"].contains(format) else {
      throw UsageError("--format must be table, json, csv or summary, not \(format)")
    }
    let sheet = arguments.value("--sheet").map { Int($0).map(SheetSelector.index) ?? .name($0) }
    let url = URL(fileURLWithPath: path)
    if format == "summary" {
      return try summary(url, file: path, sheet: sheet)
    }
    let table = try TableReader.read(contentsOf: url, file: path, sheet: sheet)
    for warning in table.warnings { Terminal.err(Terminal.styled("\(warning)", .yellow, forErr: true)) }
    switch format {
    case "json": Terminal.out(TableWriter.json(table.rows))
    case "csv": FileHandle.standardOutput.write(Data(TableWriter.csv(table.rows).utf8))
    default: Terminal.out(aligned(table))
    }
    return .ok
  }

  static func summary(_ url: URL, file: String, sheet: SheetSelector?) throws -> ExitCode {
    let started = Date()
    let described = try TableDescription.read(contentsOf: url, file: file, sheet: sheet)
    let seconds = Date().timeIntervalSince(started)
    for warning in described.warnings { Terminal.err(Terminal.styled("\(warning)", .yellow, forErr: true)) }
    var lines = [
      "file:      \(file)",
      "format:    \(described.format.rawValue)",
      "records:   \(described.records)",
      "widest:    \(described.widestRecord) fields",
      "bytes:     \(described.bytes)",
    ]
    if let encoding = described.encoding { lines.append("encoding:  \(encoding)") }
    if let separator = described.separator { lines.append("separator: \(separator)") }
    if let sheets = described.sheets { lines.append("sheets:    \(sheets.joined(separator: ", "))") }
    lines.append(String(format: "read in:   %.3f s (%.1f MB/s)", seconds, Double(described.bytes) / 1e6 / max(seconds, 1e-9)))
    Terminal.out(lines.joined(separator: "\n"))
    return .ok
  }

  /// Rows as aligned columns, long cells shortened and line breaks shown as `⏎`.
  static func aligned(_ table: Table) -> String {
    let maxWidth = 28
    func shown(_ cell: String) -> String {
      let flat = cell.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\r", with: "⏎")
      return flat.count > maxWidth ? String(flat.prefix(maxWidth - 1)) + "…" : flat
    }
    let rows = table.records.map { $0.fields.map(shown) }
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
    let rowLabelWidth = String(table.records.last?.row ?? 0).count
    var lines: [String] = []
    let header = (0..<columns).map { SourceLocation.columnLetters($0 + 1).padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
    lines.append(Terminal.styled(String(repeating: " ", count: rowLabelWidth) + " │ " + header.joined(separator: " │ "), .dim))
    for (record, row) in zip(table.records, rows) {
      let cells = row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
      let label = String(record.row)
      lines.append(Terminal.styled(String(repeating: " ", count: rowLabelWidth - label.count) + label, .dim) + " │ " + cells.joined(separator: " │ "))
    }
    lines.append(Terminal.styled("\(table.records.count) rows, up to \(columns) columns", .dim))
    return lines.joined(separator: "\n")
  }
}
