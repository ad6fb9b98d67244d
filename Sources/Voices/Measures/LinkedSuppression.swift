/// Which breakdown groups of one measure in one wave are hidden, decided once over the whole
/// linked table set a user can ask for: everyone, every breakdown field on its own and every
/// pair of fields. `voices measures --by locality` and `--by locality,need` then hide the same
/// groups, so reading them together gives nothing away that either alone does not.
///
/// A group is published whole or hidden whole (its base, positive count, share, interval and
/// changes), so the only links an attacker has are the sums between levels: everyone is the
/// sum of any one field's groups, and a group of one field is the sum of its pair groups with
/// any other field. The pattern:
/// 1. **Primary**: a group is hidden when its base is below `minimumBase`, or its positive or
///    its other answers number 1 to k - 1.
/// 2. **Down**: a hidden group hides every finer group inside it (a hidden locality hides each
///    of its locality-and-need groups), since a fine group beside its hidden parent is a bound.
/// 3. **Across**: in every sum (a total and its parts) no hidden group may stand alone, and a
///    hidden group with a small count must have, hidden in the same sum, a partner with at least
///    k positive and k other answers: then the small count can be moved to the partner (down to
///    0) without changing anything published, so no attacker can prove it is 1 to k - 1. The
///    partner chosen is the smallest such shown group, to hide as little as possible; a sum
///    with no such group left keeps its two or more hidden groups (hiding its total instead
///    would hide every group above it).
///
/// The loop ends because every pass hides one more group or stops. `scripts/disclosure-audit`
/// checks the outcome with an exact integer program over every published number.
struct LinkedSuppression {
  /// Groups hidden, in canonical form (field values in field-name order), per series and wave.
  var hidden: [Key: Set<BreakdownGroup>]

  struct Key: Hashable {
    var series: MeasureSeries
    var wave: String
  }

  /// Decides the hidden groups of every series and wave.
  ///
  /// - Parameters:
  ///   - exports: The exports read from a workspace.
  ///   - registry: The registered measures (positive labels).
  ///   - fields: Every breakdown field a user can ask for.
  ///   - policy: The small-number rule (its threshold k and minimum base m).
  init(_ exports: [SurveyExport], registry: MeasureRegistry, fields: [String], policy: SuppressionPolicy) {
    let fields = Array(Set(fields)).sorted()
    let finest = MeasureTallies(exports, registry: registry, by: fields).tallies
    var blocks: [Key: [BreakdownGroup: Counts]] = [:]
    for tally in finest {
      blocks[Key(series: tally.series, wave: tally.wave), default: [:]][tally.group] = Counts(positive: tally.positive, base: tally.base)
    }
    var hidden: [Key: Set<BreakdownGroup>] = [:]
    for (key, cells) in blocks {
      hidden[key] = LinkedSuppression.decide(cells, fields: fields, policy: policy)
    }
    self.hidden = hidden
  }

  /// Whether `group` (in any field order) of `series` in `wave` is hidden.
  func isHidden(_ group: BreakdownGroup, series: MeasureSeries, wave: String) -> Bool {
    hidden[Key(series: series, wave: wave)]?.contains(LinkedSuppression.canonical(group)) ?? false
  }

  static func canonical(_ group: BreakdownGroup) -> BreakdownGroup {
    BreakdownGroup(group.values.sorted { $0.field < $1.field })
  }

  struct Counts {
    var positive: Int
    var base: Int
    var other: Int { base - positive }
  }

  /// The hidden groups of one series and wave, from the counts of its finest groups (every
  /// field at once; the everyone tally is the empty group and is ignored here).
  static func decide(_ finest: [BreakdownGroup: Counts], fields: [String], policy: SuppressionPolicy) -> Set<BreakdownGroup> {
    // Every group of every level: everyone, each field, each pair of fields.
    var levels: [[String]] = [[]] + fields.map { [$0] }
    for i in fields.indices { for j in fields.indices where j > i { levels.append([fields[i], fields[j]]) } }
    var counts: [BreakdownGroup: Counts] = [:]
    for (group, c) in finest where !group.isEveryone {
      for level in levels {
        let projected = BreakdownGroup(group.values.filter { level.contains($0.field) })
        counts[projected, default: Counts(positive: 0, base: 0)].positive += c.positive
        counts[projected, default: Counts(positive: 0, base: 0)].base += c.base
      }
    }
    let groups = counts.keys.sorted { ($0.values.count, $0.description) < ($1.values.count, $1.description) }
    // Sums: a total and its parts (one field's groups inside a coarser group).
    var lines: [(total: BreakdownGroup, parts: [BreakdownGroup])] = []
    var families: [[BreakdownGroup.FieldValue]: [String: [BreakdownGroup]]] = [:]
    for group in groups where !group.isEveryone {
      for value in group.values {
        families[group.values.filter { $0 != value }, default: [:]][value.field, default: []].append(group)
      }
    }
    for (coarser, byField) in families.sorted(by: { "\($0.key)" < "\($1.key)" }) {
      let total = BreakdownGroup(coarser)
      guard counts[total] != nil else { continue }
      for field in byField.keys.sorted() { lines.append((total, byField[field] ?? [])) }
    }
    let k = policy.smallestShownCount
    func small(_ c: Counts) -> Bool { c.base < policy.minimumBase || policy.isSmall(c.positive) || policy.isSmall(c.other) }
    func large(_ c: Counts) -> Bool { c.positive >= k && c.other >= k }
    var hidden = Set(groups.filter { small(counts[$0] ?? Counts(positive: 0, base: 0)) })
    // A hidden group hides every finer group inside it.
    func hide(_ group: BreakdownGroup) {
      let inside = Set(group.values)
      for other in groups where !hidden.contains(other) && other.values.count > group.values.count && inside.isSubset(of: Set(other.values)) {
        hidden.insert(other)
      }
      hidden.insert(group)
    }
    for group in hidden { hide(group) }
    var changed = true
    while changed {
      changed = false
      for line in lines {
        let members = [line.total] + line.parts
        let hiddenMembers = members.filter(hidden.contains)
        guard !hiddenMembers.isEmpty else { continue }
        let exposed = hiddenMembers.contains { m in
          guard let c = counts[m], small(c) else { return false }
          return !hiddenMembers.contains { $0 != m && large(counts[$0] ?? Counts(positive: 0, base: 0)) }
        }
        let candidates = line.parts.filter { !hidden.contains($0) }
        let largest = candidates.filter { large(counts[$0] ?? Counts(positive: 0, base: 0)) }.min { (counts[$0]?.base ?? 0) < (counts[$1]?.base ?? 0) }
        let pick: BreakdownGroup?
        if hiddenMembers.count == 1 {
          pick = largest ?? candidates.min { (counts[$0]?.base ?? 0) < (counts[$1]?.base ?? 0) } ?? (hidden.contains(line.total) ? nil : line.total)
        } else {
          // Two or more hidden but no large partner: add one if the line has one to give.
          pick = exposed ? largest : nil
        }
        guard let pick else { continue }
        hide(pick)
        changed = true
      }
    }
    return hidden
  }
}
