#!/usr/bin/env python3
"""Counts the records of a CSV with Python's csv module, pandas or polars (whichever is asked
and importable) and prints `records seconds`. Used by scripts/bench-ingest for comparison."""
import sys
import time

which, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
if which == "csv":
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        n = sum(1 for _ in csv.reader(f))
elif which == "pandas":
    import pandas as pd
    n = len(pd.read_csv(path, header=None, dtype=str, keep_default_na=False))
elif which == "polars":
    import polars as pl
    n = pl.read_csv(path, has_header=False, infer_schema=False).height
else:
    sys.exit(f"unknown reader {which}")
print(n, time.perf_counter() - t0)
