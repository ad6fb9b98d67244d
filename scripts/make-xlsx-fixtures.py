#!/usr/bin/env python3
"""Writes the XLSX test fixtures with two independent spreadsheet writers, openpyxl and
xlsxwriter, and beside each workbook a `.expected.json`: for every sheet, the rows of strings
Voices should produce, computed here by reading the written file back with openpyxl (never by
Voices).

Run:  scripts/make-xlsx-fixtures   (makes scripts/.venv and installs both packages)

Rendering rules the expected values follow (the contract of XLSXReader):
- rows from 1 to the last row with a non-empty cell; missing/empty rows are [];
- each row ends at its last non-empty cell; gaps inside a row are "";
- numbers: integral values below 2**53 as integers, otherwise Python's repr (shortest
  round-trip), whatever the number format (percent stays 0.25);
- dates by openpyxl's own is_datetime(number_format): date -> YYYY-MM-DD, datetime ->
  YYYY-MM-DDTHH:MM:SS rounded to the second, time -> HH:MM:SS;
- booleans TRUE/FALSE; errors as their text; strings verbatim.

Output is deterministic: document timestamps are fixed and every ZIP entry is rewritten with
the same date, so rerunning gives the same bytes.
"""
import datetime as dt
import io
import json
import os
import re
import sys
import zipfile

import openpyxl
import xlsxwriter
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles.numbers import is_datetime

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "VoicesTests", "Fixtures", "xlsx")
FIXED = dt.datetime(2025, 1, 1, 0, 0, 0)

# ---------------------------------------------------------------------------------------------
# Content: each workbook is a list of sheets; each sheet a list of (row, col, value, fmt) cells.
# value kinds: str, int, float, bool, datetime/date/time, ("rich", [(text, bold)]), ("error", "#N/A")


def forms_export():
    header = ["ID", "Start time", "Completion time", "Email", "Name",
              "How satisfied are you with the support your child receives?",
              "What could we do better?", "How many children do you care for?",
              "Score", "Share of week in school", "Date of last review", "Usual pick-up time"]
    likert = ["Very satisfied", "Satisfied", "Neither satisfied nor dissatisfied", "Dissatisfied",
              "Very dissatisfied"]
    texts = [
        'More help with transport, please. The "EHCP" took 40 weeks!',
        "Line one\nLine two, with a comma\nLine three",
        "Très bien — merci 😊 for listening",
        "Support in school 👍🏽, 日本語 and Ελληνικά too",
        "",
        "Short answer",
        "  leading and trailing spaces  ",
        "Tabs\tand <angle> & ampersands",
    ]
    cells = [(1, c + 1, h, None) for c, h in enumerate(header)]
    for i in range(8):
        r = i + 2
        start = dt.datetime(2025, 2, 14, 9, 30, 0) + dt.timedelta(days=i, minutes=7 * i, seconds=13 * i)
        done = start + dt.timedelta(minutes=4, seconds=31 + i)
        cells += [
            (r, 1, i + 1, None),
            (r, 2, start, "m/d/yy h:mm:ss"),
            (r, 3, done, "yyyy-mm-dd hh:mm:ss"),
            (r, 4, "anonymous" if i % 3 == 0 else f"parent{i}@example.org", None),
            (r, 5, "" if i % 3 == 0 else ["Ada Lovelace", "Siân Evans", "Zoë O'Brien", "José Núñez",
                                          "Li Wei", "Amara Okafor", "Ólafur Jónsson"][i % 7], None),
            (r, 6, likert[i % 5], None),
            (r, 7, texts[i], None),
            (r, 8, i % 4, None),
            (r, 9, [7.5, 0.1, 3.14159, 10.0, 2.675, 1 / 3, 99.99, 0.30000000000000004][i], "0.00"),
            (r, 10, [0.25, 0.5, 1.0, 0.125, 0.0, 0.75, 0.333, 0.8][i], "0%"),
            (r, 11, dt.date(2024, 9, 1) + dt.timedelta(days=31 * i), "dd/mm/yyyy"),
            (r, 12, dt.time(15, 15 + i, 0), "hh:mm"),
        ]
    return [("Form1", [c for c in cells if c[2] != ""])]


