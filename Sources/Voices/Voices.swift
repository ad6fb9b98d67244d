/// Facts about this build of Voices that outputs record for provenance.
public enum Voices {
  /// The version recorded in every output.
  public static let version = "0.1.0"
}
