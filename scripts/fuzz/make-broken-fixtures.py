#!/usr/bin/env python3
"""Writes the hostile and damaged files in Tests/VoicesTests/Fixtures/broken/.

Independent of Voices: ZIP archives are built here with struct and zlib, so a lie in a header
is a lie Voices did not help write. Run from the repository root; the outputs are committed.
The 100 MB field is not here: the tests generate it in a temporary folder.
"""
import os, struct, zlib, shutil

OUT = "Tests/VoicesTests/Fixtures/broken"
os.makedirs(OUT, exist_ok=True)

def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)

# --- ZIP, by hand -----------------------------------------------------------------------------
def zip_bytes(entries):
    """entries: list of (name, data, declared_size or None). Deflate level 9, no data descriptor."""
    out, central = b"", b""
    for name, data, declared in entries:
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        payload = comp.compress(data) + comp.flush()
        crc = zlib.crc32(data) & 0xFFFFFFFF
        size = len(data) if declared is None else declared
        n = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(payload), size, len(n), 0) + n + payload
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(payload), size,
                               len(n), 0, 0, 0, 0, 0, offset) + n
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(out), 0)
    return out + central + end

CONTENT_TYPES = b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'
ROOT_RELS = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
WORKBOOK = b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Form1" sheetId="1" r:id="rId1"/></sheets></workbook>'
WORKBOOK_RELS = b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
SHEET_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
SHEET_TAIL = b'</sheetData></worksheet>'
GOOD_ROWS = b'<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>'

def workbook(sheet, declared=None):
    return zip_bytes([("[Content_Types].xml", CONTENT_TYPES, None), ("_rels/.rels", ROOT_RELS, None),
                      ("xl/workbook.xml", WORKBOOK, None), ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS, None),
                      ("xl/worksheets/sheet1.xml", sheet, declared)])

good = workbook(SHEET_HEAD + GOOD_ROWS + SHEET_TAIL)
write("good.xlsx", good)
# Cut short: the end of central directory record is gone.
write("truncated.xlsx", good[: len(good) * 6 // 10])
# 20 MB of spaces inside sheetData: about 20 KB deflated, a ratio near 1000 (the limit is 200).
write("zip-bomb-ratio.xlsx", workbook(SHEET_HEAD + b" " * (20 << 20) + SHEET_TAIL))
# Declares 3.75 GiB uncompressed (the entry limit is 1 GiB): refused before inflating anything.
write("zip-bomb-declared-size.xlsx", workbook(SHEET_HEAD + GOOD_ROWS + SHEET_TAIL, declared=0xF0000000))
# Declares 2,000 bytes, inflates to 5 MB: stopped at the declared size.
write("zip-bomb-lying-size.xlsx", workbook(SHEET_HEAD + b" " * (5 << 20) + SHEET_TAIL, declared=2000))
# Billion laughs: entities defined in a DOCTYPE, each ten of the one before.
laughs = b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [\n <!ENTITY lol "lol">\n'
for i in range(1, 10):
    prev = b"&lol;" if i == 1 else b"&lol%d;" % (i - 1)
    laughs += b' <!ENTITY lol%d "%s">\n' % (i, prev * 10)
laughs += b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
write("xml-billion-laughs.xlsx", workbook(laughs))
# External entity: would read /etc/passwd into a cell if entities were honoured.
xxe = (b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
       b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>')
write("xml-external-entity.xlsx", workbook(xxe))
# 100,000 nested elements inside a cell (the depth limit is 256).
write("xml-deep-nesting.xlsx", workbook(SHEET_HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is>' + b"<r>" * 100_000 + b"</r>" * 100_000 + b"</is></c></row>" + SHEET_TAIL))

# --- CSV --------------------------------------------------------------------------------------
write("nul-bytes.csv", b"ID,Name\n1,Ada\n2,Gr\x00ace\n")
write("invalid-utf8.csv", b"ID,Comment\n1,caf\xe9 \x93quoted\x94\n2,plain\n")
write("invalid-utf16.csv", b"\xff\xfe" + "ID,Name\n1,".encode("utf-16-le") + b"\x00\xd8" + "A\n".encode("utf-16-le"))
write("mixed-line-endings.csv", b'ID,Name\r\n1,Ada\n2,Grace\r3,"two\r\nlines"\n4,Last')
write("duplicate-headers.csv", b"ID,Name,Name,Score\n1,first,second,3\n")
write("empty.csv", b"")
write("header-only.csv", b"ID,Name,Score\n")
write("missing-columns.csv", b"ID,Timestamp,How satisfied are you?\n1,2025-02-14 09:30:00,Satisfied\n")
print("wrote", sorted(os.listdir(OUT)))
