#!/usr/bin/env python3
"""Turns libtest's plain output (as printed by wasm-bindgen-test-runner) into JUnit XML.

    cargo test ... 2>&1 | tee log; python3 tests/tools/libtest_junit.py SUITE log out.xml

Exits non-zero when the log has no test result line, so a run that tested nothing cannot pass.
"""
import re
import sys
from xml.sax.saxutils import escape, quoteattr

suite, log_path, out_path = sys.argv[1:4]
log = open(log_path, encoding="utf-8", errors="replace").read()
cases = re.findall(r"^test (\S+) \.\.\. (ok|FAILED|FAIL|ignored)", log, re.M)
if not re.search(r"^test result: ", log, re.M):
    sys.exit(f"{log_path}: no 'test result' line: the tests did not run")
failures = sum(1 for _, r in cases if r in ("FAILED", "FAIL"))
skipped = sum(1 for _, r in cases if r == "ignored")
rows = []
for name, result in cases:
    body = ""
    if result in ("FAILED", "FAIL"):
        body = f"<failure message={quoteattr('failed')}>{escape(log[-4000:])}</failure>"
    elif result == "ignored":
        body = "<skipped/>"
    rows.append(f"  <testcase classname={quoteattr(suite)} name={quoteattr(name)}>{body}</testcase>")
with open(out_path, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    f.write(f'<testsuite name={quoteattr(suite)} tests="{len(cases)}" failures="{failures}" skipped="{skipped}">\n')
    f.write("\n".join(rows) + "\n</testsuite>\n")
