import Foundation

/// A manifest resolved against an export's columns once, then applied to every row.
final class RowPlan {
  struct MeasurePlan {
    let column: Int
    let measure: Manifest.MeasureColumn
    let scale: Scale
    let index: ScaleIndex
  }

  let manifest: Manifest
  let columns: [String]
  let idColumn: Int?
  let submittedColumn: Int?
  let groupColumn: Int?
  let consentColumn: Int?
  let attendanceColumn: Int?
  let breakdowns: [(field: String, column: Int)]
  let measures: [MeasurePlan]
  /// The free-text columns whose answers responses keep (none when the loader was asked not to
  /// keep free text; the columns are resolved, and so checked, either way).
  let texts: [(question: String, column: Int)]
  let consentYes: Set<String>
  let groupValues: [String: String]
  let dayOrder: Timestamp.DayOrder
  let isSmartSurvey: Bool

  init(manifest: Manifest, resolver: inout ColumnResolver, keepingFreeText: Bool = true) {
    self.manifest = manifest
    self.columns = resolver.columns
    idColumn = manifest.respondentId.flatMap { resolver.index(of: $0, for: "respondentId") }
    submittedColumn = manifest.submitted.flatMap { resolver.index(of: $0, for: "submitted") }
    groupColumn = manifest.respondentGroupColumn.flatMap { resolver.index(of: $0.column, for: "respondentGroupColumn") }
    consentColumn = manifest.consent.flatMap { resolver.index(of: $0.column, for: "consent") }
    attendanceColumn = manifest.attendance.flatMap { resolver.index(of: $0, for: "attendance") }
    breakdowns = manifest.breakdowns.compactMap { b in
      resolver.index(of: b.column, for: "breakdown \(b.field)").map { (b.field, $0) }
    }
    measures = manifest.measures.compactMap { m in
      guard let scale = manifest.scale(m.scale), let column = resolver.index(of: m.column, for: "measure \(m.measure)") else { return nil }
      return MeasurePlan(column: column, measure: m, scale: scale, index: ScaleIndex(scale))
    }
    let texts = manifest.freeText.compactMap { t in
      resolver.index(of: t.column, for: "free text \(t.question)").map { (t.question, $0) }
    }
    self.texts = keepingFreeText ? texts : []
    for name in manifest.ignore { _ = resolver.index(of: name, for: "ignore") }
    consentYes = Set((manifest.consent?.yes ?? []).map(ColumnName.normalised))
    var values: [String: String] = [:]
    for (answer, group) in manifest.respondentGroupColumn?.values ?? [:] { values[ColumnName.normalised(answer)] = group }
    groupValues = values
    dayOrder = manifest.dateOrder?.timestampOrder ?? (manifest.layout == .surveymonkey ? .monthFirst : .dayFirst)
    isSmartSurvey = manifest.layout == .smartsurvey
  }

  /// A cell's bytes as the layout means them: trimmed, and empty for SmartSurvey's `NA` (its
  /// `@SQ@` is turned back into `'` only when the cell becomes text, in ``text(_:)``).
  func cell(_ record: RawRecord, _ column: Int) -> UnsafeBufferPointer<UInt8> {
    column < record.count ? meaning(record[column]) : UnsafeBufferPointer(start: nil, count: 0)
  }

  /// A field's bytes as the layout means them (see ``cell(_:_:)``).
  func meaning(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    let value = CellText.trimmed(field)
    if isSmartSurvey, value.count == 2, value[0] == UInt8(ascii: "N"), value[1] == UInt8(ascii: "A") {
      return UnsafeBufferPointer(start: nil, count: 0)
    }
    return value
  }

  /// Meant bytes as text, SmartSurvey's `@SQ@` read as an apostrophe.
  func text(_ meant: UnsafeBufferPointer<UInt8>) -> String {
    guard !meant.isEmpty else { return "" }
    let text = String(decoding: meant, as: UTF8.self)
    return isSmartSurvey ? CellText.smartSurveyApostrophes(text) : text
  }

  /// A cell's text as the layout means it: trimmed, SmartSurvey's `NA` read as blank and its
  /// `@SQ@` as an apostrophe.
  func cellText(_ record: RawRecord, _ column: Int) -> String { text(cell(record, column)) }

