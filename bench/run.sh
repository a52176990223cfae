#!/usr/bin/env bash
# Benchmark: govreport check on real-sized reports against parsing alone (simdjson and
# nlohmann/json), a plain Python script doing the same sums, and ajv-cli validating the exported
# JSON Schema (structure only), all on the same files in one run; start-up against a program that
# links only the C++ runtime; peak memory as the number of files grows. Prints Markdown.
#
#   bench/run.sh [COUNT=2000] [RUNS=5] [LARGE=100000]
#
# The reports are made by govreport-generate from data/2020.json: its narrative kept (≈12 KB a
# report), the numbers varied and the narrative's counts made to agree with them. LARGE more are
# checked once for time and peak memory (0: skipped; 100,000 take ≈1.3 GB in $TMPDIR).
# Times are CPU seconds (user + system of the process and its children, from wait4), the median
# of RUNS runs: on a shared machine they vary far less than elapsed time, which is shown too and
# is what -j 2 is judged by.
# Needs a build in build (BUILD_DIR=… to change; Release or RelWithDebInfo), python3, npm (for
# ajv-cli, installed from tests/tooling/package-lock.json into $BUILD_DIR/tooling), GNU time, bc
# and hyperfine.
# `stats` (CSV, xlsx, HTML) is measured on 1,000 of the reports, the figure of docs/stats.md;
# ONLY=stats bench/run.sh measures that alone (needs python3, GNU time, bc); ONLY=startup
# bench/run.sh measures the start-up alone (needs python3, bc and hyperfine).
set -euo pipefail
count=${1:-2000}
runs=${2:-5}
large=${3:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build}
bin=$build/govreport
work=$(mktemp -d "${TMPDIR:-/tmp}/govreport-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

for tool in "$bin" "$build/tools/govreport-generate" "$build/bench/govreport-parse-only" \
  "$build/bench/govreport-parse-simdjson" "$build/bench/govreport-hello"; do
  [ -x "$tool" ] || { echo "missing $tool: cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build" >&2; exit 2; }
done
only=${ONLY:-}
for tool in /usr/bin/time bc python3 $([ "$only" = stats ] || echo hyperfine); do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 2; }
done

