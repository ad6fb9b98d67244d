/// The words after the command name, taken apart by hand (no third-party parser).
struct Arguments: Sendable {
  private(set) var positional: [String] = []
  private var options: [String: String] = [:]
  private var flags: Set<String> = []

  /// - Parameters:
  ///   - words: The arguments after the subcommand.
  ///   - valueOptions: Options that take a value (`--sheet NAME` or `--sheet=NAME`).
  ///   - flagOptions: Options that take none (`--quiet`).
  /// - Throws: `UsageError` for an unknown option or a missing value.
  init(_ words: [String], valueOptions: Set<String>, flagOptions: Set<String>) throws {
    var i = 0
    while i < words.count {
      let word = words[i]
      if word == "--" {
        positional += words[(i + 1)...]
        break
      }
      if word.hasPrefix("--") {
        var name = word, value: String? = nil
        if let eq = word.firstIndex(of: "=") {
          name = String(word[..<eq])
          value = String(word[word.index(after: eq)...])
        }
        if valueOptions.contains(name) {
          if value == nil {
            i += 1
            guard i < words.count else { throw UsageError("\(name) needs a value") }
            value = words[i]
          }
          options[name] = value
        } else if flagOptions.contains(name), value == nil {
          flags.insert(name)
        } else {
          let known = (valueOptions.union(flagOptions)).sorted().joined(separator: ", ")
          throw UsageError("unknown option \(name)" + (known.isEmpty ? "" : "; this command takes \(known)"))
        }
      } else if word.hasPrefix("-"), word.count > 1, word != "-" {
        if word == "-h" { flags.insert("--help") } else if word == "-q" && flagOptions.contains("--quiet") { flags.insert("--quiet") } else {
          throw UsageError("unknown option \(word)")
        }
      } else {
        positional.append(word)
      }
      i += 1
    }
  }

  func value(_ name: String) -> String? { options[name] }
  func has(_ flag: String) -> Bool { flags.contains(flag) }
}

/// A mistake in how the command was typed: exit code 2 and a pointer to `--help`.
struct UsageError: Error, CustomStringConvertible {
  let description: String
  init(_ message: String) { description = message }
}

/// How `voices` ends: 0 all good, 1 a problem with the input, 2 a mistake in the command.
enum ExitCode: Int32 {
  case ok = 0
  case inputProblem = 1
  case usage = 2
}
