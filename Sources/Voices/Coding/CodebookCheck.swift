/// What `voices codebook check` finds wrong or doubtful in a codebook.
public struct CodebookCheck: Sendable, Equatable {
  /// A pair of themes that are given together so often that they may be one theme.
  public struct Pair: Sendable, Equatable {
    public var first: String, second: String
    /// Comments given both, and comments given either.
    public var both: Int, either: Int
    public var jaccard: Double { either == 0 ? 0 : Double(both) / Double(either) }
  }

  /// Patterns that do not compile, one message per pattern (every theme is tried).
  public var badPatterns: [CodebookError] = []
  /// Ids used somewhere (a parent, a coded sample) that no theme has.
  public var unknownIDs: [String] = []
  /// Themes that matched no comment of the workspace.
  public var unmatched: [String] = []
  public var pairs: [Pair] = []
  /// How many comments each theme was given.
  public var counts: [String: Int] = [:]

  /// Compiles every pattern on its own so every mistake is reported, not only the first.
  public static func patternErrors(in codebook: Codebook) -> [CodebookError] {
    var errors: [CodebookError] = []
    let base = Codebook(name: codebook.name, themes: [], wordLists: codebook.wordLists)
    do { _ = try CodingEngine(base) } catch let e as CodebookError { errors.append(e) } catch {}
    for (t, theme) in codebook.themes.enumerated() {
      for text in theme.patterns + theme.exclusions {
        var single = base
        single.themes = [Theme(id: theme.id, label: theme.label, polarity: theme.polarity, patterns: [text])]
        do { _ = try CodingEngine(single) } catch var e as CodebookError {
          if case .badPattern(_, let pattern, let offset, let reason) = e {
            e = .badPattern(at: SourceLocation(file: codebook.name, row: t + 2), pattern: pattern, offset: offset, reason: reason)
          } else if case .unknownWordList(_, let name) = e {
            e = .unknownWordList(at: SourceLocation(file: codebook.name, row: t + 2), name: name)
          }
          errors.append(e)
        } catch {}
      }
    }
    return errors
  }

  /// Checks a codebook against coded comments.
  ///
  /// - Parameters:
  ///   - codebook: The codebook.
  ///   - coded: The workspace's comments, already coded with it.
  ///   - referencedIDs: Ids other files use (for example a coded sample's themes).
  ///   - pairThreshold: Jaccard overlap from which a pair is reported (default 0.8, with at
  ///     least 5 comments given both).
  public static func run(_ codebook: Codebook, coded: [CodedComment], referencedIDs: Set<String> = [], pairThreshold: Double = 0.8) -> CodebookCheck {
    var check = CodebookCheck()
    check.badPatterns = patternErrors(in: codebook)
    let ids = Set(codebook.themes.map(\.id))
    check.unknownIDs = Set(codebook.themes.compactMap(\.parent)).union(referencedIDs).subtracting(ids).sorted()
    var counts: [String: Int] = [:]
    var together: [String: Int] = [:]
    for comment in coded {
      let themes = comment.assignments.map(\.themeId).sorted()
      for (i, a) in themes.enumerated() {
        counts[a, default: 0] += 1
        for b in themes[(i + 1)...] { together[a + "\t" + b, default: 0] += 1 }
      }
    }
    check.counts = counts
    check.unmatched = codebook.themes.map(\.id).filter { counts[$0] == nil }
    for (key, both) in together where both >= 5 {
      let parts = key.split(separator: "\t").map(String.init)
      let either = (counts[parts[0]] ?? 0) + (counts[parts[1]] ?? 0) - both
      let pair = Pair(first: parts[0], second: parts[1], both: both, either: either)
      if pair.jaccard >= pairThreshold { check.pairs.append(pair) }
    }
    check.pairs.sort { $0.jaccard > $1.jaccard }
    return check
  }
}
