#!/usr/bin/env python3
"""The Python peers timed by scripts/bench, one per stage.

    bench-peers.py pandas-read WORKSPACE     pandas.read_csv of every export (header row kept,
                                             SmartSurvey's two sub-label rows skipped)
    bench-peers.py polars-read WORKSPACE     the same with polars.read_csv
    bench-peers.py wilson WORKSPACE          reads the exports with pandas, then per wave x
                                             locality x statement: share agreeing (Strongly
                                             agree/Agree of the valid answers) with statsmodels'
                                             Wilson 95% interval, written as JSON
"""
import json, pathlib, sys

mode, arg = sys.argv[1], sys.argv[2]
if mode in ("pandas-read", "polars-read"):
    rows = 0
    for path in sorted(pathlib.Path(arg, "exports").glob("*.csv")):
        if mode == "pandas-read":
            import pandas as pd
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, skiprows=[1, 2])
        else:
            import polars as pl
            frame = pl.read_csv(path, infer_schema_length=0, skip_rows_after_header=2)
        rows += len(frame)
    print(f"{mode}: {rows} rows")
elif mode == "wilson":
    import pandas as pd
    from statsmodels.stats.proportion import proportion_confint
    frames = []
    for path in sorted(pathlib.Path(arg, "exports").glob("*.csv")):
        f = pd.read_csv(path, dtype=str, keep_default_na=False, skiprows=[1, 2],
                        usecols=["Locality", "Q1", "Q2", "Q3", "Q4", "Q5"])
        f["wave"] = path.stem.rsplit("-", 1)[-1]
        frames.append(f.rename(columns={"Locality": "locality"}))
    frame = pd.concat(frames, ignore_index=True)
    valid = {"Strongly agree", "Agree", "Neither agree nor disagree", "Disagree", "Strongly disagree"}
    out = []
    for q in ["Q1", "Q2", "Q3", "Q4", "Q5"]:
        answered = frame[frame[q].isin(valid)]
        agree = answered[q].isin({"Strongly agree", "Agree"})
        grouped = agree.groupby([answered["wave"], answered["locality"]]).agg(["sum", "count"])
        lo, hi = proportion_confint(grouped["sum"], grouped["count"], alpha=0.05, method="wilson")
        for (wave, locality), s, n, l, h in zip(grouped.index, grouped["sum"], grouped["count"], lo, hi):
            out.append({"measure": q, "wave": wave, "locality": locality, "agree": int(s), "base": int(n),
                        "share": s / n, "low": float(l), "high": float(h)})
    pathlib.Path("/tmp/bench-peer-wilson.json").write_text(json.dumps(out))
    print(f"wilson: {len(out)} intervals")
else:
    sys.exit(f"unknown mode {mode}")
