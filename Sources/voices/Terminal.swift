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

  static func out(_ text: String) {
    FileHandle.standardOutput.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

  static func err(_ text: String) {
    clearProgress()
    FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
  }

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
    (forErr ? colourErr : colourOut) ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}
