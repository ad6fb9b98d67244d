import Foundation
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
