"""A pandas + pyahocorasick keyword coder over the same themes, for scripts/bench-coding.

Keywords per theme are the literal words and phrases of its codebook patterns (operators,
groups and word lists dropped, wildcards as substrings): the usual "keyword list" coder.
It reads the CSV with pandas, lower-cases each comment, runs one Aho-Corasick automaton over
it and writes id,themes. Prints responses per second (reading, coding and writing).

    scripts/.venv/bin/python scripts/bench-coding-python.py FILE.csv CODEBOOK_FOLDER
"""
import csv, re, sys, time, pathlib
import ahocorasick
import pandas as pd

def keywords(folder):
    out = {}
    for path in sorted(pathlib.Path(folder).glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row["id"].startswith("@"):
                    continue
                words = set()
                for pattern in re.split(r"[;\n]", row["patterns"]):
                    for piece in re.split(r"NEAR/\d+|BEFORE/\d+|[|()]", pattern):
                        piece = re.sub(r"@\S+|[=*\"?]", " ", piece).strip().lower()
                        if len(piece) >= 3:
                            words.add(piece)
                out[row["id"]] = words
    return out

def main():
    data, folder = sys.argv[1], sys.argv[2]
    start = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for theme, words in keywords(folder).items():
        for w in words:
            automaton.add_word(w, automaton.get(w, ()) + (theme,))
    automaton.make_automaton()
    frame = pd.read_csv(data, dtype=str, keep_default_na=False)
    themes = []
    for text in frame["text"].str.lower():
        found = set()
        for _, ts in automaton.iter(text):
            found.update(ts)
        themes.append(";".join(sorted(found)))
    frame["themes"] = themes
    frame[["id", "themes"]].to_csv("/tmp/python-bench-coded.csv", index=False)
    elapsed = time.perf_counter() - start
    print(f"pandas + pyahocorasick: {len(frame) / elapsed:,.0f} responses/s ({elapsed:.2f} s)")

main()