  /// The response in one data row, or `nil` when the row cannot be read (a diagnostic says why).
  ///
  /// Only the cells the manifest names become text, and a row whose breakdown and measure cells
  /// were seen before takes their values from `interner` without making text of them at all.
  func response(from record: RawRecord, origin: ResponseOrigin, diagnostics: inout [Diagnostic],
                interner: inout ResponseInterner) -> Response? {
    // Locations are made only for diagnostics (one per row would retain the file name).
    func at(_ column: Int) -> SourceLocation { SourceLocation(file: origin.file, row: record.row, column: column + 1) }

    var weight = 1
    if let column = attendanceColumn {
      let raw = cellText(record, column)
      guard let count = Int(raw), count >= 0 else {
        diagnostics.append(Diagnostic(.error, at: at(column), column: columns[column], value: raw,
          "expected the number of people attending as a whole number; the row is not counted"))
        return nil
      }
      weight = count
    }
    let respondentId = idColumn.map { cellText(record, $0) }.flatMap { $0.isEmpty ? nil : $0 }
    var submitted: Timestamp? = nil
    if let column = submittedColumn {
      let raw = cell(record, column)
      if !raw.isEmpty {
        submitted = Timestamp.parse(bytes: raw, order: dayOrder)
        if submitted == nil {
          diagnostics.append(Diagnostic(.warning, at: at(column), column: columns[column], value: cellText(record, column),
            "expected a date and time (such as 14/02/2025 09:30 or 2025-02-14T09:30:00); kept without a time"))
        }
      }
    }
    var group = manifest.respondentGroup
    if let column = groupColumn {
      let raw = cellText(record, column)
      group = raw.isEmpty ? nil : (groupValues[ColumnName.normalised(raw)] ?? raw)
    }
    let breakdownValues = interner.breakdowns(for: breakdowns.lazy.map { self.cell(record, $0.column) }) {
      var values: [String: String] = [:]
      for (field, column) in breakdowns {
        let value = cellText(record, column)
        if !value.isEmpty { values[field] = value }
      }
      return values
    }
    let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    func measureCell(_ index: Int) -> UnsafeBufferPointer<UInt8> {
      measures[index].column < record.count ? record[measures[index].column] : empty
    }
    let answers: [MeasureAnswer]
    if let known = interner.answers(for: measures.indices.lazy.map(measureCell)) {
      answers = known
    } else {
      var read: [MeasureAnswer] = []
      read.reserveCapacity(measures.count)
      var recognised = true
      for index in measures.indices {
        let cell = measureCell(index)
        if let known = interner.answer(measure: index, cell: cell) {
          read.append(known)
          continue
        }
        let answer = self.answer(measures[index], cell, file: origin.file, row: record.row, diagnostics: &diagnostics)
        if answer.reading == .unrecognised { recognised = false } else { interner.rememberAnswer(answer, measure: index) }
        read.append(answer)
      }
      if recognised { interner.rememberAnswers(read) }
      answers = read
    }
    var texts: [FreeTextAnswer] = []
    for (question, column) in self.texts {
      let text = cellText(record, column)
      if !text.isEmpty { texts.append(FreeTextAnswer(question: question, text: text, column: column + 1)) }
    }
    let consent = consentColumn.map { consentYes.contains(ColumnName.normalised(cellText(record, $0))) } ?? false
    return Response(origin: origin, group: group, respondentId: respondentId, submitted: submitted, consentToQuote: consent,
                    row: record.row, breakdowns: breakdownValues, answers: answers, texts: texts, weight: weight)
  }

  /// The answer in one measure cell (`cell`, as read); an unrecognised answer adds an error
  /// diagnostic.
  private func answer(_ plan: MeasurePlan, _ cell: UnsafeBufferPointer<UInt8>, file: String, row: Int,
                      diagnostics: inout [Diagnostic]) -> MeasureAnswer {
    let field = String(decoding: cell, as: UTF8.self)
    let raw = text(meaning(cell))
    let reading = plan.scale.read(raw, using: plan.index)
    var asRead = field
    if case .option(let position) = reading, asRead == plan.scale.labels[position] {
      asRead = plan.scale.labels[position]  // one shared copy of the label, not one per row
    }
    if reading == .unrecognised {
      let expected = plan.scale.labels.prefix(11).map { "\"\($0)\"" }.joined(separator: ", ")
      diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, row: row, column: plan.column + 1),
        column: columns[plan.column], value: raw,
        "not an answer on the \(plan.scale.id) scale of measure \(plan.measure.measure); expected one of \(expected) or \"Don't know\"/\"Prefer not to say\" (define a custom scale in the manifest if the labels differ)"))
    }
    return MeasureAnswer(measure: plan.measure.measure, scale: plan.scale.id, timepoint: plan.measure.timepoint,
                         reading: reading, raw: asRead, column: plan.column + 1)
  }
}
