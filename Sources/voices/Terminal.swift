import Foundation

/// Writing to the terminal: stdout for results, stderr for diagnostics and progress.
///
/// Colour only when stderr/stdout is a terminal and `NO_COLOR` is not set
/// (https://no-color.org); progress lines only on a terminal and never with `--quiet`.
enum Terminal {
  nonisolated(unsafe) static var quiet = false

  static let colourOut = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
  static let colourErr = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
  static let errIsTTY = isatty(STDERR_FILENO) == 1

  static let outIsTTY = isatty(STDOUT_FILENO) == 1

  /// Writes a result line. On a terminal, control characters from the files shown are escaped
  /// (see `shown`); into a pipe or file the text goes as it is, so output can be processed.
  static func out(_ text: String) {
    let line = text.hasSuffix("\n") ? text : text + "\n"
    FileHandle.standardOutput.write(Data((outIsTTY ? shown(line) : line).utf8))
  }

  /// Writes a diagnostic line, its control characters always escaped (see `shown`): stderr
  /// is read by people, on a terminal or in a saved log.
  static func err(_ text: String) {
    clearProgress()
    FileHandle.standardError.write(Data(shown(text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  /// `text` safe to show on a terminal: every control character other than line feed and tab
  /// (C0, DEL and C1, so escape sequences that clear the screen, set the title or move the
  /// cursor to overwrite "0 errors") is written as a visible escape such as `\x1B` or `\r`;
  /// then this tool's own styles (`styled`) become real escape sequences.
  static func shown(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var i = 0
    while i < scalars.count {
      let scalar = scalars[i]
      i += 1
      switch scalar.value {
      case 0x0A, 0x09: out.append(scalar)
      case 0x0D: out.append(contentsOf: "\\r".unicodeScalars)
      case 0x00..<0x20, 0x7F..<0xA0: out.append(contentsOf: String(format: "\\x%02X", scalar.value).unicodeScalars)
      case styleStart.value, styleEnd.value:
        // One of ours is a style code of digits, then `styleEnd`; anything else is text.
        if scalar == styleStart, let end = scalars[i...].prefix(3).firstIndex(of: styleEnd), end > i,
          scalars[i..<end].allSatisfy({ $0.properties.numericType != nil && $0.isASCII })
        {
          out.append(contentsOf: "\u{1B}[".unicodeScalars)
          out.append(contentsOf: scalars[i..<end])
          out.append("m")
          i = end + 1
        } else {
          out.append(contentsOf: String(format: "\\u{%X}", scalar.value).unicodeScalars)
        }
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// Marks `styled` puts around a style code, turned into an escape sequence only by `shown`,
  /// so that no escape byte from a file can pass as one of ours: a file holding these
  /// private-use characters can at most forge a colour (digits only), never another sequence.
  private static let styleStart: Unicode.Scalar = "\u{E000}", styleEnd: Unicode.Scalar = "\u{E001}"

  nonisolated(unsafe) private static var progressShown = false

  /// A one-line status on stderr that the next line overwrites; only on a terminal.
  static func progress(_ text: String) {
    guard errIsTTY, !quiet else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    progressShown = true
  }

  static func clearProgress() {
    guard progressShown else { return }
    FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    progressShown = false
  }

  enum Style: String { case bold = "1", red = "31", yellow = "33", green = "32", dim = "2" }

  static func styled(_ text: String, _ style: Style, forErr: Bool = false) -> String {
    (forErr ? colourErr : colourOut) ? "\(styleStart)\(style.rawValue)\(styleEnd)\(text)\(styleStart)0\(styleEnd)" : text
  }
}
