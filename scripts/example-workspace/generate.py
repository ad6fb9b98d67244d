#!/usr/bin/env python3
"""Generate the SYNTHETIC example workspace in surveys/ from a fixed seed.

Everything this script writes is invented: respondents, answers, names, schools, emails, phone
numbers (Ofcom's drama ranges), postcodes and dates of birth. The free text comes from the
comment bank in scripts/example-workspace/comments/ (written and hand-coded by a separate
person); placeholders such as {child} are filled here with invented personal data so that the
anonymiser has something realistic to find.

Deterministic: one random.Random(20260101) drives every choice in a fixed order, no clock is
read, and the XLSX files are written with fixed document times and fixed ZIP entry times, so two
runs give the same bytes. Run through scripts/make-example-workspace.

Usage: generate.py [--bank DIR] [--out DIR]
"""
import argparse
import calendar
import csv
import datetime as dt
import io
import json
import re
import statistics
import sys
import zipfile
from collections import Counter
from pathlib import Path

import random

SEED = 20260101
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent

LOCALITIES = ["Chesil", "Dorchester", "East Dorset", "North Dorset", "Purbeck", "West Dorset"]
PNTS = "Prefer not to say"

# Primary need: (survey label, share of the EHCP cohort, share in the synthetic sample).
# Cohort shares: autism 28%, SEMH 21%, SLCN 16% from the SEND Strategy 2021-24 (seed 003); the
# remaining 35% is split by us (assumed, guided by the older JSNA table in seed 000). The sample
# deliberately over-represents autism and under-represents SEMH, SLD and PMLD.
NEEDS = [
    ("Autism", 28, 38),
    ("Social, emotional and mental health (SEMH)", 21, 12),
    ("Speech, language and communication needs (SLCN)", 16, 14),
    ("Moderate learning difficulty (MLD)", 10, 9),
    ("Severe learning difficulty (SLD)", 7, 4),
    ("Specific learning difficulty (SpLD), e.g. dyslexia", 4, 7),
    ("Physical disability", 5, 6),
    ("Sensory impairment (hearing, vision or multi-sensory)", 3, 3),
    ("Profound and multiple learning difficulties (PMLD)", 2, 1),
    ("Other", 4, 4),
]
# Locality shares in the sample (Chesil under-represented on purpose).
LOCALITY_SHARES = {"Chesil": 8, "Dorchester": 15, "East Dorset": 24, "North Dorset": 17,
                   "Purbeck": 13, "West Dorset": 19}
SUPPORT = [("EHCP", 46), ("SEN support", 33), ("No formal support", 13), ("Don't know", 6)]
AGE_BANDS = [("0-4", 7), ("5-10", 38), ("11-15", 34), ("16-18", 13), ("19-25", 8)]

AGREE = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
SATIS = ["Very dissatisfied", "Dissatisfied", "Neither satisfied nor dissatisfied", "Satisfied",
         "Very satisfied"]

TRUST_OLD = "I have confidence in the support and advice I receive"
TRUST_NEW = "I trust and have confidence in the support and advice I receive"
LISTENED = "I feel listened to and respected by the professionals who work with my child"
SAT_SUPPORT = "How satisfied are you with the support your child receives?"
SAT_PROCESS = "How satisfied are you with the EHC needs assessment process?"
WORK_TOGETHER = "How satisfied are you with how well services work together?"

# Share of positive answers (among substantive answers) that each latent mean aims at, per
# measure and wave. Intended story: trust-confidence rises about 35% -> 41% -> 52%; listened-to
# flat near 47%; satisfaction-support drifts up a little (40 -> 42 -> 45); satisfaction-process
# moves within noise (31 -> 30 -> 32); services-work-together creeps up (22 -> 25 -> 28). The
# numbers below are nudged so that the realised shares (printed by check_workspace.py) land there.
TARGETS = {
    "trust-confidence": {"2021": 0.365, "2023": 0.428, "2025": 0.509},
    "listened-to": {"2021": 0.47, "2023": 0.455, "2025": 0.487},
    "satisfaction-support": {"2021": 0.419, "2023": 0.466, "2025": 0.443},
    "satisfaction-process": {"2021": 0.348, "2023": 0.298, "2025": 0.302},
    "services-work-together": {"2021": 0.241, "2023": 0.217, "2025": 0.282},
}
# Cut points of the 5-point latent scale (at mean 0: 12%, 20%, 25%, 30%, 13%).
CUTS = [statistics.NormalDist().inv_cdf(p) for p in (0.12, 0.32, 0.57, 0.87)]

CHILD_NAMES = ["Alfie", "Isla", "Freddie", "Poppy", "Oscar", "Evie", "Harrison", "Maisie", "Theo",
               "Ruby", "Jayden", "Amelia", "Kacper", "Zainab", "Leo", "Ava", "Finley", "Lily-Mae",
               "Noah", "Grace", "Tyler", "Chloe", "Reuben", "Esme"]
STAFF_FIRST = ["Sarah", "Jo", "Priya", "Mark", "Helen", "Tomasz", "Claire", "Dev", "Gemma", "Ian"]
STAFF_SURNAMES = ["Okafor", "Pennington", "Hughes", "Kowalski", "Bramble", "Adeyemi", "Fletcher",
                  "Moorcroft", "Haines", "Daley", "Whitcombe", "Nguyen"]
TITLES = ["Mrs", "Mrs", "Mr", "Ms", "Miss"]
SCHOOLS = ["Hillside Primary", "St Mary's C of E First School", "Castle View Academy",
           "Wessex Vale School", "Harbour Lights Middle School", "Oakfield Community College",
           "Beacon Hill Infants", "Riverside Special School", "hillside primary", "Oakfield"]
