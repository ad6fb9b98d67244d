import Foundation

/// A static SVG drawing built element by element, with text measured before it is placed.
///
/// Charts lay out text themselves (no script, no fonts fetched), so they need a width for each
/// label before drawing it. `TextMetrics` estimates widths from per-character classes sized for
/// wide sans-serif fonts (DejaVu Sans, Verdana), so a real font is narrower than the estimate
/// and labels that "fit" really do. Coordinates are written with at most one decimal place, so
/// the same chart always gives the same bytes.
struct SVGCanvas: Sendable {
  enum Anchor: String, Sendable { case start, middle, end }

  var width: Double
  var height: Double
  private(set) var body = ""
  /// Pattern and other definitions, written once in `<defs>`.
  private(set) var definitions = ""

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  mutating func define(_ markup: String) { definitions += markup + "\n" }

  mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, extra: String = "") {
    body += "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, width)))\" height=\"\(f(max(0, height)))\" fill=\"\(fill)\""
    if let stroke { body += " stroke=\"\(stroke)\"" }
    body += extra + "/>\n"
  }

  mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: RGBColour, width: Double = 1, dash: String? = nil) {
    body += "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\""
    if let dash { body += " stroke-dasharray=\"\(dash)\"" }
    body += "/>\n"
  }

  mutating func path(_ d: String, stroke: RGBColour? = nil, fill: String = "none", width: Double = 2, dash: String? = nil, opacity: Double? = nil) {
    body += "<path d=\"\(d)\" fill=\"\(fill)\""
    if let stroke { body += " stroke=\"\(stroke)\" stroke-width=\"\(f(width))\" stroke-linejoin=\"round\"" }
    if let dash { body += " stroke-dasharray=\"\(dash)\"" }
    if let opacity { body += " fill-opacity=\"\(f(opacity, places: 2))\"" }
    body += "/>\n"
  }

  /// Text at a baseline point. `halo` draws a white outline under the glyphs so the label stays
  /// readable (and keeps its contrast against white) where it crosses a line or band.
  mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = TextMetrics.labelSize,
                     fill: RGBColour = ReportPalette.text, bold: Bool = false, halo: Bool = false)
  {
    body += "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\""
    if anchor != .start { body += " text-anchor=\"\(anchor.rawValue)\"" }
    if fill != ReportPalette.text { body += " fill=\"\(fill)\"" }
    if bold { body += " font-weight=\"bold\"" }
    if halo { body += " stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
    body += ">\(HTMLEscaping.text(text))</text>\n"
  }

  /// Lines of text, one under another, the first at baseline `y` (from `TextMetrics.wrap`).
  mutating func text(lines: [String], x: Double, y: Double, lineHeight: Double, anchor: Anchor = .start,
                     size: Double = TextMetrics.labelSize, fill: RGBColour = ReportPalette.text, bold: Bool = false)
  {
    for (i, line) in lines.enumerated() {
      text(line, x: x, y: y + Double(i) * lineHeight, anchor: anchor, size: size, fill: fill, bold: bold)
    }
  }

  mutating func raw(_ markup: String) { body += markup + "\n" }

  /// The finished `<svg>`: `role="img"` named by its `<title>` and described by its `<desc>`.
  ///
  /// - Parameters:
  ///   - id: A prefix unique within the page, for the title and description ids.
  ///   - title: The chart's short name.
  ///   - description: What the chart shows, in words (its text alternative).
  func render(id: String, title: String, description: String) -> String {
    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" role=\"img\" width=\"\(f(width))\" height=\"\(f(height))\""
    out += " viewBox=\"0 0 \(f(width)) \(f(height))\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\">\n"
    out += "<title id=\"\(id)-title\">\(HTMLEscaping.text(title))</title>\n"
    out += "<desc id=\"\(id)-desc\">\(HTMLEscaping.text(description))</desc>\n"
    if !definitions.isEmpty { out += "<defs>\n" + definitions + "</defs>\n" }
    out += "<g font-family=\"inherit\" fill=\"\(ReportPalette.text)\">\n" + body + "</g>\n</svg>"
    return out
  }

  /// A coordinate with at most `places` decimals and no trailing zeros.
  func f(_ value: Double, places: Int = 1) -> String { SVGCanvas.format(value, places: places) }

  static func format(_ value: Double, places: Int = 1) -> String {
    guard value.isFinite else { return "0" }
    var text = NumberFormatting.round(value, decimals: places)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// The hatch pattern that marks suppressed values (grey with dark diagonal lines).
  static let suppressedPatternID = "voices-suppressed-hatch"
  static let suppressedPattern =
    "<pattern id=\"\(suppressedPatternID)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    + "<rect width=\"8\" height=\"8\" fill=\"\(ReportPalette.suppressed)\"/>"
    + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"\(ReportPalette.secondaryText)\" stroke-width=\"2\"/></pattern>"
}

/// Estimated text widths, so labels are placed (or shortened) before they are drawn.
enum TextMetrics {
  /// Label size in SVG user units; charts are drawn at their natural width.
  static let labelSize: Double = 16
  /// Tick labels and base sizes.
  static let smallSize: Double = 14

  /// The estimated advance width of `text` at `size`, erring wide.
  static func width(_ text: String, size: Double = labelSize) -> Double {
    var em = 0.0
    for c in text {
      switch c {
      case "i", "l", "j", "'", "|", ".", ",", ":", ";", "!", "I": em += 0.32
      case "f", "t", "r", " ", "(", ")", "[", "]", "-": em += 0.42
      case "m", "w", "M", "W", "%", "@": em += 0.98
      case "0"..."9", "+", "\u{2212}", "<", ">", "=", "#", "$": em += 0.64
      default: em += c.isUppercase ? 0.74 : 0.62
      }
    }
    return em * size
  }

  /// `text` broken into lines that each fit `maxWidth`, at spaces (and after hyphens and
  /// slashes); a single word wider than the line is broken between letters. Nothing is cut:
  /// the lines joined give back every character of `text` (spaces at the breaks aside).
  static func wrap(_ text: String, toWidth maxWidth: Double, size: Double = labelSize) -> [String] {
    let collapsed = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    guard width(collapsed, size: size) > maxWidth else { return [collapsed] }
    // Words, each keeping a trailing hyphen or slash so a break may follow it.
    var words: [String] = []
    for word in collapsed.split(separator: " ") {
      var piece = ""
      for c in word {
        piece.append(c)
        if c == "-" || c == "/" { words.append(piece); piece = "" }
      }
      if !piece.isEmpty { words.append(piece) }
      words[words.count - 1] += " "
    }
    var lines: [String] = [], line = ""
    func flush() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if !trimmed.isEmpty { lines.append(trimmed) }
      line = ""
    }
    for word in words {
      if width((line + word).trimmingCharacters(in: .whitespaces), size: size) <= maxWidth { line += word; continue }
      flush()
      if width(word.trimmingCharacters(in: .whitespaces), size: size) <= maxWidth { line = word; continue }
      // A word wider than a line: break it between letters.
      for c in word {
        if !line.isEmpty, width(line + String(c), size: size) > maxWidth { flush() }
        line.append(c)
      }
    }
    flush()
    return lines.isEmpty ? [""] : lines
  }

  /// `text` shortened with "…" so it fits `maxWidth`; unchanged when it already fits.
  static func truncate(_ text: String, toWidth maxWidth: Double, size: Double = labelSize) -> String {
    guard width(text, size: size) > maxWidth else { return text }
    var chars = Array(text)
    while !chars.isEmpty, width(String(chars) + "…", size: size) > maxWidth { chars.removeLast() }
    while chars.last == " " { chars.removeLast() }
    return chars.isEmpty ? "…" : String(chars) + "…"
  }
}
