#!/usr/bin/env bash
# Checks the include graph of the sources against the layers of the design: each folder of src/
# includes headers of its own layer and of the layers below it only.
#   text ← model, editions ← check ← render, import ← cli
# Public headers (include/govreport/X.hpp) belong to the layer that implements them.
# Usage: layers.sh SRC_DIR   (include/govreport is looked for beside SRC_DIR)
set -euo pipefail
src=$1
include="$(dirname "$src")/include/govreport"

rank() {
  case $1 in
    text) echo 0 ;;
    model | editions) echo 1 ;;
    check) echo 2 ;;
    render | import) echo 3 ;;
    cli) echo 4 ;;
    *) echo "" ;;
  esac
}

# The layer of a public header.
header_layer() {
  case $1 in
    safe_text | similarity) echo text ;;
    edition | report | source | diagnostic | load | register | schema | template | version) echo model ;;
    check | references | region | rollup | stats | years) echo check ;;
    render | findings_format | diff_format | stats_format) echo render ;;
    import) echo import ;;
    *) echo unknown ;;
  esac
}

# The layer of an included path ("model/shape.hpp", "govreport/check.hpp").
included_layer() {
  local path=$1
  if [[ $path == govreport/* ]]; then
    local name=${path#govreport/}
    header_layer "${name%.hpp}"
  else
    echo "${path%%/*}"
  fi
}

allowed() {  # allowed FROM TO
  local from=$1 to=$2 rf rt
  rf=$(rank "$from") rt=$(rank "$to")
  [[ -n $rt ]] || return 1
  ((rt < rf)) && return 0
  ((rt == rf)) || return 1
  [[ $from == "$to" || ($rf == 1) ]]
}

failures=0
check_file() {  # check_file FILE LAYER
  local file=$1 layer=$2 line to
  while IFS= read -r line; do
    [[ $line =~ ^#include\ \"([^\"]+)\" ]] || continue
    to=$(included_layer "${BASH_REMATCH[1]}")
    if ! allowed "$layer" "$to"; then
      echo "$file: $layer includes ${BASH_REMATCH[1]} ($to)" >&2
      failures=$((failures + 1))
    fi
  done <"$file"
}

files=0
for dir in "$src"/*/; do
  layer=$(basename "$dir")
  [[ -n $(rank "$layer") ]] || { echo "$dir: a folder of no layer" >&2; failures=$((failures + 1)); continue; }
  while IFS= read -r -d '' file; do
    check_file "$file" "$layer"
    files=$((files + 1))
  done < <(find "$dir" -name '*.cpp' -print0 -o -name '*.hpp' -print0)
done
if [[ -d $include ]]; then
  for file in "$include"/*.hpp; do
    name=$(basename "$file" .hpp)
    layer=$(header_layer "$name")
    [[ $layer != unknown ]] || { echo "$file: a header of no layer" >&2; failures=$((failures + 1)); continue; }
    check_file "$file" "$layer"
    files=$((files + 1))
  done
fi
if ((failures > 0)); then
  echo "FAIL: $failures includes against the layers, in $files files" >&2
  exit 1
fi
echo "ok: $files files include only their own layer and those below it"
