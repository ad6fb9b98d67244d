"""Checks a Voices-written workbook with tools nobody here wrote: zipfile, openpyxl, LibreOffice.

The expected values below are written out by hand from XLSXWriterSample in
Tests/VoicesTests/Tabular/XLSXWriterTests.swift, not computed from the Swift code.
Usage: scripts/check-xlsx-writer [path.xlsx]   (exit status 0 when every check passes)
"""
import csv
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    ROOT, "Tests/VoicesTests/Fixtures/xlsx-writer/review-sample.xlsx")

THEMES = [
    "Waiting times, assessments", 'Communication "with us"', "EHCP quality", "School support", "Transport",
    "Short breaks", "Mental health (CAMHS)", "Speech and language", "Preparing for adulthood", "Other",
]
REVIEW = [
    ["ID", "Comment", "Suggested theme", "Agree?", "Reviewer note", "Score", "Flagged"],
    [1, 'We waited 18 months, and nobody "explained" why.', THEMES[0], None, None, 0.1, True],
    [2, "Line one\nLine two, with a comma\nLine three", THEMES[1], "Agree", None, 42, False],
    [3, "Très bien — merci 😊 for listening", THEMES[9], None, "  spaces kept  ", -3.5, None],
    [4, "<b>tags</b> & ampersands; tab\there; CR\r\nLF", None, "Disagree", None, None, None],
    [None] * 7,
    [6, "vertical\x0btab and a literal _x0041_ escape", THEMES[3], None, None, 1234567.891, None],
]
failures = []


def check(label, actual, expected):
    if actual != expected:
        failures.append(f"{label}: expected {expected!r}, got {actual!r}")
    else:
        print(f"ok   {label}")


