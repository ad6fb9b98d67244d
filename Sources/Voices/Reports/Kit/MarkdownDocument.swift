/// A Markdown version of a report, for people who paste into other documents or read on GitHub.
///
/// Text is escaped so a respondent's `*`, `_`, `[`, `<` or `|` shows as typed and never turns
/// into emphasis, a link, HTML or a table column. Output is CommonMark plus GitHub tables.
struct MarkdownDocument: Equatable, Sendable {
  enum Block: Equatable, Sendable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case list([String], ordered: Bool = false)
    case quote(String, attribution: String? = nil)
    case table(caption: String, header: [String], rows: [[String]], rightAligned: [Bool] = [], notes: [String] = [])
    /// Markdown written by Voices itself, copied as is (never respondent text).
    case trusted(String)
  }

  var blocks: [Block] = []

  mutating func append(_ block: Block) { blocks.append(block) }

  /// The document as text: blocks separated by one blank line, ending in a newline.
  func render() -> String {
    blocks.map(Self.render).joined(separator: "\n\n") + "\n"
  }

  private static func render(_ block: Block) -> String {
    switch block {
    case .heading(let level, let text):
      return String(repeating: "#", count: min(max(level, 1), 6)) + " " + inline(text)
    case .paragraph(let text):
      return inline(text)
    case .list(let items, let ordered):
      return items.enumerated().map { (ordered ? "\($0.offset + 1). " : "- ") + inline($0.element) }.joined(separator: "\n")
    case .quote(let text, let attribution):
      var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + inline(String($0)) }
      if let attribution { lines += [">", "> — " + inline(attribution)] }
      return lines.joined(separator: "\n")
    case .table(let caption, let header, let rows, let rightAligned, let notes):
      var out = "**" + inline(caption) + "**\n\n"
      out += "| " + header.map(cell).joined(separator: " | ") + " |\n"
      out += "|" + header.indices.map { i in (i < rightAligned.count && rightAligned[i]) ? " ---: " : " --- " }.joined(separator: "|") + "|\n"
      for row in rows {
        let padded = row + Array(repeating: "", count: max(0, header.count - row.count))
        out += "| " + padded.map(cell).joined(separator: " | ") + " |\n"
      }
      for note in notes { out += "\n" + inline(note) + "\n" }
      return String(out.dropLast())
    case .trusted(let text):
      return text
    }
  }

  /// Escapes the characters that start Markdown syntax inside a line, and the ones that start a
  /// block at the beginning of a line (`#`, `>`, `-`, `+`, `1.`).
  static func inline(_ text: String) -> String {
    var out = ""
    var atLineStart = true
    let chars = Array(text)
    for (i, c) in chars.enumerated() {
      switch c {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~":
        out += "\\" + String(c)
      case "-" where atLineStart, "+" where atLineStart, "=" where atLineStart:
        out += "\\" + String(c)
      case "." where i > 0 && atLineStartDigits(chars, before: i):
        out += "\\."
      case "\r":
        continue
      default:
        out.append(c)
      }
      atLineStart = c == "\n" || (atLineStart && (c == " " || c.isNumber))
    }
    return out
  }

  /// True when everything on the line before `index` is digits (an ordered-list marker).
  private static func atLineStartDigits(_ chars: [Character], before index: Int) -> Bool {
    var j = index - 1
    while j >= 0, chars[j].isASCII, chars[j].isNumber { j -= 1 }
    return j < index - 1 && (j < 0 || chars[j] == "\n")
  }

  /// A table cell: inline escaping, and line breaks become spaces (a GFM row is one line).
  private static func cell(_ text: String) -> String {
    inline(text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " "))
  }
}
