#!/usr/bin/env python3
"""Writes a deterministic CSV of realistic free-text comments for scripts/bench-coding.

Recombines the synthetic comment bank (scripts/example-workspace/comments/*.csv): each row is
one to three bank comments (any group), placeholders filled, with light variation (case,
openers, closers, a typo). Fixed seed, so every run writes the same bytes.

    python3 scripts/bench-coding-generate.py OUT.csv [ROWS]
"""
import csv, random, sys, pathlib

root = pathlib.Path(__file__).resolve().parent
bank = []
for name in ["parent-carers.csv", "young-people.csv", "decision-makers.csv"]:
    with open(root / "example-workspace/comments" / name, newline="", encoding="utf-8") as f:
        bank += [r["text"] for r in csv.DictReader(f) if len(r["text"]) > 3]

fills = {"{child}": ["Noah", "Ava", "Leo", "Isla"], "{staff}": ["Mrs Haines", "Mr Bramble"],
         "{school}": ["Hillside Primary", "Oakfield"], "{email}": ["someone@example.org"],
         "{phone}": ["01632 960000"], "{postcode}": ["DT1 1AA"], "{dob}": ["01/02/2012"]}
openers = ["", "", "", "Honestly, ", "To be honest ", "Well. ", "As I said before, "]
closers = ["", "", "", " Thanks.", " That's all.", "!!", " Please help."]

def vary(text, rnd):
    for k, v in fills.items():
        while k in text:
            text = text.replace(k, rnd.choice(v), 1)
    if rnd.random() < 0.1:
        text = text.lower()
    if rnd.random() < 0.1 and len(text) > 20:
        i = rnd.randrange(1, len(text) - 1)
        text = text[:i] + text[i + 1] + text[i] + text[i + 2:]
    return rnd.choice(openers) + text + rnd.choice(closers)

def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rnd = random.Random(20250214)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["id", "text"])
        for i in range(rows):
            k = 1 if rnd.random() < 0.7 else rnd.choice([2, 3])
            w.writerow([f"r{i:07d}", " ".join(vary(rnd.choice(bank), rnd) for _ in range(k))])

main()
