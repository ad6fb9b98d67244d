/// A `voices` subcommand: its name, a line for the command list, its help, and what it does.
struct Command: Sendable {
  let name: String
  let summary: String
  let help: String
  let valueOptions: Set<String>
  let flagOptions: Set<String>
  let run: @Sendable (Arguments) throws -> ExitCode
}