PARENT_FIRST = ["Kerry", "Dan", "Louise", "Steve", "Amy", "Marta", "Becky", "Gareth", "Nadia", "Rob"]
PARENT_LAST = ["Taylor", "Green", "Hussain", "Walsh", "Brooks", "Nowak", "Pearce", "Osei", "Lane"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
TITLE_BEFORE = re.compile(r"(?:Mrs|Mr|Ms|Miss|Dr)\s$")


def fail(message):
    sys.exit(f"generate.py: {message}")


# ---------------------------------------------------------------------------------------------
# The comment bank

def load_bank(bank_dir):
    """Reads the three bank files; stops with a clear message when one is missing or empty."""
    bank = {}
    for name in ("parent-carers", "young-people", "decision-makers"):
        path = bank_dir / f"{name}.csv"
        if not path.exists():
            fail(f"the comment bank file {path} is missing. It is written on branch `comments`; "
                 "run `git merge comments` first (or pass --bank DIR).")
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        if not rows or set(rows[0].keys()) != {"id", "question", "text", "themes"}:
            fail(f"{path} is empty or lacks the columns id,question,text,themes")
        bank[name] = rows
    return bank


class Picker:
    """Draws bank comments with replacement, at most `cap` times each (per wave)."""

    def __init__(self, rng, rows, cap=3):
        self.rng, self.rows, self.cap, self.uses = rng, rows, cap, Counter()

    def pick(self, questions, single_line=False, cp1252=False, fresh=False):
        pool = [r for r in self.rows if r["question"] in questions and self.uses[r["id"]] < self.cap
                and not (single_line and "\n" in r["text"])
                and not (cp1252 and not encodable(r["text"], "cp1252"))]
        if fresh and any(self.uses[r["id"]] == 0 for r in pool):
            pool = [r for r in pool if self.uses[r["id"]] == 0]  # notes of one meeting do not repeat
        if not pool:
            fail(f"the comment bank has run out of comments for {sorted(questions)}")
        row = self.rng.choice(pool)
        self.uses[row["id"]] += 1
        return row


def encodable(text, encoding):
    try:
        text.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


# ---------------------------------------------------------------------------------------------
# Invented personal data for the placeholders

def phone(rng):
    kind = rng.randrange(3)
    if kind == 0:
        n = f"{rng.randrange(1000):03d}"
        return rng.choice([f"07700 900{n}", f"+44 7700 900{n}", f"07700900{n}", f"07700 900 {n}"])
    if kind == 1:
        n = f"{rng.randrange(1000):03d}"
        return rng.choice([f"(01632) 960{n}", f"01632 960{n}", f"01632 960 {n}", f"+44 1632 960{n}"])
    n = f"{rng.randrange(1000):03d}"
    return rng.choice([f"020 7946 0{n}", f"+44 (0)20 7946 0{n}", f"0207 946 0{n}"])


def email(rng):
    first, last = rng.choice(PARENT_FIRST), rng.choice(PARENT_LAST)
    domain = rng.choice(["example.org", "example.com"])
    form = rng.randrange(4)
    if form == 0:
        return f"{first.lower()}.{last.lower()}@{domain}"
    if form == 1:
        return f"{first.lower()}{rng.randrange(10, 99)}@{domain}"
    if form == 2:
        return f"{first}.{last}@{domain}"
    return f"{first[0].lower()}{last.lower()}{rng.randrange(1, 9)}@{domain}"


def postcode(rng):
    district = rng.choice(["1", "2", "3", "4", "6", "7", "8", "9", "10", "11"])
    inward = f"{rng.randrange(1, 10)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
    code = f"DT{district} {inward}"
    style = rng.randrange(5)
    return [code, code.lower().replace(" ", ""), code.lower(), code.replace(" ", ""), code.replace(" ", "  ")][style]


def date_of_birth(rng):
    year, month = rng.randrange(2006, 2021), rng.randrange(1, 13)
    day = rng.randrange(1, calendar.monthrange(year, month)[1] + 1)
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return rng.choice([f"{day:02d}/{month:02d}/{year}", f"{day}{suffix} {MONTHS[month - 1]} {year}",
                       f"{day}/{month}/{year % 100:02d}", f"{day} {MONTHS[month - 1][:3]} {year}",
                       f"{day:02d}.{month:02d}.{year}"])


def fill(text, rng):
    """Replaces every placeholder with invented personal data; one child name per comment."""
    child = rng.choice(CHILD_NAMES)
    out, pos = [], 0
    for m in re.finditer(r"\{(child|staff|school|email|phone|postcode|dob)\}", text):
        out.append(text[pos:m.start()])
        kind = m.group(1)
        if kind == "child":
            value = child
        elif kind == "staff":
            before = text[:m.start()]
            if TITLE_BEFORE.search(before):
                value = rng.choice(STAFF_SURNAMES)
            else:
                value = rng.choice([f"{rng.choice(TITLES)} {rng.choice(STAFF_SURNAMES)}",
                                    rng.choice(STAFF_FIRST),
                                    f"{rng.choice(STAFF_FIRST)} {rng.choice(STAFF_SURNAMES)}"])
        elif kind == "school":
            value = rng.choice(SCHOOLS)
        elif kind == "email":
            value = email(rng)
        elif kind == "phone":
            value = phone(rng)
        elif kind == "postcode":
            value = postcode(rng)
        else:
            value = date_of_birth(rng)
        out.append(value)
        pos = m.end()
    out.append(text[pos:])
    result = "".join(out)
    if "{" in result and re.search(r"\{[a-z]+\}", result):
        fail(f"unknown placeholder left in comment: {result!r}")
    return result


# ---------------------------------------------------------------------------------------------
# Small helpers

def weighted(rng, pairs):
    labels = [p[0] for p in pairs]
    weights = [p[1] for p in pairs]
    return rng.choices(labels, weights=weights, k=1)[0]


def likert(rng, latent_mean, z, labels):
    """One 5-point answer from a latent normal score (respondent tendency z plus noise)."""
    score = latent_mean + 0.75 * z + 0.66 * rng.gauss(0, 1)
    index = sum(score > c for c in CUTS)
    return labels[index]


def mean_for(target):
    # score ~ N(mu, 1) overall (0.75^2 + 0.66^2 ~ 1), positive when above the third cut point.
    return CUTS[2] - statistics.NormalDist().inv_cdf(1 - target)


HOUR_WEIGHTS = [1, 0, 0, 0, 0, 1, 3, 6, 7, 8, 9, 9, 10, 9, 8, 8, 7, 6, 8, 12, 14, 13, 9, 4]


def time_of_day(rng):
    """Seconds into the day, weighted as people fill in surveys (evenings most)."""
    hour = rng.choices(range(24), weights=HOUR_WEIGHTS, k=1)[0]
    return hour * 3600 + rng.randrange(3600)


def epoch(year, month, day, hour, minute, second):
    return calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0))


