import Foundation

/// A JSON value with object keys in a chosen order, written pretty-printed with two-space
/// indents, so files Voices writes for people (manifests, `measures.json`) read in a sensible
/// order and are byte-for-byte the same every time.
enum DraftJSON: Equatable, Sendable {
  case string(String)
  case number(Double)
  case bool(Bool)
  case array([DraftJSON])
  case object([(String, DraftJSON)])

  static func == (a: DraftJSON, b: DraftJSON) -> Bool { a.text == b.text }

  /// The value as pretty-printed JSON text ending in a newline.
  var text: String {
    var out = ""
    write(to: &out, indent: "")
    return out + "\n"
  }

  private func write(to out: inout String, indent: String) {
    switch self {
    case .string(let s): DraftJSON.quote(s, to: &out)
    case .number(let n): out += n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
    case .bool(let b): out += b ? "true" : "false"
    case .array(let items):
      if items.isEmpty { out += "[]"; return }
      let inner = indent + "  "
      out += "[\n"
      for (i, item) in items.enumerated() {
        out += inner
        item.write(to: &out, indent: inner)
        out += i == items.count - 1 ? "\n" : ",\n"
      }
      out += indent + "]"
    case .object(let pairs):
      if pairs.isEmpty { out += "{}"; return }
      let inner = indent + "  "
      out += "{\n"
      for (i, (key, value)) in pairs.enumerated() {
        out += inner
        DraftJSON.quote(key, to: &out)
        out += ": "
        value.write(to: &out, indent: inner)
        out += i == pairs.count - 1 ? "\n" : ",\n"
      }
      out += indent + "}"
    }
  }

  static func quote(_ s: String, to out: inout String) {
    out += "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }

  /// An object from optional members: `nil` members are left out.
  static func object(_ pairs: [(String, DraftJSON?)]) -> DraftJSON {
    .object(pairs.compactMap { key, value in value.map { (key, $0) } })
  }

  static func strings(_ values: [String]) -> DraftJSON { .array(values.map(DraftJSON.string)) }

  /// A string-to-string map with its keys in sorted order.
  static func map(_ values: [String: String]) -> DraftJSON {
    .object(values.keys.sorted().map { ($0, .string(values[$0] ?? "")) })
  }
}

extension Manifest {
  /// The manifest as JSON in the order of the workspace contract (WORKSPACE-SPEC.md), with
  /// absent optional keys left out.
  var draftJSON: DraftJSON {
    func opt(_ s: String?) -> DraftJSON? { s.map(DraftJSON.string) }
    let sheetValue: DraftJSON? = sheet.map {
      switch $0 {
      case .name(let name): .string(name)
      case .index(let index): .number(Double(index))
      }
    }
    return DraftJSON.object([
      ("manifestVersion", .number(Double(manifestVersion))),
      ("title", opt(title)),
      ("note", opt(note)),
      ("source", .string(source.rawValue)),
      ("wave", .string(wave)),
      ("series", opt(series)),
      ("file", .string(file)),
      ("layout", .string(layout.rawValue)),
      ("sheet", sheetValue),
      ("dateOrder", dateOrder.map { .string($0.rawValue) }),
      ("headerRows", headerRows.map { .number(Double($0)) }),
      ("respondentGroup", opt(respondentGroup)),
      ("respondentGroupColumn", respondentGroupColumn.map { group in
        DraftJSON.object([("column", .string(group.column)), ("values", group.values.map(DraftJSON.map))])
      }),
      ("respondentId", opt(respondentId)),
      ("submitted", opt(submitted)),
      ("consent", consent.map { DraftJSON.object([("column", .string($0.column)), ("yes", DraftJSON.strings($0.yes))]) }),
      ("breakdowns", .array(breakdowns.map { DraftJSON.object([("field", .string($0.field)), ("column", .string($0.column))]) })),
      ("measures", .array(measures.map { m in
        DraftJSON.object([("measure", .string(m.measure)), ("column", .string(m.column)), ("scale", .string(m.scale)),
                          ("timepoint", opt(m.timepoint)), ("label", opt(m.label))])
      })),
      ("freeText", .array(freeText.map { t in
        DraftJSON.object([("question", .string(t.question)), ("column", .string(t.column)), ("label", opt(t.label))])
      })),
      ("attendance", opt(attendance)),
      ("ignore", DraftJSON.strings(ignore)),
      ("scales", scales.isEmpty ? nil : .object(scales.keys.sorted().compactMap { id in
        scales[id].map { scale in
          (id, DraftJSON.object([
            ("labels", DraftJSON.strings(scale.labels)), ("positive", DraftJSON.strings(scale.positive)),
            ("values", scale.values.map { .array($0.map(DraftJSON.number)) }),
            ("aliases", scale.aliases.isEmpty ? nil : DraftJSON.map(scale.aliases)),
          ]))
        }
      })),
    ])
  }

  /// The manifest as the bytes of a `manifests/*.json` file: pretty-printed, keys in the
  /// contract's order, the same bytes for the same manifest.
  public func jsonText() -> String { draftJSON.text }
}

extension MeasureRegistry {
  /// The registry as the bytes of a `measures.json` file.
  public func jsonText() -> String {
    DraftJSON.object([
      ("measures", .array(measures.map { m in
        DraftJSON.object([
          ("id", .string(m.id)), ("title", .string(m.title)), ("scale", .string(m.scale)),
          ("positive", m.positive.map(DraftJSON.strings)), ("audience", m.audience.map(DraftJSON.string)),
          ("wording", DraftJSON.map(m.wording)), ("notes", m.notes.map(DraftJSON.string)),
        ])
      }))
    ]).text
  }
}
