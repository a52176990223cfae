#!/usr/bin/env bash
# The clerk's way through the workbook, with real programs, for data/2020.json (2019 edition) and
# data/examples/hongze-gov-2024.json (2021 edition):
#   1. govreport init --year Y -o template.xlsx; Debian's python3-openpyxl (/usr/bin/python3)
#      writes the year's numbers into the template's unlocked cells and nowhere else (each value
#      taken from the same cell of govreport build DATA -o reference.xlsx);
#   2. govreport check: an error planted by label (a negative count) is found at its sheet and
#      cell, the totals that openpyxl left uncalculated are reported;
#   3. LibreOffice (soffice --headless --convert-to xlsx) saves the workbook again, recalculating:
#      every formula's saved result equals govreport's, and govreport import gives back every cell
#      of the data file (build -f json compared);
#   4. an empty row inserted in 表三 and in 表四 still reads; the .xls LibreOffice writes reads;
#   5. the reference workbook printed by LibreOffice (PDF) is A4, and its page of 表三 becomes a
#      PNG (copied to $GOVREPORT_SCREENSHOT_DIR/screenshot-workbook-2020.png when that is set).
# Exit 77 (ctest: skipped) when python3-openpyxl is not installed, and after step 2 when
# LibreOffice is not.
#
# Usage: fill.sh GOVREPORT_BINARY PROJECT_DIR WORK_DIR
set -euo pipefail

bin=$(realpath "$1")
root=$(realpath "$2")
work=$3
python=${GOVREPORT_PYTHON:-/usr/bin/python3}

if ! "$python" -c 'import openpyxl' 2>/dev/null; then
  echo "SKIP: $python has no openpyxl (Debian package python3-openpyxl)"
  exit 77
fi
soffice=$(command -v soffice || command -v libreoffice || true)

rm -rf "$work"
mkdir -p "$work"
work=$(realpath "$work")
status=0
fail() {
  echo "FAIL: $*"
  status=1
}

# fill.py TEMPLATE REFERENCE OUT: the reference's values in the template's unlocked cells.
cat >"$work/fill.py" <<'EOF'
import sys
import openpyxl

template, reference, out = sys.argv[1:4]
book = openpyxl.load_workbook(template)
values = openpyxl.load_workbook(reference)
written = 0
for sheet in book.worksheets:
    if sheet.title == "正文":  # the narrative sheet's rows differ; it stays as the template has it
        continue
    for row in sheet.iter_rows():
        for cell in row:
            if type(cell).__name__ != "Cell" or cell.protection.locked:
                continue
            value = values[sheet.title][cell.coordinate].value
            if value is not None:
                cell.value = value
                written += 1
book.save(out)
print(written)
EOF

# plant.py IN OUT: 表三 (三)3.危及“三安全一稳定”·商业企业 set to -1, found by its labels; prints
# the cell.
cat >"$work/plant.py" <<'EOF'
import sys
import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
sheet = book["表三"]
row = next(c.row for r in sheet.iter_rows() for c in r if c.value == "3.危及“三安全一稳定”")
column = next(c.column for r in sheet.iter_rows() for c in r if c.value == "商业企业")
cell = sheet.cell(row=row, column=column)
cell.value = -1
book.save(sys.argv[2])
print(cell.coordinate)
EOF

# compare.py RECALCULATED REFERENCE: every formula of the table sheets has the same saved result
# in both; prints how many.
cat >"$work/compare.py" <<'EOF'
import sys
import openpyxl

formulas = openpyxl.load_workbook(sys.argv[1])
saved = openpyxl.load_workbook(sys.argv[1], data_only=True)
expected = openpyxl.load_workbook(sys.argv[2], data_only=True)
count = 0
for name in ("表二", "表三", "表四"):
    for row in formulas[name].iter_rows():
        for cell in row:
            if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                continue
            count += 1
            got = saved[name][cell.coordinate].value
            want = expected[name][cell.coordinate].value
            if got is None or want is None or float(got) != float(want):
                sys.exit(f"{name}!{cell.coordinate} {cell.value}: saved {got}, govreport {want}")
print(count)
EOF

# insert.py IN OUT: an empty row above 表三's （一）予以公开 and between 表四's heads and values,
# merged ranges moved with them.
cat >"$work/insert.py" <<'EOF'
import sys
import openpyxl

book = openpyxl.load_workbook(sys.argv[1])
def insert(sheet, at):
    ranges = list(sheet.merged_cells.ranges)
    for r in ranges:
        sheet.merged_cells.remove(r)
    sheet.insert_rows(at)
    for r in ranges:
        if r.min_row >= at:
            r.shift(0, 1)
        elif r.max_row >= at:
            r.expand(down=1)
        sheet.merged_cells.add(r)