def write_csv(path, rows, encoding="utf-8", newline="\n", bom=False):
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=newline, quoting=csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def messy_text(rng, text, allow_newlines=True, curly=0.0, sq=0.0):
    """What a survey tool does to typed text: @SQ@ apostrophes, phone keyboards' curly
    apostrophes, the odd extra line break, trailing spaces."""
    roll = rng.random()
    if roll < sq:
        text = text.replace("'", "@SQ@")
    elif roll < sq + curly:
        text = text.replace("'", "\u2019")
    if allow_newlines and rng.random() < 0.06 and ". " in text:
        parts = text.split(". ", 1)
        text = parts[0] + "." + rng.choice(["\n", "\n\n"]) + parts[1]
    if rng.random() < 0.04:
        text = text + rng.choice([" ", "  ", "\n"] if allow_newlines else [" ", "  "])
    return text


# ---------------------------------------------------------------------------------------------
# 1. Parent carer survey (SmartSurvey CSV)

SURVEY_PLAN = {
    # wave: (unique respondents, month, user id base, has "how did you hear", has anything-else)
    "2021": (420, 1, 101_482_000, False, False),
    "2023": (510, 2, 142_907_000, True, False),
    "2025": (600, 1, 187_331_000, True, True),
}
HEARD = ["Local Offer website", "My child's school or college", "Parent Carer Council",
         "Social media", "Other"]


def survey_columns(wave):
    """The question codes for one wave, with their role. 2023 added a multi-select question
    (how did you hear about this survey), so later codes shift against 2021."""
    _, _, _, heard, anything = SURVEY_PLAN[wave]
    cols = [("Q1", "locality"), ("Q2", "need"), ("Q3", "support"), ("Q4", "age-band"),
            ("Q5", "trust-confidence"), ("Q6", "listened-to"), ("Q7", "satisfaction-support"),
            ("Q8", "satisfaction-process"), ("Q9", "services-work-together")]
    n = 10
    if heard:
        cols += [(f"Q{n}.{i + 1}", f"heard:{label}") for i, label in enumerate(HEARD)]
        n += 1
    cols += [(f"Q{n}", "what-works-well"), (f"Q{n + 1}", "what-is-hard")]
    n += 2
    if anything:
        cols.append((f"Q{n}", "anything-else"))
        n += 1
    cols.append((f"Q{n}", "consent"))
    return cols


def survey_respondent(rng, trng, wave, picker, coded, stem, user_id):
    """One respondent's answers keyed by role."""
    a = {}
    a["locality"] = "" if rng.random() < 0.01 else (PNTS if rng.random() < 0.035 else weighted(rng, list(LOCALITY_SHARES.items())))
    a["need"] = "" if rng.random() < 0.01 else (PNTS if rng.random() < 0.02 else weighted(rng, [(n[0], n[2]) for n in NEEDS]))
    a["support"] = "" if rng.random() < 0.01 else weighted(rng, SUPPORT)
    a["age-band"] = "" if rng.random() < 0.015 else (PNTS if rng.random() < 0.01 else weighted(rng, AGE_BANDS))
    z = rng.gauss(0, 1)
    semh = a["need"].startswith("Social")
    shift = -0.15 if semh else (0.15 if a["need"].startswith(("Physical", "Profound")) else 0.0)
    dropped = rng.random() < 0.035  # stopped part-way: blanks from Q7 on
    for measure, labels in (("trust-confidence", AGREE), ("listened-to", AGREE),
                            ("satisfaction-support", SATIS), ("satisfaction-process", SATIS),
                            ("services-work-together", SATIS)):
        if dropped and measure not in ("trust-confidence", "listened-to"):
            a[measure] = ""
            continue
        if measure == "satisfaction-process":
            went = {"EHCP": 0.97, "SEN support": 0.25, "No formal support": 0.08, "Don't know": 0.3}.get(a["support"], 0.4)
            if rng.random() > went:
                a[measure] = "Not applicable"
                continue
        roll = rng.random()
        dk = 0.09 if measure == "services-work-together" else 0.035
        if roll < 0.025:
            a[measure] = ""
        elif roll < 0.025 + dk:
            a[measure] = "Don't know"
        elif roll < 0.025 + dk + 0.012:
            a[measure] = PNTS
        else:
            a[measure] = likert(rng, mean_for(TARGETS[measure][wave]) + shift, z, labels)
    if not dropped:
        for label in HEARD:
            a[f"heard:{label}"] = label if rng.random() < {"Local Offer website": 0.3, "My child's school or college": 0.35,
                                                          "Parent Carer Council": 0.25, "Social media": 0.3, "Other": 0.06}[label] else ""
    rates = {"what-works-well": 0.46, "what-is-hard": 0.58, "anything-else": 0.15}
    for question in ("what-works-well", "what-is-hard", "anything-else"):
        a[question] = ""
        if dropped or rng.random() >= rates[question]:
            continue
        row = picker.pick({question})
        text = messy_text(trng, fill(row["text"], trng), curly=0.0 if wave == "2021" else 0.15, sq=0.3)
        a[question] = text
        coded.append((f"{stem}:{user_id}", wave, question, text, row["themes"]))
    a["consent"] = "" if dropped else ("No" if rng.random() < 0.30 else "Yes")
    return a


