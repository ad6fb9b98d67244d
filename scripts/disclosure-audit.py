#!/usr/bin/env python3
"""The attacker's audit: can any hidden small count be worked out from what Voices publishes?

Runs `voices measures WORKSPACE --format json` with no breakdown, with every breakdown field on
its own and with every pair of fields (both orders), reads every number those outputs publish
(bases, positive counts, shares, means, answer distributions, changes between waves, before/after
counts, representativeness counts and shares, weighted estimates) and writes them as linear
constraints over the unknown counts, linking the levels the way an attacker would: the "all" row
is the sum of the groups of any one field, a group of one field is the sum of its pair groups,
a change's counts are the estimates' counts, a share is positive / n to the printed precision.

For every hidden count (a suppressed distribution cell, base, positive count, before/after
count or representativeness count, and every count a breakdown group does not publish) it
computes the range an attacker can prove: the minimum and maximum of that count subject to every
constraint as a linear program (HiGHS), rounded inwards to whole numbers, then, where that range
could still hold a 0 or a count of k or more, as an integer program. To stay fast, a count
already seen at 0 (or at k or more) in a solution of an earlier linear program is taken as
unprovable without its own solve; those solutions are vertices of the linear relaxation, so this
is exact where the relaxation is integral (sums of counts) and otherwise an LP-level attacker.

A hidden count is DISCLOSED when its provable range lies inside 1 .. k-1 (k = the workspace's
minimumCount; the NHS preset uses k = 8 and a `*` already says 1..7, so there a hidden count is
disclosed when it is pinned to one value). Some published numbers are not linear in the counts
(intervals, adjusted residuals, chi-square, design effects): the audit does not solve them, it
checks the rule that keeps them safe (they are published only where no count they depend on is
hidden) and reports each breach as a RULE failure.

Exit status 1 when anything is disclosed or a rule is breached; prints a summary either way.

Usage: scripts/disclosure-audit WORKSPACE [--voices PATH] [--lp-only] [--json OUT]
"""
import argparse
import itertools
import json
import math
import pathlib
import subprocess
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix

NON_SUBSTANTIVE = {"Don't know", "Not applicable", "Prefer not to say", "Do not know", "Dont know",
                   "Not sure", "N/A", "Rather not say"}
TOL = 5e-7  # numbers are printed to 6 decimal places


def run_voices(voices, workspace, fields):
    cmd = [voices, "measures", str(workspace), "--format", "json"]
    if fields:
        cmd += ["--by", ",".join(fields)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1) or not out.stdout.strip():
        sys.exit(f"disclosure-audit: {' '.join(cmd)} failed: {out.stderr.strip()}")
    return json.loads(out.stdout)


def workspace_fields(workspace):
    fields = {"group"}
    for manifest in sorted((workspace / "manifests").glob("*.json")):
        for b in json.loads(manifest.read_text()).get("breakdowns", []):
            fields.add(b["field"])
    return sorted(fields)


def workspace_policy(workspace):
    settings = json.loads((workspace / "workspace.json").read_text()).get("suppression", {})
    if settings.get("preset") == "nhs":
        return "nhs", 8, settings.get("minimumBase", 10)
    return "threshold", settings.get("minimumCount", 5), settings.get("minimumBase", 10)


def parse_group(description, fields):
    """`locality=A, need=B, C` -> frozenset({(locality, A), (need, B, C)}) for the asked fields."""
    if description == "all":
        return frozenset()
    values = []
    rest = description
    for i, f in enumerate(fields):
        assert rest.startswith(f + "="), (description, fields)
        rest = rest[len(f) + 1:]
        if i + 1 < len(fields):
            cut = rest.rfind(", " + fields[i + 1] + "=")
            values.append((f, rest[:cut]))
            rest = rest[cut + 2:]
        else:
            values.append((f, rest))
    return frozenset(values)


