"""Validation splits: a holdout no trial sees, and CV folds (stratified, grouped or time-ordered)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit, train_test_split

from mlpilot.schemas import CVSpec

TRAIN, VALID = 1, 2


def make_folds(frame: pd.DataFrame, y: np.ndarray, cv: CVSpec, holdout_frac: float, classify: bool,
               seed: int = 0, max_rows: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Returns (folds, holdout_rows): folds is int8 (n_splits, n_rows) with 1 = train, 2 = validate.

    With ``max_rows``, cross-validation uses a random subset of that many non-holdout rows (the rest are
    0 in every fold), so trials stay affordable on large tables; refits still use every row.
    """
    n = len(y)
    index = np.arange(n)
    if cv.kind == "time":
        order = np.argsort(pd.to_datetime(frame[cv.time_column], errors="coerce", format="mixed").to_numpy(),
                           kind="stable")
        cut = int(n * (1 - holdout_frac))
        rest, holdout = order[:cut], order[cut:]
    elif cv.kind == "group":
        groups = frame[cv.group_column].astype(str).to_numpy()
        unique = np.unique(groups)
        rng = np.random.default_rng(seed)
        held = set(rng.choice(unique, size=max(1, int(len(unique) * holdout_frac)), replace=False))
        mask = np.isin(groups, list(held))
        rest, holdout = index[~mask], index[mask]
    else:
        stratify = y if classify and np.min(np.bincount(y.astype(int))) >= 2 else None
        rest, holdout = train_test_split(index, test_size=holdout_frac, random_state=seed, stratify=stratify)
    if max_rows and len(rest) > max_rows:
        keep = np.random.default_rng(seed).choice(len(rest), size=max_rows, replace=False)
        rest = np.sort(rest[keep]) if cv.kind != "time" else rest[np.sort(keep)]
    folds = np.zeros((cv.n_splits, n), dtype=np.int8)
    if cv.kind == "time":
        splitter = TimeSeriesSplit(n_splits=cv.n_splits).split(rest)
    elif cv.kind == "group":
        splitter = GroupKFold(n_splits=cv.n_splits).split(rest, groups=groups[rest])
    elif classify and np.min(np.bincount(y[rest].astype(int), minlength=1)[np.unique(y[rest].astype(int))]) >= cv.n_splits:
        splitter = StratifiedKFold(cv.n_splits, shuffle=True, random_state=seed).split(rest, y[rest])
    else:
        splitter = KFold(cv.n_splits, shuffle=True, random_state=seed).split(rest)
    for k, (train, valid) in enumerate(splitter):
        folds[k, rest[train]] = TRAIN
        folds[k, rest[valid]] = VALID
    return folds, np.sort(holdout)
