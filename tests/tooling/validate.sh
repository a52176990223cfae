#!/usr/bin/env bash
# Validates govreport's exported JSON Schemas with ajv-cli against the data files (and mutated
# copies that must fail), and its SARIF output against the SARIF 2.1.0 schema.
# Usage: validate.sh GOVREPORT_BINARY SOURCE_DIR WORK_DIR. Exit 77 (skip) without npm.
set -euo pipefail
bin=$(realpath "$1") src=$(realpath "$2") work=$(realpath -m "$3")

if ! command -v npm >/dev/null 2>&1; then
  echo "SKIP: npm is not installed (needed for ajv-cli)"
  exit 77
fi
mkdir -p "$work"
cp "$src/tests/tooling/package.json" "$src/tests/tooling/package-lock.json" "$work/"
if [ ! -x "$work/node_modules/.bin/ajv" ]; then
  (cd "$work" && npm ci --no-audit --no-fund --loglevel=error) || {
    echo "npm ci failed: cannot install ajv-cli"
    [ "${CI:-}" = "true" ] && exit 1
    echo "SKIP: no npm registry"
    exit 77
  }
fi
ajv="$work/node_modules/.bin/ajv"
cd "$work"
failures=0

expect() {  # expect pass|fail SCHEMA DATA
  local want=$1 schema=$2 data=$3
  if "$ajv" validate --spec=draft2020 --strict=false -s "$schema" -d "$data" >out.txt 2>&1; then got=pass; else got=fail; fi
  if [ "$got" != "$want" ]; then
    echo "FAIL: $data should $want against $schema"; cat out.txt; failures=$((failures + 1))
  else
    echo "ok: $data: $want as expected"
  fi
}

"$bin" schema --edition 2019 -o schema-2019.json
"$bin" schema --edition 2021 -o schema-2021.json
expect pass schema-2019.json "$src/data/2020.json"
for f in "$src"/data/examples/*.json; do expect pass schema-2021.json "$f"; done
"$bin" init --year 2024 --agency 测试局 --schema none -o template.json --force --quiet
expect pass schema-2021.json template.json

# Mutations that break the structure must fail; each starts from the valid 2020 file.
mutate() {  # mutate NAME SED-EXPRESSION
  sed "$2" "$src/data/2020.json" >"mut-$1.json"
  cmp -s "$src/data/2020.json" "mut-$1.json" && { echo "FAIL: mutation $1 changed nothing"; failures=$((failures + 1)); }
  expect fail schema-2019.json "mut-$1.json"
}
mutate year-string 's/"year": 2020/"year": "2020"/'
mutate unknown-key 's/"agency_kind"/"agency_knd"/'
mutate count-string 's/"natural_person": 4441,/"natural_person": "4441",/'
mutate negative 's/"natural_person": 10,/"natural_person": -10,/'
mutate float 's/"natural_person": 10,/"natural_person": 10.5,/'
mutate missing-cell 's/"natural_person": 10, //'
mutate wrong-edition 's/"made": 6,/"issued": 6,/'
expect fail schema-2021.json "$src/data/2020.json"

# SARIF 2.1.0: findings of a broken file and of clean ones, and a file that cannot be read.
sed 's/"natural_person": 10,/"natural_person": 11,/; s/"upheld": 530,/"upheld": 529,/' "$src/data/2020.json" >broken.json
"$bin" check --format sarif --quiet broken.json "$src/data" no-such.json >out.sarif.json 2>/dev/null || true
# The official schema is written in draft-04, which ajv 8 does not load; the keywords it uses mean
# the same in draft-07, so only its "$schema" and "id" are restated. Its pattern for "language"
# has a stray "]" that a Unicode regular expression rejects; govreport writes no "language".
sed 's|"http://json-schema.org/draft-04/schema#"|"http://json-schema.org/draft-07/schema#"|; s|^    "id":|    "$id":|;
     s/\^\[a-zA-Z\]{2}|\^\[a-zA-Z\]{2}-\[a-zA-Z\]{2}\]?\$/^[a-zA-Z]{2}(-[a-zA-Z]{2})?$/' \
  node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json >sarif-schema.json
if "$ajv" validate --spec=draft7 --strict=false -c ajv-formats -s sarif-schema.json -d out.sarif.json >out.txt 2>&1; then
  echo "ok: SARIF output is valid SARIF 2.1.0"
else
  echo "FAIL: SARIF output is not valid SARIF 2.1.0"; cat out.txt; failures=$((failures + 1))
fi
grep -q '"ruleId":"row-total"' out.sarif.json || { echo "FAIL: SARIF lacks the row-total result"; failures=$((failures + 1)); }
grep -q '"toolExecutionNotifications":' out.sarif.json || { echo "FAIL: SARIF lacks the unreadable file"; failures=$((failures + 1)); }

echo "$failures failed"
[ "$failures" -eq 0 ]
