import Foundation

/// Why a manifest could not be read at all. Problems inside a readable manifest (a column the
/// export lacks, an unknown scale) are `Diagnostic`s instead, so all of them are reported at once.
public enum ManifestError: Error, Equatable, Sendable, CustomStringConvertible {
  case unreadable(file: String, reason: String)
  case invalidJSON(file: String, reason: String)
  case invalidField(file: String, path: String, expected: String)
  case missingField(file: String, path: String)
  case invalidValue(file: String, path: String, reason: String)

  public var description: String {
    switch self {
    case .unreadable(let file, let reason): "\(file): cannot read manifest: \(reason)"
    case .invalidJSON(let file, let reason): "\(file): not valid JSON: \(reason)"
    case .invalidField(let file, let path, let expected): "\(file): \(path): expected \(expected)"
    case .missingField(let file, let path): "\(file): \(path) is required but missing"
    case .invalidValue(let file, let path, let reason): "\(file): \(path): \(reason)"
    }
  }
}
