"""The benchmark's Python baseline for `modelship evaluate`: what an ML engineer writes by hand —
pandas.read_csv, scikit-learn's LogisticRegression with the ONNX model's own coefficients
(predict_proba), and every binary metric Modelship reports, with the confusion matrix.
Run with Debian's /usr/bin/python3."""
import json
import sys

import numpy as np
import pandas as pd
from sklearn import metrics
from sklearn.linear_model import LogisticRegression


def run(data_path, weights_path, label):
    with open(weights_path) as f:
        spec = json.load(f)
    frame = pd.read_csv(data_path)
    y = frame[label].to_numpy()
    X = frame.drop(columns=[label]).to_numpy(dtype=np.float32)
    model = LogisticRegression()
    model.coef_ = np.array([spec["weights"]], dtype=np.float64).reshape(1, -1)
    model.intercept_ = np.array(spec["bias"], dtype=np.float64)
    model.classes_ = np.array([0, 1])
    score = model.predict_proba(X)[:, 1]
    predicted = (score >= 0.5).astype(int)
    result = {
        "task": "binary",
        "rows": int(len(y)),
        "metrics": {
            "accuracy": metrics.accuracy_score(y, predicted),
            "precision": metrics.precision_score(y, predicted),
            "recall": metrics.recall_score(y, predicted),
            "f1": metrics.f1_score(y, predicted),
            "roc_auc": metrics.roc_auc_score(y, score),
            "pr_auc": metrics.average_precision_score(y, score),
            "log_loss": metrics.log_loss(y, score),
            "brier": metrics.brier_score_loss(y, score),
        },
        "confusion_matrix": metrics.confusion_matrix(y, predicted).tolist(),
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], sys.argv[3])
