import Foundation

/// Turns an export's records into responses, following the export's manifest.
///
/// Nothing is dropped silently: every data row ends up accepted, rejected (with a diagnostic
/// saying why) or a duplicate (with a note naming the submission kept), and
/// `RowAccounting.balances` holds for every export.
public enum SurveyLoader {
  /// Reads the responses of one export file.
  ///
  /// The export is streamed record by record, so memory holds the responses but never the
  /// whole table (a million-row export would otherwise be held twice); an XLSX workbook's
  /// sheet XML and shared strings are held while its rows stream.
  ///
  /// - Parameters:
  ///   - url: The export.
  ///   - file: Its name in messages.
  ///   - manifest: How its columns map to canonical fields.
  ///   - name: The manifest's name, used to build response ids.
  ///   - limits: Bounds on field size and fields per record.
  ///   - keepingFreeText: Whether responses keep their free-text answers; `false` for work
  ///     that never reads them (validating, measures), so a big export's comments, most of its
  ///     bytes, are not held in memory. Their columns are still checked.
  /// - Throws: The reader's error (`CSVError`, `ZIPError`, `XLSXError`, `XMLError`) when the
  ///   file cannot be read at all.
  public static func load(contentsOf url: URL, file: String, manifest: Manifest, name: String,
                          limits: ReadLimits = .standard, keepingFreeText: Bool = true) throws -> SurveyExport {
    switch try TableReader.format(of: url, file: file) {
    case .xlsx:
      var builder = SurveyExportBuilder(manifest: manifest, name: name, file: file, keepingFreeText: keepingFreeText)
      try XLSXReader.forEachRecord(contentsOf: url, file: file, sheet: manifest.sheet.map(SheetSelector.init), limits: limits) {
        builder.add($0)
      }
      return builder.finish(warnings: [])
    case .csv:
      // Read once, checking UTF-8 on the way; only a file that is not UTF-8 is read again.
      func read(restartable: Bool) throws -> SurveyExport {
        var builder = SurveyExportBuilder(manifest: manifest, name: name, file: file, keepingFreeText: keepingFreeText)
        let summary = try CSVReader.forEachRawRecord(contentsOf: url, file: file, limits: limits, restartable: restartable) {
          builder.add($0)
        }
        return builder.finish(warnings: summary.warnings)
      }
      do { return try read(restartable: true) } catch is CSVReader.NotUTF8 { return try read(restartable: false) }
    }
  }

  /// Reads the responses of one export already read into a table.
  ///
  /// - Parameters:
  ///   - table: The export exactly as read (header rows included).
  ///   - manifest: How its columns map to canonical fields.
  ///   - name: The manifest's name, used to build response ids.
  ///   - keepingFreeText: Whether responses keep their free-text answers.
  /// - Returns: The export's responses, accounting and diagnostics.
  public static func load(_ table: Table, manifest: Manifest, name: String, keepingFreeText: Bool = true) -> SurveyExport {
    var builder = SurveyExportBuilder(manifest: manifest, name: name, file: table.file, keepingFreeText: keepingFreeText)
    for record in table.records { builder.add(record) }
    return builder.finish(warnings: table.warnings)
  }

  /// Keeps the latest submission of each respondent id (the later row when times tie or are
  /// missing) and counts the others as duplicates, each with a note naming the row kept.
  ///
  /// Ids are found through an open-addressing table of response positions rather than a
  /// dictionary keyed by id: for a million responses that is 8 MB instead of 48, held while
  /// every response is in memory.
  static func removeDuplicates(_ responses: inout [Response], accounting: inout RowAccounting, diagnostics: inout [Diagnostic]) {
    var capacity = 16
    while capacity < responses.count * 2 { capacity *= 2 }
    let mask = capacity - 1
    // The position of the response kept so far for each id, -1 for an empty slot; and for each
    // response with an id, the slot of its id.
    var kept = [Int32](repeating: -1, count: capacity)
    var slotOf = [Int32](repeating: -1, count: responses.count)
    var withId = 0, distinct = 0
    for index in responses.indices {
      guard var id = responses[index].respondentId else { continue }
      withId += 1
      var slot = Int(truncatingIfNeeded: id.withUTF8 { ByteKeyIndex.hash($0) }) & mask
      while kept[slot] >= 0, responses[Int(kept[slot])].respondentId != id { slot = (slot + 1) & mask }
      slotOf[index] = Int32(slot)
      guard kept[slot] >= 0 else {
        kept[slot] = Int32(index)
        distinct += 1
        continue
      }
      let keptIndex = Int(kept[slot])
      if let keptTime = responses[keptIndex].submitted, let time = responses[index].submitted, time < keptTime { continue }
      kept[slot] = Int32(index)
    }
    guard distinct < withId else { return }
    var discard: [Bool] = Array(repeating: false, count: responses.count)
    for index in responses.indices where slotOf[index] >= 0 {
      let keep = Int(kept[Int(slotOf[index])])
      guard keep != index else { continue }
      discard[index] = true
      accounting.accepted -= 1
      accounting.duplicates += 1
      let winner = responses[keep]
      diagnostics.append(Diagnostic(.note, at: responses[index].location, value: responses[index].respondentId,
        "duplicate submission by the same respondent; kept the later one at row \(winner.row)\(winner.submitted.map { " (submitted \($0.iso))" } ?? "")"))
    }
    // Compacted in place: a copy of a million responses would double the memory held.
    var write = 0
    for index in responses.indices where !discard[index] {
      if write != index { responses.swapAt(write, index) }
      write += 1
    }
    responses.removeLast(responses.count - write)
  }
}
