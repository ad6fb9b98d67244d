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
  ///   - allowingErrors: Whether to build from a workspace whose reading found errors (what
  ///     `voices validate` reports); every page then says so, with the count.
  /// - Throws: `ReportError.workspaceHasErrors` when the workspace has errors and
  ///   `allowingErrors` is false; `ReportError`, `ProvenanceError`, reader errors.
  public static func build(_ kinds: [ReportKind], formats: [ReportFormat], workspace: ReportWorkspace, load: SurveyCollection,
                           coded: CodedCorpus?, environment: [String: String], allowingErrors: Bool = false) throws -> [ReportFile] {
    let errors = load.diagnostics.filter { $0.severity == .error }.count
    guard errors == 0 || allowingErrors else { throw ReportError.workspaceHasErrors(workspace: workspace.displayPath, count: errors) }
    guard !load.exports.isEmpty else { throw ReportError.noData(workspace: workspace.displayPath) }
    var inputs = try ReportInputs.gather(workspace, load: load, coded: coded, environment: environment)
    inputs.errorsAllowed = errors
    return render(kinds, formats: formats, inputs: inputs)
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

  /// Writes every file into `folder` (created if missing): all of them or, if anything fails
  /// on the way, none (see the staging folder below).
  ///
  /// - Returns: The URLs written, in order.
  /// - Throws: `ReportError.outputNotAFolder` when `folder` is a file; `AtomicFileError`.
  public static func write(_ files: [ReportFile], to folder: URL) throws -> [URL] {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
      throw ReportError.outputNotAFolder(path: folder.path)
    }
    do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
      throw ReportError.outputNotAFolder(path: folder.path)
    }
    AtomicFile.removeAbandonedTemporaries(in: folder)
    removeAbandonedStaging(in: folder)
    // Every file is written and synced in a staging folder inside the output folder (so on the
    // same file system) before any is renamed into place: a full disk or a kill while writing
    // leaves the old reports as they were, never a mix of new and old.
    let staging = folder.appendingPathComponent("\(stagingPrefix)\(getpid())-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))")
    do { try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false) } catch {
      throw AtomicFileError.cannotCreateTemporary(path: staging.path, reason: "cannot make a staging folder: \(error.localizedDescription)")
    }
    defer { try? FileManager.default.removeItem(at: staging) }
    for file in files { try AtomicFile.write(file.bytes, to: staging.appendingPathComponent(file.name)) }
    var written: [URL] = []
    for file in files {
      let url = folder.appendingPathComponent(file.name)
      guard rename(staging.appendingPathComponent(file.name).path, url.path) == 0 else {
        throw AtomicFileError.renameFailed(path: url.path, reason: String(cString: strerror(errno)))
      }
      written.append(url)
    }
    let fd = open(folder.path, O_RDONLY | O_CLOEXEC)
    if fd >= 0 { _ = fsync(fd); close(fd) }
    return written
  }

  /// Staging folders are `.voices-staging-PID-RANDOM` inside the output folder.
  static let stagingPrefix = ".voices-staging-"

  /// Removes staging folders left by report runs that were killed (their process is gone).
  static func removeAbandonedStaging(in folder: URL) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    for name in names where name.hasPrefix(stagingPrefix) {
      guard let pid = Int32(name.dropFirst(stagingPrefix.count).prefix { $0 != "-" }), pid != getpid() else { continue }
      // kill(pid, 0) fails with ESRCH when no such process exists.
      if kill(pid, 0) != 0, errno == ESRCH { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
    }
  }
}
