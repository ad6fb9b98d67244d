#!/usr/bin/env python3
"""Writes a deterministic SmartSurvey-style CSV for the ingest benchmark.

Usage: bench-ingest-generate.py OUTPUT [ROWS]

Layout as SmartSurvey's API export: a header row (UserID, UserNo, Name, Email, IP, ID,
Started, Ended, Tracking, questions), a second row of sub-labels, a third row of NA, then one
row per respondent with epoch-second times, five Likert answers as agreement labels and two
free-text answers of varied length holding commas, doubled quotes and some line breaks.
Seeded, so every run writes the same bytes.
"""
import csv
import random
import sys

out_path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
rng = random.Random(20241123)

likert = ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree",
          "Don't know"]
words = ("the school my son daughter child needs support plan EHCP waited months for an "
         "assessment and nobody called back when we asked about transport SENCo was brilliant "
         "but the council never listened to what we said speech therapy occupational therapist "
         "annual review was late again I feel that we have been let down by the local offer "
         "however staff were kind patient understanding helpful really struggling with anxiety "
         "at home after school exclusion tribunal respite short breaks funding panel decision "
         "communication could be better more information please").split()
punct = [",", ",", ".", "!", "?", ";", ":", " -"]
quotes = ['"really"', '"support"', '"reasonable adjustments"', '"not our problem"']


def free_text(mean_words):
    n = max(0, int(rng.expovariate(1 / mean_words)))
    parts = []
    for i in range(n):
        r = rng.random()
        if r < 0.02:
            parts.append(rng.choice(quotes))
        else:
            parts.append(rng.choice(words))
        if rng.random() < 0.08:
            parts[-1] += rng.choice(punct)
        if rng.random() < 0.004:
            parts[-1] += "\n" if rng.random() < 0.7 else "\r\n"
    return " ".join(parts)


with open(out_path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\r\n")
    questions = [f"Q{i}" for i in range(1, 6)]
    w.writerow(["UserID", "UserNo", "Name", "Email", "IP", "ID", "Started", "Ended", "Tracking"]
               + [f"{q}. How far do you agree: statement {q[1:]}" for q in questions]
               + ["Q6. What has worked well?", "Q7. What could be better?"])
    w.writerow([""] * 9 + ["Answer"] * 5 + ["Open-Ended Response"] * 2)
    w.writerow(["NA"] * 16)
    start = 1_697_862_600
    for i in range(rows):
        started = start + i * 37 + rng.randrange(0, 30)
        w.writerow([100_000_000 + i, i + 1, "", "",
                    f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}",
                    rng.randrange(10_000_000, 99_999_999), started, started + rng.randrange(60, 3600), "web"]
                   + [rng.choice(likert) for _ in questions]
                   + [free_text(15), free_text(13)])
