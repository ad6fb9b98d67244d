import Foundation

/// Why a codebook could not be found.
public enum CodebookLocationError: Error, Equatable, Sendable, CustomStringConvertible {
  case missing(path: String)
  case empty(folder: String)

  public var description: String {
    switch self {
    case .missing(let path): "no codebook at \(path) (a codebook CSV file, or a folder of them, was expected)"
    case .empty(let folder): "no codebook CSV files in \(folder)"
    }
  }
}

extension Codebook {
  /// A codebook CSV, or every CSV in a folder merged (themes keep their audience).
  ///
  /// - Throws: `CodebookLocationError`, or the codebook's own errors.
  public static func load(at path: String) throws -> Codebook {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CodebookLocationError.missing(path: path) }
    guard isDirectory.boolValue else { return try Codebook.read(contentsOf: URL(fileURLWithPath: path), file: path) }
    let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.lowercased().hasSuffix(".csv") }.sorted()
    guard !names.isEmpty else { throw CodebookLocationError.empty(folder: path) }
    let books = try names.map { try Codebook.read(contentsOf: URL(fileURLWithPath: path).appendingPathComponent($0), file: "\(path)/\($0)") }
    return Codebook.merged(books, name: URL(fileURLWithPath: path).lastPathComponent)
  }
}
