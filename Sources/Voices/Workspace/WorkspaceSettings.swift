import Foundation

/// `workspace.json`: what the workspace is, and the rules every output follows.
public struct WorkspaceSettings: Codable, Sendable, Equatable {
  public var name: String
  /// True for the bundled example: every output then says the data are synthetic.
  public var synthetic: Bool
  /// The small-number rule for every output.
  public var suppression: SuppressionPolicy

  public init(name: String, synthetic: Bool = false, suppression: SuppressionPolicy = .standard) {
    self.name = name
    self.synthetic = synthetic
    self.suppression = suppression
  }

  enum CodingKeys: String, CodingKey { case name, synthetic, suppression }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    name = try c.decodeIfPresent(String.self, forKey: .name) ?? "Voices workspace"
    synthetic = try c.decodeIfPresent(Bool.self, forKey: .synthetic) ?? false
    suppression = try c.decodeIfPresent(SuppressionPolicy.self, forKey: .suppression) ?? .standard
  }
}
