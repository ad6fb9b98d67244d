import Foundation

/// The four reports Voices writes from a workspace.
public enum ReportKind: String, CaseIterable, Sendable {
  case annual
  case themes
  case trust
  case youSaidWeDid = "you-said-we-did"

  /// The files' base name in the output folder.
  public var fileName: String {
    switch self {
    case .annual: "annual-participation-report"
    case .themes: "theme-pack"
    case .trust: "trust-and-confidence-tracker"
    case .youSaidWeDid: "you-said-we-did"
    }
  }
}

/// The formats each report is written in.
public enum ReportFormat: String, CaseIterable, Sendable {
  case html, md, csv, json
}

/// One file of a report: its name in the output folder and its bytes.
public struct ReportFile: Sendable, Equatable {
  public var name: String
  public var bytes: [UInt8]

  public init(name: String, bytes: [UInt8]) {
    self.name = name
    self.bytes = bytes
  }

  public init(name: String, contents: String) {
    self.init(name: name, bytes: Array(contents.utf8))
  }

  /// The bytes as text (the HTML, Markdown, CSV and JSON files are UTF-8).
  public var contents: String { String(decoding: bytes, as: UTF8.self) }
}

/// Builds reports in memory and writes them all at once.
public enum ReportBuilder {
  /// Builds `kinds` in `formats` from a workspace already read and coded
  /// (`Workspace.buildReports` gathers both).
  ///
  /// Nothing is written: the caller writes the files with `write(_:to:)` once every report is
  /// built, so an error leaves no partial output. The same inputs and environment always give
  /// the same bytes.
  ///
  /// - Parameters:
  ///   - coded: The workspace's comments as `Workspace.code` coded them; nil with no codebooks.
  ///   - environment: The process environment; only `SOURCE_DATE_EPOCH` is read (the date
  ///     shown). When unset, the newest submission date in the data is shown.
  /// - Throws: `ReportError`, `ProvenanceError`, reader errors.
  public static func build(_ kinds: [ReportKind], formats: [ReportFormat], workspace: ReportWorkspace, load: SurveyCollection,
                           coded: CodedCorpus?, environment: [String: String]) throws -> [ReportFile] {
    guard !load.exports.isEmpty else { throw ReportError.noData(workspace: workspace.displayPath) }
    return render(kinds, formats: formats, inputs: try ReportInputs.gather(workspace, load: load, coded: coded, environment: environment))
  }

  /// The files of `kinds` in `formats` from inputs already gathered.
  static func render(_ kinds: [ReportKind], formats: [ReportFormat], inputs: ReportInputs) -> [ReportFile] {
    var files: [ReportFile] = []
    for kind in kinds {
      let doc = document(kind, inputs)
      for format in ReportFormat.allCases where formats.contains(format) {
        let contents: String
        switch format {
        case .html: contents = doc.html()
        case .md: contents = doc.markdown()
        case .csv: contents = doc.csv()
        case .json: contents = doc.json()
        }
        files.append(ReportFile(name: "\(kind.fileName).\(format.rawValue)", contents: contents))
      }
      // The Council's review sheet goes beside the theme pack they read.
      if kind == .themes, formats.contains(.html) || formats.contains(.md), let sheet = ThemePackReport.reviewSheet(inputs) {
        files.append(ReportFile(name: ThemePackReport.reviewSheetName, bytes: sheet))
      }
    }
    return files
  }

  static func document(_ kind: ReportKind, _ inputs: ReportInputs) -> ReportDocument {
    switch kind {
    case .annual: AnnualReport.build(inputs)
    case .themes: ThemePackReport.build(inputs)
    case .trust: TrustTrackerReport.build(inputs)
    case .youSaidWeDid: YouSaidWeDidReport.build(inputs)
    }
  }

  /// Writes every file into `folder` (created if missing), each through `AtomicFile`.
  ///
  /// - Returns: The URLs written, in order.
  public static func write(_ files: [ReportFile], to folder: URL) throws -> [URL] {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var written: [URL] = []
    for file in files {
      let url = folder.appendingPathComponent(file.name)
      try AtomicFile.write(file.bytes, to: url)
      written.append(url)
    }
    return written
  }
}
