import Foundation
import Testing
@testable import Voices

@Suite("Training set") struct TrainingSetTests {
  static func table(_ text: String) throws -> Table { try CSVReader.read(bytes: Array(text.utf8), file: "t.csv") }

  @Test("a labels column of ids joined by ;, blank text and uncoded rows dropped")
  func labelsColumn() throws {
    let t = try Self.table("id,comment,themes\n1,late bus,transport;waiting\n2,,staff\n3,fine,\n4,kind staff, staff \n5,odd,skip\n")
    let set = try TrainingSet.read(t, textColumn: "comment", labels: .column("themes"), idColumn: "id", excludedThemes: ["skip"])
    #expect(set.themes == ["staff", "transport", "waiting"])
    #expect(set.examples.map(\.id) == ["1", "4"])
    #expect(set.examples.map(\.themes) == [[1, 2], [0]])
    #expect(set.rowsRead == 5)
    #expect(set.dropped == [.init(reason: "blank text", count: 1), .init(reason: "no theme (after exclusions)", count: 2)])
  }

  @Test("a range of one-hot columns; ids default to row numbers")
  func labelColumns() throws {
    let t = try Self.table("text,A,B,C,after\nx y,1,,0,zz\nz w,,yes,1,zz\n")
    let set = try TrainingSet.read(t, textColumn: "text", labels: .columns(first: "A", last: "C"))
    #expect(set.themes == ["A", "B", "C"])
    #expect(set.examples.map(\.themes) == [[0], [1, 2]])
    #expect(set.examples.map(\.id) == ["2", "3"])
  }

  @Test("a mark that is not yes or no is an error at its cell")
  func badMark() throws {
    let t = try Self.table("text,A,B\nx,1,maybe\n")
    #expect(throws: LearningError.badLabelCell(at: SourceLocation(file: "t.csv", row: 2, column: 3), theme: "B", value: "maybe")) {
      try TrainingSet.read(t, textColumn: "text", labels: .columns(first: "A", last: "B"))
    }
  }

  @Test("a missing column names the columns there are")
  func missingColumn() throws {
    let t = try Self.table("text,A\nx,1\n")
    #expect(throws: LearningError.missingColumn(file: "t.csv", name: "comment", available: ["text", "A"])) {
      try TrainingSet.read(t, textColumn: "comment", labels: .column("A"))
    }
  }
}

/// The real NHS file (pxtextmining), a small slice so a debug build stays quick.
@Suite("Theme model on NHS comments") struct NHSSubsetTests {
  @Test("600 comments, 4 common themes: cross-validated micro-F1 above the measured floor")
  func subset() throws {
    let url = TestPaths.externalFile("coding-agreement/nhs-fft-pxtextmining/v6framework_230831_dev70.csv")
    let table = try CSVReader.read(contentsOf: url)
    let full = try TrainingSet.read(
      table, textColumn: "FFT answer", labels: .columns(first: "Not assigned", last: "Positive experience & gratitude"),
      idColumn: "Comment ID", excludedThemes: ["Labelling not possible", "Not assigned"])
    #expect(full.examples.count == 4127)  // the row rule scripts/baseline-nhs.py applies too
    #expect(full.themes.count == 48)
    let keep = ["Positive experience & gratitude", "Staff manner & personal attributes", "Timeliness of care", "Transport to/ from services"]
    let index = keep.compactMap { full.themes.firstIndex(of: $0) }
    try #require(index.count == 4)
    let examples = full.examples.prefix(600).map { e in
      TrainingSet.Example(id: e.id, text: e.text, themes: index.indices.filter { e.themes.contains(index[$0]) })
    }
    let set = TrainingSet(themes: keep, examples: examples)
    let model = try ThemeModel.train(set, settings: TrainingSettings(), trainingFile: url.lastPathComponent,
                                     trainingDataSHA256: "", created: Date(timeIntervalSince1970: 0))
    #expect(model.card.scores.microF1 > 0.70)
    #expect(model.assign("The staff were lovely and kind, thank you").contains("Staff manner & personal attributes"))
  }
}
