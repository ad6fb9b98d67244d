#!/usr/bin/env python3
"""Check the comment bank: CSV parses, ids run in order, questions and theme ids are valid,
every theme has at least 15 comments, and report counts per theme and placeholder use."""
import collections, csv, pathlib, re, sys

HERE = pathlib.Path(__file__).resolve().parent
PC = ["system-hard-to-understand", "fitting-in-and-friendships", "waiting-for-assessment-and-therapy",
      "ehcp-only-route-to-support", "services-not-joined-up", "not-enough-right-provision",
      "mainstream-support", "anxiety-and-mental-health", "future-and-adult-services",
      "locality-teams-positive", "send-system-positive", "ehcp-process-positive",
      "annual-review-positive", "sen-support-positive", "travel-positive", "communications-positive"]
YP = ["being-listened-to", "confidence", "feeling-safe", "activities-and-nature", "mental-health",
      "school", "transport", "online-or-face-to-face"]
SPECS = [
    ("parent-carers.csv", "pc", PC, {"what-works-well", "what-is-hard", "anything-else"}, 420, 15),
    ("young-people.csv", "yp", YP, {"takeover-feedback", "annual-conversation", "focus-group"}, 200, 15),
    ("decision-makers.csv", "dm", YP, {"decision-maker-feedback"}, 40, 0),
]
PLACEHOLDERS = {"{child}", "{staff}", "{school}", "{email}", "{phone}", "{postcode}", "{dob}"}

def main():
    ok = True
    for name, prefix, themes, questions, min_rows, min_theme in SPECS:
        path = HERE / name
        if not path.exists():
            print(f"{name}: missing"); ok = False; continue
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f, strict=True))
        if rows[0] != ["id", "question", "text", "themes"]:
            print(f"{name}: bad header {rows[0]}"); ok = False
        body = rows[1:]
        counts = collections.Counter(); qcounts = collections.Counter()
        none = withph = 0; texts = set()
        for i, r in enumerate(body, 1):
            where = f"{name} row {i + 1}"
            if len(r) != 4: print(f"{where}: {len(r)} fields"); ok = False; continue
            rid, q, text, th = r
            if rid != f"{prefix}-{i:04d}": print(f"{where}: id {rid}"); ok = False
            if q not in questions: print(f"{where}: question {q}"); ok = False
            if not text.strip(): print(f"{where}: empty text"); ok = False
            key = text.strip().lower()
            if key in texts and len(key) > 12: print(f"{where}: duplicate text"); ok = False
            texts.add(key)
            ids = [t for t in th.split(";") if t] if th else []
            for t in ids:
                if t not in themes: print(f"{where}: unknown theme {t!r}"); ok = False
            if len(set(ids)) != len(ids): print(f"{where}: repeated theme"); ok = False
            counts.update(ids); qcounts[q] += 1
            none += not ids
            found = set(re.findall(r"\{[a-z]+\}", text))
            if found - PLACEHOLDERS: print(f"{where}: unknown placeholder {found - PLACEHOLDERS}"); ok = False
            withph += bool(found)
        print(f"\n{name}: {len(body)} comments, {none} with no theme ({100*none/max(1,len(body)):.0f}%),"
              f" {withph} with placeholders ({100*withph/max(1,len(body)):.0f}%)")
        print("  questions: " + ", ".join(f"{k} {v}" for k, v in sorted(qcounts.items())))
        for t in themes:
            flag = "" if counts[t] >= min_theme else "   <-- below minimum"
            print(f"  {t:38s} {counts[t]:4d}{flag}")
            if counts[t] < min_theme: ok = False
        if len(body) < min_rows: print(f"  fewer than {min_rows} comments"); ok = False
    print("\nOK" if ok else "\nPROBLEMS FOUND")
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())
