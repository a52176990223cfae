#!/usr/bin/env bash
# Benchmark: govreport check and build against parsing alone (nlohmann/json), a plain Python
# script doing the same sums, and ajv-cli validating the exported JSON Schema (structure only),
# all on the same generated files. Prints a Markdown report on stdout.
#
#   bench/run.sh [COUNT=10000] [RUNS=5]      (after: cmake --build build-rel)
#
# Needs a Release build in build-rel (BUILD_DIR=… to change), python3, node/npm (for ajv-cli,
# installed from tests/tooling/package-lock.json into build-rel/tooling) and GNU time.
set -euo pipefail
count=${1:-10000}
runs=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-rel}
bin=$build/govreport
work=$(mktemp -d /tmp/govreport-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

for tool in "$bin" "$build/tools/govreport-generate" "$build/bench/govreport-parse-only"; do
  [ -x "$tool" ] || { echo "missing $tool: cmake -S . -B build-rel -DCMAKE_BUILD_TYPE=Release && cmake --build build-rel" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "GNU time is needed: apt-get install time" >&2; exit 2; }

tooling=$build/tooling
if [ ! -x "$tooling/node_modules/.bin/ajv" ]; then
  mkdir -p "$tooling"
  cp "$root/tests/tooling/package.json" "$root/tests/tooling/package-lock.json" "$tooling/"
  (cd "$tooling" && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
ajv=$tooling/node_modules/.bin/ajv

"$build/tools/govreport-generate" --count "$count" --seed 1 --out "$work/reports" 2>/dev/null
rm "$work/reports/manifest.tsv"
"$build/tools/govreport-generate" --count $((count / 10)) --seed 1 --out "$work/small" 2>/dev/null
rm "$work/small/manifest.tsv"
bytes=$(cat "$work"/reports/*.json | wc -c)
"$bin" schema --edition 2019 -o "$work/schema-2019.json"
"$bin" schema --edition 2021 -o "$work/schema-2021.json"

# median SECONDS… → the middle value
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure NAME COMMAND… : runs it $runs times; records median wall seconds and peak RSS (KiB).
declare -A wall rss
measure() {
  local name=$1; shift
  local times=() peak=0
  for _ in $(seq "$runs"); do
    local start end kb
    start=$(date +%s.%N)
    /usr/bin/time -f %M -o "$work/rss" "$@" >/dev/null 2>"$work/err" || true
    end=$(date +%s.%N)
    kb=$(tail -n 1 "$work/rss")
    times+=("$(echo "$end - $start" | bc -l)")
    [ "$kb" -gt "$peak" ] && peak=$kb
  done
  wall[$name]=$(median "${times[@]}")
  rss[$name]=$peak
}

files=("$work"/reports/*.json)
measure check-j1 "$bin" check "$work/reports" -j 1 --quiet
measure check "$bin" check "$work/reports" --quiet
measure check-small "$bin" check "$work/small" -j 1 --quiet
measure parse "$build/bench/govreport-parse-only" "$work/reports"
measure python python3 "$root/bench/sums.py" "$work/reports"
measure ajv bash -c "'$ajv' validate --spec=draft2020 --strict=false -s '$work/schema-2019.json' -d '$work/reports/*-2019.json' -d '$work/reports/*-2020.json' && '$ajv' validate --spec=draft2020 --strict=false -s '$work/schema-2021.json' -d '$work/reports/*-2021.json' -d '$work/reports/*-2022.json'"
measure build-text "$bin" build "${files[@]}" -f text --out-dir "$work/out-text" --force --quiet
if "$bin" build "${files[0]}" -f html >/dev/null 2>&1; then
  measure build-html "$bin" build "${files[@]}" -f html --out-dir "$work/out-html" --force --quiet
fi
start=$(date +%s.%N)
for _ in $(seq 200); do "$bin" --version >/dev/null; done
end=$(date +%s.%N)
startup_ms=$(echo "($end - $start) * 1000 / 200" | bc -l)

rate() { echo "$count / ${wall[$1]}" | bc -l; }
mb() { echo "$bytes / 1048576 / ${wall[$1]}" | bc -l; }
row() { printf '| %s | %.3f | %.0f | %.1f | %.0f |\n' "$1" "${wall[$2]}" "$(rate "$2")" "$(mb "$2")" "$(echo "${rss[$2]} / 1024" | bc -l)"; }

cat <<REPORT
$count generated reports ($(echo "$bytes / 1048576" | bc -l | xargs printf '%.1f') MiB, both editions, 1% with an error), median of $runs runs, $(nproc) cores.

| what | seconds | reports/s | MiB/s | peak MiB |
|---|---:|---:|---:|---:|
$(row "govreport check -j 1" check-j1)
$(row "govreport check (all cores)" check)
$(row "parsing alone, nlohmann/json DOM" parse)
$(row "Python, json + the same sums" python)
$(row "ajv-cli validate, exported schema (structure only)" ajv)
$(row "govreport build -f text, one file per report" build-text)
$( [ -n "${wall[build-html]:-}" ] && row "govreport build -f html, one file per report" build-html)

- check -j 1 over $((count / 10)) files: peak $(echo "${rss[check-small]} / 1024" | bc -l | xargs printf '%.0f') MiB; over $count files: $(echo "${rss[check-j1]} / 1024" | bc -l | xargs printf '%.0f') MiB
- start-up, \`govreport --version\`: $(printf '%.2f' "$startup_ms") ms (mean of 200)
- check (all cores) vs ajv-cli: $(echo "${wall[ajv]} / ${wall[check]}" | bc -l | xargs printf '%.1f')× the throughput
- check -j 1 vs parsing alone: $(echo "${wall[check-j1]} / ${wall[parse]}" | bc -l | xargs printf '%.2f')× the time
REPORT