tooling=$build/tooling
if [ -z "$only" ] && [ ! -x "$tooling/node_modules/.bin/ajv" ]; then
  mkdir -p "$tooling"
  cp "$root/tests/tooling/package.json" "$root/tests/tooling/package-lock.json" "$tooling/"
  (cd "$tooling" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
ajv=$tooling/node_modules/.bin/ajv

generate() {  # COUNT DIR
  "$build/tools/govreport-generate" --count "$1" --seed 1 --errors 0 --out "$2" \
    --narrative "$root/data/2020.json" >/dev/null 2>&1
  rm "$2/manifest.tsv"
}
generate_all() {
  generate "$count" "$work/reports"
  generate $((count / 10)) "$work/small"
}
"$build/tools/govreport-generate" --count 1 --seed 1 --out "$work/one" >/dev/null 2>&1
ones=("$work"/one/*.json)
one=${ones[0]}

# Start-up: CPU milliseconds (user + system, mean of hyperfine's runs) of one small check.
startup() {  # COMMAND… → mean CPU ms
  hyperfine -N --runs 300 --warmup 20 --export-json "$work/hf.json" "$*" >/dev/null 2>&1
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print((r["user"]+r["system"])*1000)' "$work/hf.json"
}
if [ "$only" = startup ]; then
  hello=$(startup "$build/bench/govreport-hello")
  echo "Start-up, CPU ms (user + system, mean of 300 runs of hyperfine -N), $(nproc) cores."
  echo
  echo "| program | CPU ms | / govreport-hello |"
  echo "|---|---:|---:|"
  printf '| govreport-hello (C++ runtime only) | %.2f | 1.00× |\n' "$hello"
  for input in "$one" "$root/data/2020.json"; do
    ms=$(startup "$bin" check "$input" --quiet)
    label=${input#"$work/"}
    printf '| govreport check %s (%d KiB) | %.2f | %.2f× |\n' "${label#"$root/"}" \
      "$(($(stat -c %s "$input") / 1024))" "$ms" "$(echo "$ms / $hello" | bc -l)"
  done
  exit 0
fi
[ -n "$only" ] || generate_all
# sizes DIR → the total and the largest size of its files, in bytes
sizes() { find "$1" -name '*.json' -printf '%s\n' | awk '{t += $1; if ($1 > m) m = $1} END {print t, m}'; }
[ "$only" = stats ] || read -r bytes largest < <(sizes "$work/reports")
[ "$only" = stats ] || "$bin" schema --edition 2019 -o "$work/schema-2019.json"
[ "$only" = stats ] || "$bin" schema --edition 2021 -o "$work/schema-2021.json"

# median VALUE… → the middle value
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# timed COMMAND… → "elapsed CPU" of one run, to the microsecond (GNU time rounds to 10 ms)
timed() {
  python3 - "$@" <<'PY'
import os, subprocess, sys, time
start = time.monotonic()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, _, usage = os.wait4(child.pid, 0)
print(time.monotonic() - start, usage.ru_utime + usage.ru_stime)
PY
}

# measure NAME COMMAND… : runs it $runs times; records the median CPU seconds (user + system),
# the median elapsed seconds, and the peak RSS (KiB) of one more run under GNU time (a child of
# Python would count Python's pages from before its exec).
declare -A cpu wall rss
measure() {
  local name=$1; shift
  local cpus=() walls=() peak
  for _ in $(seq "$runs"); do
    read -r e c < <(timed "$@")
    cpus+=("$c")
    walls+=("$e")
  done
  /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>&1 || true
  peak=$(tail -n 1 "$work/rss")
  cpu[$name]=$(median "${cpus[@]}")
  wall[$name]=$(median "${walls[@]}")
  rss[$name]=$peak
}

# stats over 1,000 reports, each output, on one core: its CPU seconds are the "work per thousand".
generate 1000 "$work/stats"
measure stats-csv "$bin" stats "$work/stats" -j 1 --quiet -o "$work/out/stats.csv"
measure stats-xlsx "$bin" stats "$work/stats" -j 1 --quiet -o "$work/out/stats.xlsx"
measure stats-html "$bin" stats "$work/stats" -j 1 --quiet -o "$work/out/stats.html"
measure check-stats "$bin" check "$work/stats" -j 1 --quiet
stats_table() {
  echo "1000 reports made from data/2020.json, median of $runs runs, one core (-j 1). CPU = user + system seconds."
  echo
  echo "| what | CPU s | elapsed s | peak MiB | output KiB |"
  echo "|---|---:|---:|---:|---:|"
  for f in csv xlsx html; do
    printf '| govreport stats -o stats.%s | %.3f | %.3f | %.0f | %.0f |\n' "$f" "${cpu[stats-$f]}" "${wall[stats-$f]}" "$(echo "${rss[stats-$f]} / 1024" | bc -l)" "$(echo "$(stat -c %s "$work/out/stats.$f") / 1024" | bc -l)"
  done
  printf '| govreport check (the same reports, for comparison) | %.3f | %.3f | %.0f | |\n' "${cpu[check-stats]}" "${wall[check-stats]}" "$(echo "${rss[check-stats]} / 1024" | bc -l)"
}
if [ "$only" = stats ]; then
  stats_table
  exit 0
fi

measure check-j1 "$bin" check "$work/reports" -j 1 --quiet
measure check-j2 "$bin" check "$work/reports" -j 2 --quiet
measure check-small "$bin" check "$work/small" -j 1 --quiet
measure simdjson "$build/bench/govreport-parse-simdjson" "$work/reports"
measure nlohmann "$build/bench/govreport-parse-only" "$work/reports"
measure python python3 "$root/bench/sums.py" "$work/reports"
measure ajv bash -c "'$ajv' validate --spec=draft2020 --strict=false -s '$work/schema-2019.json' -d '$work/reports/*-2019.json' -d '$work/reports/*-2020.json' && '$ajv' validate --spec=draft2020 --strict=false -s '$work/schema-2021.json' -d '$work/reports/*-2021.json' -d '$work/reports/*-2022.json'"

start_hello=$(startup "$build/bench/govreport-hello")
start_check=$(startup "$bin" check "$one" --quiet)

if [ "$large" -gt 0 ]; then
  generate "$large" "$work/large"
  read -r large_bytes _ < <(sizes "$work/large")
  runs=1 measure check-large "$bin" check "$work/large" -j 2 --quiet
  measure_large=1
fi

per_s() { echo "$count / ${cpu[$1]}" | bc -l; }
mb() { echo "$bytes / 1048576 / ${cpu[$1]}" | bc -l; }
row() { printf '| %s | %.3f | %.3f | %.0f | %.1f | %.0f |\n' "$1" "${cpu[$2]}" "${wall[$2]}" "$(per_s "$2")" "$(mb "$2")" "$(echo "${rss[$2]} / 1024" | bc -l)"; }
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }

cat <<REPORT
$count reports made from data/2020.json ($(echo "$bytes / 1048576" | bc -l | xargs printf '%.1f') MiB, the largest $(echo "$largest / 1024" | bc -l | xargs printf '%.1f') KiB, both editions), median of $runs runs, $(nproc) cores. CPU = user + system seconds; reports/s and MiB/s per CPU second.

| what | CPU s | elapsed s | reports/s | MiB/s | peak MiB |
|---|---:|---:|---:|---:|---:|
$(row "govreport check -j 1" check-j1)
$(row "govreport check -j 2" check-j2)
$(row "parsing alone, simdjson DOM, every value visited" simdjson)
$(row "parsing alone, nlohmann/json DOM" nlohmann)
$(row "Python, json + the same sums" python)
$(row "ajv-cli validate, exported schema (structure only)" ajv)
$( [ -n "${measure_large:-}" ] && printf '| govreport check -j 2, %d reports (%.0f MiB), one run | %.1f | %.1f | %.0f | %.1f | %.0f |\n' "$large" "$(echo "$large_bytes / 1048576" | bc -l)" "${cpu[check-large]}" "${wall[check-large]}" "$(echo "$large / ${cpu[check-large]}" | bc -l)" "$(echo "$large_bytes / 1048576 / ${cpu[check-large]}" | bc -l)" "$(echo "${rss[check-large]} / 1024" | bc -l)")

| ratio, from this run | value |
|---|---:|
| check -j 1 / simdjson parsing alone, CPU | $(ratio "${cpu[check-j1]}" "${cpu[simdjson]}")× |
| check -j 1 / nlohmann parsing alone, CPU | $(ratio "${cpu[check-j1]}" "${cpu[nlohmann]}")× |
| Python / check -j 1, CPU | $(ratio "${cpu[python]}" "${cpu[check-j1]}")× |
| Python / check -j 2, elapsed | $(ratio "${wall[python]}" "${wall[check-j2]}")× |
| ajv-cli / check -j 1, CPU | $(ratio "${cpu[ajv]}" "${cpu[check-j1]}")× |
| ajv-cli / check -j 2, elapsed | $(ratio "${wall[ajv]}" "${wall[check-j2]}")× |
| check -j 1 / check -j 2, elapsed | $(ratio "${wall[check-j1]}" "${wall[check-j2]}")× |
| check -j 2 / check -j 1, CPU (the cost of the second worker) | $(ratio "${cpu[check-j2]}" "${cpu[check-j1]}")× |
| start-up: \`check\` of one small file / a C++ program printing a line, CPU | $(ratio "$start_check" "$start_hello")× ($(printf '%.2f' "$start_check") ms / $(printf '%.2f' "$start_hello") ms, mean of 300) |
| peak memory, check -j 1 of $((count / 10)) / $count files | $(echo "${rss[check-small]} / 1024" | bc -l | xargs printf '%.1f') / $(echo "${rss[check-j1]} / 1024" | bc -l | xargs printf '%.1f') MiB |
REPORT

echo
stats_table
