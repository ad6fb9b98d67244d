import Foundation
import Voices

let commands: [Command] = [
  InspectCommand.command,
  ValidateCommand.command,
  ReportCommand.command,
  InitCommand.command,
  AddCommand.command,
  RemoveCommand.command,
  RedactCommand.command,
  MeasuresCommand.command,
  CodeCommand.command,
  CodebookCommand.command,
  ReviewCommand.command,
  ThemesCommand.command,
  LearnCommand.command,
  AgreementCommand.command,
]

let overview = """
  voices: turn what children, young people and parent carers say into evidence people trust.

  Usage: voices COMMAND [ARGUMENTS] [OPTIONS]

  Commands:
  \(commands.map { "  " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"))
    help      Show help for a command: voices help COMMAND

  Every command that takes a WORKSPACE uses ./surveys when none is given.
  Exit codes: 0 ok (warnings allowed), 1 a problem with the input, 2 a mistake in the command.
  Set NO_COLOR to turn colour off. Voices never uses the network.

  Start here:
    swift run voices validate        check the example workspace in surveys/
    swift run voices report          read every wave of surveys/ and summarise it
  """

func main() -> Int32 {
  var words = Array(CommandLine.arguments.dropFirst())
  guard let first = words.first else {
    Terminal.out(overview)
    return ExitCode.ok.rawValue
  }
  if first == "--help" || first == "-h" {
    Terminal.out(overview)
    return ExitCode.ok.rawValue
  }
  if first == "--version" {
    Terminal.out("voices \(Voices.version)")
    return ExitCode.ok.rawValue
  }
  if first == "help" {
    guard words.count > 1 else { Terminal.out(overview); return ExitCode.ok.rawValue }
    guard let command = commands.first(where: { $0.name == words[1] }) else {
      Terminal.err("voices: no command \"\(words[1])\"; see `voices --help`")
      return ExitCode.usage.rawValue
    }
    Terminal.out(command.help)
    return ExitCode.ok.rawValue
  }
  words.removeFirst()
  guard let command = commands.first(where: { $0.name == first }) else {
    let hint = closestCommand(to: first).map { "; did you mean `voices \($0)`?" } ?? "; see `voices --help` for the list"
    Terminal.err("voices: no command \"\(first)\"\(hint)")
    return ExitCode.usage.rawValue
  }
  do {
    let arguments = try Arguments(words, valueOptions: command.valueOptions, flagOptions: command.flagOptions.union(["--help", "--quiet"]))
    if arguments.has("--help") {
      Terminal.out(command.help)
      return ExitCode.ok.rawValue
    }
    Terminal.quiet = arguments.has("--quiet")
    return try command.run(arguments).rawValue
  } catch let error as UsageError {
    Terminal.err("voices \(command.name): \(error)\nSee `voices help \(command.name)`.")
    return ExitCode.usage.rawValue
  } catch {
    Terminal.err(Terminal.styled("error: ", .red, forErr: true) + "\(error)")
    return ExitCode.inputProblem.rawValue
  }
}

/// The command a mistyped word was most likely meant to be (`valdate` -> `validate`): the
/// nearest name by edit distance, if within a third of its length.
func closestCommand(to word: String) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for i in 1...max(1, a.count) where !a.isEmpty {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...max(1, b.count) where !b.isEmpty {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return a.isEmpty ? b.count : (b.isEmpty ? a.count : previous[b.count])
  }
  let typed = Array(word.lowercased())
  let scored = commands.map { ($0.name, distance(typed, Array($0.name))) }.min { $0.1 < $1.1 }
  guard let (name, d) = scored, d <= max(1, name.count / 3) else { return nil }
  return name
}

exit(main())
