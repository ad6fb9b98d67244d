import Foundation

/// Who lives here, as the workspace's `population.json` says: for a breakdown field, each
/// answer's share of the population (the EHCP cohort by primary need, children by locality).
///
/// ```json
/// {"profiles": [{"field": "need", "title": "EHCP cohort by primary need",
///   "source": "SEND Strategy 2021-2024", "appliesTo": "parent-carer-survey",
///   "shares": {"Autism": 0.28, "Social, emotional and mental health (SEMH)": 0.21}}]}
/// ```
public struct PopulationProfile: Codable, Sendable, Equatable {
  public var field: String
  public var title: String
  /// Where the shares come from, printed beside every comparison.
  public var source: String?
  /// The route whose respondents this population describes; every route when absent.
  public var appliesTo: SurveySource?
  /// Answer (as respondents give it) -> population share. Shares are rescaled to sum to 1.
  public var shares: [String: Double]
  /// Whether measures are also reported weighted to this profile (post-stratification).
  public var weight: Bool?

  /// The workspace file: `{"profiles": [...]}`.
  public struct File: Codable, Sendable, Equatable {
    public var profiles: [PopulationProfile]
  }

  /// Reads `population.json`.
  public static func decode(_ data: Data, file: String) throws -> [PopulationProfile] {
    do { return try JSONDecoder().decode(File.self, from: data).profiles } catch let error as DecodingError {
      throw ManifestLoader.translate(error, file: file)
    } catch {
      throw ManifestError.invalidJSON(file: file, reason: ManifestLoader.jsonReason(error))
    }
  }
}