three = book["表三"]
insert(three, next(c.row for r in three.iter_rows() for c in r if c.value == "（一）予以公开"))
four = book["表四"]
insert(four, max(c.row for r in four.iter_rows() for c in r if c.value == "总计") + 1)
book.save(sys.argv[2])
EOF

lo() {  # lo DIR ARGS...: LibreOffice headless with its own profile, output into DIR
  local out=$1
  shift
  timeout 300 "$soffice" --headless -env:UserInstallation="file://$work/lo-profile" "$@" \
    --outdir "$out" >>"$work/libreoffice.log" 2>&1
}

# Data files, the year and agency they are for, and the exact findings of their planted copy.
declare -A expected_planted=(
  [2020]="planted.xlsx:正文!A3: 警告: 开头说明 没有内容 [empty-section]
planted.xlsx:正文!A5: 警告: 一、总体情况 没有内容 [empty-section]
planted.xlsx:正文!A15: 警告: 五、存在的主要问题及改进情况 没有内容 [empty-section]
planted.xlsx:正文!A17: 警告: 六、其他需要报告的事项 没有内容 [empty-section]
planted.xlsx:表三!J6: 警告: 此格等 29 个总计公式没有保存计算结果（填写后未经 Excel、WPS 或 LibreOffice 保存）；按其各项之和计算 [uncalculated-formula]
planted.xlsx:表三!E12: 错误: 三（三）3.危及“三安全一稳定”·商业企业 为负数 -1；只有“本年增/减”可以为负 [negative-value]
planted.xlsx:表四!E6: 警告: 此格等 3 个总计公式没有保存计算结果（填写后未经 Excel、WPS 或 LibreOffice 保存）；按其各项之和计算 [uncalculated-formula]"
  [hongze-gov-2024]="planted.xlsx:正文!A3: 警告: 开头说明 没有内容 [empty-section]
planted.xlsx:正文!A5: 警告: 一、总体情况 没有内容 [empty-section]
planted.xlsx:正文!A15: 警告: 五、存在的主要问题及改进情况 没有内容 [empty-section]
planted.xlsx:正文!A17: 警告: 六、其他需要报告的事项 没有内容 [empty-section]
planted.xlsx:表三!J6: 警告: 此格等 31 个总计公式没有保存计算结果（填写后未经 Excel、WPS 或 LibreOffice 保存）；按其各项之和计算 [uncalculated-formula]
planted.xlsx:表三!E12: 错误: 三（三）3.危及“三安全一稳定”·商业企业 为负数 -1；只有“本年增/减”可以为负 [negative-value]
planted.xlsx:表四!E6: 警告: 此格等 3 个总计公式没有保存计算结果（填写后未经 Excel、WPS 或 LibreOffice 保存）；按其各项之和计算 [uncalculated-formula]"
)

for data in data/2020.json data/examples/hongze-gov-2024.json; do
  name=$(basename "$data" .json)
  dir=$work/$name
  mkdir -p "$dir"
  cd "$dir"
  year=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["year"])' "$root/$data")
  agency=$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["agency"])' "$root/$data")
  "$bin" build "$root/$data" -f json -q >expected.json 2>/dev/null
  "$bin" build "$root/$data" -o reference.xlsx -q 2>/dev/null
  "$bin" init --year "$year" --agency "$agency" -o template.xlsx -q

  # 1. The clerk fills in the numbers.
  written=$("$python" "$work/fill.py" template.xlsx reference.xlsx filled.xlsx)
  echo "ok: $name: openpyxl wrote $written unlocked cells"

  # 2. check finds the planted error at its sheet and cell.
  at=$("$python" "$work/plant.py" filled.xlsx planted.xlsx)
  [ "$at" = E12 ] || fail "$name: the planted cell was found at $at, not E12"
  set +e
  "$bin" check planted.xlsx >planted.out 2>planted.err
  code=$?
  set -e
  if [ "$code" -eq 1 ] && [ "$(cat planted.out)" = "${expected_planted[$name]}" ]; then
    echo "ok: $name: check planted.xlsx finds the error at 表三!$at"
  else
    fail "$name: check planted.xlsx (exit $code) printed:"
    cat planted.out planted.err
    diff <(echo "${expected_planted[$name]}") planted.out || true
  fi

  [ -n "$soffice" ] || continue

  # 3. LibreOffice saves it again and recalculates: its totals are govreport's.
  mkdir -p lo
  if ! lo lo --convert-to xlsx filled.xlsx || [ ! -s lo/filled.xlsx ]; then
    fail "$name: LibreOffice did not save filled.xlsx again"
    tail -5 "$work/libreoffice.log"
    continue
  fi
  if formulas=$("$python" "$work/compare.py" lo/filled.xlsx reference.xlsx); then
    echo "ok: $name: LibreOffice's $formulas recalculated formulas equal govreport's totals"
  else
    fail "$name: $formulas"
  fi
  "$bin" import lo/filled.xlsx -o resaved.json -q || fail "$name: import of LibreOffice's workbook"
  "$bin" build resaved.json -f json -q --force >resaved.canonical.json 2>/dev/null || true
  # The narrative was not filled in: the tables and metadata are compared.
  if "$python" - expected.json resaved.canonical.json <<'EOF'; then
