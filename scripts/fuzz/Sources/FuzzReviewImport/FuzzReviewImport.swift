import Foundation
import FuzzDriver
@testable import Voices

/// Review sheet import: any bytes (CSV or XLSX) are read and every row validated against a
/// small workspace; only the readers' errors may stop it, and every error names its place.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  do {
    let table = try ReviewImport.sheet(bytes, file: "fuzz.csv")
    let read = ReviewImport.validate(table, sheetSHA256: "0", comments: comments, codebook: codebook, redactor: redactor,
                                     at: "2025-01-01T00:00:00Z")
    _ = read.errors.map(\.description)
    _ = read.decisions.map(\.jsonLine)
    _ = FinalCoding.apply(read.decisions, to: comments)
  } catch is CSVError {
  } catch is ZIPError {
  } catch is XLSXError {
  } catch is XMLError {
  } catch {
    fatalError("unexpected error type: \(error)")
  }
  return 0
}

let codebook = Codebook(name: "fuzz", themes: [
  Theme(id: "waiting", label: "Waiting", patterns: ["waiting list"]),
  Theme(id: "transport", label: "Transport", patterns: ["taxi"]),
])
let redactor = Redactor()
let comments: [CodedComment] = {
  var c = [
    CodedComment(responseId: "r1", wave: "2025", question: "q", text: "On the waiting list. Call Jack on 07700 900123."),
    CodedComment(responseId: "r2", wave: "2025", question: "q", text: "The taxi is late."),
  ]
  if let engine = try? CodingEngine(codebook) { CodingRun.code(&c, with: engine) }
  return c
}()

/// The seed sheet: the review sheet Voices exports for the comments above (written by
/// `scripts/fuzz/run` with `FuzzReviewImport --write-seed DIR`).
func writeSeeds(to folder: String) throws {
  let rows = ReviewSheet.rows(for: comments, codebook: codebook, redactor: redactor)
  try Data(ReviewSheet.csv(rows)).write(to: URL(fileURLWithPath: folder).appendingPathComponent("sheet.csv"))
  try Data(try ReviewSheet.xlsx(rows, codebook: codebook)).write(to: URL(fileURLWithPath: folder).appendingPathComponent("sheet.xlsx"))
}

/// SwiftPM links an executable with `main` defined as `FuzzReviewImport_main`; this hands control
/// to libFuzzer's driver with the function above, or writes seed sheets with `--write-seed DIR`.
@_cdecl("FuzzReviewImport_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  if argc == 3, let flag = argv[1], String(cString: flag) == "--write-seed", let dir = argv[2] {
    do { try writeSeeds(to: String(cString: dir)) } catch { return 1 }
    return 0
  }
  return runFuzzer(argc, argv, fuzz)
}
