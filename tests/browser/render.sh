#!/usr/bin/env bash
# Renders the reference reports in real programs and reads the result back:
#   HTML -> PDF (govreport build -o x.pdf, i.e. headless Chromium) and -> PNG (Chromium screenshot);
#   DOCX -> PDF (LibreOffice headless).
# In the text of each PDF (pdftotext -layout) every table row's numbers must appear, row after
# row, in the order of the text report. Exit 77 (ctest: skipped) when Chromium is not installed;
# also 77 after the Chromium part passed when LibreOffice is not installed.
#
# Then a table continued on a new page, in both: see "continued" below.
#
# Usage: render.sh GOVREPORT_BINARY PROJECT_DIR WORK_DIR
# With GOVREPORT_SCREENSHOT_DIR=DIR, the PNGs of the 2020 report are also copied to DIR
# (docs/screenshot-2020.png and docs/screenshot-2020-tables.png come from here).
# Chromium's own output goes to logs in WORK_DIR; its D-Bus complaints there are harmless.
set -euo pipefail

bin=$(realpath "$1")
root=$(realpath "$2")
work=$3
chromium=${GOVREPORT_CHROMIUM:-/usr/bin/chromium}

if [ ! -x "$chromium" ]; then
  echo "SKIP: $chromium is not installed (Debian package chromium)"
  exit 77
fi
for tool in pdftotext pdfinfo; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (Debian package poppler-utils)"
    exit 77
  fi
done
if ! fc-list :lang=zh family 2>/dev/null | grep -q .; then
  echo "FAIL: no Chinese font is installed; Chinese would print as boxes (Debian package fonts-noto-cjk)"
  exit 1
fi

rm -rf "$work"
mkdir -p "$work"
work=$(realpath "$work")
status=0

# The numbers of every table row of the text report, one row per line ("4441 6 0 0 0 0 4447").
expected_rows() {
  "$bin" build "$1" -f text -q |
    awk -F'|' '/^\|/ {
      row = ""
      for (i = 3; i < NF; i++) {
        cell = $i
        while (match(cell, /[+-]?[0-9]+(\.[0-9]+)?/)) {
          row = row (row == "" ? "" : " ") substr(cell, RSTART, RLENGTH)
          cell = substr(cell, RSTART + RLENGTH)
        }
      }
      if (row != "") print row
    }'
}

# Checks that each row of $2 occurs, as consecutive numbers, in the text of PDF $1, each row
# after the previous one.
check_pdf() {
  local pdf=$1 rows=$2 label=$3
  if ! pdfinfo "$pdf" | grep -q '(A4)'; then
    echo "FAIL: $label: the pages are not A4"
    pdfinfo "$pdf"
    return 1
  fi
  pdftotext -layout "$pdf" "$pdf.txt"
  grep -oE '[+-]?[0-9]+(\.[0-9]+)?' "$pdf.txt" >"$pdf.numbers" || true
  awk -v label="$label" '
    FNR == NR { token[++n] = $0; next }
    {
      k = split($0, want, " ")
      found = 0
      for (i = at + 1; i + k - 1 <= n && !found; i++) {
        same = 1
        for (j = 1; j <= k && same; j++) if (token[i + j - 1] != want[j]) same = 0
        if (same) { found = 1; at = i + k - 1 }
      }
      if (!found) { printf "FAIL: %s: row %d (%s) not found in order\n", label, FNR, $0; bad = 1; exit }
      rows++
    }
    END { if (!bad) printf "ok: %s: %d table rows found in order\n", label, rows; exit bad }
  ' "$pdf.numbers" "$rows"
}

png_ok() {
  [ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] &&
    [ "$(stat -c %s "$1")" -gt 20000 ]
}

libreoffice_bin=$(command -v libreoffice || command -v soffice || true)
skipped_docx=0