import json, sys
want, got = (json.load(open(p)) for p in sys.argv[1:3])
for key in ("preamble", "overview", "problems", "other_matters", "title"):
    want.pop(key, None)
    got.pop(key, None)
if want != got:
    sys.exit(1)
EOF
    echo "ok: $name: LibreOffice's workbook reads back every cell of $data"
  else
    fail "$name: LibreOffice's workbook reads back different cells"
  fi
  set +e
  "$bin" check lo/filled.xlsx >resaved.out 2>/dev/null
  code=$?
  set -e
  if [ "$code" -ne 0 ] || grep -q 'uncalculated-formula\|: 错误: ' resaved.out; then
    fail "$name: check of LibreOffice's workbook (exit $code):"
    cat resaved.out
  else
    echo "ok: $name: LibreOffice's workbook checks clean, its totals read as saved"
  fi

  # 4. An inserted empty row; the .xls LibreOffice writes.
  "$python" "$work/insert.py" lo/filled.xlsx inserted.xlsx
  "$bin" import inserted.xlsx -o inserted.json -q 2>/dev/null || true
  if cmp -s <("$bin" build inserted.json -f json -q 2>/dev/null) \
    <("$bin" build resaved.json -f json -q 2>/dev/null); then
    echo "ok: $name: empty rows inserted in 表三 and 表四 still read"
  else
    fail "$name: the workbook with inserted rows reads differently"
  fi
  lo lo --convert-to xls filled.xlsx || true
  "$bin" import lo/filled.xls -o xls.json -q 2>/dev/null || true
  if [ -s xls.json ] && cmp -s <("$bin" build xls.json -f json -q 2>/dev/null) \
    <("$bin" build resaved.json -f json -q 2>/dev/null); then
    echo "ok: $name: the .xls that LibreOffice writes reads the same"
  else
    fail "$name: the .xls reads differently"
  fi
done

# 5. The workbook as LibreOffice prints it.
if [ -n "$soffice" ]; then
  dir=$work/2020
  mkdir -p "$dir/pdf"
  if lo "$dir/pdf" --convert-to pdf "$dir/reference.xlsx" && [ -s "$dir/pdf/reference.pdf" ]; then
    pdf=$dir/pdf/reference.pdf
    if pdfinfo "$pdf" | grep -q '(A4)'; then echo "ok: the printed workbook is A4"; else fail "the printed workbook is not A4"; fi
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    page=""
    for ((p = 1; p <= pages; p++)); do
      pdftotext -f "$p" -l "$p" -layout "$pdf" "$dir/page.txt"
      if grep -q '本列数据的勾稽关系' "$dir/page.txt"; then
        page=$p
        break
      fi
    done
    if [ -n "$page" ] && grep -q '4441 .*4447' "$dir/page.txt"; then
      pdftoppm -r 110 -f "$page" -l "$page" -png -singlefile "$pdf" "$dir/tables"
      echo "ok: 表三 printed on page $page"
      if [ -n "${GOVREPORT_SCREENSHOT_DIR:-}" ]; then
        cp "$dir/tables.png" "$GOVREPORT_SCREENSHOT_DIR/screenshot-workbook-2020.png"
      fi
    else
      fail "表三 and its first row (4441 … 4447) are not on a page of the printed workbook"
    fi
  else
    fail "LibreOffice did not print the workbook"
    tail -5 "$work/libreoffice.log"
  fi
fi

if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ -z "$soffice" ]; then
  echo "SKIP: LibreOffice is not installed (Debian package libreoffice-calc-nogui): the workbook was filled and checked, but not saved again, recalculated or printed"
  exit 77
fi
echo "PASS"
