#!/usr/bin/env bash
# The clerk's way through Word, with real programs, on the official template as circulated
# (corpus/official-template-2021.docx, read in place) and the 2024 report of 淮安市洪泽区人民政府
# (data/examples/hongze-gov-2024.json, 2021 edition):
#   1. Debian's python3-docx (/usr/bin/python3) fills the template as a clerk does: the title,
#      the text in place of each （文字描述）, every cell of the three tables (one number typed
#      over two runs, one corrected with tracked changes), and the 落款;
#   2. govreport import gives back every cell, the text and the agency; govreport check
#      finds only the report's own warning, at the paragraph it is in;
#   3. a wrong total planted in 表三 is reported at its table, printed row and column;
#   4. LibreOffice (soffice --headless --convert-to docx) saves the document again: it imports
#      to the same data and checks to the same findings; saved as an old .doc, govreport converts
#      it with LibreOffice and imports the same data.
# Exit 77 (ctest: skipped) when python3-docx or the template is missing, and after step 3 when
# LibreOffice is.
#
# Usage: fill.sh GOVREPORT_BINARY PROJECT_DIR SHARED_DIR WORK_DIR
set -euo pipefail

bin=$(realpath "$1")
root=$(realpath "$2")
template=$(realpath -m "$3")/corpus/official-template-2021.docx
work=$4
python=${GOVREPORT_PYTHON:-/usr/bin/python3}

if ! "$python" -c 'import docx' 2>/dev/null; then
  echo "SKIP: $python has no docx module (Debian package python3-docx)"
  exit 77
fi
if [ ! -f "$template" ]; then
  echo "SKIP: $template is not there (the shared reference material, GOVREPORT_SHARED_DIR)"
  exit 77
fi
soffice=$(command -v soffice || command -v libreoffice || true)

rm -rf "$work"
mkdir -p "$work"
work=$(realpath "$work")
cd "$work"
status=0
fail() {
  echo "FAIL: $*"
  status=1
}

# The data, with the date of its 落款.
sed 's|^  "preamble": \[|  "published": "2025-01-20",\n  "preamble": [|' \
  "$root/data/examples/hongze-gov-2024.json" >data.json
"$bin" build data.json -f json -o canonical.json -q 2>/dev/null

# fill.py TEMPLATE DATA OUT [ROW COLUMN VALUE]: the template filled in with the data; with ROW,
# COLUMN and VALUE, the cell of 表三 at that row and column (1-based, as Word counts) gets VALUE.
cat >fill.py <<'EOF'
import copy
import json
import sys

import docx
from docx.oxml.ns import qn

template, data_path, out = sys.argv[1:4]
plant = sys.argv[4:7]
data = json.load(open(data_path, encoding="utf-8"))
doc = docx.Document(template)


def leaves(node):
    if isinstance(node, dict):
        for v in node.values():
            yield from leaves(v)
    else:
        yield node


def set_text(paragraph, text):
    for r in list(paragraph.runs):
        r._r.getparent().remove(r._r)
    paragraph.add_run(text)


def add_after(paragraph, texts):
    for text in reversed(texts):
        new = copy.deepcopy(paragraph._p)
        paragraph._p.addnext(new)
        set_text(docx.text.paragraph.Paragraph(new, paragraph._parent), text)


def narrative(part):
    if isinstance(part, list):
        return part
    texts = list(part["paragraphs"])
    numerals = "一二三四五六七八九十"
    for i, s in enumerate(part["subsections"]):
        lead = "（%s）%s" % (numerals[i], s["title"])
        if not lead.endswith(("。", "：")):
            lead += "。"
        texts.append(lead + (s["paragraphs"][0] if s["paragraphs"] else ""))
        texts.extend(s["paragraphs"][1:])
    return texts


# The title, the opening statement under it, each （文字描述） replaced by its section's text.
paragraphs = doc.paragraphs
title = next(p for p in paragraphs if p.text.strip())
set_text(title, "%s%d年政府信息公开工作年度报告" % (data["agency"], data["year"]))
add_after(title, data["preamble"])
placeholders = [p for p in doc.paragraphs if p.text.strip().startswith("（文字描述")]
assert len(placeholders) == 3, len(placeholders)
for p, part in zip(placeholders, [data["overview"], data["problems"], data["other_matters"]]):
    texts = narrative(part)
    set_text(p, texts[0])
    add_after(p, texts[1:])
# The 落款: agency and date, right-aligned.
last = doc.paragraphs[-1]
year, month, day = (int(x) for x in data["published"].split("-"))
add_after(last, ["", data["agency"], "%d年%d月%d日" % (year, month, day)])
for p in doc.paragraphs[-2:]:
    p.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT


def cell_text(tc):
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


def continues(tc):
    pr = tc.find(qn("w:tcPr"))
    vm = None if pr is None else pr.find(qn("w:vMerge"))
    return vm is not None and vm.get(qn("w:val")) != "restart"


def run(text):
    r = copy.deepcopy(docx.Document().add_paragraph().add_run(text)._r)
    return r


