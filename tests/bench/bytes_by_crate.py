#!/usr/bin/env python3
"""Sums `twiggy top -f csv` rows by crate: the first `name::` path segment of each item (for
`<A as B>::f` that is A's crate, so trait impls count for the type's crate). Data segments,
tables and the names section get their own rows. Usage: bytes_by_crate.py top.csv > by-crate.txt"""
import csv
import re
import sys
from collections import Counter

# Paths the demangler leaves without their crate (`fmt::write`, `str::from_utf8`, ...).
STD_MODULES = {"core", "alloc", "std", "fmt", "str", "slice", "panicking", "string", "sync", "thread",
               "ffi", "raw", "option", "result", "ptr", "iter", "num", "char", "vec", "boxed", "rc",
               "cell", "hash", "collections", "mem", "ops", "io", "time_std", "panic", "unicode", "f64", "f32"}

total = Counter()
count = Counter()
all_bytes = 0
with open(sys.argv[1], newline="") as f:
    for row in csv.DictReader(f):
        name, size = row["Name"], int(row["ShallowSize"])
        if name.startswith("..."):
            continue
        if "function names" in name or name.startswith("custom section"):
            key = "(names and custom sections)"
        elif name.startswith("data segment") or name.startswith('data['):
            key = "(data segments: strings, tables of constants)"
        elif re.match(r"^(elem|table|type|import|export|global|memory|code|wasm magic|header)", name):
            key = "(wasm structure: types, tables, imports, exports)"
        else:
            m = re.search(r"([A-Za-z_][A-Za-z0-9_]*)::", name)
            key = m.group(1) if m else "(unnamed functions)"
            if key in STD_MODULES:
                key = "core / alloc / std"
        total[key] += size
        count[key] += 1
        all_bytes += size

names = total.pop("(names and custom sections)", 0)
code = all_bytes - names
print(f"{'bytes':>9}  {'%':>6}  {'items':>6}  crate (of {code} bytes without the names section)")
for key, size in total.most_common():
    print(f"{size:>9}  {100 * size / code:>5.1f}%  {count[key]:>6}  {key}")
