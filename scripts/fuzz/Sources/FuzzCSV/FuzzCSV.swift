import FuzzDriver
import Voices

/// CSV reader: any bytes must give a table or a `CSVError`, never a trap, hang or blow-up.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Small limits so the fuzzer reaches the limit checks with small inputs.
  let limits = ReadLimits(maximumFieldBytes: 4096, maximumFieldsPerRecord: 64)
  do {
    let table = try CSVReader.read(bytes: bytes, file: "fuzz.csv", limits: limits)
    for record in table.records {
      precondition(record.fields.count <= 64, "more fields than the limit")
      precondition(record.row >= 1, "row numbers start at 1")
    }
  } catch is CSVError {
  } catch {
    fatalError("unexpected error type: \(error)")
  }
  return 0
}

/// SwiftPM links an executable with `main` defined as `FuzzCSV_main`; this hands control to
/// libFuzzer's driver with the function above.
@_cdecl("FuzzCSV_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