# Every value, in the order of the data, into the blank cells of the three tables in order.
written = 0
for table, values in zip(doc.tables, [data["proactive"], data["applications"], data["reviews"]]):
    values = ["" if v is None else str(v) for v in leaves(values)]
    blanks = [tc for tr in table._tbl.iter(qn("w:tr")) for tc in tr.iter(qn("w:tc"))
              if not continues(tc) and cell_text(tc).strip(" \u3000") == ""]
    assert len(blanks) == len(values), (len(blanks), len(values))
    for tc, v in zip(blanks, values):
        p = tc.find(qn("w:p"))
        for r in p.findall(qn("w:r")):
            p.remove(r)
        if written == 2 and len(v) > 1:
            # Typed over two runs.
            p.append(run(v[:1]))
            p.append(run(v[1:]))
        elif written == 3:
            # Corrected with tracked changes: the wrong digit deleted, the right one inserted.
            w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
            p.append(docx.oxml.parse_xml(
                '<w:del xmlns:w="%s" w:id="1" w:author="clerk" w:date="2025-01-10T00:00:00Z">'
                '<w:r><w:delText>9</w:delText></w:r></w:del>' % w))
            p.append(docx.oxml.parse_xml(
                '<w:ins xmlns:w="%s" w:id="2" w:author="clerk" w:date="2025-01-10T00:00:00Z">'
                '<w:r><w:t>%s</w:t></w:r></w:ins>' % (w, v)))
        else:
            p.append(run(v))
        written += 1

if plant:
    row, column, value = int(plant[0]), int(plant[1]), plant[2]
    tr = list(doc.tables[1]._tbl.iter(qn("w:tr")))[row - 1]
    tc = list(tr.iter(qn("w:tc")))[column - 1]
    p = tc.find(qn("w:p"))
    for r in p.findall(qn("w:r")):
        p.remove(r)
    p.append(run(value))
doc.save(out)
print("filled %d cells" % written)
EOF

# The cells, text, agency and date of an imported data file, as canonical JSON.
compare() {
  "$python" - "$1" canonical.json <<'EOF'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
# The title is the default one; the date of the 落款 is not read as the publication date.
keys = [k for k in b if k not in ("title", "format", "published")]
bad = [k for k in keys if a.get(k) != b.get(k)]
if bad:
    print("differs in: " + ", ".join(bad))
    sys.exit(1)
EOF
}

# 1–2. Filled, imported, checked.
"$python" fill.py "$template" canonical.json 年报.docx
if "$bin" import 年报.docx -o imported.json 2>import.log; then
  "$bin" build imported.json -f json -o imported-canonical.json -q 2>/dev/null
  if compare imported-canonical.json; then
    echo "ok: the filled official template imports to the same cells, text and agency"
  else
    fail "the filled template imports differently"
  fi
else
  fail "govreport import 年报.docx"
  cat import.log
fi
expected_check='年报.docx:第 6 段「（二）依申请公开情况。根…」: 警告: 正文说申请 17 件，但表三 一、本年新收 总计为 95（一+二 为 95） [narrative-number]'
check_out=$("$bin" check 年报.docx -q 2>&1) && check_status=0 || check_status=$?
if [ "$check_status" -eq 0 ] && [ "$check_out" = "$expected_check" ]; then
  echo "ok: check 年报.docx finds the report's own warning at its paragraph"
else
  fail "check 年报.docx (exit $check_status):"
  echo "$check_out"
fi

# 3. A wrong total: 表三 row 9 is （三）2.其他法律行政法规禁止公开, column 10 its 总计.
"$python" fill.py "$template" canonical.json 错误.docx 9 10 5 >/dev/null
expected_planted='错误.docx:表三 第 9 行「（三）不予公开 2.其他法律行政法规禁止公开」·总计: 错误: 三（三）2.其他法律行政法规禁止公开·总计 填报 5，各列合计 0（差 +5）（另有 1 条结果随之而来） [row-total]
错误.docx:表三 第 27 行「三、本年度办理结果 （七）总计」·总计: 错误: 三（七）总计·总计 填报 95，各项合计 100（差 -5）（随 三（三）2.其他法律行政法规禁止公开·总计 而来：先核对它） [results-total]'
planted=$("$bin" check 错误.docx -q 2>&1 | grep -v narrative-number) || true
if [ "$planted" = "$expected_planted" ]; then
  echo "ok: a wrong total planted in 表三 is reported at its table, row and column"
else
  fail "check 错误.docx:"
  echo "$planted"
fi

if [ -z "$soffice" ]; then
  if [ "$status" -ne 0 ]; then exit "$status"; fi
  echo "SKIP: LibreOffice is not installed (Debian package libreoffice-writer); not saved again"
  exit 77
fi

# 4. Saved again by LibreOffice, as .docx and as .doc.
mkdir -p lo
timeout 300 "$soffice" --headless -env:UserInstallation="file://$work/lo-profile" \
  --convert-to docx --outdir lo 年报.docx 错误.docx >lo.log 2>&1 || true
timeout 300 "$soffice" --headless -env:UserInstallation="file://$work/lo-profile" \
  --convert-to doc --outdir lo 年报.docx >>lo.log 2>&1 || true
for saved in lo/年报.docx lo/年报.doc; do
  if [ ! -s "$saved" ]; then
    fail "LibreOffice did not write $saved"
    tail -5 lo.log
    continue
  fi
  if "$bin" import "$saved" -o "$saved.json" -q 2>>import.log &&
    "$bin" build "$saved.json" -f json -o "$saved.canonical.json" -q 2>/dev/null &&
    compare "$saved.canonical.json"; then
    echo "ok: $saved (saved by LibreOffice) imports to the same data"
  else
    fail "$saved imports differently"
  fi
done
resaved=$("$bin" check lo/错误.docx -q 2>&1 | grep -v narrative-number | sed 's|^lo/||') || true
if [ "$resaved" = "$expected_planted" ]; then
  echo "ok: the planted total is reported at the same place after LibreOffice saved the document"
else
  fail "check lo/错误.docx:"
  echo "$resaved"
fi

if [ "$status" -ne 0 ]; then exit "$status"; fi
echo "PASS"
