"""Leave-one-set-out quality of the coders (issue 25, deliver 1).

Every labelled comment in the repository belongs to a set: the coded sample by its origin
(the part of `response_id` before ":"), the fresh sets in Tests/VoicesTests/Fixtures/coding by
the letters of their ids (h, b, c, ... see heldout-README.md). For each audience and each set,
`voices learn` trains a model on every other set of that audience (comments with no theme kept
as negatives), and `voices code` codes the set left out three ways:
  * rules alone: the default codebooks;
  * model alone: `voices code --model` with no codebook;
  * combined: rules and model together as `voices code --codebook ... --model` combines them
    (rules first; the model adds themes at probability 0.8 or more).
Scores are micro-F1 pooled over every (comment, theme) pair of the sets, and per set.

The rules were fitted (patched after each set's first pass) to all of these sets, so their
figures here are post-fix; the first-pass figures are in heldout-README.md. The model's figures
are honest: it never sees the set it codes.

Usage: scripts/coding-quality [VOICES_BINARY]   (prints the Markdown tables of
docs/coding-quality.md)
"""
import csv, json, os, re, subprocess, sys, tempfile, time
from collections import OrderedDict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 else None
AUDIENCES = [("parent carers", "parent-carers"), ("young people", "young-people")]


def set_of(rid):
    if ":" in rid:
        return rid.split(":", 1)[0]
    m = re.match(r"^([a-z]+)\d+$", rid)
    return "fresh-" + m.group(1) if m else "other"


def load(slug):
    rows = []
    for path in (f"{ROOT}/surveys/coded-sample/{slug}.csv", f"{ROOT}/Tests/VoicesTests/Fixtures/coding/heldout-{slug}.csv"):
        with open(path, encoding="utf-8-sig", newline="") as f:
            for r in csv.DictReader(f):
                if not r["text"].strip():
                    continue
                themes = frozenset(t.strip() for t in r["themes"].split(";") if t.strip())
                rows.append((r["response_id"], r["text"], themes, set_of(r["response_id"])))
    return rows


def write(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["response_id", "text", "themes"])
        # Row numbers as ids: a respondent's answers to two questions share a response_id.
        for i, (_, text, themes, _) in enumerate(rows):
            w.writerow([f"r{i}", text, ";".join(sorted(themes))])


def run(args):
    out = subprocess.run([BIN] + args, capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        sys.exit(f"voices {' '.join(args)} failed: {out.stderr}")
    return out.stdout


def coded(path, audience, extra):
    out = run(["code", path, "--id-column", "response_id", "--text-column", "text", "--audience", audience,
               "--format", "jsonl"] + extra)
    result = {}
    for line in out.splitlines():
        o = json.loads(line)
        result[o["response_id"]] = o
    return result


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, gold, given):
        self.tp += len(gold & given); self.fp += len(given - gold); self.fn += len(gold - given)

    def f1(self):
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else 1.0

    def text(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return f"{self.f1():.3f} (P {p:.3f}, R {r:.3f})"


def main():
    global BIN
    if BIN is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "voices"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        BIN = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip() + "/voices"
    work = tempfile.mkdtemp(prefix="coding-quality-")
    coders = ["rules", "model", "combined"]
    lines = []
    started = time.time()
    for audience, slug in AUDIENCES:
        rows = load(slug)
        sets = list(OrderedDict.fromkeys(r[3] for r in rows))
        total = {c: Score() for c in coders}
        lines.append(f"\n### {audience.capitalize()} ({len(rows)} comments, {len(sets)} sets)\n")
        lines.append("| set left out | comments | rules | model | combined |")
        lines.append("|---|---:|---|---|---|")
        for s in sets:
            train = [r for r in rows if r[3] != s]
            test = [r for r in rows if r[3] == s]
            write(f"{work}/train.csv", train)
            write(f"{work}/test.csv", test)
            run(["learn", f"{work}/train.csv", "--text-column", "text", "--labels-column", "themes",
                 "--id-column", "response_id", "--keep-uncoded", "--out", f"{work}/model.json"])
            rules = coded(f"{work}/test.csv", audience, ["--codebook", f"{ROOT}/surveys/codebooks"])
            model = coded(f"{work}/test.csv", audience, ["--model", f"{work}/model.json"])
            combined = coded(f"{work}/test.csv", audience, ["--codebook", f"{ROOT}/surveys/codebooks", "--model", f"{work}/model.json"])
            if os.environ.get("CODING_QUALITY_DUMP"):
                with open(os.environ["CODING_QUALITY_DUMP"], "a") as f:
                    for i, (_, text, gold, _) in enumerate(test):
                        rid = f"r{i}"
                        f.write(json.dumps({"audience": audience, "set": s, "text": text, "gold": sorted(gold),
                                            "rules": rules[rid], "model": model[rid], "combined": combined[rid]}) + "\n")
            per = {c: Score() for c in coders}
            for i, (_, _, gold, _) in enumerate(test):
                rid = f"r{i}"
                for c, out in (("rules", rules), ("model", model), ("combined", combined)):
                    given = frozenset(out[rid]["themes"])
                    per[c].add(gold, given); total[c].add(gold, given)
            lines.append(f"| {s} | {len(test)} | {per['rules'].f1():.3f} | {per['model'].f1():.3f} | {per['combined'].f1():.3f} |")
            print(f"{audience} {s}: " + ", ".join(f"{c} {per[c].f1():.3f}" for c in coders), file=sys.stderr, flush=True)
        lines.append(f"| **all sets** | {len(rows)} | **{total['rules'].text()}** | **{total['model'].text()}** | **{total['combined'].text()}** |")
    print("\n".join(lines))
    print(f"\n(run in {time.time() - started:.0f} s)")


if __name__ == "__main__":
    main()
