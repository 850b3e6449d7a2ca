#!/usr/bin/env python3
"""Counts the test cases of every JUnit report in target/reports/ and prints one line per layer
and the closing 'N passed, N failed' line."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

reports = sys.argv[1] if len(sys.argv) > 1 else "target/reports"
# Layers bin/test saw fail (a runner that crashed may have written no failing case).
failed_layers = sys.argv[2:]
total_pass = total_fail = total_skip = 0
for path in sorted(glob.glob(os.path.join(reports, "*.xml"))):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        print(f"  {os.path.basename(path)}: unreadable ({e})")
        total_fail += 1
        continue
    cases = root.iter("testcase")
    p = f = s = 0
    for case in cases:
        if case.find("failure") is not None or case.find("error") is not None:
            f += 1
        elif case.find("skipped") is not None:
            s += 1
        else:
            p += 1
    print(f"  {os.path.basename(path)}: {p} passed, {f} failed, {s} skipped")
    total_pass += p
    total_fail += f
    total_skip += s
if failed_layers and total_fail == 0:
    total_fail = len(failed_layers)
print(f"{total_pass} passed, {total_fail} failed, {total_skip} skipped")
