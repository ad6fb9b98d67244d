import Foundation
import Voices

/// `voices redact FILE`: writes a text column with personal data replaced by markers.
enum RedactCommand {
  static let command = Command(
    name: "redact",
    summary: "Replace personal data in a comment column with markers",
    help: """
      Usage: voices redact FILE --id-column NAME --text-column NAME [--names FILE] [--schools FILE]
                           [--format csv|jsonl]

      Reads FILE (CSV or XLSX, first row = header) and writes each row's id and its text with
      names, schools, emails, phone numbers, postcodes, NHS numbers, dates of birth and URLs
      replaced by markers such as [name] and [phone].

      Options:
        --names FILE      more names of people, one per line (# starts a comment)
        --schools FILE    more school names, one per line
        --format csv      id,text as RFC 4180 CSV (default)
        --format jsonl    one JSON object per line with the redactions' kinds and Unicode
                          scalar offsets into the original text

      Examples:
        voices redact comments.csv --id-column ResponseID --text-column Q12 --format jsonl
      """,
    valueOptions: ["--id-column", "--text-column", "--names", "--schools", "--format"],
    flagOptions: [],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard arguments.positional.count == 1 else { throw UsageError("give exactly one FILE to redact") }
    guard let idColumn = arguments.value("--id-column") else { throw UsageError("--id-column NAME is required") }
    guard let textColumn = arguments.value("--text-column") else { throw UsageError("--text-column NAME is required") }
    let format = arguments.value("--format") ?? "csv"
    guard format == "csv" || format == "jsonl" else { throw UsageError("--format must be csv or jsonl, not \(format)") }
    var lists = RedactionLists()
    if let path = arguments.value("--names") { lists.names = RedactionLists.entries(inListText: try String(contentsOfFile: path, encoding: .utf8)) }
    if let path = arguments.value("--schools") { lists.schools = RedactionLists.entries(inListText: try String(contentsOfFile: path, encoding: .utf8)) }
    let path = arguments.positional[0]
    let table = try TableReader.read(contentsOf: URL(fileURLWithPath: path), file: path)
    for warning in table.warnings { Terminal.err(Terminal.styled("\(warning)", .yellow, forErr: true)) }
    let rows = try CommentFileRedaction.redact(rows: table.rows, file: path, idColumn: idColumn, textColumn: textColumn,
                                               redactor: Redactor(lists: lists))
    var out = format == "csv" ? "id,text\r\n" : ""
    for row in rows {
      if format == "csv" {
        out += TableWriter.csvField(row.id) + "," + TableWriter.csvField(row.redaction.text) + "\r\n"
      } else {
        let spans = row.redaction.spans.map { "{\"kind\": \"\($0.kind.rawValue)\", \"start\": \($0.start), \"end\": \($0.end)}" }
        out += "{\"id\": \(TableWriter.jsonString(row.id)), \"text\": \(TableWriter.jsonString(row.redaction.text)), \"redactions\": [\(spans.joined(separator: ", "))]}\n"
      }
    }
    FileHandle.standardOutput.write(Data(out.utf8))
    return .ok
  }
}
