#!/usr/bin/env python3
"""Check the generated example workspace independently of the generator.

Reads every manifest, opens its export the way the spec says the layout works (csv module,
openpyxl), and checks: every column a manifest names exists (after normalising case, spacing and
curly quotes); encodings, BOMs and line endings are as documented; row counts and duplicates;
every measure answer is on its scale; every coded-sample row points at an export cell holding
exactly its text; theme ids are valid. Prints the positive shares per measure and wave.

Usage: check_workspace.py [--out DIR]   (extra arguments such as --bank are ignored)
"""
import argparse
import csv
import io
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

SCALES = {
    "agreement-5": (["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
                    {"Agree", "Strongly agree"}),
    "satisfaction-5": (["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied",
                        "Very satisfied"], {"Satisfied", "Very satisfied"}),
    "yes-partly-no": (["No", "Partly", "Yes"], {"Yes"}),
    "0-10": ([str(i) for i in range(11)], {str(i) for i in range(7, 11)}),
    "1-5": ([str(i) for i in range(1, 6)], {"4", "5"}),
}
NON_SUBSTANTIVE = {"don't know", "n/a", "not applicable", "prefer not to say"}
PC_THEMES = {"system-hard-to-understand", "fitting-in-and-friendships", "waiting-for-assessment-and-therapy",
             "ehcp-only-route-to-support", "services-not-joined-up", "not-enough-right-provision",
             "mainstream-support", "anxiety-and-mental-health", "future-and-adult-services",
             "locality-teams-positive", "send-system-positive", "ehcp-process-positive",
             "annual-review-positive", "sen-support-positive", "travel-positive", "communications-positive"}
YP_THEMES = {"being-listened-to", "confidence", "feeling-safe", "activities-and-nature", "mental-health",
             "school", "transport", "online-or-face-to-face"}

# What each export must look like on disk.
EXPECT = {
    "parent-carer-survey-2021.csv": {"encoding": "utf-8", "bom": False, "eol": "\n", "rows": 420, "unique": 420,
                                     "trailing_blank_column": True},
    "parent-carer-survey-2023.csv": {"encoding": "utf-8", "bom": True, "eol": "\r\n", "rows": 511, "unique": 510},
    "parent-carer-survey-2025.csv": {"encoding": "utf-8", "bom": False, "eol": "\n", "rows": 601, "unique": 600,
                                     "blank_rows": 1},
    "annual-conversation-2025.csv": {"encoding": "utf-8", "bom": False, "eol": "\n", "rows": 160},
    "focus-group-notes-2025.csv": {"encoding": "cp1252", "bom": False, "eol": "\r\n", "bytes": [b"\x92", b"\x96", b"\xa3"]},
    "participation-events-2025.csv": {"encoding": "utf-8", "bom": False, "eol": "\r\n"},
}

problems = []


def problem(message):
    problems.append(message)
    print("PROBLEM:", message)


def norm(name):
    name = name.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(name.split()).lower()


def read_csv(path, spec):
    data = path.read_bytes()
    if spec["bom"] != data.startswith(b"\xef\xbb\xbf"):
        problem(f"{path.name}: BOM expected {spec['bom']}")
    if spec["encoding"] == "cp1252":
        try:
            data.decode("utf-8")
            problem(f"{path.name}: decodes as UTF-8, expected Windows-1252 bytes")
        except UnicodeDecodeError:
            pass
        for byte in spec.get("bytes", []):
            if byte not in data:
                problem(f"{path.name}: byte {byte!r} missing")
    text = data.decode("utf-8-sig" if spec["encoding"] == "utf-8" else spec["encoding"])
    # Record terminators: outside quotes every line end must be the documented one.
    inside, ends = False, Counter()
    i = 0
    while i < len(text):
        c = text[i]
        if c == '"':
            inside = not inside
        elif not inside and c == "\r" and text[i + 1:i + 2] == "\n":
            ends["\r\n"] += 1
            i += 1
        elif not inside and c == "\n":
            ends["\n"] += 1
        i += 1
    if set(ends) != {spec["eol"]}:
        problem(f"{path.name}: record ends {dict(ends)}, expected only {spec['eol']!r}")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    embedded = sum(1 for r in rows for cell in r if "\n" in cell)
    return rows, embedded


def header_names(manifest, rows):
    layout = manifest["layout"]
    header = rows[0]
    names = [h if h else f"column {i + 1}" for i, h in enumerate(header)]
    if layout == "smartsurvey":
        count = 3
    elif layout in ("google-forms", "microsoft-forms", "plain"):
        count = 1
    else:
        raise SystemExit(f"layout {layout} not handled by this checker")
    return names, rows[manifest.get("headerRows", count):]


def read_xlsx(path, sheet):
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True)
    ws = wb[sheet] if isinstance(sheet, str) else wb.worksheets[(sheet or 1) - 1]
    rows = []
    for r in ws.iter_rows(values_only=True):
        rows.append(["" if v is None else (v.strftime("%Y-%m-%d %H:%M:%S") if hasattr(v, "strftime") else str(v))
                     for v in r])
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=REPO / "surveys")
    args, _ = parser.parse_known_args()
    root = args.out
    settings = json.loads((root / "workspace.json").read_text(encoding="utf-8"))
    if settings.get("synthetic") is not True:
        problem("workspace.json: synthetic is not true")
    cells = {}  # stem -> {(respondent key, question) -> text}
    shares = defaultdict(dict)
    for manifest_path in sorted((root / "manifests").glob("*.json")):
        m = json.loads(manifest_path.read_text(encoding="utf-8"))
        path = root / m["file"]
        stem = path.stem
        if manifest_path.stem != stem:
            problem(f"{manifest_path.name}: names file {m['file']}")
        if "SYNTHETIC" not in (m.get("title", "") + m.get("note", "")):
            problem(f"{manifest_path.name}: not marked SYNTHETIC")
        if path.suffix == ".xlsx":
            rows = read_xlsx(path, m.get("sheet"))
            embedded = sum(1 for r in rows for cell in r if "\n" in cell)
            spec = {}
        else:
            spec = EXPECT[path.name]
            rows, embedded = read_csv(path, spec)
        names, data = header_names(m, rows)
        index = {}
        for i, n in enumerate(names):
            index.setdefault(norm(n), i)
        width = len(names)
        if spec.get("trailing_blank_column"):
            if rows[0][-1] != "" or any(r and r[-1] != "" for r in rows):
                problem(f"{path.name}: expected an empty trailing column on every row")
        referenced = []
        if m.get("respondentGroupColumn"):
            referenced.append(m["respondentGroupColumn"]["column"])
        for key in ("respondentId", "submitted", "attendance"):
            if m.get(key):
                referenced.append(m[key])
        if m.get("consent"):
            referenced.append(m["consent"]["column"])
        referenced += [b["column"] for b in m.get("breakdowns", [])]
        referenced += [x["column"] for x in m.get("measures", [])]
        referenced += [x["column"] for x in m.get("freeText", [])]
        referenced += m.get("ignore", [])
        for column in referenced:
            if norm(column) not in index:
                problem(f"{manifest_path.name}: column {column!r} not in {path.name}")
        blank_rows = [r for r in data if not any(c.strip() for c in r)]
        real = [r for r in data if any(c.strip() for c in r)]
        for r in real:
            if len(r) != width:
                problem(f"{path.name}: a row has {len(r)} fields, header {width}")
                break
        if "blank_rows" in spec and len(blank_rows) != spec["blank_rows"]:
            problem(f"{path.name}: {len(blank_rows)} blank rows, expected {spec['blank_rows']}")
        if "rows" in spec and len(real) != spec["rows"]:
            problem(f"{path.name}: {len(real)} data rows, expected {spec['rows']}")
        col = lambda name: index[norm(name)]
        kept = real
        if m.get("respondentId"):
            ids = Counter(r[col(m["respondentId"])] for r in real)
            dups = {k: v for k, v in ids.items() if v > 1}
            if "unique" in spec and len(ids) != spec["unique"]:
                problem(f"{path.name}: {len(ids)} unique respondents, expected {spec['unique']}")
            latest = {}
            for r in real:
                key = r[col(m["respondentId"])]
                t = r[col(m["submitted"])]
                if key not in latest or t > latest[key][col(m["submitted"])]:
                    latest[key] = r
            kept = list(latest.values())
        else:
            dups = {}
        # Measures on their scales.
        for x in m.get("measures", []):
            labels, positive = SCALES[x["scale"]]
            lab = {norm(l): l for l in labels}
            pos = sub = 0
            for r in kept:
                raw = r[col(x["column"])].strip()
                if not raw or norm(raw) in NON_SUBSTANTIVE:
                    continue
                key = norm(raw)
                if key not in lab:
                    match = re.match(r"^(\d+)\s*-", raw)
                    if match and match.group(1) in labels:
                        key = match.group(1)
                    else:
                        problem(f"{path.name}: {x['measure']} answer {raw!r} not on {x['scale']}")
                        continue
                sub += 1
                pos += lab[key] in positive
            label = x["measure"] + (f" ({x['timepoint']})" if x.get("timepoint") else "")
            shares[label][m["wave"] + " " + stem.split("-20")[0]] = (pos, sub)
        # Cells for the coded sample.
        by_question = defaultdict(list)
        for x in m.get("freeText", []):
            by_question[x["question"]].append(col(x["column"]))
        table = {}
        if not m.get("respondentId") and embedded:
            problem(f"{path.name}: identified by row number but has line breaks inside cells")
        for number, r in enumerate(rows[1:] if not m.get("respondentId") else [], start=2):
            for q, columns in by_question.items():
                for c in columns:
                    table.setdefault((str(number), q), []).append(r[c] if c < len(r) else "")
        if m.get("respondentId"):
            for r in kept:
                for q, columns in by_question.items():
                    table[(r[col(m["respondentId"])], q)] = [r[c] for c in columns]
        cells[stem] = table
        group = m.get("respondentGroup") or ",".join(sorted(set(r[col(m["respondentGroupColumn"]["column"])] for r in real)))
        extra = f", attending {sum(int(r[col(m['attendance'])]) for r in real)}" if m.get("attendance") else ""
        print(f"{path.name}: {len(real)} data rows, {len(kept)} after de-duplication, duplicates {dups or 'none'}, "
              f"blank rows {len(blank_rows)}, cells with line breaks {embedded}, groups [{group}]{extra}")
    # The coded sample.
    for name, themes in (("parent-carers.csv", PC_THEMES), ("young-people.csv", YP_THEMES)):
        with open(root / "coded-sample" / name, encoding="utf-8", newline="") as f:
            sample = list(csv.DictReader(f))
        seen = set()
        for s in sample:
            stem, _, key = s["response_id"].partition(":")
            found = cells.get(stem, {}).get((key, s["question"]))
            if found is None or s["text"] not in found:
                problem(f"coded-sample/{name}: {s['response_id']} {s['question']} text not found in the export")
            if (s["response_id"], s["question"], s["text"]) in seen:
                problem(f"coded-sample/{name}: {s['response_id']} listed twice")
            seen.add((s["response_id"], s["question"], s["text"]))
            for t in filter(None, s["themes"].split(";")):
                if t not in themes:
                    problem(f"coded-sample/{name}: unknown theme {t}")
            if re.search(r"\{(child|staff|school|email|phone|postcode|dob)\}", s["text"]):
                problem(f"coded-sample/{name}: unfilled placeholder in {s['response_id']}")
        print(f"coded-sample/{name}: {len(sample)} comments, "
              f"{dict(Counter(s['response_id'].split(':')[0] for s in sample))}")
    print("positive share (positive / substantive answers):")
    for measure, waves in shares.items():
        print(f"  {measure}: " + "; ".join(f"{w} {p}/{n} = {100 * p / n:.1f}%" for w, (p, n) in sorted(waves.items())))
    if problems:
        sys.exit(f"{len(problems)} problem(s)")
    print("workspace check: OK")


if __name__ == "__main__":
    main()
