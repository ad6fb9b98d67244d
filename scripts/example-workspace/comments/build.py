#!/usr/bin/env python3
"""Turn the hand-written drafts (drafts/*.txt, one comment per line: Q|CODES|text) into the CSVs.

The drafts are the hand-coded source; codes are short aliases of the theme ids so that coding
by hand stays readable. `\\n` inside a text stands for a line break inside the comment.
"""
import csv, pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent
PC = {
    "SH": "system-hard-to-understand", "FF": "fitting-in-and-friendships",
    "WA": "waiting-for-assessment-and-therapy", "EO": "ehcp-only-route-to-support",
    "NJ": "services-not-joined-up", "NP": "not-enough-right-provision",
    "MS": "mainstream-support", "MH": "anxiety-and-mental-health",
    "FA": "future-and-adult-services", "LT": "locality-teams-positive",
    "SP": "send-system-positive", "EP": "ehcp-process-positive",
    "AR": "annual-review-positive", "SS": "sen-support-positive",
    "TP": "travel-positive", "CP": "communications-positive",
}
YP = {
    "BL": "being-listened-to", "CO": "confidence", "FS": "feeling-safe",
    "AN": "activities-and-nature", "MH": "mental-health", "SC": "school",
    "TR": "transport", "OF": "online-or-face-to-face",
}
FILES = [
    ("parent-carers", "pc", PC, {"W": "what-works-well", "H": "what-is-hard", "A": "anything-else"}),
    ("young-people", "yp", YP, {"T": "takeover-feedback", "C": "annual-conversation", "F": "focus-group"}),
    ("decision-makers", "dm", YP, {"D": "decision-maker-feedback"}),
]

def main():
    for name, prefix, codes, questions in FILES:
        draft = HERE / "drafts" / f"{name}.txt"
        if not draft.exists():
            continue
        rows = []
        for n, line in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            q, c, text = line.split("|", 2)
            themes = [codes[x] for x in c.replace(";", ",").split(",") if x] if c else []
            if len(set(themes)) != len(themes):
                sys.exit(f"{draft}:{n}: duplicate code")
            rows.append((questions[q], text.strip().replace("\\n", "\n"), ";".join(themes)))
        with open(HERE / f"{name}.csv", "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(["id", "question", "text", "themes"])
            for i, (q, t, th) in enumerate(rows, 1):
                w.writerow([f"{prefix}-{i:04d}", q, t, th])
        print(name, len(rows))

if __name__ == "__main__":
    main()
