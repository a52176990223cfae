#!/usr/bin/env bash
# Checks that the govreport program needs neither the importer's libraries (poppler, gumbo,
# OpenCC, pugixml, freexl) nor the writers' (libzip, libxlsxwriter, and the compression and crypto
# libraries libzip brings): they are needed by the modules alone, govreport-import.so, which the
# program opens only to read a published report or a workbook, and govreport-write.so, opened
# only to write a .docx or an .xlsx.
# Usage: modules-on-demand.sh GOVREPORT IMPORT_MODULE WRITE_MODULE
set -euo pipefail
bin=$1 import_module=$2 write_module=$3
heavy='poppler|gumbo|opencc|pugixml|freexl|libzip|xlsxwriter|libcrypto|libssl|libbz2|liblzma|libzstd|libz\.'

needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

program=$(needed "$bin")
importer=$(needed "$import_module")
writer=$(needed "$write_module")
echo "govreport needs: $(echo $program)"
echo "govreport-import.so needs: $(echo $importer)"
echo "govreport-write.so needs: $(echo $writer)"
if grep -Ei "$heavy" <<<"$program"; then
  echo "FAIL: $bin needs the modules' libraries above" >&2
  exit 1
fi
# The check above means something only if the modules do need them.
for lib in poppler-cpp gumbo opencc pugixml freexl; do
  grep -q "lib$lib" <<<"$importer" || { echo "FAIL: $import_module does not need lib$lib" >&2; exit 1; }
done
for lib in zip xlsxwriter; do
  grep -q "lib$lib" <<<"$writer" || { echo "FAIL: $write_module does not need lib$lib" >&2; exit 1; }
done
echo "ok: poppler, gumbo, OpenCC, pugixml, freexl, libzip and libxlsxwriter are needed by the modules only"