class Model:
    """Unknown counts and the linear constraints the published numbers put on them."""

    def __init__(self, rule, k):
        self.rule, self.k = rule, k
        self.index = {}          # variable key -> column
        self.lower, self.upper = [], []
        self.rows = []           # (coefficients {col: c}, lo, hi)
        self.targets = {}        # name -> coefficients {col: c} of a hidden count
        self.rule_failures = []

    def var(self, key):
        if key not in self.index:
            self.index[key] = len(self.lower)
            self.lower.append(0.0)
            self.upper.append(math.inf)
        return self.index[key]

    def bound(self, key, lo, hi):
        j = self.var(key)
        self.lower[j] = max(self.lower[j], lo)
        self.upper[j] = min(self.upper[j], hi)

    def published(self, coefs, value):
        """A published count: exact, or a rounded one (NHS) within 2 of its true value."""
        if value is None:
            return
        if self.rule == "nhs" and value != 0:
            self.rows.append((coefs, value - 2, value + 2))
        else:
            self.rows.append((coefs, value, value))

    def hidden(self, name, coefs):
        """A suppressed count: a target; under NHS a `*` itself says 1..7."""
        self.targets[name] = coefs
        if self.rule == "nhs":
            self.rows.append((coefs, 1, 7))

    def ratio(self, numerator, denominator, value):
        """numerator / denominator printed as `value` to 6 decimals (both linear in counts)."""
        if value is None:
            return
        for sign, v in ((1, value + TOL), (-1, value - TOL)):
            coefs = {}
            for j, c in numerator.items():
                coefs[j] = coefs.get(j, 0) + sign * c
            for j, c in denominator.items():
                coefs[j] = coefs.get(j, 0) - sign * v * c
            self.rows.append((coefs, -math.inf, 0.0))


def infer_scale(rows):
    """Substantive labels, positive labels and values of one series-wave from fully shown rows."""
    labels = []
    for r in rows:
        for label in r["distribution"]:
            if label not in labels:
                labels.append(label)
    substantive = [l for l in labels if l not in NON_SUBSTANTIVE]
    positive, values = None, None
    full = [r for r in rows if r["n"] is not None and r["positive"] is not None
            and all(r["distribution"].get(l) is not None for l in substantive)]
    candidates = []
    for size in range(1, len(substantive) + 1):
        for subset in itertools.combinations(substantive, size):
            if all(sum(r["distribution"].get(l, 0) for l in subset) == r["positive"] for r in full):
                candidates.append(subset)
    if full and candidates:
        positive = min(candidates, key=len)
    with_mean = [r for r in full if r["mean"] is not None and r["n"]]
    for start in (1, 0):
        vals = [start + i for i in range(len(substantive))]
        if with_mean and all(abs(sum(v * r["distribution"].get(l, 0) for v, l in zip(vals, substantive)) / r["n"] - r["mean"]) < 1e-5
                             for r in with_mean):
            values = dict(zip(substantive, vals))
    return labels, substantive, positive, values


