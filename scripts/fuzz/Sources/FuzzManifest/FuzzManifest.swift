import Foundation
import FuzzDriver
import Voices

/// Manifest parser: any bytes give a manifest with diagnostics or a `ManifestError`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let json = Data(bytes: data, count: size)
  do {
    let (manifest, diagnostics) = try ManifestLoader.decode(json, file: "fuzz.json")
    _ = manifest.effectiveHeaderRows
    _ = diagnostics.map(\.description)
  } catch is ManifestError {
  } catch {
    fatalError("unexpected error type: \(error)")
  }
  return 0
}

/// SwiftPM links an executable with `main` defined as `FuzzManifest_main`; this hands control to
/// libFuzzer's driver with the function above.
@_cdecl("FuzzManifest_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
  runFuzzer(argc, argv, fuzz)
}