def two_sheets():
    responses = [(1, 1, "Respondent", None), (1, 2, "Answer", None),
                 (2, 1, "R1", None), (2, 2, "Yes", None),
                 (3, 1, "R2", None), (3, 2, "No", None)]
    makers = [(1, 1, "Name", None), (1, 2, "Role", None),
              (2, 1, "Jo Bloggs", None), (2, 2, "Head of SEND", None),
              (3, 1, "Sam Smith", None), (3, 2, "Parent carer forum chair", None),
              (4, 1, "Total", None), (4, 2, 2, None)]
    return [("Responses", responses), ("Decision makers", makers)]


def date1904():
    cells = [(1, 1, "When", None), (1, 2, "Date only", None), (1, 3, "Time only", None)]
    for i, when in enumerate([dt.datetime(1904, 1, 2, 6, 0, 0), dt.datetime(2025, 2, 14, 9, 30, 0),
                              dt.datetime(2000, 2, 29, 23, 59, 59), dt.datetime(1999, 12, 31, 12, 0, 0)]):
        cells += [(i + 2, 1, when, "yyyy-mm-dd hh:mm:ss"),
                  (i + 2, 2, when.date() if when.year > 1904 else dt.date(1904, 1, 2), "d-mmm-yy"),
                  (i + 2, 3, dt.time(when.hour, when.minute, when.second) if when.hour else dt.time(0, 0, 1), "h:mm:ss")]
    return [("Dates", cells)]


def formats_and_cells():
    cells = [
        (1, 1, "Kind", None), (1, 2, "Value", None), (1, 3, "Another", None),
        (2, 1, "integer", None), (2, 2, 42, None), (2, 3, -7, None),
        (3, 1, "decimal", None), (3, 2, 0.1, None), (3, 3, 123456.789, "#,##0.00"),
        (4, 1, "percent", None), (4, 2, 0.25, "0%"), (4, 3, 0.1234, "0.00%"),
        (5, 1, "custom date", None), (5, 2, dt.datetime(2025, 2, 14, 9, 30), "dd/mm/yyyy hh:mm"),
        (5, 3, dt.datetime(2025, 3, 1, 17, 45, 30), "[$-809]dd mmmm yyyy hh:mm:ss"),
        (6, 1, "boolean", None), (6, 2, True, None), (6, 3, False, None),
        (7, 1, "error", None), (7, 2, ("error", "#N/A"), None), (7, 3, ("error", "#DIV/0!"), None),
        (8, 1, "rich text", None), (8, 2, ("rich", [("Bold ", True), ("and plain", False)]), None),
        (8, 3, ("rich", [("Über", False), (" 😊", True)]), None),
        # Row 9 skipped entirely; row 10 has gaps inside it.
        (10, 1, "gaps", None), (10, 4, "D10 after A10", None), (10, 7, 3.5, None),
        (11, 1, "small and large", None), (11, 2, 0.00001, None), (11, 3, 1e20, None), (11, 4, -0.5, None),
        (12, 1, "text that looks like a number", None), (12, 2, "007", None), (12, 3, "1e3", None),
        # Row 13 skipped; row 14 is the last.
        (14, 2, "last row, first column empty", None),
    ]
    return [("Cells", cells)]


WORKBOOKS = {
    "forms-export": (forms_export, False),
    "two-sheets": (two_sheets, False),
    "date1904": (date1904, True),
    "formats-and-cells": (formats_and_cells, False),
}

# ---------------------------------------------------------------------------------------------
# Writers


def write_openpyxl(path, sheets, is1904):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    if is1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.properties.creator = "make-xlsx-fixtures"
    for name, cells in sheets:
        ws = wb.create_sheet(name)
        for r, c, value, fmt in cells:
            cell = ws.cell(row=r, column=c)
            if isinstance(value, tuple) and value[0] == "rich":
                cell.value = CellRichText(*[TextBlock(InlineFont(b=bold), text) for text, bold in value[1]])
            elif isinstance(value, tuple) and value[0] == "error":
                cell.value = value[1]
                cell.data_type = "e"
            else:
                cell.value = value
            if fmt:
                cell.number_format = fmt
    wb.save(path)


