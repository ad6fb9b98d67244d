import Foundation
import FuzzDriver
import Voices

/// The manifest every input is loaded with: a Google Forms layout using every kind of column.
let manifest: Manifest = {
  let json = """
    {"manifestVersion": 1, "source": "annual-conversation", "wave": "2025", "file": "exports/fuzz.csv",
     "layout": "google-forms", "submitted": "Timestamp", "respondentId": "ID",
     "respondentGroupColumn": {"column": "Are you a...", "values": {"Parent or carer": "parent carers", "Young person": "young people"}},
     "consent": {"column": "Consent", "yes": ["Yes"]},
     "breakdowns": [{"field": "locality", "column": "Area"}],
     "measures": [{"measure": "voice-heard", "column": "Heard", "scale": "yes-partly-no"},
                  {"measure": "enjoy-life", "column": "Enjoy", "scale": "agreement-5"}],
     "freeText": [{"question": "anything-else", "column": "Anything else"}]}
    """
  do { return try ManifestLoader.decode(Data(json.utf8), file: "fuzz.json").0 } catch { fatalError("\(error)") }
}()

/// SurveyLoader on a table read from fuzzed CSV: every row is accounted for, nothing traps.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let table = try? CSVReader.read(bytes: bytes, file: "fuzz.csv",
                                        limits: ReadLimits(maximumFieldBytes: 4096, maximumFieldsPerRecord: 64))
  else { return 0 }
  let export = SurveyLoader.load(table, manifest: manifest, name: "fuzz")
  precondition(export.accounting.balances, "row accounting does not balance")
  _ = export.diagnostics.map(\.description)
  return 0
}

/// SwiftPM links an executable with `main` defined as `FuzzSurvey_main`; this hands control to
/// libFuzzer's driver with the function above.
@_cdecl("FuzzSurvey_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
