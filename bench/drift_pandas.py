"""The drift benchmark's pandas + scipy baseline: the same defaults as Modelship's drift engine
(Evidently's rules), the idiomatic way. Run with Debian's /usr/bin/python3: drift_pandas.py ref.csv cur.csv"""
import json
import sys

import numpy as np
import pandas as pd
from scipy import stats
from scipy.spatial import distance


def column_drift(ref, cur):
    ref = ref.replace([np.inf, -np.inf], np.nan).dropna()
    cur = cur.replace([np.inf, -np.inf], np.nan).dropna()
    numeric = pd.api.types.is_numeric_dtype(ref) and not pd.api.types.is_bool_dtype(ref)
    distinct = ref.nunique()
    categorical = not numeric or (pd.api.types.is_integer_dtype(ref) and distinct <= 5)
    small = len(ref) <= 1000
    if not categorical and distinct > 5:
        if small:
            return "ks", stats.ks_2samp(ref, cur).pvalue <= 0.05
        score = stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001)
        return "wasserstein", score >= 0.1
    keys = sorted(set(ref.unique()) | set(cur.unique()), key=str)
    ref_counts = ref.value_counts().reindex(keys, fill_value=0).to_numpy()
    cur_counts = cur.value_counts().reindex(keys, fill_value=0).to_numpy()
    if small:
        if len(keys) <= 2:
            p1, p2 = ref_counts[0] / ref_counts.sum(), cur_counts[0] / cur_counts.sum()
            pooled = (ref_counts[0] + cur_counts[0]) / (ref_counts.sum() + cur_counts.sum())
            z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1 / ref_counts.sum() + 1 / cur_counts.sum()))
            return "z", 2 * stats.norm.sf(abs(z)) < 0.05
        return "chisquare", stats.chi2_contingency([ref_counts, cur_counts])[1] < 0.05
    return "jensenshannon", distance.jensenshannon(ref_counts / ref_counts.sum(), cur_counts / cur_counts.sum()) >= 0.1


def main(reference_path, current_path):
    reference = pd.read_csv(reference_path)
    current = pd.read_csv(current_path)
    columns = {name: column_drift(reference[name], current[name]) for name in reference.columns if name in current.columns}
    drifted = sum(1 for _, drift in columns.values() if drift)
    json.dump({"drifted": drifted, "columns": len(columns), "drift": drifted / len(columns) >= 0.5}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