# 1. The ZIP container: every CRC checked by Python's zipfile.
with zipfile.ZipFile(PATH) as z:
    check("zipfile.testzip (all CRCs good)", z.testzip(), None)
    check("parts", sorted(z.namelist()), sorted([
        "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]))
    check("UTF-8 name flag and fixed 1980-01-01 timestamp",
          {(i.flag_bits & 0x800, i.date_time) for i in z.infolist()}, {(0x800, (1980, 1, 1, 0, 0, 0))})
    # Shared strings through Python's own XML parser, then ECMA-376 ST_Xstring decoding
    # (_xHHHH_ -> the character, one pass, so _x005F_x0041_ -> _x0041_), written here by hand.
    import xml.etree.ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    sst = ET.fromstring(z.read("xl/sharedStrings.xml"))
    decoded = {re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), si.find("m:t", ns).text or "")
               for si in sst.findall("m:si", ns)}
    texts = {v for row in REVIEW for v in row if isinstance(v, str)}
    check("every text decodes exactly from sharedStrings.xml (ElementTree + ECMA-376 escapes)",
          texts - decoded, set())

# 2. openpyxl: cells, views, widths, styles, validations, hidden sheet.
wb = openpyxl.load_workbook(PATH)
check("sheet names", wb.sheetnames, ["Review sheet", "Code book", "Lists"])
check("sheet states", [ws.sheet_state for ws in wb.worksheets], ["visible", "visible", "hidden"])
ws = wb["Review sheet"]
rows = [list(r) for r in ws.iter_rows(min_row=1, max_row=7, max_col=7, values_only=True)]
# openpyxl 3.1 does not decode ECMA-376 _xHHHH_ escapes in shared strings (it only drops
# "x005F_"), so it shows the two control characters still escaped; Excel decodes them.
OPENPYXL_VIEW = [list(r) for r in REVIEW]
OPENPYXL_VIEW[4][1] = "<b>tags</b> & ampersands; tab\there; CR_x000D_\nLF"
OPENPYXL_VIEW[6][1] = "vertical_x000B_tab and a literal _x0041_ escape"
for i, (got, want) in enumerate(zip(rows, OPENPYXL_VIEW), start=1):
    check(f"Review sheet row {i}", got, want)
check("Review sheet dimensions", ws.dimensions, "A1:G7")
check("freeze panes", ws.freeze_panes, "A2")
check("auto filter", ws.auto_filter.ref, "A1:G7")
check("column widths", [ws.column_dimensions[c].width for c in "ABCDEFG"], [8, 60, 28, 12, 40, 13, 9])
check("header bold", [ws.cell(1, c).font.b for c in range(1, 8)], [True] * 7)
check("header fill", ws["A1"].fill.fgColor.rgb, "FFDDEBF7")
check("comment column wraps", [ws.cell(r, 2).alignment.wrap_text for r in (2, 3, 4, 5, 7)], [True] * 5)
check("ID column does not wrap", bool(ws["A2"].alignment.wrap_text), False)
dvs = sorted(ws.data_validations.dataValidation, key=lambda dv: str(dv.sqref))
check("validation count", len(dvs), 2)
check("validation types", [dv.type for dv in dvs], ["list", "list"])
check("validation ranges", [str(dv.sqref) for dv in dvs], ["C2:C7", "D2:D7"])
check("validation formulas", [dv.formula1 for dv in dvs], ["Lists!$A$2:$A$11", '"Agree,Disagree,Not sure"'])
check("validation prompts", [dv.prompt for dv in dvs],
      ["Pick a theme from the codebook", "Do you agree with the suggested theme?"])
check("validation error", dvs[1].error, "Choose Agree, Disagree or Not sure.")
check("validation blanks allowed", [dv.allow_blank for dv in dvs], [True, True])
lists = wb["Lists"]
check("Lists sheet", [c.value for c in lists["A"]], ["Review sheet: Suggested theme"] + THEMES)
cb = wb["Code book"]
check("Code book rows", [[c.value for c in r] for r in cb.iter_rows()],
      [["Code", "Description"]] + [[f"T{i + 1}", t] for i, t in enumerate(THEMES)])
check("Code book freeze panes / filter", (cb.freeze_panes, cb.auto_filter.ref), ("A2", None))
check("core properties", (wb.properties.creator, str(wb.properties.created)), ("Voices", "1980-01-01 00:00:00"))

# 3. LibreOffice, when installed: headless conversion of the first sheet to CSV.
office = shutil.which("soffice") or shutil.which("libreoffice")
if office:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([office, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                        "--outdir", out, PATH], check=True, capture_output=True, timeout=180)
        name = os.path.splitext(os.path.basename(PATH))[0] + ".csv"
        with open(os.path.join(out, name), newline="", encoding="utf-8") as f:
            table = list(csv.reader(f))
        print("LibreOffice CSV:", table)
        check("LibreOffice: header", table[0], REVIEW[0])
        check("LibreOffice: comment with newline", table[2][1], REVIEW[2][1])
        check("LibreOffice: emoji, spaces", (table[3][1], table[3][4]), (REVIEW[3][1], REVIEW[3][4]))
        check("LibreOffice: numbers and booleans", (table[1][5], table[1][6], table[2][5], table[6][5]),
              ("0.1", "TRUE", "42", "1234567.891"))
        # LibreOffice decodes the ECMA-376 escapes openpyxl leaves alone.
        check("LibreOffice: _x000B_ decoded, literal _x0041_ kept", table[6][1], REVIEW[6][1])
        # Flat ODF keeps the drop-down lists and the hidden sheet (headless runs keep no view
        # settings, so the frozen pane cannot be checked this way).
        subprocess.run([office, "--headless", "--convert-to", "fods", "--outdir", out, PATH],
                       check=True, capture_output=True, timeout=180)
        with open(os.path.join(out, os.path.splitext(os.path.basename(PATH))[0] + ".fods"), encoding="utf-8") as f:
            fods = f.read()
        check("LibreOffice: list validations", sorted(re.findall(r'table:condition="([^"]*)"', fods)), [
            "of:cell-content-is-in-list(&quot;Agree&quot;;&quot;Disagree&quot;;&quot;Not sure&quot;)",
            "of:cell-content-is-in-list([$Lists.$A$2:.$A$11])"])
        styles = dict(re.findall(r'<table:table table:name="([^"]*)" table:style-name="([^"]*)"', fods))
        display = {name: re.search(r'<style:style style:name="%s"[^>]*>\s*<style:table-properties[^>]*table:display="([^"]*)"'
                                   % styles[name], fods).group(1) for name in styles}
        check("LibreOffice: Lists sheet hidden", display, {"Review sheet": "true", "Code book": "true", "Lists": "false"})
else:
    print("skip LibreOffice: soffice not installed")

if failures:
    print("\n".join(["FAIL " + f for f in failures]))
    sys.exit(1)
print(f"all checks passed for {PATH}")
