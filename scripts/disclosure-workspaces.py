#!/usr/bin/env python3
"""Small workspaces made to break suppression, for the attacker's audit (scripts/disclosure-audit).

Writes under OUT (default: a fresh temporary directory) one workspace per case, each with two
waves of a plain CSV survey: three breakdown fields (locality, need, age-band) whose groups have
1 to 12 people, groups where everyone or no one answered positively (0% and 100%), missing and
"Don't know" / "Prefer not to say" answers, a numeric scale (for means), and a population profile
with weighting on. The answers come from a seeded random generator, so the same seed gives the
same workspaces. Prints the workspace directories, one a line.

Usage: scripts/disclosure-workspaces.py [OUT] [--seeds 1,2,3]
"""
import argparse
import csv
import json
import pathlib
import random
import tempfile

LOCALITIES = ["North", "South", "East", "West", "Harbour"]
NEEDS = ["Autism", "SEMH", "SLCN", "PMLD", "Sensory", "Other"]
AGES = ["0-4", "5-10", "11-15", "16-25"]
AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]


def respondents(rng, wave, case):
    """(locality, need, age, trust, score, voice) rows: small, lopsided groups."""
    rows = []
    for li, locality in enumerate(LOCALITIES):
        # Group sizes 1..12 by design, plus one big locality so totals are publishable.
        size = {0: 40, 3: 30}.get(li) or rng.randint(1, 12)
        for _ in range(size):
            need = rng.choices(NEEDS, weights=[8, 5, 4, 1, 1, 2])[0]
            age = rng.choice(AGES)
            if case == "lopsided" and locality == "South":
                trust = "Strongly agree"  # 100% positive group
            elif case == "lopsided" and locality == "East":
                trust = "Strongly disagree"  # 0% positive group
            else:
                trust = rng.choices(AGREE + ["Don't know", "Prefer not to say", ""], weights=[2, 3, 3, 6, 4, 1, 1, 1])[0]
            score = rng.choices(["1", "2", "3", "4", "5", ""], weights=[1, 2, 4, 5, 3, 1])[0]
            voice = rng.choices(["Yes", "Partly", "No", "Don't know"], weights=[5, 3, 2, 1])[0]
            if rng.random() < 0.05:
                locality_out = ""  # missing breakdown answers become "Not known"
            else:
                locality_out = locality
            rows.append((locality_out, need, age, trust, score, voice))
    return rows


def write_workspace(root, seed, case):
    rng = random.Random(seed)
    ws = root / f"{case}-{seed}"
    (ws / "exports").mkdir(parents=True)
    (ws / "manifests").mkdir()
    (ws / "workspace.json").write_text(json.dumps({"name": f"disclosure audit {case} {seed} (SYNTHETIC)", "synthetic": True,
                                                   "suppression": {"minimumCount": 5, "minimumBase": 10}}, indent=2))
    (ws / "population.json").write_text(json.dumps({"profiles": [{
        "field": "need", "title": "Children by primary need", "source": "made up", "weight": True,
        "shares": {"Autism": 0.3, "SEMH": 0.25, "SLCN": 0.2, "PMLD": 0.05, "Sensory": 0.05, "Other": 0.15}}]}, indent=2))
    for wave in ("2024", "2025"):
        name = f"survey-{wave}"
        with open(ws / "exports" / f"{name}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["Id", "Locality", "Need", "Age", "Trust", "Score", "Voice"])
            for i, row in enumerate(respondents(rng, wave, case)):
                w.writerow([f"{wave}-{i}"] + list(row))
        (ws / "manifests" / f"{name}.json").write_text(json.dumps({
            "manifestVersion": 1, "title": f"Survey {wave} (SYNTHETIC)", "source": "parent-carer-survey", "wave": wave,
            "file": f"exports/{name}.csv", "layout": "plain", "respondentGroup": "parent carers", "respondentId": "Id",
            "breakdowns": [{"field": "locality", "column": "Locality"}, {"field": "need", "column": "Need"},
                           {"field": "age-band", "column": "Age"}],
            "measures": [{"measure": "trust-confidence", "column": "Trust", "scale": "agreement-5"},
                         {"measure": "score", "column": "Score", "scale": "1-5"},
                         {"measure": "voice-heard", "column": "Voice", "scale": "yes-partly-no"}],
            "freeText": [], "ignore": []}, indent=2))
    return ws


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", type=pathlib.Path)
    ap.add_argument("--seeds", default="1,2")
    args = ap.parse_args()
    root = args.out or pathlib.Path(tempfile.mkdtemp(prefix="voices-disclosure-"))
    root.mkdir(parents=True, exist_ok=True)
    for seed in [int(s) for s in args.seeds.split(",")]:
        for case in ("mixed", "lopsided"):
            print(write_workspace(root, seed, case))


if __name__ == "__main__":
    main()
