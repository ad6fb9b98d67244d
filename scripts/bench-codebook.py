#!/usr/bin/env python3
"""Writes a codebook of N themes for the scaling benchmark (scripts/bench scaling).

The first themes are the repository's parent carer themes; the rest are made from the words of
the generated comments (scripts/bench-ingest-generate.py), so every theme can match: each has
three patterns, a word with a wildcard, a two-word phrase and a NEAR/4 pair, drawn with a fixed
seed. With `rare`, the extra themes' words are made-up words no comment holds, so the codebook
grows but the matches do not: what is left is the cost of the codebook's size alone.
Usage: bench-codebook.py REPO_CODEBOOK.csv N OUT.csv [rare]
"""
import csv, random, sys

source, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rare = sys.argv[4:] == ["rare"]
rng = random.Random(200)
words = ("school son daughter child needs support plan EHCP waited months assessment nobody called "
         "asked transport SENCo brilliant council never listened speech therapy occupational therapist "
         "annual review late feel let down local offer staff kind patient understanding helpful "
         "struggling anxiety home exclusion tribunal respite short breaks funding panel decision "
         "communication information").lower().split()
with open(source, newline="", encoding="utf-8") as f:
    reader = csv.DictReader(f)
    fields = reader.fieldnames
    rows = [r for r in reader if not r["id"].startswith("@")]
    lists = []
with open(source, newline="", encoding="utf-8") as f:
    lists = [r for r in csv.DictReader(f) if r["id"].startswith("@")]
themes = rows[:n]
for i in range(len(themes), n):
    if rare:
        a, b, c, d = ("".join(rng.choice("bcdfghjklmnpqrstvwxz") + rng.choice("aeiou") for _ in range(4)) for _ in range(4))
    else:
        a, b, c, d = rng.sample(words, 4)
    themes.append({**{k: "" for k in fields}, "id": f"generated-{i:03d}", "label": f"Generated theme {i}",
                   "you_said": f"Generated theme {i}", "polarity": rng.choice(["difficulty", "positive", "neutral"]),
                   "priority": "", "audience": "all",
                   "patterns": f"{a[:5]}*; {b} {c}; {c} NEAR/4 {d}", "exclusions": "", "notes": "generated"})
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
    w.writeheader()
    w.writerows(lists + themes)
