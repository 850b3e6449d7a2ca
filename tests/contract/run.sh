#!/usr/bin/env bash
# Live contract test: holds a running stand-in to api/openapi.yaml with Schemathesis.
#
#   STAND_IN_URL=http://127.0.0.1:8787 tests/contract/run.sh
#
# Expects the stand-in already running with --test-controls, e.g.
#   cargo run -p stand-in -- --db :memory: --test-controls --port 8787
# Steps: (1) the document is valid OpenAPI 3.1, (2) every example matches its schema,
# (3) the stand-in is reset to the demo fixture (before each pass and at the end), (4) Schemathesis generates requests from the
# document (examples, coverage and fuzzing phases, positive and negative data) and checks each
# answer: documented status code, documented content type, response schema, no 5xx.
# Report: target/reports/contract-schemathesis.xml (JUnit).
#
# Knobs: STAND_IN_URL, CONTRACT_MAX_EXAMPLES (default 100 per operation), CONTRACT_SEED,
# CONTRACT_WORKERS (default 2), CONTRACT_TOKEN (default demo-admin).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

STAND_IN_URL="${STAND_IN_URL:-http://127.0.0.1:8787}"
STAND_IN_URL="${STAND_IN_URL%/}"
MAX_EXAMPLES="${CONTRACT_MAX_EXAMPLES:-100}"
SEED="${CONTRACT_SEED:-20261126}"
WORKERS="${CONTRACT_WORKERS:-2}"
TOKEN="${CONTRACT_TOKEN:-demo-admin}"
SPEC="$ROOT/api/openapi.yaml"
VENV="$ROOT/target/contract-venv"
REQS="$ROOT/tests/contract/requirements.txt"
REPORT_DIR="$ROOT/target/reports"
JUNIT="$REPORT_DIR/contract-schemathesis.xml"

# ---- tools: a venv that is reused while its pinned requirements are unchanged
stamp="$VENV/.requirements.txt"
if [[ ! -x "$VENV/bin/st" ]] || ! cmp -s "$REQS" "$stamp"; then
  echo "contract: installing $(grep -v '^#' "$REQS" | tr '\n' ' ')into $VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQS"
  cp "$REQS" "$stamp"
fi
PY="$VENV/bin/python"

# ---- 1. the document itself
"$VENV/bin/openapi-spec-validator" "$SPEC"

# ---- 2. every example against its schema
"$PY" "$ROOT/tests/contract/check_examples.py" "$SPEC"

# ---- 3. the stand-in, reset to the demo fixture before each pass
reset_stand_in() {
  "$PY" - "$STAND_IN_URL" <<'PYEOF'
import json, sys, urllib.error, urllib.request
base = sys.argv[1]
req = urllib.request.Request(
    base + "/__test/reset",
    data=json.dumps({"fixture": "demo"}).encode(),
    headers={"Content-Type": "application/json"},
    method="POST",
)
try:
    with urllib.request.urlopen(req, timeout=10) as r:
        print(f"contract: stand-in at {base} reset to the demo fixture ({r.status})")
except urllib.error.HTTPError as e:
    sys.exit(f"contract: POST {base}/__test/reset answered {e.code}: is the stand-in running with --test-controls?")
except OSError as e:
    sys.exit(f"contract: no stand-in at {base} ({e}); start it with --test-controls first")
PYEOF
}

# ---- 4. Schemathesis, in two passes so that deleting accounts cannot empty the data the
# other operations are checked against: (a) every operation but the delete, (b) the delete.
mkdir -p "$REPORT_DIR"
# Schemathesis keeps a cache directory (.schemathesis/) in its working directory: keep it in target/.
cd "$ROOT/target"
run_pass() { # run_pass NAME JUNIT_PATH FILTER_ARGS...
  local name="$1" junit="$2"
  shift 2
  echo "contract: Schemathesis pass: $name"
  "$VENV/bin/st" run "$SPEC" \
    --url "$STAND_IN_URL/api/v1" \
    --header "Authorization: Bearer $TOKEN" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --phases examples,coverage,fuzzing \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --workers "$WORKERS" \
    --request-timeout 10 \
    --continue-on-failure \
    --suppress-health-check all \
    --generation-database none \
    --report junit --report-junit-path "$junit" \
    "$@"
}

status=0
reset_stand_in
run_pass "all operations but DELETE /social-accounts/{id}" "$REPORT_DIR/.contract-pass-1.xml" \
  --exclude-operation-id deleteSocialAccount || status=$?
reset_stand_in
run_pass "DELETE /social-accounts/{id}" "$REPORT_DIR/.contract-pass-2.xml" \
  --include-operation-id deleteSocialAccount || status=$?
reset_stand_in

# One JUnit report for both passes.
"$PY" - "$JUNIT" "$REPORT_DIR/.contract-pass-1.xml" "$REPORT_DIR/.contract-pass-2.xml" <<'PYEOF'
import sys
import xml.etree.ElementTree as ET
out, parts = sys.argv[1], sys.argv[2:]
root = ET.Element("testsuites")
totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
for path in parts:
    try:
        tree = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        sys.exit(f"contract: missing or broken JUnit report {path}: {e}")
    suites = [tree] if tree.tag == "testsuite" else list(tree.iter("testsuite"))
    for suite in suites:
        root.append(suite)
        for k in totals:
            totals[k] += int(suite.get(k, "0") or 0)
for k, v in totals.items():
    root.set(k, str(v))
root.set("name", "contract-schemathesis")
ET.ElementTree(root).write(out, encoding="utf-8", xml_declaration=True)
print(f"contract: {totals['tests']} test(s), {totals['failures']} failure(s), {totals['errors']} error(s) -> {out}")
PYEOF
rm -f "$REPORT_DIR/.contract-pass-1.xml" "$REPORT_DIR/.contract-pass-2.xml"
echo "contract: Schemathesis exit status $status"
exit "$status"
