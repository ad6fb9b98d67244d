/// An export read through its manifest: the responses, where every row went, and what a person
/// should look at.
public struct SurveyExport: Sendable {
  /// The manifest's name without folder or extension; response ids start with it.
  public var name: String
  public var manifest: Manifest
  /// Column names as the layout resolved them.
  public var columns: [String]
  public var responses: [Response]
  public var accounting: RowAccounting
  public var diagnostics: [Diagnostic]
}
