#!/usr/bin/env bash
# Checks that the govreport program does not need the importer's libraries (poppler, gumbo,
# OpenCC, pugixml, freexl): they are needed by the module govreport-import.so alone, which the
# program opens only to read a published report or a workbook. Usage: importer-on-demand.sh GOVREPORT MODULE
set -euo pipefail
bin=$1 module=$2
heavy='poppler|gumbo|opencc|pugixml|freexl'

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

program=$(needed "$bin")
importer=$(needed "$module")
echo "govreport needs: $(echo $program)"
echo "govreport-import.so needs: $(echo $importer)"
if grep -Ei "$heavy" <<<"$program"; then
  echo "FAIL: $bin needs the importer's libraries above" >&2
  exit 1
fi
# The check above means something only if the module does need them.
for lib in poppler-cpp gumbo opencc pugixml freexl; do
  grep -q "lib$lib" <<<"$importer" || { echo "FAIL: $module does not need lib$lib" >&2; exit 1; }
done
echo "ok: poppler, gumbo, OpenCC, pugixml and freexl are needed by the module only"
