import Foundation
import Testing

/// The library's folders in the order docs/ARCHITECTURE.md gives: a folder may use the folders
/// before it, never one after it. The compiler cannot see this in one module, so this test reads
/// the sources: it collects the types each folder declares at the top level and fails when a
/// file names a type declared only in a folder after its own.
@Suite("Layering") struct LayeringTests {
  static let order = ["Support", "Tabular", "Text", "Privacy", "Survey", "Coding", "Learning", "Measures", "Review", "Themes", "Reports",
                      "Workspace"]

  static var library: URL { TestPaths.packageRoot.appendingPathComponent("Sources/Voices") }

  /// Folder -> (file -> source).
  static func sources() throws -> [String: [String: String]] {
    var out: [String: [String: String]] = [:]
    let files = FileManager.default.enumerator(at: library, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      guard url.pathExtension == "swift" else { continue }
      let relative = url.path.dropFirst(library.path.count + 1)
      let folder = relative.contains("/") ? String(relative.prefix { $0 != "/" }) : "Support"
      out[folder, default: [:]][String(relative)] = try String(contentsOf: url, encoding: .utf8)
    }
    return out
  }

  /// The source with `//` comments and the contents of string literals removed, so a type named
  /// in a doc comment or a message does not count as a use.
  static func stripped(_ source: String) -> String {
    source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      var out = "", inString = false, previous: Character = " "
      for c in line {
        if !inString, c == "/", previous == "/" { out.removeLast(); break }
        if c == "\"", previous != "\\" { inString.toggle() } else if inString { previous = c; continue }
        out.append(c)
        previous = c
      }
      return out
    }.joined(separator: "\n")
  }

  /// Type names declared at the top level (no indentation) of each folder.
  static func declarations(_ sources: [String: [String: String]]) -> [String: Set<String>] {
    var out: [String: Set<String>] = [:]
    for (folder, files) in sources {
      for source in files.values {
        for line in source.split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
          let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
          if let k = words.firstIndex(where: typeKeywords.contains), k + 1 < words.count, words[k + 1].first?.isUppercase == true {
            out[String(words[k + 1]), default: []].insert(folder)
          }
        }
      }
    }
    return out
  }

  /// Type names declared at any depth of one file.
  static func nestedDeclarations(_ source: String) -> Set<String> {
    var out: Set<String> = []
    for line in source.split(separator: "\n") {
      let words = line.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
      if let k = words.firstIndex(where: typeKeywords.contains), k + 1 < words.count, words[k + 1].first?.isUppercase == true {
        out.insert(String(words[k + 1]))
      }
    }
    return out
  }

  static let typeKeywords: Set<Substring> = ["struct", "class", "enum", "protocol", "typealias", "actor"]

  @Test("every folder of Sources/Voices is in the order")
  func foldersKnown() throws {
    #expect(Set(try Self.sources().keys).subtracting(Self.order).isEmpty)
  }

  /// Each use of a type declared only in a folder after the using file's own.
  static func backEdges(_ raw: [String: [String: String]]) -> [String] {
    let sources = raw.mapValues { $0.mapValues(stripped) }
    let owners = declarations(sources)
    let rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
    var out: [String] = []
    for (folder, files) in sources {
      let mine = rank[folder] ?? 0
      for (file, source) in files {
        // A name the file declares itself, as a nested type, is its own.
        let own = nestedDeclarations(source)
        let words = Set(source.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }).map(String.init))
        for word in words where !own.contains(word) {
          guard let folders = owners[word], !folders.contains(where: { (rank[$0] ?? 0) <= mine }) else { continue }
          out.append("\(file) names \(word) from \(folders.sorted().joined(separator: ", "))")
        }
      }
    }
    return out.sorted()
  }

  @Test("no folder names a type of a folder after it")
  func oneWay() throws {
    let found = Self.backEdges(try Self.sources())
    #expect(found.isEmpty, "see docs/ARCHITECTURE.md for the order:\n\(found.joined(separator: "\n"))")
  }

  @Test("the check finds a back-edge, and not a type named in a comment or a string")
  func detects() {
    let sources = ["Coding": ["Coding/A.swift": "struct Alpha {\n  enum Delta {}\n}\nlet b = Beta()\nlet s = \"Gamma\" // Gamma\nlet d = Delta()"],
                   "Review": ["Review/B.swift": "struct Beta {}\nlet a = Alpha()"], "Reports": ["Reports/C.swift": "enum Gamma {}\nenum Delta {}"]]
    #expect(Self.backEdges(sources) == ["Coding/A.swift names Beta from Review"])
  }
}
