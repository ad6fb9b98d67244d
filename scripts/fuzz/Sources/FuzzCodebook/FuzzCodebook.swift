import Foundation
import FuzzDriver
@testable import Voices

/// Codebook CSV and pattern language: any bytes give a codebook that compiles and codes, or a
/// `CSVError` / `CodebookError`. The same bytes, read as a comment, also go through the text
/// pipeline and the default parent carer codebook (the unsafe-pointer tokenizer and matcher).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = defaultEngine.code(String(decoding: bytes, as: UTF8.self))
  do {
    let table = try CSVReader.read(bytes: bytes, file: "fuzz.csv")
    let codebook = try Codebook.parse(table, name: "fuzz")
    let engine = try CodingEngine(codebook)
    for text in samples { _ = engine.code(text) }
    _ = codebook.csv()
  } catch is CSVError {
  } catch is CodebookError {
  } catch {
    fatalError("unexpected error type: \(error)")
  }
  return 0
}

/// The default parent carer codebook, compiled once.
let defaultEngine: CodingEngine = {
  let csv = DefaultCodebooks.files.first { $0.name == "parent-carers.csv" }!.contents
  let table = try! CSVReader.read(bytes: Array(csv.utf8), file: "parent-carers.csv")
  return try! CodingEngine(Codebook.parse(table, name: "parent-carers"))
}()

/// Comments that exercise negation, proximity, abbreviations and non-ASCII text.
let samples = [
  "We waited two years for an EHC plan and the SENCo never called back.",
  "No help from the locality team, but the taxi driver isn't late any more!",
  "Caf\u{E9} \u{201C}respite\u{201D} \u{2014} my son\u{2019}s OT said @SQ@no@SQ@ \u{1F622}",
  "",
]

/// SwiftPM links an executable with `main` defined as `FuzzCodebook_main`; this hands control to
/// libFuzzer's driver with the function above.
@_cdecl("FuzzCodebook_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
