/// The parts of a workbook needed to read one sheet: its sheets in tab order, where each sheet
/// lives in the archive, the date system, the shared strings and the number formats.
struct XLSXWorkbook {
  struct Sheet: Equatable {
    var name: String
    /// The archive entry of the sheet's XML, if its relationship could be resolved.
    var part: String?
  }

  var file: String
  var sheets: [Sheet]
  var date1904: Bool
  var sharedStringsPart: String?
  var stylesPart: String?

  /// Reads the workbook part and its relationships from `zip`.
  ///
  /// The workbook part is found through `_rels/.rels` (the officeDocument relationship),
  /// falling back to `xl/workbook.xml`. Sheet targets may be relative to the workbook's folder
  /// (`worksheets/sheet1.xml`) or absolute within the package (`/xl/worksheets/sheet1.xml`).
  ///
  /// - Throws: `XLSXError.missingPart` when there is no workbook part, `XLSXError.noSheets`,
  ///   or the `ZIPError` / `XMLError` of a damaged part.
  init(zip: inout ZIPArchive, limits: ReadLimits) throws {
    file = zip.file
    var workbookPart = "xl/workbook.xml"
    if zip.entry(named: "_rels/.rels") != nil {
      let rootRelationships = try Self.relationships(in: try zip.extract(named: "_rels/.rels"), source: "", zip: zip, entry: "_rels/.rels", limits: limits)
      if let office = rootRelationships.first(where: { $0.type.hasSuffix("/officeDocument") }),
        zip.entry(named: office.target) != nil
      {
        workbookPart = office.target
      }
    }
    guard let workbookEntry = zip.entry(named: workbookPart) else {
      throw XLSXError.missingPart(file: file, entry: workbookPart)
    }
    workbookPart = workbookEntry.name
    let folder = Self.folder(of: workbookPart)
    let relsPart = (folder.isEmpty ? "" : folder + "/") + "_rels/" + Self.baseName(of: workbookPart) + ".rels"
    var relationships: [Relationship] = []
    if zip.entry(named: relsPart) != nil {
      relationships = try Self.relationships(
        in: try zip.extract(named: relsPart), source: folder, zip: zip, entry: relsPart, limits: limits)
    }

    var scanner = XMLScanner(bytes: try zip.extract(workbookEntry), document: file, entry: workbookPart, limits: limits)
    var sheets: [Sheet] = []
    var date1904 = false
    while let token = try scanner.next() {
      guard token == .startElement else { continue }
      if scanner.isNamed("sheet") {
        let name = try scanner.attribute("name") ?? "Sheet\(sheets.count + 1)"
        let id = try scanner.attribute("id")
        let target = relationships.first { $0.id == id && $0.type.hasSuffix("/worksheet") }?.target
        sheets.append(Sheet(name: name, part: target))
      } else if scanner.isNamed("workbookPr") {
        let value = try scanner.attribute("date1904")?.lowercased()
        date1904 = value == "1" || value == "true"
      }
    }
    guard !sheets.isEmpty else { throw XLSXError.noSheets(file: file) }
    self.sheets = sheets
    self.date1904 = date1904
    sharedStringsPart = Self.part(ofType: "/sharedStrings", in: relationships, zip: zip, fallback: folder + "/sharedStrings.xml")
    stylesPart = Self.part(ofType: "/styles", in: relationships, zip: zip, fallback: folder + "/styles.xml")
  }

  /// The sheet `selector` names (the first sheet when nil), and its 1-based position.
  func sheet(_ selector: SheetSelector?) throws(XLSXError) -> (sheet: Sheet, index: Int) {
    switch selector ?? .index(1) {
    case .index(let index):
      guard index >= 1, index <= sheets.count else {
        throw .sheetNotFound(file: file, requested: .index(index), available: sheets.map(\.name))
      }
      return (sheets[index - 1], index)
    case .name(let name):
      if let i = sheets.firstIndex(where: { $0.name == name }) { return (sheets[i], i + 1) }
      let folded = sheets.indices.filter { sheets[$0].name.lowercased() == name.lowercased() }
      if folded.count == 1 { return (sheets[folded[0]], folded[0] + 1) }
      throw .sheetNotFound(file: file, requested: .name(name), available: sheets.map(\.name))
    }
  }

  // MARK: - Relationships

  struct Relationship {
    var id: String
    var type: String
    /// The target resolved to an archive entry name.
    var target: String
  }

  private static func relationships(
    in bytes: [UInt8], source folder: String, zip: ZIPArchive, entry: String, limits: ReadLimits
  ) throws -> [Relationship] {
    var scanner = XMLScanner(bytes: bytes, document: zip.file, entry: entry, limits: limits)
    var found: [Relationship] = []
    while let token = try scanner.next() {
      guard token == .startElement, scanner.isNamed("Relationship") else { continue }
      if try scanner.attribute("TargetMode")?.lowercased() == "external" { continue }
      guard let id = try scanner.attribute("Id"), let target = try scanner.attribute("Target") else { continue }
      let type = try scanner.attribute("Type") ?? ""
      found.append(Relationship(id: id, type: type, target: resolve(target, from: folder)))
    }
    return found
  }

  /// The entry name of a relationship target, relative to the folder of the part it is from.
  static func resolve(_ target: String, from folder: String) -> String {
    var components: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
    for component in target.split(separator: "/") {
      switch component {
      case ".": continue
      case "..": if !components.isEmpty { components.removeLast() }
      default: components.append(component)
      }
    }
    return components.joined(separator: "/")
  }

  private static func part(ofType suffix: String, in relationships: [Relationship], zip: ZIPArchive, fallback: String) -> String? {
    if let found = relationships.first(where: { $0.type.hasSuffix(suffix) }), let entry = zip.entry(named: found.target) {
      return entry.name
    }
    let resolved = resolve(fallback, from: "")
    return zip.entry(named: resolved)?.name
  }

  private static func folder(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return "" }
    return String(part[..<slash])
  }

  private static func baseName(of part: String) -> String {
    guard let slash = part.lastIndex(of: "/") else { return part }
    return String(part[part.index(after: slash)...])
  }
}
