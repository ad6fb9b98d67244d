import Foundation

/// A Dirichlet multinomial mixture for short texts, fitted by collapsed Gibbs sampling
/// (GSDMM: Yin and Wang, "A Dirichlet multinomial mixture model-based approach for short
/// text clustering", KDD 2014).
///
/// Why this model: a comment is short and is usually about one thing, so it is given one
/// group (not a blend of topics as NMF or LDA would), and the number of groups is chosen by
/// the model itself: it starts with `maximumGroups` and groups that no comment prefers empty
/// out (`alpha` is how willing a comment is to join a small group, `beta` how much it must
/// share words with a group to join it). Nothing is random across runs: the sampler draws
/// from a SplitMix64 generator with a fixed seed, so the same documents in the same order
/// give the same groups, on every machine with IEEE doubles.
struct ShortTextMixture: Sendable {
  var maximumGroups = 40
  var alpha = 0.1
  var beta = 0.1
  var iterations = 30
  var seed: UInt64 = 0x5EED_2026

  /// The fitted mixture: each document's group and how sure the model is of it.
  struct Fit: Sendable, Equatable {
    /// `groups[d]`, from 0, renumbered so that 0 is the largest group (ties: first seen).
    var groups: [Int]
    /// The probability of `groups[d]` given the document and every other assignment.
    var strengths: [Double]
    var groupCount: Int
  }

  /// Groups `documents` (each a list of term numbers below `vocabularySize`, repeats counted).
  ///
  /// Documents with no terms get group -1 and strength 0.
  ///
  /// - Complexity: O(iterations × documents × maximumGroups × terms per document).
  func fit(_ documents: [[Int]], vocabularySize: Int, minimumSize: Int = 1) -> Fit {
    let k = max(1, min(maximumGroups, documents.count))
    let v = Double(max(1, vocabularySize))
    var rng = SplitMix64(seed: seed)
    var docCount = [Double](repeating: 0, count: k)
    var wordCount = [Double](repeating: 0, count: k)
    var counts = [Double](repeating: 0, count: k * vocabularySize)
    // Each document as (term, times) pairs, for the likelihood's rising factorials.
    let bags: [[(term: Int, times: Int)]] = documents.map { terms in
      var seen: [Int: Int] = [:]
      for t in terms { seen[t, default: 0] += 1 }
      return seen.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    var z = [Int](repeating: -1, count: documents.count)
    func move(_ d: Int, to group: Int, by sign: Double) {
      docCount[group] += sign
      wordCount[group] += sign * Double(documents[d].count)
      for (t, times) in bags[d] { counts[group * vocabularySize + t] += sign * Double(times) }
    }
    var logp = [Double](repeating: 0, count: k)
    var open = [Bool](repeating: true, count: k)
    /// The posterior over groups for document `d` (not counted in any group), into `logp`
    /// as probabilities.
    func posterior(_ d: Int) {
      let length = documents[d].count
      for g in 0..<k {
        guard open[g] else { logp[g] = -.infinity; continue }
        var s = log(docCount[g] + alpha)
        let base = g * vocabularySize
        for (t, times) in bags[d] {
          let c = counts[base + t]
          for j in 0..<times { s += log(c + beta + Double(j)) }
        }
        let n = wordCount[g] + v * beta
        for i in 0..<length { s -= log(n + Double(i)) }
        logp[g] = s
      }
      let top = logp.max() ?? 0
      var total = 0.0
      for g in 0..<k { logp[g] = exp(logp[g] - top); total += logp[g] }
      for g in 0..<k { logp[g] /= total }
    }
    for d in documents.indices where !documents[d].isEmpty {
      z[d] = Int(rng.next() % UInt64(k))
      move(d, to: z[d], by: 1)
    }
    for _ in 0..<iterations {
      for d in documents.indices where z[d] >= 0 {
        move(d, to: z[d], by: -1)
        posterior(d)
        let u = rng.nextUnit()
        var acc = 0.0, chosen = k - 1
        for g in 0..<k {
          acc += logp[g]
          if u < acc { chosen = g; break }
        }
        z[d] = chosen
        move(d, to: chosen, by: 1)
      }
    }
    // Groups under `minimumSize` close (smallest first, one at a time) and their documents
    // move to the most probable open group: a group nobody can count is not a theme.
    while true {
      let small = (0..<k).filter { open[$0] && docCount[$0] > 0 && docCount[$0] < Double(minimumSize) }
      guard let g = small.min(by: { (docCount[$0], $0) < (docCount[$1], $1) }),
            (0..<k).contains(where: { open[$0] && $0 != g && docCount[$0] > 0 }) else { break }
      open[g] = false
      for d in documents.indices where z[d] == g {
        move(d, to: g, by: -1)
        posterior(d)
        var best = -1
        for h in 0..<k where open[h] && docCount[h] > 0 && (best < 0 || logp[h] > logp[best]) { best = h }
        z[d] = best
        move(d, to: best, by: 1)
      }
    }
    for g in 0..<k where docCount[g] == 0 { open[g] = false }
    // A last pass takes each document's most probable group, so the result does not rest on
    // the final draw.
    var strengths = [Double](repeating: 0, count: documents.count)
    for d in documents.indices where z[d] >= 0 {
      move(d, to: z[d], by: -1)
      posterior(d)
      var best = z[d]
      for g in 0..<k where open[g] && docCount[g] > 0 && logp[g] > logp[best] { best = g }
      z[d] = best
      strengths[d] = logp[best]
      move(d, to: best, by: 1)
    }
    // Renumber: largest group first, ties by first document.
    var sizes: [Int: Int] = [:], first: [Int: Int] = [:]
    for (d, g) in z.enumerated() where g >= 0 {
      sizes[g, default: 0] += 1
      if first[g] == nil { first[g] = d }
    }
    let order = sizes.keys.sorted { a, b in sizes[a, default: 0] != sizes[b, default: 0] ? sizes[a, default: 0] > sizes[b, default: 0] : first[a, default: 0] < first[b, default: 0] }
    var renumber: [Int: Int] = [:]
    for (i, g) in order.enumerated() { renumber[g] = i }
    return Fit(groups: z.map { $0 >= 0 ? renumber[$0] ?? -1 : -1 }, strengths: strengths, groupCount: order.count)
  }
}

/// A small, fast generator with a fixed sequence for a seed (Steele, Lea and Flood 2014), so
/// sampling is repeatable; not for anything secret.
fileprivate struct SplitMix64: Sendable {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var x = state
    x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
    x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
    return x ^ (x >> 31)
  }

  /// A double in [0, 1) from the top 53 bits.
  mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
