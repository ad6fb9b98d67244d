/// The REFI-QDA Codebook exchange format (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`), so a
/// codebook can move between Voices and NVivo, ATLAS.ti, MAXQDA, QualCoder and others.
///
/// Export writes one `Code` per theme (nested under its parent), `name` = the theme id,
/// `guid` = `ThemeGUID.guid(for:)` (stable across exports), `isCodable="true"`, a colour by
/// polarity, and a `Description` whose lines `Label:`, `You said:`, `Polarity:`, `Priority:`,
/// `Audience:`, `Patterns:`, `Exclusions:`, `Notes:` carry the rest of the row. Word lists
/// become non-codable codes named `@name` under a non-codable `@word-lists` code. Each audience
/// is a `Set` of `MemberCode targetGUID=` references.
///
/// Import reads such files and files other tools write: unknown elements, attributes and
/// namespace prefixes are skipped; nested codes keep their hierarchy as `Theme.parent`; a code
/// name that is not a valid id is turned into one (`"Waiting lists"` -> `waiting-lists`).
public enum REFIQDA {
  static let namespace = "urn:QDA-XML:codebook:1.0"

  static func colour(for polarity: Theme.Polarity) -> String {
    switch polarity {
    case .difficulty: "#B23A48"
    case .positive: "#2E7D32"
    case .aspiration: "#6A4C93"
    case .neutral: "#1F5F8B"
    }
  }

  /// The codebook as a `.qdc` document (UTF-8, LF line ends, deterministic byte for byte).
  public static func export(_ codebook: Codebook) -> String {
    var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    out += "<CodeBook xmlns=\"\(namespace)\" origin=\"Voices \(Voices.version)\">\n  <Codes>\n"
    let children = Dictionary(grouping: codebook.themes.filter { $0.parent != nil }, by: { $0.parent ?? "" })
    func write(_ theme: Theme, depth: Int) {
      let pad = String(repeating: "  ", count: depth)
      out += "\(pad)<Code guid=\"\(ThemeGUID.guid(for: theme.id))\" name=\"\(escape(theme.id, attribute: true))\" isCodable=\"true\" color=\"\(colour(for: theme.polarity))\">\n"
      out += "\(pad)  <Description>\(escape(description(of: theme), attribute: false))</Description>\n"
      for child in children[theme.id] ?? [] { write(child, depth: depth + 1) }
      out += "\(pad)</Code>\n"
    }
    for theme in codebook.themes where theme.parent == nil { write(theme, depth: 2) }
    if !codebook.wordLists.isEmpty {
      out += "    <Code guid=\"\(ThemeGUID.guid(for: "@word-lists"))\" name=\"@word-lists\" isCodable=\"false\">\n"
      out += "      <Description>Word lists used by the patterns as @name; not codes to apply.</Description>\n"
      for list in codebook.wordLists {
        out += "      <Code guid=\"\(ThemeGUID.guid(for: "@" + list.name))\" name=\"@\(escape(list.name, attribute: true))\" isCodable=\"false\">\n"
        var lines = ["Patterns: " + list.patterns.joined(separator: "; ")]
        if !list.notes.isEmpty { lines.append("Notes: " + list.notes) }
        out += "        <Description>\(escape(lines.joined(separator: "\n"), attribute: false))</Description>\n      </Code>\n"
      }
      out += "    </Code>\n"
    }
    out += "  </Codes>\n"
    let audiences = Theme.Audience.allCases.filter { a in codebook.themes.contains { $0.audience == a } }
    if !audiences.isEmpty {
      out += "  <Sets>\n"
      for audience in audiences {
        out += "    <Set guid=\"\(ThemeGUID.guid(for: "set:" + audience.rawValue))\" name=\"\(audience.rawValue)\">\n"
        out += "      <Description>Themes tried on comments from \(audience == .all ? "everyone" : audience.rawValue).</Description>\n"
        for theme in codebook.themes where theme.audience == audience {
          out += "      <MemberCode targetGUID=\"\(ThemeGUID.guid(for: theme.id))\"/>\n"
        }
        out += "    </Set>\n"
      }
      out += "  </Sets>\n"
    }
    return out + "</CodeBook>\n"
  }

  static let descriptionKeys = ["Label", "You said", "Polarity", "Priority", "Audience", "Patterns", "Exclusions", "Notes"]

  static func description(of theme: Theme) -> String {
    let values = [theme.label, theme.youSaid, theme.polarity.rawValue, theme.priority, theme.audience.rawValue,
                  theme.patterns.joined(separator: "; "), theme.exclusions.joined(separator: "; "), theme.notes]
    return zip(descriptionKeys, values).map { "\($0): \($1.replacingOccurrences(of: "\n", with: " "))" }.joined(separator: "\n")
  }

  static func escape(_ text: String, attribute: Bool) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"" where attribute: out += "&quot;"
      case "\n" where attribute: out += "&#10;"
      case "\r": out += "&#13;"
      case "\t" where attribute: out += "&#9;"
      default:
        // Control characters other than tab and line feed are not allowed in XML 1.0.
        if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
