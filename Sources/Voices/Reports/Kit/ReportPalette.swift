import Foundation

/// An sRGB colour written as `#rrggbb`, with the WCAG 2.2 contrast arithmetic.
struct RGBColour: Equatable, Hashable, Sendable, CustomStringConvertible {
  var red: UInt8, green: UInt8, blue: UInt8

  init(_ hex: UInt32) {
    red = UInt8(truncatingIfNeeded: hex >> 16)
    green = UInt8(truncatingIfNeeded: hex >> 8)
    blue = UInt8(truncatingIfNeeded: hex)
  }

  /// `#rrggbb`, as CSS and SVG take it.
  var description: String {
    "#" + [red, green, blue].map { byte in
      let hex = String(byte, radix: 16)
      return hex.count == 1 ? "0" + hex : hex
    }.joined()
  }

  /// Relative luminance (WCAG 2.2, "relative luminance" definition): each channel linearised
  /// with the sRGB curve, then 0.2126 R + 0.7152 G + 0.0722 B.
  var relativeLuminance: Double {
    func linear(_ channel: UInt8) -> Double {
      let c = Double(channel) / 255
      return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// The WCAG contrast ratio (L1 + 0.05) / (L2 + 0.05), from 1 to 21.
  func contrast(with other: RGBColour) -> Double {
    let a = relativeLuminance, b = other.relativeLuminance
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }
}

/// The colours every Voices report uses.
///
/// Text and page colours are GOV.UK Design System ones; data colours are the Okabe-Ito
/// colour-blind-safe set (Okabe and Ito, "Color Universal Design", 2008), which stays
/// distinguishable with the common forms of colour vision deficiency. Colour never carries
/// meaning alone: charts also use position, order, direct text labels, marker shapes and dash
/// patterns, and every chart comes with its data table.
enum ReportPalette {
  /// Body text (GOV.UK text colour).
  static let text = RGBColour(0x0b0c0c)
  /// Page background.
  static let background = RGBColour(0xffffff)
  /// Secondary text such as captions and notes (GOV.UK secondary text).
  static let secondaryText = RGBColour(0x505a5f)
  /// Links (GOV.UK link colour).
  static let link = RGBColour(0x1d70b8)
  /// Visited links (GOV.UK visited colour).
  static let visitedLink = RGBColour(0x4c2c92)
  /// Focus highlight (GOV.UK focus colour), always with `text` on it.
  static let focus = RGBColour(0xffdd00)
  /// Borders and rules (GOV.UK border colour).
  static let border = RGBColour(0xb1b4b6)
  /// Light grey behind table headers and the header band's text on dark.
  static let lightFill = RGBColour(0xf3f2f1)
  /// White, for text on dark fills.
  static let white = RGBColour(0xffffff)

  /// Okabe-Ito blue, for the strongest positive answer and single-series bars.
  static let blue = RGBColour(0x0072b2)
  /// Okabe-Ito sky blue, for a mild positive answer.
  static let skyBlue = RGBColour(0x56b4e9)
  /// Okabe-Ito vermillion, for the strongest negative answer.
  static let vermillion = RGBColour(0xd55e00)
  /// Okabe-Ito orange, for a mild negative answer.
  static let orange = RGBColour(0xe69f00)
  /// Okabe-Ito bluish green.
  static let green = RGBColour(0x009e73)
  /// Okabe-Ito reddish purple.
  static let purple = RGBColour(0xcc79a7)
  /// Neutral answers: a mid grey that is neither side's hue.
  static let neutral = RGBColour(0xbfc1c3)
  /// Suppressed values: a light grey carrying a hatch pattern.
  static let suppressed = RGBColour(0xdedfe0)

  /// Colours for series in a line chart, in the order they are used.
  static let series: [RGBColour] = [blue, vermillion, green, purple, RGBColour(0x0b0c0c)]

  /// Every fill that text is drawn on, so a test can check them all.
  static let textFills: [RGBColour] = [blue, skyBlue, vermillion, orange, green, purple, neutral, suppressed, background, lightFill]

  /// Black-ish or white text, whichever contrasts more with `fill`.
  static func textColour(on fill: RGBColour) -> RGBColour {
    fill.contrast(with: text) >= fill.contrast(with: white) ? text : white
  }
}
