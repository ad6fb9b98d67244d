import Foundation

/// Paths the tests read from: this package's root, its fixtures, and the third-party material
/// in `../shared/external` that sits beside a clone of the repository.
enum TestPaths {
  /// The package root, found from this file's own path so tests work from any directory.
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // VoicesTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// `Tests/VoicesTests/Fixtures`, read in place (also copied as a bundle resource).
  static let fixtures: URL = packageRoot.appendingPathComponent("Tests/VoicesTests/Fixtures")

  /// `../shared/external`: real third-party test material (see its SOURCES.md).
  static let external: URL = packageRoot
    .deletingLastPathComponent()
    .appendingPathComponent("shared/external")

  static func fixture(_ relativePath: String) -> URL {
    fixtures.appendingPathComponent(relativePath)
  }

  static func externalFile(_ relativePath: String) -> URL {
    external.appendingPathComponent(relativePath)
  }
}
