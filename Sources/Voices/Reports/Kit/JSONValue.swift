/// A JSON value written by Voices, with object keys in the order they were given.
///
/// Reports write their data and provenance as JSON beside the HTML. Keys keep insertion order
/// (callers list them in a fixed order, so the bytes never depend on hashing), strings are
/// escaped per RFC 8259 by `TableWriter.jsonString`, and numbers are written in their shortest
/// round-trip form, so 0.1 is "0.1" and 3.0 is "3"; non-finite numbers, which JSON cannot
/// hold, become `null`.
indirect enum JSONValue: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
  case null
  case bool(Bool)
  case integer(Int)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  init(stringLiteral value: String) { self = .string(value) }
  init(integerLiteral value: Int) { self = .integer(value) }
  init(floatLiteral value: Double) { self = .number(value) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

  /// `.string` or `.null`.
  static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

  static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let a), .bool(let b)): a == b
    case (.integer(let a), .integer(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.array(let a), .array(let b)): a == b
    case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: false
    }
  }

  /// Pretty-printed with two-space indents and a final newline.
  func render() -> String {
    var out = ""
    write(to: &out, depth: 0)
    return out + "\n"
  }

  private static func indent(_ out: inout String, _ depth: Int) {
    for _ in 0..<depth { out += "  " }
  }

  private func write(to out: inout String, depth: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .integer(let i): out += String(i)
    case .number(let d): out += d.isFinite ? NumberFormatting.plain(d) : "null"
    case .string(let s): TableWriter.appendJSONString(s, to: &out)
    case .array(let items):
      guard !items.isEmpty else { out += "[]"; return }
      out += "[\n"
      for (i, item) in items.enumerated() {
        Self.indent(&out, depth + 1)
        item.write(to: &out, depth: depth + 1)
        out += i + 1 < items.count ? ",\n" : "\n"
      }
      Self.indent(&out, depth)
      out += "]"
    case .object(let members):
      guard !members.isEmpty else { out += "{}"; return }
      out += "{\n"
      for (i, (key, value)) in members.enumerated() {
        Self.indent(&out, depth + 1)
        TableWriter.appendJSONString(key, to: &out)
        out += ": "
        value.write(to: &out, depth: depth + 1)
        out += i + 1 < members.count ? ",\n" : "\n"
      }
      Self.indent(&out, depth)
      out += "}"
    }
  }
}