def build(model, docs, fields_list, m):
    blocks = {}   # (measure, timepoint, wave) -> {group: [rows]}
    for fields, doc in docs:
        for e in doc["estimates"]:
            key = (e["measure"], e["timepoint"], e["wave"])
            g = parse_group(e["group"], fields)
            blocks.setdefault(key, {}).setdefault(g, []).append(e)
    scales = {}
    for key, groups in blocks.items():
        rows = [r for rs in groups.values() for r in rs]
        labels, substantive, positive, values = infer_scale(rows)
        scales[key] = (labels, substantive, positive)

        def cell(g, label):
            return model.var(("c",) + key + (g, label))

        for g, rs in groups.items():
            name = f"{key[0]}{'/' + key[1] if key[1] else ''} {key[2]} [{', '.join(f'{f}={v}' for f, v in sorted(g)) or 'all'}]"
            sub = {cell(g, l): 1 for l in substantive}
            pos = {cell(g, l): 1 for l in positive} if positive else None
            for r in rs:
                for label in labels:
                    if not r["distribution"]:
                        # Not published at all (a breakdown group): still a count an attacker
                        # may narrow, so it is checked like a hidden one.
                        model.targets[f"{name} {label} (unpublished)"] = {cell(g, label): 1}
                    elif label not in r["distribution"]:
                        model.bound(("c",) + key + (g, label), 0, 0)
                    elif r["distribution"][label] is None:
                        model.hidden(f"{name} {label}", {cell(g, label): 1})
                    else:
                        model.published({cell(g, label): 1}, r["distribution"][label])
                if r["n"] is None:
                    model.hidden(f"{name} n", sub)
                else:
                    model.published(sub, r["n"])
                if pos is not None:
                    if r["positive"] is None:
                        model.hidden(f"{name} positive", pos)
                    else:
                        model.published(pos, r["positive"])
                    model.ratio(pos, sub, r["percent"])
                if values is not None and r["mean"] is not None:
                    model.ratio({cell(g, l): values[l] for l in substantive}, sub, r["mean"])
                if r["percent"] is not None and r["n"] is not None and r["n"] < m:
                    model.rule_failures.append(f"{name}: a share on a base of {r['n']} (below {m})")
        # Additivity across levels: every field's groups add up to the coarser group.
        families = {}
        for g in groups:
            for f, v in g:
                families.setdefault((g - {(f, v)}, f), []).append(g)
        for (coarser, f), siblings in families.items():
            if coarser not in groups:
                continue
            for label in labels:
                coefs = {cell(h, label): 1 for h in siblings}
                coefs[cell(coarser, label)] = coefs.get(cell(coarser, label), 0) - 1
                model.rows.append((coefs, 0, 0))
    # Changes: their counts are the estimates' counts.
    for fields, doc in docs:
        for c in doc["changes"]:
            g = parse_group(c["group"], fields)
            for wave, n, p in ((c["from"], c["from_n"], c["from_positive"]), (c["to"], c["to_n"], c["to_positive"])):
                key = (c["measure"], c["timepoint"], wave)
                if key not in scales:
                    continue
                labels, substantive, positive = scales[key]
                model.published({model.var(("c",) + key + (g, l)): 1 for l in substantive}, n)
                if positive:
                    model.published({model.var(("c",) + key + (g, l)): 1 for l in positive}, p)
            if c["difference"] is not None and (c["from_n"] is None or c["to_n"] is None):
                model.rule_failures.append(f"change {c['measure']} {c['group']} {c['from']}-{c['to']}: a difference without its counts")
    # Before/after: improved + same + worse = pairs.
    for fields, doc in docs[:1]:
        for b in doc["before_after"]:
            name = f"before/after {b['measure']} {b['wave']}"
            cols = {}
            for part in ("improved", "same", "worse"):
                cols[part] = model.var(("ba", b["measure"], b["wave"], part))
                if b[part] is None:
                    model.hidden(f"{name} {part}", {cols[part]: 1})
                else:
                    model.published({cols[part]: 1}, b[part])
            model.published({j: 1 for j in cols.values()}, b["pairs"])
            hidden = any(b[p] is None for p in ("improved", "same", "worse"))
            if hidden and b["mean_before"] is not None and b["pairs"] is not None:
                model.rule_failures.append(f"{name}: means published beside hidden counts")
        # Representativeness: counts, and shares of the matched total.
        hidden_fields = set()
        for r in doc["representativeness"]:
            name = f"representativeness {r['field']} {r['wave']}"
            cols = {g["answer"]: model.var(("rep", r["field"], r["wave"], g["answer"])) for g in r["groups"]}
            total = {j: 1 for j in cols.values()}
            any_hidden = False
            for g in r["groups"]:
                if g["n"] is None:
                    any_hidden = True
                    model.hidden(f"{name} {g['answer']}", {cols[g['answer']]: 1})
                else:
                    model.published({cols[g["answer"]]: 1}, g["n"])
                model.ratio({cols[g["answer"]]: 1}, total, g.get("sample_share"))
            if any_hidden:
                hidden_fields.add((r["field"], r["wave"]))
                if r["chi_square"] is not None or any(g.get("adjusted_residual") is not None for g in r["groups"]):
                    model.rule_failures.append(f"{name}: residuals or chi-square published beside hidden counts")
        for w in doc["weighted"]:
            if w["suppressed"]:
                continue
            if (w["weighted_by"], w["wave"]) in hidden_fields:
                model.rule_failures.append(f"weighted {w['measure']} {w['wave']}: published while a count of {w['weighted_by']} is hidden")
            if w["effective_n"] is not None and w["effective_n"] < m:
                model.rule_failures.append(f"weighted {w['measure']} {w['wave']}: effective base {w['effective_n']} below {m}")


