import FuzzDriver
import Voices

/// ZIP + XLSX reader: any bytes must give a table or a `ZIPError` / `XLSXError` / `XMLError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let limits = ReadLimits(maximumFieldBytes: 1 << 16, maximumEntryBytes: 8 << 20, maximumArchiveBytes: 32 << 20)
  do {
    _ = try XLSXReader.read(bytes: bytes, file: "fuzz.xlsx", limits: limits)
    _ = try XLSXReader.sheetNames(bytes: bytes, file: "fuzz.xlsx", limits: limits)
  } catch is ZIPError {
  } catch is XLSXError {
  } catch is XMLError {
  } catch {
    fatalError("unexpected error type: \(error)")
  }
  return 0
}

/// SwiftPM links an executable with `main` defined as `FuzzXLSX_main`; this hands control to
/// libFuzzer's driver with the function above.
@_cdecl("FuzzXLSX_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