for data in data/2020.json data/examples/hongze-gov-2024.json; do
  name=$(basename "$data" .json)
  dir=$work/$name
  mkdir -p "$dir"
  expected_rows "$root/$data" >"$dir/rows" 2>"$dir/build.log"
  if [ "$(wc -l <"$dir/rows")" -lt 30 ]; then
    echo "FAIL: $name: only $(wc -l <"$dir/rows") table rows in the text report"
    status=1
    continue
  fi

  # HTML -> PDF, the way users get it.
  (cd "$root" && "$bin" build "$data" -o "$dir/report.pdf" -q 2>>"$dir/build.log") || {
    echo "FAIL: $name: govreport build -o report.pdf"
    cat "$dir/build.log"
    status=1
    continue
  }
  check_pdf "$dir/report.pdf" "$dir/rows" "$name html->pdf" || status=1

  # HTML -> PNG: the top of the page, and sections 三 and 四 alone (the rest hidden by an added
  # style rule, as a headless screenshot cannot scroll).
  "$bin" build "$root/$data" -o "$dir/page.html" -q 2>>"$dir/build.log"
  sed 's|</style>|section:not(#applications):not(#reviews), h1, article > p { display: none; }\n</style>|' \
    "$dir/page.html" >"$dir/tables.html"
  for view in page tables; do
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
      --user-data-dir="$dir/profile-$view" --window-size=1000,1500 --screenshot="$dir/$view.png" \
      "file://$dir/$view.html" >"$dir/chromium-$view.log" 2>&1 || true
    if png_ok "$dir/$view.png"; then
      echo "ok: $name html->png ($view)"
    else
      echo "FAIL: $name: no screenshot ($view)"
      tail -5 "$dir/chromium-$view.log"
      status=1
    fi
  done
  if [ -n "${GOVREPORT_SCREENSHOT_DIR:-}" ] && [ "$name" = 2020 ]; then
    cp "$dir/page.png" "$GOVREPORT_SCREENSHOT_DIR/screenshot-2020.png"
    cp "$dir/tables.png" "$GOVREPORT_SCREENSHOT_DIR/screenshot-2020-tables.png"
  fi

  # DOCX -> PDF with LibreOffice, as CI checks that Word and LibreOffice can open it.
  if [ -z "$libreoffice_bin" ]; then
    skipped_docx=1
    continue
  fi
  "$bin" build "$root/$data" -o "$dir/report.docx" -q 2>>"$dir/build.log"
  mkdir -p "$dir/docx"
  if timeout 300 "$libreoffice_bin" --headless -env:UserInstallation="file://$dir/lo-profile" \
    --convert-to pdf --outdir "$dir/docx" "$dir/report.docx" >"$dir/libreoffice.log" 2>&1 &&
    [ -s "$dir/docx/report.pdf" ]; then
    check_pdf "$dir/docx/report.pdf" "$dir/rows" "$name docx->pdf" || status=1
  else
    echo "FAIL: $name: LibreOffice did not convert the docx"
    tail -5 "$dir/libreoffice.log"
    status=1
  fi
done

# A table continued on a new page. With more and more text before it, table 三 of the 2024 report
# moves down the page until a page breaks inside it. In Chromium's PDF, every page that prints a
# row of 三、本年度办理结果 prints that label too, in the table's first column; a page breaks only
# where a group starts, so a page never starts inside （三） (its first rows print its label). In
# LibreOffice's rendering of the DOCX the table is kept on one page (Word keeps rows with the next
# one the same way). Both end with the 落款: the agency, and below it the date.
continued=$work/continued
mkdir -p "$continued/lo"
filler='"本段为测试分页而加，使其后的表格在页面中逐步下移。本段为测试分页而加，使其后的表格在页面中逐步下移。",'
for k in $(seq 0 14); do
  extra=""
  for _ in $(seq 1 "$k"); do extra="$extra $filler"; done
  sed -e "s|^  \"preamble\": \[|  \"published\": \"2025-01-20\",\n  \"preamble\": [$extra|" \
    "$root/data/examples/hongze-gov-2024.json" >"$continued/v$k.json"
  "$bin" build "$continued/v$k.json" -o "$continued/v$k.pdf" -q 2>>"$continued/build.log" || true
  [ -z "$libreoffice_bin" ] || "$bin" build "$continued/v$k.json" -o "$continued/v$k.docx" -q \
    2>>"$continued/build.log" || true
