# Reference values for the bootstrap's weighted metrics: scikit-learn with sample_weight= on every
# row (zero weights included), and scikit-learn on the rows repeated by their weights (the resampled
# data set itself). `data` holds the synthetic cases; the real-data cases are built here from the data
# sets scikit-learn bundles. A metric is None where scikit-learn warns, raises or answers NaN.
import warnings
from sklearn import metrics as M
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.naive_bayes import GaussianNB
from sklearn.preprocessing import StandardScaler

def safe(f):
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        try:
            v = float(f())
        except Exception:
            return None
    return None if math.isnan(v) else v

def binary(y, s, p, w):
    return {
        'accuracy': lambda: M.accuracy_score(y, p, sample_weight=w),
        'precision': lambda: M.precision_score(y, p, sample_weight=w),
        'recall': lambda: M.recall_score(y, p, sample_weight=w),
        'f1': lambda: M.f1_score(y, p, sample_weight=w),
        'roc_auc': lambda: M.roc_auc_score(y, s, sample_weight=w),
        'pr_auc': lambda: M.average_precision_score(y, s, sample_weight=w),
        'log_loss': lambda: M.log_loss(y, s, sample_weight=w, labels=[0, 1]),
        'brier': lambda: M.brier_score_loss(y, s, sample_weight=w, pos_label=1),
    }

def multiclass(y, p, P, w, k):
    # Per-class averages over the classes present among the weighted rows' actual or predicted labels
    # (scikit-learn's default labels on the resampled data set; with sample_weight, rows of weight 0
    # would otherwise add their classes).
    keep = w > 0 if w is not None else np.ones(len(y), bool)
    present = sorted(set(y[keep].tolist()) | set(p[keep].tolist())) if w is not None else None
    wk = w[keep] if w is not None else None
    return {
        'accuracy': lambda: M.accuracy_score(y, p, sample_weight=w),
        'balanced_accuracy': lambda: M.balanced_accuracy_score(y[keep], p[keep], sample_weight=wk),
        'f1_macro': lambda: M.f1_score(y, p, average='macro', labels=present, sample_weight=w),
        'f1_weighted': lambda: M.f1_score(y, p, average='weighted', labels=present, sample_weight=w),
        'precision_macro': lambda: M.precision_score(y, p, average='macro', labels=present, sample_weight=w),
        'recall_macro': lambda: M.recall_score(y, p, average='macro', labels=present, sample_weight=w),
        'log_loss': lambda: M.log_loss(y, P, labels=list(range(k)), sample_weight=w),
        'roc_auc_ovr': lambda: M.roc_auc_score(y, P, multi_class='ovr', average='macro', labels=list(range(k)), sample_weight=w),
    }

def regression(y, p, w):
    out = {
        'mae': lambda: M.mean_absolute_error(y, p, sample_weight=w),
        'mse': lambda: M.mean_squared_error(y, p, sample_weight=w),
        'rmse': lambda: M.mean_squared_error(y, p, sample_weight=w, squared=False),
        'r2': lambda: M.r2_score(y, p, sample_weight=w),
        'mape': lambda: M.mean_absolute_percentage_error(y, p, sample_weight=w),
    }
    if w is None:
        # No sample_weight in max_error; median_absolute_error's weighted form is another statistic.
        out['max_error'] = lambda: M.max_error(y, p)
        out['median_ae'] = lambda: M.median_absolute_error(y, p)
    return out

def expected(case):
    w = np.array(case['weights'], dtype=np.int64)
    rows = np.repeat(np.arange(len(w)), w)
    if case['task'] == 'binary':
        y, s, p = (np.array(case[k]) for k in ('actual', 'score', 'predicted'))
        make = lambda idx, ww: binary(y[idx], s[idx], p[idx], ww)
    elif case['task'] == 'multiclass':
        k = case['classes']
        y, p = np.array(case['actual']), np.array(case['predicted'])
        P = np.array(case['probabilities']).reshape(len(y), k)
        make = lambda idx, ww: multiclass(y[idx], p[idx], P[idx], ww, k)
    else:
        y, p = np.array(case['actual'], dtype=float), np.array(case['predicted'], dtype=float)
        make = lambda idx, ww: regression(y[idx], p[idx], ww)
    everything = np.arange(len(w))
    return {
        'weighted': {name: safe(f) for name, f in make(everything, w.astype(float)).items()},
        'expanded': {name: safe(f) for name, f in make(rows, None).items()},
    }

rng = np.random.default_rng(12)
def bootstrap_weights(n):
    return rng.multinomial(n, np.full(n, 1 / n)).tolist()

def real_cases():
    cases = []
    X, y = load_breast_cancer(return_X_y=True)
    X = StandardScaler().fit_transform(X)
    for name, model in (('logistic regression', LogisticRegression(max_iter=5000)), ('naive Bayes (scores 0 and 1 tied)', GaussianNB())):
        s = model.fit(X, y).predict_proba(X)[:, 1]
        cases.append({'label': f'breast cancer, {name}, a bootstrap resample', 'task': 'binary', 'actual': y.tolist(),
                      'score': s.tolist(), 'predicted': (s >= 0.5).astype(int).tolist(), 'weights': bootstrap_weights(len(y))})
    for loader, model, name in ((load_iris, LogisticRegression(max_iter=5000), 'iris, logistic regression'), (load_wine, GaussianNB(), 'wine, naive Bayes')):
        X, y = loader(return_X_y=True)
        X = StandardScaler().fit_transform(X)
        P = model.fit(X, y).predict_proba(X)
        cases.append({'label': f'{name}, a bootstrap resample', 'task': 'multiclass', 'classes': P.shape[1], 'actual': y.tolist(),
                      'predicted': P.argmax(axis=1).tolist(), 'probabilities': P.ravel().tolist(), 'weights': bootstrap_weights(len(y))})
    X, y = load_diabetes(return_X_y=True)
    p = LinearRegression().fit(X, y).predict(X)
    cases.append({'label': 'diabetes, linear regression, a bootstrap resample', 'task': 'regression', 'actual': y.tolist(),
                  'predicted': p.tolist(), 'weights': bootstrap_weights(len(y))})
    cases.append({'label': 'diabetes, predictions rounded (tied errors)', 'task': 'regression', 'actual': y.tolist(),
                  'predicted': np.round(p, -1).tolist(), 'weights': bootstrap_weights(len(y))})
    return cases

cases = data + real_cases()
result = [{'case': case, **expected(case)} for case in cases]
