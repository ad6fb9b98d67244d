import Foundation

/// How one export maps onto Voices' canonical fields: which wave and route it is, which columns
/// hold the respondent id, time, breakdowns, measures and free text.
///
/// One manifest per export file, as JSON in the workspace's `manifests/` folder. Columns are
/// named as the export's `layout` names them (see `VendorLayout.columnNames(from:)`).
public struct Manifest: Codable, Sendable, Equatable {
  public var manifestVersion: Int
  public var title: String?
  public var note: String?
  public var source: SurveySource
  public var wave: String
  /// The survey series this export is one wave of (`parent-carer-survey`): next year's export
  /// of the series takes this one's mapping, and trends compare waves of one series only.
  /// When absent, the series is named from the export's file name (`Manifest.seriesName`).
  public var series: String?
  /// The export, relative to the workspace root.
  public var file: String
  public var layout: VendorLayout
  /// XLSX only: a sheet name, or a 1-based index written as a number.
  public var sheet: SheetReference?
  /// How slashed dates read when no value settles it (`day-first` or `month-first`); see
  /// `DateOrderEvidence`.
  public var dateOrder: DateOrder?
  /// Overrides the layout's header row count.
  public var headerRows: Int?
  /// One respondent group for every row ...
  public var respondentGroup: String?
  /// ... or a column whose answers say the group.
  public var respondentGroupColumn: GroupColumn?
  public var respondentId: String?
  public var submitted: String?
  public var consent: Consent?
  public var breakdowns: [Breakdown]
  public var measures: [MeasureColumn]
  public var freeText: [FreeTextColumn]
  /// Each row stands for this many people (an events log).
  public var attendance: String?
  /// Columns deliberately not read (personal data such as names and emails).
  public var ignore: [String]
  /// Scales defined for this export only, by id.
  public var scales: [String: Scale]

  public struct GroupColumn: Codable, Sendable, Equatable {
    public var column: String
    /// Answer -> group name; answers not listed are used as they are.
    public var values: [String: String]?
  }

  public struct Consent: Codable, Sendable, Equatable {
    public var column: String
    /// Answers that mean "yes, you may quote me"; anything else is no.
    public var yes: [String]
  }

  public struct Breakdown: Codable, Sendable, Equatable {
    /// Canonical field name, such as `locality`, `need`, `support`, `age-band`.
    public var field: String
    public var column: String
  }

  public struct MeasureColumn: Codable, Sendable, Equatable {
    public var measure: String
    public var column: String
    public var scale: String
    /// `before` or `after` for paired measures.
    public var timepoint: String?
    /// The question as worded in this wave.
    public var label: String?
  }

  public struct FreeTextColumn: Codable, Sendable, Equatable {
    public var question: String
    public var column: String
    public var label: String?
  }

  public enum SheetReference: Codable, Sendable, Equatable {
    case name(String)
    case index(Int)

    public init(from decoder: Decoder) throws {
      let c = try decoder.singleValueContainer()
      if let index = try? c.decode(Int.self) { self = .index(index) } else { self = .name(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
      var c = encoder.singleValueContainer()
      switch self {
      case .name(let name): try c.encode(name)
      case .index(let index): try c.encode(index)
      }
    }
  }

  enum CodingKeys: String, CodingKey, CaseIterable {
    case manifestVersion, title, note, source, wave, series, file, layout, sheet, dateOrder, headerRows, respondentGroup
    case respondentGroupColumn, respondentId, submitted, consent, breakdowns, measures, freeText
    case attendance, ignore, scales
  }

  public init(from decoder: Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    manifestVersion = try c.decodeIfPresent(Int.self, forKey: .manifestVersion) ?? 1
    title = try c.decodeIfPresent(String.self, forKey: .title)
    note = try c.decodeIfPresent(String.self, forKey: .note)
    source = try c.decode(SurveySource.self, forKey: .source)
    wave = try c.decode(String.self, forKey: .wave)
    series = try c.decodeIfPresent(String.self, forKey: .series)
    file = try c.decode(String.self, forKey: .file)
    layout = try c.decodeIfPresent(VendorLayout.self, forKey: .layout) ?? .plain
    sheet = try c.decodeIfPresent(SheetReference.self, forKey: .sheet)
    dateOrder = try c.decodeIfPresent(DateOrder.self, forKey: .dateOrder)
    headerRows = try c.decodeIfPresent(Int.self, forKey: .headerRows)
    respondentGroup = try c.decodeIfPresent(String.self, forKey: .respondentGroup)
    respondentGroupColumn = try c.decodeIfPresent(GroupColumn.self, forKey: .respondentGroupColumn)
    respondentId = try c.decodeIfPresent(String.self, forKey: .respondentId)
    submitted = try c.decodeIfPresent(String.self, forKey: .submitted)
    consent = try c.decodeIfPresent(Consent.self, forKey: .consent)
    breakdowns = try c.decodeIfPresent([Breakdown].self, forKey: .breakdowns) ?? []
    measures = try c.decodeIfPresent([MeasureColumn].self, forKey: .measures) ?? []
    freeText = try c.decodeIfPresent([FreeTextColumn].self, forKey: .freeText) ?? []
    attendance = try c.decodeIfPresent(String.self, forKey: .attendance)
    ignore = try c.decodeIfPresent([String].self, forKey: .ignore) ?? []
    scales = try c.decodeIfPresent([String: Scale].self, forKey: .scales) ?? [:]
    for (id, _) in scales { scales[id]?.id = id }
  }

  public init(source: SurveySource, wave: String, file: String, layout: VendorLayout) {
    self.manifestVersion = 1
    self.source = source
    self.wave = wave
    self.file = file
    self.layout = layout
    self.breakdowns = []
    self.measures = []
    self.freeText = []
    self.ignore = []
    self.scales = [:]
  }

  /// Which way round slashed dates are: `14/02/2025` (UK) or `02/14/2025` (US).
  public enum DateOrder: String, Codable, Sendable, Equatable {
    case dayFirst = "day-first"
    case monthFirst = "month-first"

    var timestampOrder: Timestamp.DayOrder { self == .dayFirst ? .dayFirst : .monthFirst }
  }

  /// The header row count in force: the manifest's override or the layout's.
  public var effectiveHeaderRows: Int { headerRows ?? layout.headerRowCount }

  /// A scale by id: this manifest's own first, then the built-in ones.
  public func scale(_ id: String) -> Scale? { scales[id] ?? Scale.builtIn[id] }
}
