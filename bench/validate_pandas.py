"""The benchmark's pandas baseline: the same checks as Modelship's checks file, the idiomatic way
(read_csv, then vectorised column operations). Run with Debian's /usr/bin/python3."""
import json
import re
import sys

import pandas as pd
import yaml


def duration_days(text):
    units = {"d": 1, "h": 1 / 24, "m": 1 / 1440, "w": 7}
    return sum(float(n) * units[u] for n, u in re.findall(r"(\d+)([dhmw])", text))


def run(data_path, checks_path):
    with open(checks_path) as f:
        checks = yaml.safe_load(f)["checks"]
    string_columns = {c["column"] for c in checks if c["check"] in ("allowed-values", "string-length", "regex")}
    frame = pd.read_csv(data_path, dtype={c: str for c in string_columns})
    results = []
    for c in checks:
        kind = c["check"]
        col = frame[c["column"]] if "column" in c else None
        if kind == "columns-present":
            ok = all(name in frame.columns for name in c["columns"])
        elif kind == "row-count":
            ok = len(frame) >= c.get("min", 0) and len(frame) <= c.get("max", float("inf"))
        elif kind == "unique":
            ok = not col.dropna().duplicated().any()
        elif kind == "not-null":
            ok = col.notna().mean() >= c.get("mostly", 1)
        elif kind == "null-rate":
            ok = col.isna().mean() <= c["max"]
        elif kind == "min":
            ok = (col.dropna() >= c["value"]).all()
        elif kind == "between":
            values = col.dropna()
            ok = ((values >= c["min"]) & (values <= c["max"])).mean() >= c.get("mostly", 1)
        elif kind in ("mean", "std", "median", "quantile"):
            values = col.dropna()
            stat = {
                "mean": values.mean,
                "std": values.std,
                "median": values.median,
                "quantile": lambda: values.quantile(c.get("q", 0.5)),
            }[kind]()
            ok = c.get("min", -float("inf")) <= stat <= c.get("max", float("inf"))
        elif kind == "allowed-values":
            ok = col.dropna().isin(c["values"]).all()
        elif kind == "string-length":
            lengths = col.dropna().str.len()
            ok = ((lengths >= c["min"]) & (lengths <= c["max"])).all()
        elif kind == "column-type":
            stamps = pd.to_datetime(col, utc=True, errors="coerce")
            ok = stamps.notna().sum() == col.notna().sum()
        elif kind == "freshness":
            newest = pd.to_datetime(col, utc=True).max()
            ok = (pd.Timestamp.now(tz="UTC") - newest).total_seconds() <= duration_days(c["max-age"]) * 86400
        else:
            raise ValueError(f"no pandas equivalent for {kind}")
        results.append({"check": kind, "success": bool(ok)})
    json.dump({"rows": len(frame), "failed": sum(not r["success"] for r in results), "checks": len(results)}, sys.stdout)


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2])
