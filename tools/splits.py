"""Validation splits: a holdout no trial sees, and CV folds (stratified, grouped or time-ordered).

Small tables get fewer folds: stratified CV uses at most as many folds as the rarest class has rows, k-fold and
time-ordered CV at most half the rows, grouped CV at most the number of groups, and never fewer than two. The
holdout leaves enough rows (and two rows of every class) to cross-validate. Below that, a one-line
``MlpilotError`` says what is missing.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit, train_test_split

from mlpilot.errors import MlpilotError
from mlpilot.tools.cells import as_datetimes
from mlpilot.schemas import CVSpec

TRAIN, VALID = 1, 2
MIN_ROWS = 10  # labelled rows below which no model can be trained and validated
MIN_CLASS_ROWS = 2  # a class needs a row to train on and one to validate on
MIN_CV_ROWS = 4  # rows the holdout must leave for (2-fold) cross-validation
MIN_GROUPS = 3  # one held out, two to cross-validate
STRATIFY_ROWS = 1000  # below this many CV rows a rare class lowers the fold count; above, folds go unstratified


def check_rows(y: np.ndarray, classify: bool) -> None:
    """A one-line error when there are too few labelled rows, or a class with a single row."""
    n = len(y)
    if n < MIN_ROWS:
        raise MlpilotError(f"only {n} labelled rows: at least {MIN_ROWS} are needed to train and validate a model; "
                           "add labelled rows")
    if classify:
        counts = np.bincount(y.astype(int))
        single = int(((counts > 0) & (counts < MIN_CLASS_ROWS)).sum())
        if single:
            raise MlpilotError(f"{single} class(es) of the target have a single labelled row, which can not be both "
                               "trained on and validated; add rows of those classes or drop them")


def holdout_size(n: int, holdout_frac: float) -> int:
    """Rows to hold out: ``holdout_frac`` of ``n`` (rounded up, as scikit-learn does), at least one, and never so
    many that fewer than MIN_CV_ROWS (or half the rows) are left to cross-validate."""
    return int(min(max(1, math.ceil(n * holdout_frac)), n - max(MIN_CV_ROWS, math.ceil(n / 2))))


def fold_count(requested: int, n_rows: int, rarest: int | None = None) -> int:
    """The folds a table of ``n_rows`` CV rows can take: at most the rarest class's rows (stratified, on small
    tables), at most half the rows, at least two."""
    k = min(requested, n_rows // 2)
    if rarest is not None and rarest < k and n_rows < STRATIFY_ROWS:
        k = rarest
    return max(2, k)


def planned_folds(requested: int, n_rows: int, holdout_frac: float, class_counts: dict | None = None) -> int:
    """The fold count ``make_folds`` will use for a table of this size (for planning and estimates)."""
    rest = n_rows - holdout_size(n_rows, holdout_frac) if n_rows >= MIN_ROWS else n_rows
    rarest = None
    if class_counts:
        rarest = min(class_counts.values())
        rarest = max(MIN_CLASS_ROWS, rarest - round(rarest * holdout_frac))
    return fold_count(requested, rest, rarest)


def make_folds(frame: pd.DataFrame, y: np.ndarray, cv: CVSpec, holdout_frac: float, classify: bool,
               seed: int = 0, max_rows: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Returns (folds, holdout_rows): folds is int8 (k, n_rows) with 1 = train, 2 = validate; k is ``cv.n_splits``
    or fewer on a small table (see ``fold_count``).

    With ``max_rows``, cross-validation uses a random subset of that many non-holdout rows (the rest are
    0 in every fold), so trials stay affordable on large tables; refits still use every row.
    """
    n = len(y)
    check_rows(y, classify)
    index = np.arange(n)
    codes = y.astype(int) if classify else None
    groups = None
    if cv.kind == "time":
        order = np.argsort(as_datetimes(frame[cv.time_column]).to_numpy(), kind="stable")
        held = min(max(1, n - int(n * (1 - holdout_frac))), n - max(MIN_CV_ROWS, math.ceil(n / 2)))
        rest, holdout = order[:n - held], order[n - held:]
    elif cv.kind == "group":
        groups = frame[cv.group_column].astype(str).to_numpy()
        unique = np.unique(groups)
        if len(unique) < MIN_GROUPS:
            raise MlpilotError(
                f"only {len(unique)} distinct value(s) in group column {cv.group_column!r}: grouped validation needs "
                f"at least {MIN_GROUPS} (one held out, two to cross-validate); add groups or validate without grouping")
        rng = np.random.default_rng(seed)
        size = min(max(1, int(len(unique) * holdout_frac)), len(unique) - 2)
        mask = np.isin(groups, list(rng.choice(unique, size=size, replace=False)))
        rest, holdout = index[~mask], index[mask]
    else:
        held = holdout_size(n, holdout_frac)
        stratify = None
        if classify:
            k = len(np.unique(codes))
            if held >= k and n - held >= k:  # check_rows made every class at least two rows
                stratify = codes
        rest, holdout = train_test_split(index, test_size=held, random_state=seed, stratify=stratify)
        if classify:
            rest, holdout = _keep_classes(rest, holdout, codes)
    if len(holdout) == 0:
        raise MlpilotError(f"too few rows per class ({n} rows) to hold any out for the final check; add labelled rows")
    if max_rows and len(rest) > max_rows:
        keep = np.random.default_rng(seed).choice(len(rest), size=max_rows, replace=False)
        rest = np.sort(rest[keep]) if cv.kind != "time" else rest[np.sort(keep)]
    splitter = _splitter(cv, rest, codes, groups, seed)
    folds = np.zeros((splitter[0], n), dtype=np.int8)
    for k, (train, valid) in enumerate(splitter[1]):
        folds[k, rest[train]] = TRAIN
        folds[k, rest[valid]] = VALID
    return folds, np.sort(holdout)


def _keep_classes(rest: np.ndarray, holdout: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Move holdout rows back until every class has MIN_CLASS_ROWS rows to cross-validate."""
    counts = np.bincount(codes[rest], minlength=codes.max() + 1)
    back = []
    for c in np.flatnonzero(np.bincount(codes) > 0):
        need = MIN_CLASS_ROWS - counts[c]
        if need > 0:
            back += list(holdout[codes[holdout] == c][:need])
    if not back:
        return rest, holdout
    return np.concatenate([rest, back]), np.setdiff1d(holdout, back)


def _splitter(cv: CVSpec, rest: np.ndarray, codes: np.ndarray | None, groups: np.ndarray | None, seed: int):
    """(fold count, split iterator) over the CV rows ``rest``, the count adapted to the table's size."""
    m = len(rest)
    if cv.kind == "time":
        k = max(2, min(cv.n_splits, m // 2))
        return k, TimeSeriesSplit(n_splits=k).split(rest)
    if cv.kind == "group":
        k = max(2, min(cv.n_splits, len(np.unique(groups[rest]))))
        return k, GroupKFold(n_splits=k).split(rest, groups=groups[rest])
    if codes is not None:
        counts = np.bincount(codes[rest])
        rarest = int(counts[counts > 0].min())
        k = fold_count(cv.n_splits, m, rarest)
        if rarest >= k:
            return k, StratifiedKFold(k, shuffle=True, random_state=seed).split(rest, codes[rest])
        return k, KFold(k, shuffle=True, random_state=seed).split(rest)
    k = fold_count(cv.n_splits, m)
    return k, KFold(k, shuffle=True, random_state=seed).split(rest)
