/// Recognises which survey tool wrote an export from its header rows, and how many header rows
/// a plain sheet has.
struct LayoutDetection: Sendable, Equatable {
  var layout: VendorLayout
  /// Header rows when they differ from the layout's own count (a plain sheet with a second
  /// row of question text, or a blank line under the header), else `nil`.
  var headerRows: Int?
  /// Why, for the user.
  var reason: String

  var effectiveHeaderRows: Int { headerRows ?? layout.headerRowCount }

  /// Looks at the first rows of a table.
  ///
  /// - Parameter rows: The table's rows, header rows first (only the first few dozen are read).
  static func detect(_ rows: [[String]]) -> LayoutDetection {
    func cells(_ r: Int) -> [String] { r < rows.count ? rows[r].map { ColumnName.normalised($0.trimmingCharacters(in: .whitespacesAndNewlines)) } : [] }
    let first = cells(0), second = cells(1), third = cells(2)
    let names = Set(first)
    if first.count >= 9, first.starts(with: ["userid", "userno"]), names.contains("started"), names.contains("ended") {
      return LayoutDetection(layout: .smartsurvey, reason: "row 1 starts UserID, UserNo, ... Started, Ended: a SmartSurvey export")
    }
    if (names.contains("startdate") && names.contains("enddate") && names.contains("responseid"))
      || third.first?.hasPrefix("{\"importid\"") == true {
      return LayoutDetection(layout: .qualtrics, reason: "row 1 has StartDate, EndDate, ResponseId and row 3 {\"ImportId\": ...}: a Qualtrics export")
    }
    if names.contains("respondentid") || names.contains("respondent id") || names.contains("collector id") {
      let responses = second.filter { $0 == "response" || $0 == "open-ended response" }.count
      if second.first?.isEmpty == true || responses * 2 >= max(1, second.count - 1) {
        return LayoutDetection(layout: .surveymonkey, reason: "row 1 has RespondentID and row 2 says Response / Open-Ended Response or the option: a SurveyMonkey export")
      }
    }
    if first.starts(with: ["id", "start time", "completion time"]) {
      return LayoutDetection(layout: .microsoftForms, reason: "row 1 starts ID, Start time, Completion time: a Microsoft Forms export")
    }
    if first.first == "timestamp" {
      return LayoutDetection(layout: .googleForms, reason: "row 1 starts with Timestamp: a Google Forms export")
    }
    let titleRows = titleRowCount(rows)
    if titleRows > 0 {
      let extra = extraHeaderRows(Array(rows.dropFirst(titleRows)))
      return LayoutDetection(layout: .plain, headerRows: titleRows + 1 + extra,
        reason: "a plain sheet; the first \(titleRows) row\(titleRows == 1 ? " is a title" : "s are titles") narrower than the table, so the header is row \(titleRows + 1)\(extra > 0 ? " and the question text under it" : "") (headerRows \(titleRows + 1 + extra))")
    }
    let extra = extraHeaderRows(rows)
    switch extra {
    case 0: return LayoutDetection(layout: .plain, reason: "no survey tool's header recognised: a plain sheet with one header row")
    default:
      let blank = rows.count > 1 && rows[1].allSatisfy { $0.allSatisfy(\.isWhitespace) }
      return LayoutDetection(layout: .plain, headerRows: 1 + extra,
        reason: blank ? "a plain sheet; row 2 is blank, so it is read as part of the header (headerRows 2)"
                      : "a plain sheet; row 2 holds question text, not answers, so the header is 2 rows (headerRows 2)")
    }
  }

  /// Rows above the header: title lines narrower than the table (a workbook's heading and
  /// instructions above the real header row). The header is the first row as wide as the
  /// widest of the first rows.
  static func titleRowCount(_ rows: [[String]]) -> Int {
    func width(_ row: [String]) -> Int { (row.lastIndex { !$0.allSatisfy(\.isWhitespace) } ?? -1) + 1 }
    let widest = rows.prefix(50).map(width).max() ?? 0
    guard widest > 1, let header = rows.prefix(10).firstIndex(where: { width($0) == widest }) else { return 0 }
    return header
  }

  /// 1 when row 2 is blank or looks like question text rather than a response, else 0.
  static func extraHeaderRows(_ rows: [[String]]) -> Int {
    guard rows.count > 2 else { return 0 }
    let row = rows[1].map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    if row.allSatisfy(\.isEmpty) { return rows[2].allSatisfy({ $0.allSatisfy(\.isWhitespace) }) ? 0 : 1 }
    let filled = row.filter { !$0.isEmpty }
    guard filled.count * 2 >= row.count else { return 0 }
    let questions = filled.filter { $0.hasSuffix("?") }.count
    let questionLike = filled.filter { $0.hasSuffix("?") || $0.hasSuffix(":") || $0.count > 25 }.count
    guard questions >= 1, questionLike * 2 >= filled.count else { return 0 }
    // A header row's text does not come back as an answer further down its column.
    for data in rows.dropFirst(2).prefix(200) {
      for (i, cell) in row.enumerated() where !cell.isEmpty && i < data.count {
        if data[i].trimmingCharacters(in: .whitespacesAndNewlines) == cell { return 0 }
      }
    }
    return 1
  }
}
