import Foundation
import Testing
@testable import Voices

/// Voices never opens a network connection. Three independent checks: the sources use no
/// networking API; the built binary imports no socket function and links no networking
/// library; and, where `strace` is installed, real runs make no network system call other than
/// glibc's local name-service lookup (an AF_UNIX socket to nscd, which `getpwuid` tries).
@Suite("No network") struct NetworkPrivacyTests {
  static let forbidden = ["URLSession", "URLRequest", "socket(", "connect(", "CFStream", "NWConnection",
                          "FoundationNetworking", "getaddrinfo", "gethostbyname"]

  @Test("no source file uses a networking API")
  func sourceScan() throws {
    let sources = TestPaths.packageRoot.appendingPathComponent("Sources")
    let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") || $0.hasSuffix(".h") || $0.hasSuffix(".c") || $0.hasSuffix(".modulemap") }
    #expect(files.count > 50)
    for file in files {
      let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
      for word in Self.forbidden { #expect(!text.contains(word), "Sources/\(file) mentions \(word)") }
    }
  }

  /// A program on PATH or beside the Swift toolchain.
  static func tool(_ names: [String]) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let folders = path.split(separator: ":").map(String.init) + ["/opt/swift/usr/bin", "/usr/bin"]
    for name in names {
      for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
    }
    return nil
  }

  static func output(_ tool: String, _ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  static let nm = tool(["llvm-nm", "nm"])

  @Test("the voices binary imports no socket function and links no networking library",
        .enabled(if: nm != nil, "no nm or llvm-nm found to list the binary's symbols"))
  func binarySymbols() throws {
    let (status, symbols) = try Self.output(try #require(Self.nm), ["-D", "--undefined-only", VoicesRun.binary.path])
    #expect(status == 0)
    #expect(symbols.contains("write"), "the symbol listing looks empty")
    let names = Set(symbols.split(separator: "\n").compactMap { $0.split(separator: " ").last.map { String($0.split(separator: "@")[0]) } })
    for symbol in ["socket", "connect", "getaddrinfo", "gethostbyname", "sendto", "recvfrom", "bind", "listen", "accept"] {
      #expect(!names.contains(symbol), "voices imports \(symbol)")
    }
    let binary = try Data(contentsOf: VoicesRun.binary)
    #expect(binary.range(of: Data("libFoundationNetworking".utf8)) == nil, "voices links FoundationNetworking")
  }

  static let strace = tool(["strace"])

  @Test("voices inspect, add, validate and measures make no network system call (strace)",
        .enabled(if: strace != nil, "strace is not installed (apt-get install strace); the source and symbol checks still run"))
  func straceRuns() throws {
    let strace = try #require(Self.strace)
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("voices-strace-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let workspace = try temporaryWorkspace([:])
    defer { try? FileManager.default.removeItem(at: workspace) }
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    let export = scratch.appendingPathComponent("survey-2025.csv")
    try Data("ID,Timestamp,How do you feel?\n1,2025-02-14 09:30:00,Happy\n".utf8).write(to: export)
    let surveys = TestPaths.packageRoot.appendingPathComponent("surveys").path
    let runs: [[String]] = [
      ["inspect", TestPaths.fixture("broken/good.xlsx").path],
      ["add", export.path, workspace.path],
      ["validate", surveys],
      ["measures", surveys],
    ]
    for arguments in runs {
      let log = scratch.appendingPathComponent("trace-\(arguments[0]).txt")
      let (status, _) = try Self.output(strace, ["-f", "-qq", "-e", "trace=network", "-o", log.path, VoicesRun.binary.path] + arguments)
      guard let trace = try? String(contentsOf: log, encoding: .utf8) else {
        // strace could not attach (no ptrace permission in this container): nothing to check.
        withKnownIssue("strace could not trace voices here (status \(status))") { throw CancellationError() }
        return
      }
      #expect(status == 0 || status == 1, "\(arguments)")
      let calls = trace.split(separator: "\n").filter { !$0.contains("+++") && !$0.contains("---") }
      for call in calls {
        // Every socket made is a local one, and no call names an internet address.
        if call.contains("socket(") || call.contains("connect(") || call.contains("bind(") {
          #expect(call.contains("AF_UNIX"), "voices \(arguments[0]) made a network call: \(call)")
        }
        #expect(!call.contains("AF_INET") && !call.contains("AF_NETLINK") && !call.contains("AF_PACKET"),
                "voices \(arguments[0]) made a network call: \(call)")
      }
    }
  }
}
