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
