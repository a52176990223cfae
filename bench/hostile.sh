#!/usr/bin/env bash
# Time and peak memory of govreport on hostile inputs of growing size: JSON of several shapes for
# `check`, HTML for `import`. Prints a Markdown table on stdout (docs/hardening.md keeps one).
#
#   bench/hostile.sh [SIZES_MIB="1 8 60"]      (after: cmake --build build-rel)
#
# Needs a build in build-rel (BUILD_DIR=… to change), python3 and GNU time.
set -euo pipefail
sizes=${1:-"1 8 60"}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-rel}
bin=$build/govreport
work=$(mktemp -d /tmp/govreport-hostile-XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -x "$bin" ] || { echo "missing $bin: cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release && cmake --build build-rel" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 2; }

# make SHAPE MIB FILE: writes about MIB MiB of input of one shape.
make_input() {
  python3 - "$@" <<'PY'
import sys
shape, mib, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
n = int(mib * (1 << 20))
def fill(piece, head='', tail='', sep=''):
    k = max(1, (n - len(head) - len(tail)) // (len(piece.encode()) + len(sep)))
    return head + sep.join([piece] * k) + tail
def numbered(make, head, tail, sep):
    parts, size, i = [], len(head) + len(tail), 0
    while size < n:
        p = make(i); parts.append(p); size += len(p.encode()) + len(sep); i += 1
    return head + sep.join(parts) + tail
body = {
    'zeros': lambda: fill('0', '[', ']', ','),
    'string': lambda: '{"year": 2020, "agency": "' + 'a' * (n - 40) + '"}\n',
    'escapes': lambda: '{"year": 2020, "agency": "' + '\\u4e00' * ((n - 40) // 6) + '"}\n',
    'paragraphs': lambda: fill('"' + '段' * 2000 + '"', '{"year": 2020, "agency": "x", "preamble": [', ']}\n', ',\n'),
    'unknown-keys': lambda: numbered(lambda i: '"unknown_key_%d": "中文"' % i, '{"year": 2020, "agency": "x",\n', '}\n', ',\n'),
    'divs': lambda: fill('<div>', '<html><body>'),
    'tables': lambda: fill('<table><tr><td>', '<html><body>'),
    'br': lambda: fill('<br>', '<html><body>'),
    'spans': lambda: fill('<table><tr><td colspan=999>a<td rowspan=1000>b' + '<tr>' * 10 + '</table>', '<html><body><h1>某某局2021年政府信息公开工作年度报告</h1>'),
    'text': lambda: fill('<p>' + '政府信息公开' * 100 + '</p>', '<html><body>', '', '\n'),
}[shape]()
open(out, 'w', encoding='utf-8').write(body)
PY
}

echo "| input | MiB | command | exit | seconds | peak MiB | result |"
echo "|---|---:|---|---:|---:|---:|---|"
for shape in zeros string escapes paragraphs unknown-keys divs tables br spans text; do
  case $shape in
    divs|tables|br|spans|text) ext=html; cmd=import ;;
    *) ext=json; cmd=check ;;
  esac
  for mib in $sizes; do
    file=$work/$shape.$ext
    make_input "$shape" "$mib" "$file"
    rm -f "$work/out.json"
    if [ "$cmd" = import ]; then args=(import "$file" -o "$work/out.json"); else args=(check "$file"); fi
    status=0
    /usr/bin/time -f '%e %M' -o "$work/time" "$bin" "${args[@]}" >"$work/out" 2>"$work/err" || status=$?
    read -r seconds kib < <(tail -n 1 "$work/time")
    # A refusal says why; otherwise the closing count says what was found.
    result=$(cat "$work/out" "$work/err" | grep -m1 -E '\[(json-syntax|unreadable-source)\]' |
      sed 's/^.*错误: //; s/ \[.*//' || true)
    [ -n "$result" ] || result=$(grep -v '^ *$' "$work/err" | tail -n 1)
    printf '| %s | %.1f | %s | %s | %s | %.0f | %s |\n' "$shape" \
      "$(echo "$(stat -c %s "$file") / 1048576" | bc -l)" "$cmd" "$status" "$seconds" \
      "$(echo "$kib / 1024" | bc -l)" "${result//|/\\|}"
    rm -f "$file"
  done
done