done
squeezed() { tr -d ' \n\f'; }
# The pages of PDF $1 that print a row of group 三 (labels that never wrap).
group_pages() {
  local pages
  pages=$(pdfinfo "$1" | awk '/^Pages:/ { print $2 }')
  for p in $(seq 1 "$pages"); do
    if pdftotext -f "$p" -l "$p" -layout "$1" - | grep -qE '予以公开|属于国家秘密|信访举报投诉类申请|重复申请|（七）总计'; then
      echo "$p"
    fi
  done
}
parted=0
for k in $(seq 0 14); do
  pdf=$continued/v$k.pdf
  if [ ! -s "$pdf" ]; then
    echo "FAIL: continued table: no PDF for variant $k"
    status=1
    continue
  fi
  pages=$(group_pages "$pdf")
  [ "$(echo "$pages" | wc -l)" -gt 1 ] && parted=$((parted + 1))
  for p in $pages; do
    # The first label column: 9% of the 156 mm line, from the 28 mm margin (in points).
    label=$(pdftotext -f "$p" -l "$p" -x 79 -y 0 -W 41 -H 842 -layout "$pdf" - | squeezed)
    case "$label" in
      *三、本年度办理结果*) ;;
      *)
        echo "FAIL: continued table: variant $k, page $p prints rows of 三、本年度办理结果 without the label"
        status=1
        ;;
    esac
  done
  last=$(pdftotext -f "$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')" "$pdf" - | squeezed)
  case "$last" in
    *淮安市洪泽区人民政府2025年1月20日*) ;;
    *)
      echo "FAIL: continued table: variant $k: the last page does not end with the 落款"
      status=1
      ;;
  esac
done
if [ "$parted" -lt 2 ]; then
  echo "FAIL: continued table: a page broke inside 三、本年度办理结果 in only $parted of 15 variants"
  status=1
else
  echo "ok: continued table: html->pdf repeats the group label on each of its pages ($parted variants parted it)"
fi
if [ -n "$libreoffice_bin" ]; then
  timeout 300 "$libreoffice_bin" --headless -env:UserInstallation="file://$continued/lo-profile" \
    --convert-to pdf --outdir "$continued/lo" "$continued"/v*.docx >"$continued/libreoffice.log" 2>&1 || true
  for k in $(seq 0 14); do
    pdf=$continued/lo/v$k.pdf
    if [ ! -s "$pdf" ]; then
      echo "FAIL: continued table: LibreOffice did not convert variant $k"
      status=1
      continue
    fi
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    first="" last_row=""
    for p in $(seq 1 "$pages"); do
      text=$(pdftotext -f "$p" -l "$p" -layout "$pdf" -)
      [ -z "$first" ] && echo "$text" | grep -q '一、本年新收政府信息公开申请数量' && first=$p
      echo "$text" | grep -q '四、结转下年度继续办理' && last_row=$p
    done
    if [ -z "$first" ] || [ "$first" != "$last_row" ]; then
      echo "FAIL: continued table: docx variant $k: table 三 runs from page $first to page $last_row"
      status=1
    fi
    tail_text=$(pdftotext -f "$pages" "$pdf" - | squeezed)
    case "$tail_text" in
      *淮安市洪泽区人民政府2025年1月20日*) ;;
      *)
        echo "FAIL: continued table: docx variant $k: the last page does not end with the 落款"
        status=1
        ;;
    esac
  done
  [ "$status" -eq 0 ] && echo "ok: continued table: docx->pdf keeps table 三 on one page in 15 variants"
fi

if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ "$skipped_docx" -eq 1 ]; then
  echo "SKIP: docx->pdf: LibreOffice is not installed (Debian package libreoffice-writer-nogui)"
  exit 77
fi
echo "PASS"
