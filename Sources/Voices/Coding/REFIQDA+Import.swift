import Foundation

extension REFIQDA {
  /// Largest `.qdc` file read: a codebook of a thousand themes with long descriptions is under
  /// a megabyte, so a bigger file is refused before it is read rather than held in memory.
  public static let maximumCodebookBytes = 16 << 20

  /// Reads a `.qdc` codebook file, refusing one over `maximumCodebookBytes` before reading it.
  ///
  /// - Throws: `CodebookError.badQDC` for a file too large or unreadable; as `importCodebook(_:file:name:)`.
  public static func importCodebook(contentsOf url: URL, file: String, name: String) throws -> Codebook {
    let attributes: [FileAttributeKey: Any]
    do { attributes = try FileManager.default.attributesOfItem(atPath: url.path) } catch {
      throw CodebookError.badQDC(file: file, reason: "cannot read it: no such file, or it cannot be opened")
    }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    guard size <= maximumCodebookBytes else {
      throw CodebookError.badQDC(file: file, reason: "it is \(size) bytes; a codebook file is at most \(maximumCodebookBytes) bytes (16 MiB), so this is not one")
    }
    let bytes: [UInt8]
    do { bytes = [UInt8](try Data(contentsOf: url)) } catch {
      throw CodebookError.badQDC(file: file, reason: "cannot read it: \(error.localizedDescription)")
    }
    return try importCodebook(bytes, file: file, name: name)
  }

  /// Reads a `.qdc` codebook.
  ///
  /// - Parameters:
  ///   - bytes: The file, UTF-8.
  ///   - file: The name used in messages.
  ///   - name: The codebook's name.
  /// - Throws: `XMLError` for malformed XML; `CodebookError.badQDC` when the root is not
  ///   `CodeBook` or a code has no name.
  public static func importCodebook(_ bytes: [UInt8], file: String, name: String) throws -> Codebook {
    var scanner = XMLScanner(bytes: bytes, document: file)
    struct Open { var id: String; var name: String; var description: String; var codable: Bool; var parent: String?; var position: Int }
    var stack: [Open] = []
    var finished: [Open] = []
    var idsByGUID: [String: String] = [:]
    var usedIDs = Set<String>()
    var setName: String?
    var audienceOf: [String: Theme.Audience] = [:]
    var inDescription = false, descriptionText: [UInt8] = []
    var sawRoot = false
    while let token = try scanner.next() {
      switch token {
      case .startElement:
        if !sawRoot {
          guard scanner.isNamed("CodeBook") else { throw CodebookError.badQDC(file: file, reason: "the root element is <\(scanner.qualifiedName)>, not <CodeBook>") }
          sawRoot = true
        } else if scanner.isNamed("Code") {
          let codeName = (try scanner.attribute("name") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
          guard !codeName.isEmpty else { throw CodebookError.badQDC(file: file, reason: "a <Code> at \(scanner.location(of: scanner.tokenStart)) has no name") }
          let codable = (try scanner.attribute("isCodable")).map { $0 == "true" || $0 == "1" } ?? true
          var id = codeName.hasPrefix("@") ? codeName : identifier(from: codeName)
          if !codeName.hasPrefix("@") {
            var n = 2
            let base = id
            while usedIDs.contains(id) { id = "\(base)-\(n)"; n += 1 }
          }
          usedIDs.insert(id)
          if let guid = try scanner.attribute("guid") { idsByGUID[normalisedGUID(guid)] = id }
          stack.append(Open(id: id, name: codeName, description: "", codable: codable, parent: stack.last?.id, position: usedIDs.count))
        } else if scanner.isNamed("Description") {
          inDescription = true
          descriptionText = []
        } else if scanner.isNamed("Set") {
          setName = try scanner.attribute("name")
        } else if scanner.isNamed("MemberCode") {
          let target = try scanner.attribute("targetGUID") ?? scanner.attribute("guid")
          if let target, let set = setName.map({ $0.lowercased() }), let audience = Theme.Audience(rawValue: set) {
            audienceOf[normalisedGUID(target)] = audience
          }
        }
      case .text:
        if inDescription { try scanner.appendText(to: &descriptionText) }
      case .endElement:
        if scanner.isNamed("Description") {
          inDescription = false
          let text = String(decoding: descriptionText, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
          if !stack.isEmpty { stack[stack.count - 1].description = text }
        } else if scanner.isNamed("Code"), let open = stack.popLast() {
          finished.append(open)
        } else if scanner.isNamed("Set") {
          setName = nil
        }
      }
    }
    guard sawRoot else { throw CodebookError.badQDC(file: file, reason: "the file is empty") }
    var audienceByID: [String: Theme.Audience] = [:]
    for (guid, audience) in audienceOf { if let id = idsByGUID[guid] { audienceByID[id] = audience } }
    // Codes close children-first; put them back in the order their start tags were written.
    var book = Codebook(name: name, themes: [], wordLists: [])
    for open in finished.sorted(by: { $0.position < $1.position }) {
      if open.name.hasPrefix("@") {
        guard open.name != "@word-lists" else { continue }
        let fields = descriptionFields(open.description)
        book.wordLists.append(WordList(name: String(open.name.dropFirst()), patterns: Codebook.splitPatterns(fields["Patterns"] ?? ""), notes: fields["Notes"] ?? ""))
        continue
      }
      let fields = descriptionFields(open.description)
      let parent = open.parent.flatMap { $0.hasPrefix("@") ? nil : $0 }
      var theme = Theme(id: open.id, label: fields["Label"] ?? open.name, parent: parent)
      if fields.isEmpty {
        theme.youSaid = open.description
      } else {
        theme.youSaid = fields["You said"] ?? ""
        theme.polarity = fields["Polarity"].flatMap { Theme.Polarity(rawValue: $0.lowercased()) } ?? .neutral
        theme.priority = fields["Priority"] ?? ""
        theme.audience = fields["Audience"].flatMap { Theme.Audience(rawValue: $0.lowercased()) } ?? .all
        theme.patterns = Codebook.splitPatterns(fields["Patterns"] ?? "")
        theme.exclusions = Codebook.splitPatterns(fields["Exclusions"] ?? "")
        theme.notes = fields["Notes"] ?? ""
      }
      if let audience = audienceByID[open.id], fields["Audience"] == nil { theme.audience = audience }
      if !open.codable && !theme.notes.contains("not codable") {
        theme.notes += (theme.notes.isEmpty ? "" : " ") + "(a grouping code, not codable in the source tool)"
      }
      book.themes.append(theme)
    }
    return book
  }

  /// `Key: value` lines of an exported description; empty when the description is free text.
  static func descriptionFields(_ text: String) -> [String: String] {
    var fields: [String: String] = [:]
    for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
      guard let colon = line.firstIndex(of: ":") else { return [:] }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      guard descriptionKeys.contains(key) else { return [:] }
      fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    return fields
  }

  static func normalisedGUID(_ guid: String) -> String {
    guid.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "{} \t\n"))
  }

  /// A theme id from a free-form code name: lower case, runs of other characters to `-`.
  static func identifier(from name: String) -> String {
    if Theme.isValidID(name) { return name }
    var out = ""
    for scalar in name.lowercased().unicodeScalars {
      if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") { out.unicodeScalars.append(scalar) }
      else if !out.isEmpty, out.last != "-" { out += "-" }
    }
    while out.hasSuffix("-") { out.removeLast() }
    return out.isEmpty ? "code" : out
  }
}
