import Foundation

/// The coded-data files: CSV for spreadsheets, JSON Lines with the evidence for everything else.
public enum CodedWriter {
  /// `response_id,wave,question,themes,evidence` with themes `;`-joined and evidence as
  /// `theme@start-end "matched"` items joined by ` | ` (`theme@model p=0.83` for a theme a
  /// trained model gave).
  public static func csv(_ comments: [CodedComment]) -> String {
    TableWriter.csv([["response_id", "wave", "question", "themes", "evidence"]] + comments.map(csvRow))
  }

  /// One comment's row of `csv(_:)`.
  static func csvRow(_ c: CodedComment) -> [String] {
    let evidence = c.assignments.flatMap { a in
      a.evidence.map { "\(a.themeId)@\($0.start)-\($0.end) \"\($0.matchedText)\"" }
        + (a.modelProbability.map { ["\(a.themeId)@model p=\(probabilityText($0))"] } ?? [])
    }
    return [c.responseId, c.wave, c.question, c.assignments.map(\.themeId).joined(separator: ";"), evidence.joined(separator: " | ")]
  }

  /// `id,themes` only, for `voices code FILE.csv`.
  public static func idThemesCSVRow(_ c: CodedComment) -> String {
    TableWriter.csvField(c.responseId) + "," + TableWriter.csvField(c.assignments.map(\.themeId).joined(separator: ";")) + "\r\n"
  }

  /// A probability as written in coded files: three decimals.
  static func probabilityText(_ p: Double) -> String { String(format: "%.3f", p) }

  /// `id,themes,model_themes`: every theme, then those a model gave (not the rules).
  public static func idThemesModelCSVRow(_ c: CodedComment) -> String {
    TableWriter.csvField(c.responseId) + "," + TableWriter.csvField(c.assignments.map(\.themeId).joined(separator: ";")) + ","
      + TableWriter.csvField(c.assignments.filter { $0.modelProbability != nil }.map(\.themeId).joined(separator: ";")) + "\r\n"
  }

  /// One JSON object per line: response_id, wave, question, themes, evidence (a model's theme
  /// has no spans and a `model_probability`).
  public static func jsonLine(_ c: CodedComment) -> String {
    // Appended into one string (this runs once per comment: millions of times for a region).
    var out = ""
    out.reserveCapacity(128 + c.text.utf8.count)
    func string(_ text: String) { TableWriter.appendJSONString(text, to: &out) }
    out += "{\"response_id\":"
    string(c.responseId)
    out += ",\"wave\":"
    string(c.wave)
    out += ",\"question\":"
    string(c.question)
    out += ",\"themes\":["
    for (k, a) in c.assignments.enumerated() {
      if k > 0 { out += "," }
      string(a.themeId)
    }
    out += "],\"evidence\":["
    for (k, a) in c.assignments.enumerated() {
      if k > 0 { out += "," }
      out += "{\"theme\":"
      string(a.themeId)
      out += ",\"spans\":["
      for (j, e) in a.evidence.enumerated() {
        if j > 0 { out += "," }
        out += "{\"start\":\(e.start),\"end\":\(e.end),\"pattern\":"
        string(e.patternText)
        out += ",\"text\":"
        string(e.matchedText)
        out += "}"
      }
      out += "]"
      if let p = a.modelProbability { out += ",\"model_probability\":" + probabilityText(p) }
      out += "}"
    }
    out += "]}\n"
    return out
  }

  /// Writes `comments` as `csv(_:)` does, streamed to `url` (no whole-file string in memory).
  public static func writeCSV(_ comments: [CodedComment], to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try AtomicFile.write(to: url) { chunks in
      chunks.append(TableWriter.csv([["response_id", "wave", "question", "themes", "evidence"]]))
      writeFormatted(comments, to: &chunks) { TableWriter.csv([csvRow($0)]) }
    }
  }

  /// Appends every comment's text in order, formatted a block at a time on every core.
  static func writeFormatted(_ comments: [CodedComment], to chunks: inout AtomicFile.Chunks,
                             _ format: @escaping @Sendable (CodedComment) -> String) {
    let block = 4096
    for start in stride(from: 0, to: comments.count, by: block) {
      let slice = comments[start..<min(start + block, comments.count)]
      let cores = 8
      let texts = parallelMap(cores) { part in
        let lo = slice.startIndex + slice.count * part / cores, hi = slice.startIndex + slice.count * (part + 1) / cores
        return slice[lo..<hi].map(format).joined()
      }
      for text in texts { chunks.append(text) }
    }
  }

  /// Writes `comments` as JSON Lines (`jsonLine`), streamed to `url`.
  public static func writeJSONLines(_ comments: [CodedComment], to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try AtomicFile.write(to: url) { chunks in
      writeFormatted(comments, to: &chunks, jsonLine)
    }
  }

  /// Writes `contents` to `url` through `AtomicFile` (temporary file beside it, then rename),
  /// creating the folder if needed, so a reader never sees half a file.
  public static func writeAtomically(_ contents: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try AtomicFile.write(Array(contents.utf8), to: url)
  }
}
