import FuzzDriver
@testable import Voices

/// XML scanner: scan every token, decoding names, attributes and text; only `XMLError` may stop it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var scanner = XMLScanner(bytes: bytes, document: "fuzz.xml", entry: "xl/worksheets/sheet1.xml",
                           limits: ReadLimits(maximumFieldBytes: 4096, maximumXMLDepth: 32))
  do {
    var tokens = 0
    while let token = try scanner.next() {
      tokens += 1
      precondition(tokens <= 2 * size + 2, "more tokens than bytes: the scanner is not advancing")
      precondition(scanner.depth <= 32, "depth past the limit")
      switch token {
      case .startElement:
        _ = scanner.localName
        _ = scanner.qualifiedName
        _ = try scanner.attribute("r")
        _ = try scanner.attribute("t")
        _ = try scanner.attribute("val")
        if scanner.isNamed("skip") { try scanner.skipElement() }
      case .endElement:
        _ = scanner.localName
      case .text:
        _ = try scanner.text()
        _ = scanner.textIsWhitespace
      }
    }
  } catch {
    _ = error.description
  }
  return 0
}

/// SwiftPM links an executable with `main` defined as `FuzzXML_main`; this hands control to
/// libFuzzer's driver with the function above.
@_cdecl("FuzzXML_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