def make_survey(rng, trng, out, wave, pickers, coded_pc):
    count, month, base, _, _ = SURVEY_PLAN[wave]
    year = int(wave)
    stem = f"parent-carer-survey-{wave}"
    cols = survey_columns(wave)
    codes = [c for c, _ in cols]
    fixed = ["UserID", "UserNo", "Name", "Email", "IP", "ID", "Started", "Ended", "Tracking"]
    header1 = fixed + codes
    header2 = ["NA"] * len(fixed) + [role.split(":", 1)[1] if role.startswith("heard:") else "NA" for _, role in cols]
    header3 = [""] * len(header1)
    picker = pickers[wave]
    coded = []
    start = epoch(year, month, 4, 0, 0, 0)
    days = calendar.monthrange(year, month)[1] - 4
    # More responses in the first days after the launch email, a second bump at the reminder.
    day_weights = [max(1, 12 - d) + (6 if d == 14 else 0) for d in range(days)]
    offsets = sorted(rng.choices(range(days), weights=day_weights, k=1)[0] * 86400 + time_of_day(rng)
                     for _ in range(count))
    user_id = base
    records = []
    for i, offset in enumerate(offsets):
        user_id += rng.randrange(3, 60)
        started = start + offset
        ended = started + rng.randrange(180, 2400)
        a = survey_respondent(rng, trng, wave, picker, coded, stem, user_id)
        name = email_value = ip = ""
        if rng.random() < 0.02:
            name = f"{rng.choice(PARENT_FIRST)} {rng.choice(PARENT_LAST)}"
            email_value = email(rng)
        if rng.random() < 0.015:
            ip = f"{rng.choice(['192.0.2', '198.51.100', '203.0.113'])}.{rng.randrange(1, 255)}"
        tracking = weighted(rng, [("", 80), ("newsletter", 9), ("local-offer", 7), ("pcc-facebook", 4)])
        records.append({"UserID": user_id, "Name": name, "Email": email_value, "IP": ip,
                        "Started": started, "Ended": ended, "Tracking": tracking, "answers": a})
    if wave in ("2023", "2025"):
        # A duplicate submission: the same UserID again, finished later, one rating changed.
        # The free text is the same, so the coded sample lists it once (under the kept row).
        original = records[len(records) // 3 + (7 if wave == "2025" else 0)]
        dup = json.loads(json.dumps(original))
        dup["Ended"] = original["Ended"] + rng.randrange(600, 5400)
        dup["Started"] = dup["Ended"] - rng.randrange(200, 900)
        dup["answers"]["trust-confidence"] = "Agree" if original["answers"]["trust-confidence"] != "Agree" else "Strongly agree"
        position = records.index(original) + rng.randrange(5, 40)
        records.insert(position, dup)
    rows = [header1, header2, header3]
    for number, rec in enumerate(records, 1):
        a = rec["answers"]
        rows.append([str(rec["UserID"]), str(number), rec["Name"], rec["Email"], rec["IP"], "",
                     str(rec["Started"]), str(rec["Ended"]), rec["Tracking"]]
                    + [a.get(role, "") for _, role in cols])
    if wave == "2025":
        rows.insert(3 + 233, [""] * len(header1))  # one completely blank row
    if wave == "2021":
        rows = [r + [""] for r in rows]  # a trailing blank column: an extra comma on every row
    if wave == "2023":
        write_csv(out / "exports" / f"{stem}.csv", rows, newline="\r\n", bom=True)
    else:
        write_csv(out / "exports" / f"{stem}.csv", rows, newline="\n")
    if wave == "2025":
        coded_pc.extend(coded)
    return {"rows": len(records), "unique": count, "cols": cols, "records": records}


def survey_manifest(wave, cols):
    code = {role: c for c, role in cols}
    labels = {"trust-confidence": TRUST_NEW if wave == "2025" else TRUST_OLD,
              "listened-to": LISTENED, "satisfaction-support": SAT_SUPPORT,
              "satisfaction-process": SAT_PROCESS, "services-work-together": WORK_TOGETHER}
    scales = {"trust-confidence": "agreement-5", "listened-to": "agreement-5",
              "satisfaction-support": "satisfaction-5", "satisfaction-process": "satisfaction-5",
              "services-work-together": "satisfaction-5"}
    free_labels = {"what-works-well": "What works well for you and your child?",
                   "what-is-hard": "What is hard for you and your child?",
                   "anything-else": "Is there anything else you would like to tell us?"}
    manifest = {
        "manifestVersion": 1,
        "title": f"Parent carer survey {wave} (SYNTHETIC)",
        "note": "SYNTHETIC example data made by scripts/make-example-workspace; not real respondents."
        + (" The trust-confidence question was reworded in 2025 (see its label)." if wave == "2025" else ""),
        "source": "parent-carer-survey",
        "wave": wave,
        "file": f"exports/parent-carer-survey-{wave}.csv",
        "layout": "smartsurvey",
        "respondentGroup": "parent carers",
        "respondentId": "UserID",
        "submitted": "Ended",
        "consent": {"column": code["consent"], "yes": ["Yes"]},
        "breakdowns": [{"field": f, "column": code[f]} for f in ("locality", "need", "support", "age-band")],
        "measures": [{"measure": m, "column": code[m], "scale": scales[m], "label": labels[m]}
                     for m in ("trust-confidence", "listened-to", "satisfaction-support",
                               "satisfaction-process", "services-work-together")],
        "freeText": [{"question": q, "column": code[q], "label": free_labels[q]}
                     for q in ("what-works-well", "what-is-hard", "anything-else") if q in code],
        "ignore": ["Name", "Email", "IP", "Tracking"],
    }
    return manifest


# ---------------------------------------------------------------------------------------------
# XLSX with stable bytes

FIXED_ZIP_TIME = (2025, 3, 3, 9, 0, 0)


def save_stable_xlsx(workbook, path, when):
    """Saves with fixed document times and fixed ZIP entry times (openpyxl's save_workbook
    stamps both with the current time)."""
    from openpyxl.writer.excel import ExcelWriter
    workbook.properties.creator = "Microsoft Forms"
    workbook.properties.lastModifiedBy = None
    workbook.properties.created = when
    workbook.properties.modified = when
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    stable = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(stable.getvalue())


def forms_sheet(header, rows):
    from openpyxl import Workbook
    from openpyxl.styles import Font
    wb = Workbook()
    ws = wb.active
    ws.title = "Form1"
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(row)
    for r in ws.iter_rows(min_row=2, max_col=3):
        for cell in r[1:3]:
            cell.number_format = "dd/mm/yyyy hh:mm:ss"
    for letter, width in zip("ABCDEFGHIJK", (6, 20, 20, 12, 8, 14, 16, 26, 26, 50, 50)):
        ws.column_dimensions[letter].width = width
    return wb


# ---------------------------------------------------------------------------------------------
# 2. Takeover Challenge 2025 (Microsoft Forms XLSX)

CONF_LABELS = ["1 - Not at all confident", "2 - Not very confident", "3 - Quite confident",
               "4 - Confident", "5 - Very confident"]
TAKEOVER_BEFORE = "How confident did you feel speaking up before the Takeover Challenge?"
TAKEOVER_AFTER = "How confident do you feel speaking up now, after it?"
TAKEOVER_MEET = "What was it like meeting the decision makers?"
TAKEOVER_NEXT = "What should they do next?"
DM_ROLE = "What is your role?"
DM_VALUE = "How useful was the day for you as a decision maker?"
DM_TEXT = "What will you do differently because of the Takeover Challenge?"
DM_ROLES = ["Councillor", "Director or assistant director", "Head of service", "Service manager",
            "Headteacher or SENCo", "NHS commissioner or clinician", "Police", "Other"]


def make_takeover(rng, trng, out, yp_picker, dm_picker, coded_yp):
    n = 28
    base = dt.datetime(2025, 2, 27, 15, 5, 0)
    rows = []
    deltas = [1] * 12 + [2] * 7 + [3] * 1 + [0] * 5 + [-1] * 2 + [1]  # 28: mostly up, 5 same, 2 lower
    rng.shuffle(deltas)
    stem = "takeover-young-people-2025"
    times = []
    for i in range(n):
        start = base + dt.timedelta(seconds=rng.randrange(0, 2400) + i * 50)
        times.append((start, start + dt.timedelta(seconds=rng.randrange(150, 900))))
    times.sort(key=lambda t: t[1])  # Forms numbers responses in completion order
    for i, (start, done) in enumerate(times):
        respondent = i + 1
        age = weighted(rng, [("11-15", 35), ("16-18", 45), ("19-25", 20)])
        loc = PNTS if rng.random() < 0.05 else weighted(rng, list(LOCALITY_SHARES.items()))
        before = weighted(rng, [(1, 30), (2, 35), (3, 25), (4, 10)])
        after = before + deltas[i]
        if after > 5:
            after, before = 5, 5 - deltas[i]
        if after < 1:
            after, before = 1, 1 - deltas[i]
        after_label = None if respondent == 18 else CONF_LABELS[after - 1]  # one left "after" blank
        texts = []
        for question, rate in ((TAKEOVER_MEET, 0.9), (TAKEOVER_NEXT, 0.6)):
            if rng.random() < rate:
                row = yp_picker.pick({"takeover-feedback"})
                text = messy_text(trng, fill(row["text"], trng), curly=0.1)
                texts.append(text)
                coded_yp.append((f"{stem}:{respondent}", "2025", "takeover-feedback", text, row["themes"]))
            else:
                texts.append(None)
        rows.append([respondent, start, done, "anonymous", None, age, loc, CONF_LABELS[before - 1],
                     after_label] + texts)
    header = ["ID", "Start time", "Completion time", "Email", "Name", "How old are you?",
              "Which area do you live in?", TAKEOVER_BEFORE, TAKEOVER_AFTER, TAKEOVER_MEET, TAKEOVER_NEXT]
    save_stable_xlsx(forms_sheet(header, rows), out / "exports" / f"{stem}.xlsx", dt.datetime(2025, 3, 3, 9, 0, 0))

    dm_rows = []
    base = dt.datetime(2025, 2, 27, 11, 30, 0)
    for i in range(15):
        start = base + dt.timedelta(seconds=rng.randrange(0, 3600 * 5))
        done = start + dt.timedelta(seconds=rng.randrange(90, 700))
        value = weighted(rng, [(5, 1), (6, 2), (7, 4), (8, 7), (9, 5), (10, 4)])
        text = None
        if rng.random() < 0.85:
            row = dm_picker.pick({"decision-maker-feedback"})
            text = messy_text(trng, fill(row["text"], trng), curly=0.1)
        dm_rows.append([0, start, done, "anonymous", None, weighted(rng, [(r, 1) for r in DM_ROLES]), value, text])
    dm_rows.sort(key=lambda r: r[2])
    for index, r in enumerate(dm_rows, 1):
        r[0] = index
    header = ["ID", "Start time", "Completion time", "Email", "Name", DM_ROLE, DM_VALUE, DM_TEXT]
    save_stable_xlsx(forms_sheet(header, dm_rows), out / "exports" / "takeover-decision-makers-2025.xlsx",
                     dt.datetime(2025, 3, 3, 9, 5, 0))
    return {"young people": len(rows), "decision makers": len(dm_rows), "yp_rows": rows, "dm_rows": dm_rows}


def takeover_manifests():
    yp = {
        "manifestVersion": 1,
        "title": "Takeover Challenge 2025: young people's evaluation (SYNTHETIC)",
        "note": "SYNTHETIC example data made by scripts/make-example-workspace; not real respondents.",
        "source": "takeover-challenge",
        "wave": "2025",
        "file": "exports/takeover-young-people-2025.xlsx",
        "layout": "microsoft-forms",
        "sheet": "Form1",
        "respondentGroup": "young people",
        "respondentId": "ID",
        "submitted": "Completion time",
        "breakdowns": [{"field": "age-band", "column": "How old are you?"},
                       {"field": "locality", "column": "Which area do you live in?"}],
        "measures": [
            {"measure": "takeover-confidence", "column": TAKEOVER_BEFORE, "scale": "1-5", "timepoint": "before",
             "label": TAKEOVER_BEFORE},
            {"measure": "takeover-confidence", "column": TAKEOVER_AFTER, "scale": "1-5", "timepoint": "after",
             "label": TAKEOVER_AFTER}],
        "freeText": [{"question": "takeover-feedback", "column": TAKEOVER_MEET, "label": TAKEOVER_MEET},
                     {"question": "takeover-feedback", "column": TAKEOVER_NEXT, "label": TAKEOVER_NEXT}],
        "ignore": ["Email", "Name"],
    }
    dm = {
        "manifestVersion": 1,
        "title": "Takeover Challenge 2025: decision makers' feedback (SYNTHETIC)",
        "note": "SYNTHETIC example data made by scripts/make-example-workspace; not real respondents.",
        "source": "takeover-challenge",
        "wave": "2025",
        "file": "exports/takeover-decision-makers-2025.xlsx",
        "layout": "microsoft-forms",
        "sheet": "Form1",
        "respondentGroup": "decision makers",
        "respondentId": "ID",
        "submitted": "Completion time",
        "breakdowns": [{"field": "role", "column": DM_ROLE}],
        "measures": [{"measure": "decision-maker-value", "column": DM_VALUE, "scale": "0-10", "label": DM_VALUE}],
        "freeText": [{"question": "decision-maker-feedback", "column": DM_TEXT, "label": DM_TEXT}],
        "ignore": ["Email", "Name"],
    }
    return yp, dm


# ---------------------------------------------------------------------------------------------
# 3. Annual Conversation 2025 (Google Forms CSV)

AC_GROUP = "Are you a..."
AC_AREA = "Which area do you live in?"
AC_HEARD = "Do you feel your voice was heard?"
AC_DIFF = "Do you feel you made a difference?"
AC_ENJOY = "I enjoy life and feel part of my school, college or work and my community"
AC_TEXT = "Is there anything else you would like to tell us?"
AC_CONSENT = "Can we use your words in our reports? We will never use your name."


def make_annual_conversation(rng, trng, out, pc_picker, yp_picker, coded_pc, coded_yp):
    stem = "annual-conversation-2025"
    n = 160
    groups = ["Parent or carer"] * 103 + ["Young person"] * 57
    rng.shuffle(groups)
    start = dt.datetime(2025, 6, 9)
    times = sorted(start + dt.timedelta(days=rng.randrange(26), seconds=time_of_day(rng)) for _ in range(n))
    header = ["Timestamp", AC_GROUP, AC_AREA, AC_HEARD, AC_DIFF, AC_ENJOY, AC_TEXT, AC_CONSENT]
    rows = [header]
    for i, (when, group) in enumerate(zip(times, groups)):
        sheet_row = i + 2
        young = group == "Young person"
        area = PNTS if rng.random() < 0.04 else weighted(rng, list(LOCALITY_SHARES.items()))
        heard = weighted(rng, [("Yes", 52 if young else 44), ("Partly", 28), ("No", 11 if young else 17),
                               ("Don't know", 7), ("", 2)])
        diff = weighted(rng, [("Yes", 33 if young else 28), ("Partly", 34), ("No", 17 if young else 21),
                              ("Don't know", 14), ("", 2)])
        enjoy = ""
        if young:
            enjoy = weighted(rng, [("Strongly agree", 16), ("Agree", 40), ("Neither agree nor disagree", 20),
                                   ("Disagree", 12), ("Strongly disagree", 5), ("Don't know", 4), (PNTS, 3)])
        text = ""
        if rng.random() < (0.7 if young else 0.55):
            if young:
                row = yp_picker.pick({"annual-conversation"}, single_line=True)
            else:
                row = pc_picker.pick({"what-works-well", "what-is-hard", "anything-else"}, single_line=True)
            text = messy_text(trng, fill(row["text"], trng), allow_newlines=False, curly=0.12)
            target = coded_yp if young else coded_pc
            target.append((f"{stem}:{sheet_row}", "2025", "annual-conversation", text, row["themes"]))
        consent = "Yes" if rng.random() < 0.72 else "No"
        rows.append([when.strftime("%d/%m/%Y %H:%M:%S"), group, area, heard, diff, enjoy, text, consent])
    write_csv(out / "exports" / f"{stem}.csv", rows, newline="\n")
    manifest = {
        "manifestVersion": 1,
        "title": "Annual Conversation survey 2025 (SYNTHETIC)",
        "note": "SYNTHETIC example data made by scripts/make-example-workspace; not real respondents. "
                "Rows have no id: a row is identified by its spreadsheet row number (header = row 1).",
        "source": "annual-conversation",
        "wave": "2025",
        "file": f"exports/{stem}.csv",
        "layout": "google-forms",
        "respondentGroupColumn": {"column": AC_GROUP, "values": {"Parent or carer": "parent carers",
                                                                 "Young person": "young people"}},
        "submitted": "Timestamp",
        "consent": {"column": AC_CONSENT, "yes": ["Yes"]},
        "breakdowns": [{"field": "locality", "column": AC_AREA}],
        "measures": [{"measure": "voice-heard", "column": AC_HEARD, "scale": "yes-partly-no", "label": AC_HEARD},
                     {"measure": "made-a-difference", "column": AC_DIFF, "scale": "yes-partly-no", "label": AC_DIFF},
                     {"measure": "enjoy-life", "column": AC_ENJOY, "scale": "agreement-5",
                      "label": AC_ENJOY + " (young people only)"}],
        "freeText": [{"question": "annual-conversation", "column": AC_TEXT, "label": AC_TEXT}],
        "ignore": [],
    }
    return manifest, {"rows": n, "parents": groups.count("Parent or carer"), "young": groups.count("Young person")}


# ---------------------------------------------------------------------------------------------
# 4. Focus group notes 2025 (Excel "CSV (Comma delimited)": Windows-1252, CRLF)

FACILITATORS = ["Jess Marlow", "Sam Whitlock"]
ASIDES = [" \u2013 others agreed", " \u2013 lots of nodding", " \u2013 said twice", " \u2013 group agreed",
          " (quiet \u2013 said at the end)"]


def make_focus_groups(rng, trng, out, pc_picker, yp_picker, coded_pc, coded_yp, bank):
    stem = "focus-group-notes-2025"
    sessions = [("07/05/2025", "young people", "Dorchester", 9), ("21/05/2025", "young people", "East Dorset", 8),
                ("11/06/2025", "parent carers", "North Dorset", 7), ("18/06/2025", "young people", "Chesil", 7),
                ("25/06/2025", "parent carers", "Purbeck", 6), ("02/07/2025", "young people", "West Dorset", 5)]
    # Make sure the comment with a pound sign is among the parent notes (a cp1252 0xA3 byte).
    pound = [r for r in bank["parent-carers"] if "\u00a3" in r["text"] and "\n" not in r["text"]]
    rows = [["Date", "Group", "Locality", "Facilitator", "Note"]]
    for date, group, locality, count in sessions:
        facilitator = rng.choice(FACILITATORS)
        for k in range(count):
            if group == "young people":
                row = yp_picker.pick({"focus-group"}, single_line=True, cp1252=True, fresh=True)
            elif pound and k == 0:
                row = pound.pop(0)
                pc_picker.uses[row["id"]] += 1
            else:
                row = pc_picker.pick({"what-works-well", "what-is-hard"}, single_line=True, cp1252=True, fresh=True)
            text = fill(row["text"], trng).replace("'", "\u2019")  # Excel's AutoCorrect
            if trng.random() < 0.25:
                text += trng.choice(ASIDES)
            sheet_row = len(rows) + 1
            (coded_yp if group == "young people" else coded_pc).append(
                (f"{stem}:{sheet_row}", "2025", "focus-group", text, row["themes"]))
            rows.append([date, group, locality, facilitator, text])
    text = "\r\n".join(",".join(csv_field(c) for c in r) for r in rows) + "\r\n"
    data = text.encode("cp1252")
    for byte in (b"\x92", b"\x96", b"\xa3"):
        if byte not in data:
            fail(f"focus group file lacks the Windows-1252 byte {byte!r}")
    (out / "exports" / f"{stem}.csv").write_bytes(data)
    manifest = {
        "manifestVersion": 1,
        "title": "Annual Conversation focus groups 2025: notes typed up in Excel (SYNTHETIC)",
        "note": "SYNTHETIC example data made by scripts/make-example-workspace. Saved from Excel as "
                "CSV (Windows-1252). A row is identified by its spreadsheet row number (header = row 1).",
        "source": "focus-group",
        "wave": "2025",
        "file": f"exports/{stem}.csv",
        "layout": "plain",
        "respondentGroupColumn": {"column": "Group", "values": {"young people": "young people",
                                                               "parent carers": "parent carers"}},
        "submitted": "Date",
        "breakdowns": [{"field": "locality", "column": "Locality"}],
        "measures": [],
        "freeText": [{"question": "focus-group", "column": "Note", "label": "What was said (facilitator's notes)"}],
        "ignore": ["Facilitator"],
    }
    return manifest, {"rows": len(rows) - 1}


def csv_field(value):
    if any(c in value for c in ",\"\r\n"):
        return '"' + value.replace('"', '""') + '"'
    return value


# ---------------------------------------------------------------------------------------------
# 5. Participation events log 2025 (plain CSV typed by officers)

EVENTS = [
    # (date, event, route, group, locality, attending)
    ("13/01/2025", "Parent Carer Council open meeting", "Parent Carer Council meeting", "parent carers", "Dorchester", 24),
    ("22/01/2025", "Coffee morning at the family hub", "Coffee morning", "parent carers", "Chesil", 11),
    ("29/01/2025", "Youth forum", "Youth forum", "children and young people", "East Dorset", 14),
    ("05/02/2025", "Takeover Challenge confidence workshop", "Takeover Challenge", "children and young people", "Countywide", 28),
    ("12/02/2025", "Local Offer drop-in", "Local Offer drop-in", "both", "Purbeck", 9),
    ("19/02/2025", "Takeover Challenge meetings with decision makers", "Takeover Challenge", "children and young people", "Countywide", 26),
    ("27/02/2025", "Takeover Challenge evaluation workshop", "Takeover Challenge", "children and young people", "Countywide", 28),
    ("10/03/2025", "Parent Carer Council open meeting", "Parent Carer Council meeting", "parent carers", "North Dorset", 19),
    ("18/03/2025", "Coffee morning", "Coffee morning", "parent carers", "West Dorset", 8),
    ("26/03/2025", "Youth forum", "Youth forum", "children and young people", "Dorchester", 12),
    ("02/04/2025", "Local Offer drop-in", "Local Offer drop-in", "both", "East Dorset", 15),
    ("23/04/2025", "Coffee morning", "Coffee morning", "parent carers", "Purbeck", 3),
    ("07/05/2025", "Annual Conversation focus group", "Annual Conversation focus group", "children and young people", "Dorchester", 9),
    ("12/05/2025", "Parent Carer Council open meeting", "Parent Carer Council meeting", "parent carers", "East Dorset", 27),
    ("21/05/2025", "Annual Conversation focus group", "Annual Conversation focus group", "children and young people", "East Dorset", 8),
    ("28/05/2025", "Youth forum", "Youth forum", "children and young people", "North Dorset", 10),
    ("11/06/2025", "Annual Conversation focus group", "Annual Conversation focus group", "parent carers", "North Dorset", 7),
    ("18/06/2025", "Annual Conversation focus group", "Annual Conversation focus group", "children and young people", "Chesil", 7),
    ("25/06/2025", "Annual Conversation focus group", "Annual Conversation focus group", "parent carers", "Purbeck", 6),
    ("02/07/2025", "Annual Conversation focus group", "Annual Conversation focus group", "children and young people", "West Dorset", 5),
    ("09/07/2025", "Local Offer drop-in at the summer fair", "Local Offer drop-in", "both", "West Dorset", 42),
    ("14/07/2025", "Parent Carer Council open meeting", "Parent Carer Council meeting", "parent carers", "Chesil", 16),
    ("17/09/2025", "Coffee morning", "Coffee morning", "parent carers", "Dorchester", 13),
    ("24/09/2025", "Youth forum", "Youth forum", "children and young people", "Purbeck", 11),
    ("08/10/2025", "Local Offer drop-in", "Local Offer drop-in", "both", "North Dorset", 7),
    ("15/10/2025", "Parent Carer Council open meeting", "Parent Carer Council meeting", "parent carers", "West Dorset", 21),
    ("22/10/2025", "Youth forum", "Youth forum", "children and young people", "Chesil", 9),
    ("05/11/2025", "Coffee morning", "Coffee morning", "parent carers", "East Dorset", 17),
    ("19/11/2025", "Youth forum", "Youth forum", "children and young people", "West Dorset", 13),
    ("26/11/2025", "Local Offer drop-in", "Local Offer drop-in", "both", "Dorchester", 12),
    ("03/12/2025", "Parent Carer Council open meeting", "Parent Carer Council meeting", "parent carers", "Purbeck", 14),
    ("10/12/2025", "Youth forum Christmas social", "Youth forum", "children and young people", "Countywide", 31),
]


def make_events(out):
    stem = "participation-events-2025"
    header = ["Date", "Event", "Route", "Group", "Locality", "Number attending"]
    rows = [header] + [[d, e, r, g, l, str(n)] for d, e, r, g, l, n in EVENTS]
    write_csv(out / "exports" / f"{stem}.csv", rows, newline="\r\n")
    manifest = {
        "manifestVersion": 1,
        "title": "Participation events log 2025 (SYNTHETIC)",
        "note": "SYNTHETIC example data made by scripts/make-example-workspace. Each row is one event; "
                "'Number attending' says how many people it stands for.",
        "source": "participation-event",
        "wave": "2025",
        "file": f"exports/{stem}.csv",
        "layout": "plain",
        "respondentGroupColumn": {"column": "Group", "values": {
            "children and young people": "young people", "parent carers": "parent carers",
            "both": "young people and parent carers"}},
        "submitted": "Date",
        "breakdowns": [{"field": "route", "column": "Route"}, {"field": "locality", "column": "Locality"}],
        "measures": [],
        "freeText": [],
        "attendance": "Number attending",
        "ignore": ["Event"],
    }
    return manifest, {"rows": len(EVENTS), "people": sum(e[5] for e in EVENTS)}


# ---------------------------------------------------------------------------------------------

def write_json(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bank", type=Path, default=HERE / "comments")
    parser.add_argument("--out", type=Path, default=REPO / "surveys")
    args = parser.parse_args()
    bank = load_bank(args.bank)
    out = args.out
    for sub in ("exports", "manifests", "coded-sample"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    # One seeded generator; it seeds two streams so that the answers (rng) do not change when
    # the comment bank grows, only the comments drawn from it (trng).
    master = random.Random(SEED)
    rng = random.Random(master.getrandbits(64))
    trng = random.Random(master.getrandbits(64))
    pc_pickers = {w: Picker(trng, bank["parent-carers"]) for w in SURVEY_PLAN}
    yp_picker = Picker(trng, bank["young-people"])
    dm_picker = Picker(trng, bank["decision-makers"])
    coded_pc, coded_yp = [], []
    summary = {}
    for wave in SURVEY_PLAN:
        result = make_survey(rng, trng, out, wave, pc_pickers, coded_pc)
        write_json(out / "manifests" / f"parent-carer-survey-{wave}.json", survey_manifest(wave, result["cols"]))
        summary[f"parent-carer-survey-{wave}"] = {"data rows": result["rows"], "respondents": result["unique"]}
    takeover = make_takeover(rng, trng, out, yp_picker, dm_picker, coded_yp)
    yp_manifest, dm_manifest = takeover_manifests()
    write_json(out / "manifests" / "takeover-young-people-2025.json", yp_manifest)
    write_json(out / "manifests" / "takeover-decision-makers-2025.json", dm_manifest)
    summary["takeover"] = {"young people": takeover["young people"], "decision makers": takeover["decision makers"]}
    manifest, info = make_annual_conversation(rng, trng, out, pc_pickers["2025"], yp_picker, coded_pc, coded_yp)
    write_json(out / "manifests" / "annual-conversation-2025.json", manifest)
    summary["annual-conversation-2025"] = info
    manifest, info = make_focus_groups(rng, trng, out, pc_pickers["2025"], yp_picker, coded_pc, coded_yp, bank)
    write_json(out / "manifests" / "focus-group-notes-2025.json", manifest)
    summary["focus-group-notes-2025"] = info
    manifest, info = make_events(out)
    write_json(out / "manifests" / "participation-events-2025.json", manifest)
    summary["participation-events-2025"] = info
    write_json(out / "workspace.json", {
        "name": "Example council SEND participation evidence (SYNTHETIC)",
        "synthetic": True,
        "suppression": {"minimumCount": 5, "minimumBase": 10},
    })
    header = ["response_id", "wave", "question", "text", "themes"]
    write_csv(out / "coded-sample" / "parent-carers.csv", [header] + [list(c) for c in coded_pc])
    write_csv(out / "coded-sample" / "young-people.csv", [header] + [list(c) for c in coded_yp])
    summary["coded-sample"] = {"parent carers": len(coded_pc), "young people": len(coded_yp)}
    if len(coded_pc) < 150 or len(coded_yp) < 60:
        fail(f"coded sample too small: {len(coded_pc)} parent carer, {len(coded_yp)} young people comments")
    for key, value in summary.items():
        print(f"{key}: {value}")


if __name__ == "__main__":
    main()