def write_xlsxwriter(path, sheets, is1904):
    wb = xlsxwriter.Workbook(path, {"date_1904": is1904, "strings_to_numbers": False,
                                    "strings_to_formulas": False, "strings_to_urls": False})
    wb.set_properties({"created": FIXED, "author": "make-xlsx-fixtures"})
    formats = {}
    bold = wb.add_format({"bold": True})

    def fmt_for(code):
        if code not in formats:
            formats[code] = wb.add_format({"num_format": code})
        return formats[code]

    for name, cells in sheets:
        ws = wb.add_worksheet(name)
        for r, c, value, code in cells:
            row, col = r - 1, c - 1
            f = fmt_for(code) if code else None
            if isinstance(value, tuple) and value[0] == "rich":
                parts = []
                for text, is_bold in value[1]:
                    parts += [bold, text] if is_bold else [text]
                if len(parts) == 2 and not isinstance(parts[0], str):
                    parts = [parts[0], parts[1], ""]
                ws.write_rich_string(row, col, *parts)
            elif isinstance(value, tuple) and value[0] == "error":
                formula = {"#N/A": "=NA()", "#DIV/0!": "=1/0"}[value[1]]
                ws.write_formula(row, col, formula, None, value[1])
            elif isinstance(value, bool):
                ws.write_boolean(row, col, value, f)
            elif isinstance(value, (dt.datetime, dt.date, dt.time)):
                ws.write_datetime(row, col, value, f)
            elif isinstance(value, (int, float)):
                ws.write_number(row, col, value, f)
            else:
                ws.write_string(row, col, value, f)
    wb.close()


# ---------------------------------------------------------------------------------------------
# Expected values, read back with openpyxl


def render_number(v):
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, int):
        return str(v)
    if v == 0:
        return "0"
    if v.is_integer() and abs(v) < 2 ** 53:
        return str(int(v))
    return repr(v)


def render(cell):
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, (bool, int, float)):
        return render_number(v)
    if isinstance(v, (dt.datetime, dt.date, dt.time)):
        kind = is_datetime(cell.number_format)
        if isinstance(v, dt.time):
            return v.replace(microsecond=0).isoformat()
        if not isinstance(v, dt.datetime):
            v = dt.datetime(v.year, v.month, v.day)
        v = (v + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
        if kind == "date":
            return v.date().isoformat()
        if kind == "time":
            return v.time().isoformat()
        return v.isoformat()
    return str(v)


def expected(path):
    wb = openpyxl.load_workbook(path, data_only=True, rich_text=False)
    result = {}
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, min_col=1, max_col=ws.max_column):
            fields = [render(c) for c in row]
            while fields and fields[-1] == "":
                fields.pop()
            rows.append(fields)
        while rows and not rows[-1]:
            rows.pop()
        result[ws.title] = rows
    return {"sheets": list(result.keys()), "rows": result}


# ---------------------------------------------------------------------------------------------
# Determinism


def normalise(path):
    """Rewrites the archive with fixed entry dates and fixed document timestamps."""
    with zipfile.ZipFile(path) as z:
        entries = [(i, z.read(i.filename)) for i in z.infolist()]
    stamp = FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>" + stamp + rb"\g<3>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            out.writestr(fixed, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    with open(path, "wb") as f:
        f.write(buf.getvalue())


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, (content, is1904) in WORKBOOKS.items():
        sheets = content()
        for writer_name, writer in [("openpyxl", write_openpyxl), ("xlsxwriter", write_xlsxwriter)]:
            path = os.path.join(OUT, f"{name}-{writer_name}.xlsx")
            writer(path, sheets, is1904)
            normalise(path)
            with open(path[:-5] + ".expected.json", "w", encoding="utf-8") as f:
                json.dump(expected(path), f, ensure_ascii=False, indent=1)
                f.write("\n")
            print("wrote", os.path.relpath(path))


if __name__ == "__main__":
    sys.exit(main())
