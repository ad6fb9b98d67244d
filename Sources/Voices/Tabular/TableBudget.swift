/// The running total of cells and text a reader has handed over, checked against
/// `ReadLimits.maximumCells` and `ReadLimits.maximumTextBytes`.
///
/// A table's memory is its cells (16 bytes each, empty or not) plus their text, so these two
/// totals bound it whatever the file declares. Each reader turns an overrun into its own error
/// with the place that crossed the limit.
struct TableBudget {
  enum Overrun { case cells, text }

  let limits: ReadLimits
  private(set) var cells = 0
  private(set) var textBytes = 0

  init(limits: ReadLimits) { self.limits = limits }

  /// Counts `count` more cells; the overrun, if the total passes the limit.
  mutating func addCells(_ count: Int) -> Overrun? {
    cells += count
    return cells > limits.maximumCells ? .cells : nil
  }

  /// Counts `count` more bytes of text; the overrun, if the total passes the limit.
  mutating func addText(_ count: Int) -> Overrun? {
    textBytes += count
    return textBytes > limits.maximumTextBytes ? .text : nil
  }

  /// Counts a whole record's fields and text.
  mutating func add(_ record: Record) -> Overrun? {
    if let over = addCells(record.fields.count) { return over }
    var bytes = 0
    for field in record.fields { bytes += field.utf8.count }
    return addText(bytes)
  }
}
