import Foundation
import Voices

/// `voices agreement A.csv B.csv [C.csv …]`: how far coders agree on themes.
enum AgreementCommand {
  static let command = Command(
    name: "agreement",
    summary: "Compare two or more coders' themes (kappa, F1, alpha)",
    help: """
      Usage: voices agreement A.csv B.csv [C.csv …] [--id-column NAME] [--labels-column NAME]
                              [--themes "a;b;c"]

      Each file holds one coder's coding: a header, then one row per comment with its id and its
      themes joined by ";" (blank: no theme). Comments are matched by id; ids missing from a file
      are listed. A is the reference: for each other file, per theme, Cohen's kappa, prevalence
      (A and the other coder), precision, recall and F1 of the other coder against A, then
      micro- and macro-F1. With three or more files, Krippendorff's alpha (nominal) per theme on
      presence and overall, using every comment any coder coded (missing values allowed).
      A statistic that cannot be computed (a theme nobody used) is shown as "n/a".

      Options:
        --id-column NAME       the comment id column (default: id)
        --labels-column NAME   the themes column (default: themes)
        --themes "a;b;c"       themes to report even if nobody used them (e.g. the codebook's)

      Examples:
        voices agreement coding-alex.csv coding-sam.csv --themes "waiting-for-assessment-and-therapy;travel-positive"
      """,
    valueOptions: ["--id-column", "--labels-column", "--themes"],
    flagOptions: [],
    run: run
  )

  static func run(_ arguments: Arguments) throws -> ExitCode {
    guard arguments.positional.count >= 2 else { throw UsageError("give at least two coders' files") }
    let idColumn = arguments.value("--id-column") ?? "id"
    let labelsColumn = arguments.value("--labels-column") ?? "themes"
    let listed = (arguments.value("--themes") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
      .filter { !$0.isEmpty }
    let coders = try arguments.positional.map { path in
      let table = try TableReader.read(contentsOf: URL(fileURLWithPath: path), file: path)
      for warning in table.warnings { Terminal.err(Terminal.styled("\(warning)", .yellow, forErr: true)) }
      return try AgreementReport.Coder(table: table, name: path, idColumn: idColumn, labelsColumn: labelsColumn)
    }
    let report = AgreementReport(coders: coders, themes: listed)
    Terminal.out(text(report))
    return .ok
  }

  static func text(_ report: AgreementReport) -> String {
    func f(_ x: Double?) -> String { x.map { String(format: "%6.3f", $0) } ?? "   n/a" }
    var lines: [String] = []
    for pair in report.pairwise {
      lines.append("\(pair.comparison) against \(pair.reference): \(pair.comments) comments coded by both")
      if !pair.onlyInReference.isEmpty {
        lines.append("  only in \(pair.reference) (\(pair.onlyInReference.count)): " + pair.onlyInReference.prefix(20).joined(separator: ", ")
          + (pair.onlyInReference.count > 20 ? ", …" : ""))
      }
      if !pair.onlyInComparison.isEmpty {
        lines.append("  only in \(pair.comparison) (\(pair.onlyInComparison.count)): " + pair.onlyInComparison.prefix(20).joined(separator: ", ")
          + (pair.onlyInComparison.count > 20 ? ", …" : ""))
      }
      lines.append("   kappa  prev A  prev B  precis  recall      F1  theme")
      for t in pair.themes {
        lines.append("  " + [f(t.kappa), f(t.prevalenceReference), f(t.prevalenceComparison), f(t.precision), f(t.recall), f(t.f1)]
          .joined(separator: "  ") + "  " + t.theme)
      }
      lines.append("  micro-F1 \(f(pair.microF1).trimmingCharacters(in: .whitespaces)), macro-F1 \(f(pair.macroF1).trimmingCharacters(in: .whitespaces)) (over themes either coder used)")
      lines.append("")
    }
    if let alpha = report.alpha {
      lines.append("Krippendorff's alpha (nominal) across \(report.pairwise.count + 1) coders, \(alpha.units) comments:")
      for t in alpha.themes { lines.append("  " + f(t.alpha) + "  " + t.theme) }
      lines.append("  " + f(alpha.overall) + "  overall (every comment and theme)")
    }
    return lines.joined(separator: "\n")
  }
}
