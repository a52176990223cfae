#!/usr/bin/env python3
"""Lays out govreport's text rendering of a report as a small PDF, a seed for fuzz_import_pdf:
one text run per table cell at the column where the text rendering puts it, paragraphs wrapped
and cut to two lines, the content streams uncompressed and the non-embedded font STSong-Light
with the CMap UniGB-UCS2-H (every string a hex string of UCS-2 codes), so that a mutation of a
label or a number stays a label or a number.

    govreport build data.json -f text | fuzz/make-pdf-seed.py OUT.pdf"""

import sys
import unicodedata

SIZE = 7  # points; a Chinese character is two columns of the text rendering
LEFT, TOP, LEADING, PAGE_LINES, WRAP = 30, 40, 10, 76, 150


def columns(text):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def runs(line):
    """The cells of a table row ("| a | 1 |") or the line itself, each with its column."""
    if not line.startswith("|"):
        return [(0, line.strip())] if line.strip() else []
    out, col = [], 0
    for cell in line.split("|")[1:-1]:
        text = cell.strip()
        if text:
            out.append((col + 1 + columns(cell[: len(cell) - len(cell.lstrip())]), text))
        col += columns(cell) + 1
    return out


def lines_of(text):
    for line in text.splitlines():
        if line.startswith("+"):
            continue
        if line.startswith("\u3000\u3000"):  # a paragraph: wrapped, at most two lines of it
            chunks, rest = [], line
            while rest and len(chunks) < 2:
                n, width = 0, 0
                while n < len(rest) and width + columns(rest[n]) <= WRAP:
                    width += columns(rest[n])
                    n += 1
                chunks.append(rest[:n])
                rest = rest[n:]
            for c in chunks:
                yield [(0, c)]
            continue
        yield runs(line)


def write_pdf(pages, out):
    objs = []

    def add(s):
        objs.append(s)
        return len(objs)

    desc = add("<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
               "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    cid = add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) "
              "/Ordering (GB1) /Supplement 4 >> /FontDescriptor %d 0 R /DW 1000 /W [1 95 500] >>" % desc)
    font = add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H "
               "/DescendantFonts [%d 0 R] >>" % cid)
    parent = add(None)
    kids = []
    for page in pages:
        ops = ["BT /F1 %d Tf" % SIZE]
        for row, cells in enumerate(page):
            for col, text in cells:
                hexs = "".join("%04X" % ord(c) for c in text)
                ops.append("1 0 0 1 %g %g Tm <%s> Tj" % (LEFT + SIZE / 2 * col, 842 - TOP - LEADING * row, hexs))
        ops.append("ET")
        stream = "\n".join(ops)
        content = add("<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 %d 0 R >> "
                        ">> /Contents %d 0 R >>" % (parent, font, content)))
    objs[parent - 1] = "<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), len(kids))
    catalog = add("<< /Type /Catalog /Pages %d 0 R >>" % parent)
    data = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs):
        offsets.append(len(data))
        data += ("%d 0 obj\n%s\nendobj\n" % (i + 1, o)).encode()
    xref = len(data)
    data += ("xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)).encode()
    for off in offsets:
        data += ("%010d 00000 n \n" % off).encode()
    data += ("trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref)).encode()
    out.write(data)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    rows = list(lines_of(sys.stdin.read()))
    pages = [rows[i:i + PAGE_LINES] for i in range(0, len(rows), PAGE_LINES)]
    with open(sys.argv[1], "wb") as out:
        write_pdf(pages, out)


main()