def solve(model, exact):
    """Provable [min, max] of every target, component by component."""
    n = len(model.lower)
    parent = list(range(n))

    def find(a):
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for coefs, _, _ in model.rows:
        cols = list(coefs)
        for j in cols[1:]:
            ra, rb = find(cols[0]), find(j)
            if ra != rb:
                parent[ra] = rb
    for coefs in model.targets.values():
        cols = list(coefs)
        for j in cols[1:]:
            ra, rb = find(cols[0]), find(j)
            if ra != rb:
                parent[ra] = rb
    components = {}
    for j in range(n):
        components.setdefault(find(j), []).append(j)
    rows_by = {}
    for coefs, lo, hi in model.rows:
        if coefs:
            rows_by.setdefault(find(next(iter(coefs))), []).append((coefs, lo, hi))
    targets_by = {}
    for name, coefs in model.targets.items():
        targets_by.setdefault(find(next(iter(coefs))), []).append((name, coefs))
    results = {}
    for root, targets in targets_by.items():
        cols = components[root]
        local = {j: i for i, j in enumerate(cols)}
        rows = rows_by.get(root, [])
        data, ri, ci, lo, hi = [], [], [], [], []
        for r, (coefs, l, h) in enumerate(rows):
            for j, c in coefs.items():
                if c:
                    data.append(c); ri.append(r); ci.append(local[j])
            lo.append(l); hi.append(h)
        A = csr_matrix((data, (ri, ci)), shape=(len(rows), len(cols)))
        lb = np.array([model.lower[j] for j in cols]); ub = np.array([model.upper[j] for j in cols])
        # linprog wants A_ub x <= b_ub and A_eq x = b_eq.
        lo_a, hi_a = np.array(lo, dtype=float), np.array(hi, dtype=float)
        eq = lo_a == hi_a
        ub_hi = (~eq) & np.isfinite(hi_a)
        ub_lo = (~eq) & np.isfinite(lo_a)
        from scipy.sparse import vstack
        A_ub = vstack([A[ub_hi], -A[ub_lo]]) if (ub_hi.any() or ub_lo.any()) else None
        b_ub = np.concatenate([hi_a[ub_hi], -lo_a[ub_lo]]) if A_ub is not None else None
        A_eq = A[eq] if eq.any() else None
        b_eq = hi_a[eq] if eq.any() else None
        bounds = list(zip(lb, [None if not np.isfinite(u) else u for u in ub]))
        vectors = {}
        for name, coefs in targets:
            c = np.zeros(len(cols))
            for j, v in coefs.items():
                c[local[j]] = v
            vectors[name] = c

        def lp(objective):
            res = linprog(objective, A_ub=A_ub, b_ub=b_ub, A_eq=A_eq, b_eq=b_eq, bounds=bounds, method="highs")
            return res

        # A few solutions that push every target down together, then up together: a target seen
        # at 0 (or at k or more) in any feasible solution cannot be proved to lie in 1..k-1.
        seen_low, seen_high = {}, {}
        total = sum(vectors.values())
        rng_state = np.random.default_rng(0)
        for sign, weights in [(1, total), (-1, total)] + [(s, total * rng_state.uniform(0.5, 1.5, len(cols))) for s in (1, -1)]:
            res = lp(sign * weights)
            if res.status == 0:
                for name, c in vectors.items():
                    value = float(c @ res.x)
                    seen_low[name] = min(seen_low.get(name, math.inf), value)
                    seen_high[name] = max(seen_high.get(name, -math.inf), value)
        def record(res):
            for other, v in vectors.items():
                value = float(v @ res.x)
                seen_low[other] = min(seen_low.get(other, math.inf), value)
                seen_high[other] = max(seen_high.get(other, -math.inf), value)

        def settled(name):
            if model.rule == "nhs":
                return seen_high.get(name, -math.inf) - seen_low.get(name, math.inf) > 0.5
            return seen_low.get(name, math.inf) <= 1e-7 or seen_high.get(name, -math.inf) >= model.k - 1e-7

        for name, coefs in targets:
            c = vectors[name]
            if settled(name):
                results[name] = (None, None, "seen")
                continue
            rng = []
            for sign in (1, -1):
                res = lp(sign * c)
                if res.status == 3:
                    rng.append(math.inf if sign == -1 else -math.inf)
                elif res.status != 0:
                    rng.append(None)
                else:
                    rng.append(sign * res.fun)
                    record(res)
            if None in rng:
                results[name] = (None, None, "infeasible")
                continue
            low, high = math.ceil(rng[0] - 1e-6), (math.floor(rng[1] + 1e-6) if math.isfinite(rng[1]) else math.inf)
            if exact and not (1 <= low and high <= model.k - 1) and low <= model.k and high - low < 4 * model.k:
                integral = np.ones(len(cols))
                constraints = [LinearConstraint(A, lo_a, hi_a)] if len(rows) else []
                out = []
                for sign in (1, -1):
                    res = milp(sign * c, constraints=constraints, integrality=integral, bounds=Bounds(lb, ub),
                               options={"time_limit": 5})
                    out.append(sign * res.fun if res.status == 0 else None)
                if None not in out:
                    low, high = round(out[0]), round(out[1])
            results[name] = (low, high, "")
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("workspace", type=pathlib.Path)
    ap.add_argument("--voices", default=None, help="the voices binary (default .build/debug/voices)")
    ap.add_argument("--lp-only", action="store_true", help="linear programs only (a weaker attacker, faster)")
    ap.add_argument("--json", type=pathlib.Path, help="write every hidden count's provable range here")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--fields", help="only these breakdown fields (comma-separated), for a quick look")
    args = ap.parse_args()
    root = pathlib.Path(__file__).resolve().parent.parent
    voices = args.voices or str(root / ".build/debug/voices")
    started = time.time()
    rule, k, m = workspace_policy(args.workspace)
    fields = args.fields.split(",") if args.fields else workspace_fields(args.workspace)
    levels = [[]] + [[f] for f in fields] + [list(p) for p in itertools.permutations(fields, 2)]
    docs = [(lv, run_voices(voices, args.workspace, lv)) for lv in levels]
    model = Model(rule, k)
    build(model, docs, fields, m)
    results = solve(model, exact=not args.lp_only)
    disclosed, pinned = [], []
    for name, (low, high, note) in sorted(results.items()):
        if note == "seen":
            continue
        if low is None:
            model.rule_failures.append(f"{name}: published numbers contradict each other ({note})")
            continue
        if low == high:
            pinned.append((name, low))
        if rule == "nhs":
            if low == high:
                disclosed.append((name, low, high))
        elif 1 <= low and high <= k - 1:
            disclosed.append((name, low, high))
    print(f"disclosure audit of {args.workspace} ({rule}, k = {k}, m = {m}): {len(levels)} breakdown levels, "
          f"{len(model.lower)} counts, {len(model.rows)} constraints, {len(results)} hidden counts; "
          f"{len(pinned)} pinned to one value, {len(disclosed)} disclosed (range inside 1..{k - 1}{' or pinned' if rule == 'nhs' else ''}), "
          f"{len(model.rule_failures)} rule breaches; {time.time() - started:.1f}s")
    if not args.quiet:
        for name, low, high in disclosed[:40]:
            print(f"  DISCLOSED {name}: provably {low}" + (f"..{high}" if high != low else ""))
        for failure in model.rule_failures[:40]:
            print(f"  RULE {failure}")
    if args.json:
        args.json.write_text(json.dumps({"disclosed": disclosed, "pinned": pinned, "rule_failures": model.rule_failures,
                                         "ranges": {n: r[:2] for n, r in sorted(results.items())}}, indent=1, default=str))
    sys.exit(1 if disclosed or model.rule_failures else 0)


if __name__ == "__main__":
    main()
