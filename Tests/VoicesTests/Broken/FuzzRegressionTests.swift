import Foundation
import Testing
@testable import Voices

/// Inputs kept from fuzzing (`scripts/fuzz/run`), by target, in `Fixtures/broken/fuzz/TARGET/`:
/// every crash, hang or memory blow-up the fuzzer finds is committed there, and a sample of the
/// corpus it built (the smallest inputs reaching new code) guards the same paths. Each must
/// read or end in its reader's own error, exactly as the fuzz target requires.
@Suite("Fuzz regressions") struct FuzzRegressionTests {
  static func inputs(_ target: String) -> [URL] {
    let folder = TestPaths.fixture("broken/fuzz/\(target)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
  }

  static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

  @Test("every kept input is there to be run")
  func kept() {
    for target in ["FuzzCSV", "FuzzXLSX", "FuzzXML", "FuzzManifest", "FuzzSurvey", "FuzzXLSXGrow"] {
      #expect(!Self.inputs(target).isEmpty, "no inputs kept for \(target)")
    }
  }

  @Test("CSV inputs read or end in a CSVError")
  func csv() throws {
    for url in Self.inputs("FuzzCSV") {
      do { _ = try CSVReader.read(bytes: Self.bytes(url), file: url.lastPathComponent, limits: ReadLimits(maximumFieldBytes: 4096, maximumFieldsPerRecord: 64)) }
      catch { #expect(error is CSVError, "\(url.lastPathComponent): \(error)") }
    }
  }

  @Test("XLSX inputs read or end in a ZIPError, XLSXError or XMLError")
  func xlsx() throws {
    let limits = ReadLimits(maximumFieldBytes: 1 << 16, maximumEntryBytes: 8 << 20, maximumArchiveBytes: 32 << 20)
    for url in Self.inputs("FuzzXLSX") {
      do { _ = try XLSXReader.read(bytes: Self.bytes(url), file: url.lastPathComponent, limits: limits) }
      catch { #expect(error is ZIPError || error is XLSXError || error is XMLError, "\(url.lastPathComponent): \(error)") }
    }
  }

  /// FuzzXLSXGrow's inputs are programs; they are kept as the workbooks they build
  /// (`FuzzXLSXGrow --write-xlsx`). The three `timeout-*` ones passed libFuzzer's 10 s under
  /// AddressSanitizer on a loaded machine; each is refused (rows numbered backwards) in under
  /// a second here, so they guard the time it takes.
  @Test("grown sheets (FuzzXLSXGrow) read within the limits, streamed as read whole, or end in a reader's error")
  func grownSheets() throws {
    let limits = ReadLimits(maximumFieldBytes: 1 << 16, maximumEntryBytes: 64 << 20, maximumArchiveBytes: 128 << 20,
                            maximumCells: 1_000_000, maximumTextBytes: 16 << 20)
    for url in Self.inputs("FuzzXLSXGrow") {
      let name = url.lastPathComponent
      do {
        let table = try XLSXReader.read(bytes: Self.bytes(url), file: name, limits: limits)
        var streamed: [Record] = []
        try XLSXReader.forEachRecord(bytes: Self.bytes(url), file: name, sheet: nil, limits: limits) { streamed.append($0) }
        #expect(streamed == table.records, "\(name)")
        #expect(table.records.enumerated().allSatisfy { $0.element.row == $0.offset + 1 }, "\(name)")
        #expect(table.records.allSatisfy { $0.fields.last?.isEmpty != true }, "\(name)")
        #expect(table.records.reduce(0) { $0 + $1.fields.count } <= limits.maximumCells, "\(name)")
      } catch {
        #expect(error is ZIPError || error is XLSXError || error is XMLError, "\(name): \(error)")
      }
    }
  }

  @Test("XML inputs scan to the end or stop with an XMLError, never past the depth limit")
  func xml() throws {
    for url in Self.inputs("FuzzXML") {
      var scanner = XMLScanner(bytes: try Self.bytes(url), document: url.lastPathComponent, limits: ReadLimits(maximumFieldBytes: 4096, maximumXMLDepth: 32))
      do {
        while let token = try scanner.next() {
          #expect(scanner.depth <= 32)
          if token == .text { _ = try scanner.text() }
          if token == .startElement { _ = try scanner.attribute("r") }
        }
      } catch {
        #expect(!error.description.isEmpty)
      }
    }
  }

  @Test("manifest inputs decode or end in a ManifestError")
  func manifest() throws {
    for url in Self.inputs("FuzzManifest") {
      do { _ = try ManifestLoader.decode(Data(contentsOf: url), file: url.lastPathComponent) }
      catch { #expect(error is ManifestError, "\(url.lastPathComponent): \(error)") }
    }
  }

  @Test("survey inputs load with balanced row accounting")
  func survey() throws {
    let json = """
      {"manifestVersion": 1, "source": "annual-conversation", "wave": "2025", "file": "exports/fuzz.csv",
       "layout": "google-forms", "submitted": "Timestamp", "respondentId": "ID",
       "respondentGroupColumn": {"column": "Are you a...", "values": {"Parent or carer": "parent carers", "Young person": "young people"}},
       "consent": {"column": "Consent", "yes": ["Yes"]},
       "breakdowns": [{"field": "locality", "column": "Area"}],
       "measures": [{"measure": "voice-heard", "column": "Heard", "scale": "yes-partly-no"},
                    {"measure": "enjoy-life", "column": "Enjoy", "scale": "agreement-5"}],
       "freeText": [{"question": "anything-else", "column": "Anything else"}]}
      """
    let manifest = try ManifestLoader.decode(Data(json.utf8), file: "fuzz.json").0
    for url in Self.inputs("FuzzSurvey") {
      guard let table = try? CSVReader.read(bytes: Self.bytes(url), file: url.lastPathComponent,
                                            limits: ReadLimits(maximumFieldBytes: 4096, maximumFieldsPerRecord: 64)) else { continue }
      let export = SurveyLoader.load(table, manifest: manifest, name: "fuzz")
      #expect(export.accounting.balances, "\(url.lastPathComponent)")
    }
  }
}
