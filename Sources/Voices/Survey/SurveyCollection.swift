import Foundation

/// Every survey export read from a workspace, with the registry and population they are read
/// against: what Measures, Review and Reports work from. `Workspace.load` builds it; it lives in
/// Survey so that the folders above it need not know the workspace on disk.
public struct SurveyCollection: Sendable {
  public var exports: [SurveyExport]
  /// Problems with manifests and files that could not be read at all; row-level problems live
  /// in each export's own diagnostics.
  public var diagnostics: [Diagnostic]
  /// The workspace's registered measures (empty when it has no `measures.json`).
  public var registry: MeasureRegistry
  /// Population profiles for representativeness (empty when there is no `population.json`).
  public var population: [PopulationProfile] = []

  /// Every diagnostic, workspace-level first.
  public var allDiagnostics: [Diagnostic] { diagnostics + exports.flatMap(\.diagnostics) }

  public var accounting: RowAccounting { exports.map(\.accounting).reduce(RowAccounting(), +) }
}
