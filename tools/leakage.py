"""Leakage suspects, each with an action and its evidence, on a sample of ``LEAK_ROWS`` rows.

A column is dropped only when it cannot be used at prediction time (the user excluded it, the test file lacks it
or has it empty) or it is a copy of the target (identical, a fixed linear map, a relabelling of the classes, two
columns that add, subtract, multiply or divide to it) and no test file shows it known when predicting. A copy the
test file has is evidence, not a guess: it is kept, with a warning (a price per carat and a total price in the
test rows give the carat). A column that merely predicts the target very well is kept, with its score as
evidence and how to drop it.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence

import numpy as np
import pandas as pd
from scipy.stats import rankdata
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.tree import DecisionTreeRegressor

from mlpilot.schemas import ColumnRole, DatasetProfile, LeakSuspect, TaskType
from mlpilot.tools.cells import as_datetimes
from mlpilot.tools.load import find_column

LEAK_ROWS = 5000
LEAK_AUC, LEAK_ACCURACY, LEAK_DOMINANT, LEAK_R2 = 0.99, 0.99, 0.9, 0.98
COPY_R2 = 0.9999  # a linear fit this close to the target is the target in other units
COPY_SHARE = 0.999  # a relabelling or formula holds on this share of rows (near-deterministic)
MAX_FORMULA_COLUMNS = 100  # numeric columns tried pairwise for formulas that reproduce the target
SCREEN_ROWS = 256  # rows the pairwise formula screen uses before checking the survivors on all probe rows
SCREEN_MARGIN = 0.1  # a number whose binned score is this far below the leak threshold is not scored with a tree
SCREEN_MIN_ROWS = 2000  # below this a tree (binary or regression) is cheap and the binned screen too coarse


ID_SIGNAL = {"binary": 0.52, "multiclass": 0.01, "regression": 0.01}  # AUC; accuracy over the majority; R2


def ordered_ids(df: pd.DataFrame, profile: DatasetProfile) -> list[str]:
    """Integer id columns whose order says something about the target: ids handed out over time carry when a row
    was made (a patient's enrolment and so their follow-up, a loan's vintage). A cheap screen (quantile bins of the
    id alone, cross-validated, a little better than chance) so a shuffled or hashed id costs no trial; whether an
    ordered id helps the model is the search's to find (``ids_as_numbers``)."""
    ids = [c.name for c in profile.columns if c.role == "id" and c.dtype.startswith(("int", "uint"))]
    if not ids:
        return []
    rows = _probe_rows(df, profile.target)
    scorer = _Scorer(rows[profile.target], profile.task_type)
    return [name for name in ids
            if scorer.binned_gain(rows[name].to_numpy(dtype=float, na_value=np.nan)) >= ID_SIGNAL[profile.task_type]]


def _probe_rows(df: pd.DataFrame, target: str) -> pd.DataFrame:
    """The labelled rows the probes score on: at most ``LEAK_ROWS``, sampled the same way every time."""
    rows = df[df[target].notna()]
    return rows.sample(LEAK_ROWS, random_state=0) if len(rows) > LEAK_ROWS else rows


def leak_suspects(df: pd.DataFrame, profile: DatasetProfile, test: pd.DataFrame | None,
                   exclude: Sequence[str] = ()) -> list[LeakSuspect]:
    """Columns to drop (excluded, unusable at prediction time, copies of the target) and strong ones kept."""
    suspects: dict[str, LeakSuspect] = {}

    def drop(column: str, why: str, score: float | None = None, copy: bool = False) -> None:
        suspects.setdefault(column, LeakSuspect(column=column, reason=f"dropped: {why}", score=score,
                                                action="dropped", is_copy=copy))

    def copy(column: str, why: str, score: float) -> None:  # the test file's columns are known when predicting
        if test is None:
            return drop(column, why, score, copy=True)
        suspects.setdefault(column, LeakSuspect(
            column=column, score=score, action="kept", is_copy=True,
            reason=f"kept: {why}, and the test file has it, so it is known when predicting; pass --exclude "
                   f"{shlex.quote(column)} if it is not"))

    names = [c.name for c in profile.columns]
    for wanted in exclude:
        if (column := find_column(str(wanted), names)) is not None:
            drop(column, "excluded by the user")
    features = [c for c in profile.columns if c.role not in ("id", "constant")]
    if test is not None:
        tested = {str(c): c for c in test.columns}
        for col in features:
            if col.name not in tested:
                drop(col.name, "not in the test file")
            elif len(test) and _all_missing(test[tested[col.name]]):
                drop(col.name, "empty in the test file (every value missing)")
    candidates = [c for c in features if c.role != "text" and c.name not in suspects]
    if not candidates:
        return list(suspects.values())
    rows = _probe_rows(df, profile.target)
    y = rows[profile.target]
    regression = profile.task_type == "regression"
    classes = None if regression else pd.factorize(y)[0]
    for col in candidates:
        found = _numeric_copy(rows[col.name], col.role, y) if regression else _relabelling(rows[col.name], y, classes)
        if found:
            copy(col.name, *found)
    if regression:
        numeric = [c.name for c in candidates if c.role == "numeric" and c.name not in suspects]
        for columns, why, share in _formula_leaks(rows, numeric, profile.target):
            for column in columns:
                copy(column, why, share)
    scorer = _Scorer(y, profile.task_type)
    for col in candidates:
        if col.name in suspects:
            continue
        score = scorer.score(_encode(rows[col.name], col.role))
        if score is not None:
            suspects[col.name] = LeakSuspect(
                column=col.name, score=round(score, 4), action="kept",
                reason=f"kept: alone predicts the target ({scorer.metric} {score:.3f} cross-validated); "
                       f"say \"don't use {col.name}\" or pass --exclude {shlex.quote(col.name)} to drop it")
    return list(suspects.values())


def _all_missing(values: pd.Series | pd.DataFrame) -> bool:
    """Every value missing (blank strings count as missing)."""
    if isinstance(values, pd.DataFrame):  # a duplicated column name
        values = values.iloc[:, 0]
    present = values.dropna()
    if present.empty:
        return True
    if not (values.dtype == object or pd.api.types.is_string_dtype(values)):
        return False
    if (present.head(100).astype(str).str.strip() != "").any():
        return False
    return bool((present.astype(str).str.strip() == "").all())


def _numeric_copy(values: pd.Series, role: ColumnRole, y: pd.Series) -> tuple[str, float] | None:
    """(why, R2) when a column is the regression target itself or a fixed linear map of it (or of its log)."""
    if role == "numeric":
        x = values.to_numpy(dtype=float, na_value=np.nan)
    elif role in ("categorical", "high_card_categorical"):  # numbers stored as text
        x = pd.to_numeric(values.astype(object), errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        if np.isfinite(x).sum() < 0.99 * values.notna().sum():
            return None
    else:
        return None
    t = y.to_numpy(dtype=float)
    both = np.isfinite(x) & np.isfinite(t)
    if both.sum() < 20:
        return None
    x, t = x[both], t[both]
    if np.mean(np.isclose(x, t, rtol=1e-9, atol=0)) >= COPY_SHARE:
        return "identical to the target", 1.0
    with np.errstate(all="ignore"):
        column, target = values.name, y.name
        for lhs, rhs, a, b in ((column, target, x, t),
                               (column, f"log({target})", x, np.log(t) if t.min() > 0 else None),
                               (f"log({column})", target, np.log(x) if x.min() > 0 else None, t)):
            if b is None or a is None or a.std() == 0 or b.std() == 0:
                continue
            r2 = float(np.corrcoef(a, b)[0, 1] ** 2)
            if r2 >= COPY_R2:
                slope, intercept = np.polyfit(b, a, 1)
                offset = "" if abs(intercept) <= 1e-9 * np.abs(a).max() else \
                    f" {'+' if intercept > 0 else '-'} {abs(intercept):.6g}"
                return (f"a fixed linear map of the target ({lhs} = {slope:.6g} * {rhs}{offset} on {len(x)} rows, "
                        f"R2 {r2:.5f})"), round(r2, 6)
    return None


def _relabelling(values: pd.Series, y: pd.Series, classes: np.ndarray) -> tuple[str, float] | None:
    """(why, share) when a column's values (missing counts as a value) map one-to-one onto the target's classes
    on 99.9% of rows and 99% of every class."""
    codes, uniques = pd.factorize(values, use_na_sentinel=False)
    n_values, n_classes = len(uniques), int(classes.max()) + 1
    if len(codes) < 20 or n_values > n_classes + (1 - COPY_SHARE) * len(codes) + 1:  # too many values to map
        return None
    table = np.bincount(codes * n_classes + classes, minlength=n_values * n_classes).reshape(n_values, n_classes)
    value_of_class = table.argmax(axis=0)
    one_to_one = (table.argmax(axis=1)[value_of_class] == np.arange(n_classes)).all()
    if not one_to_one or len(set(value_of_class.tolist())) < n_classes:
        return None
    mapped = table[value_of_class, np.arange(n_classes)]
    share = float(mapped.sum() / len(codes))
    if share < COPY_SHARE or (mapped / table.sum(axis=0)).min() < 0.99:
        return None
    labels = pd.Series(y.to_numpy()).groupby(classes).first()
    shown = ["missing" if pd.isna(uniques[v]) else getattr(uniques[v], "item", lambda: uniques[v])()
             for v in value_of_class]  # plain values for the message: 1, not np.int64(1)
    if all(str(shown[i]) == str(labels[i]) for i in range(n_classes)):
        return f"identical to the target on {_percent(share)} of rows", round(share, 4)
    order = sorted(range(n_classes), key=lambda i: str(labels[i]))
    pairs = ", ".join(f"{shown[i]!r} = {labels[i]!r}" for i in order[:3])
    more = ", ..." if n_classes > 3 else ""
    return f"a relabelling of the target's classes ({pairs}{more}; one-to-one on {_percent(share)} of rows)", \
        round(share, 4)


def _percent(share: float) -> str:
    """A share as a percentage rounded down, so that 100% means every row."""
    return f"{np.floor(share * 1000) / 10:.1f}%"


def _encode(values: pd.Series, role: ColumnRole) -> tuple[np.ndarray, bool]:
    """(one numeric column, is_categorical): numbers and dates as floats, categories as integer codes."""
    if role == "datetime":
        return (as_datetimes(values) - pd.Timestamp("1970-01-01")).dt.total_seconds().to_numpy(dtype=float), False
    if role == "numeric":
        return values.to_numpy(dtype=float, na_value=np.nan), False
    return pd.factorize(values.astype("string"), use_na_sentinel=False)[0], True


class _Scorer:
    """Cross-validated score of a single feature: a small tree for numbers, a lookup table for categories."""

    def __init__(self, y: pd.Series, task_type: TaskType):
        self.task_type = task_type
        if task_type == "regression":
            self.Y = y.to_numpy(dtype=float)[:, None]
            self.folds = KFold(3, shuffle=True, random_state=0).split(self.Y)
        else:
            labels, _ = pd.factorize(y.astype("string"))
            self.Y = np.eye(labels.max() + 1)[labels]
            self.dominant = float(self.Y.mean(axis=0).max())
            splitter = StratifiedKFold if np.bincount(labels).min() >= 3 else KFold
            self.folds = splitter(3, shuffle=True, random_state=0).split(labels, labels)
        self.folds = list(self.folds)
        self.metric = {"binary": "ROC AUC", "multiclass": "accuracy", "regression": "R2"}[task_type]
        self.threshold = {"binary": LEAK_AUC, "multiclass": LEAK_ACCURACY, "regression": LEAK_R2}[task_type]

    def score(self, encoded: tuple[np.ndarray, bool]) -> float | None:
        """The score if it crosses the leak threshold, else None. A number is screened first with quantile bins
        (a fraction of a tree's cost, and as good with 20 rows a bin); only one that comes near the threshold is
        scored with the tree."""
        x, categorical = encoded
        if self.task_type == "multiclass" and self.dominant >= LEAK_DOMINANT:
            return None
        screen = not categorical and (len(x) >= SCREEN_MIN_ROWS or self.Y.shape[1] > 2)  # many outputs: costly trees
        if screen and self._cv(self._binned, x) < self.threshold - SCREEN_MARGIN:
            return None
        value = self._cv(self._lookup if categorical else self._tree, x)
        return value if value >= self.threshold else None

    def binned_gain(self, x: np.ndarray) -> float:
        """How much better than chance a number's quantile bins alone score, cross-validated (AUC over 0.5,
        accuracy over the majority class, R2 over 0)."""
        chance = {"binary": 0.5, "regression": 0.0}.get(self.task_type)
        return self._cv(self._binned, x) - (self.dominant if chance is None else chance)

    def _cv(self, fitter, x: np.ndarray) -> float:
        pred = np.zeros_like(self.Y)
        for fit, held in self.folds:
            pred[held] = fitter(x[fit], self.Y[fit], x[held])
        if self.task_type == "binary":
            return _auc(self.Y[:, 1], pred[:, 1])
        if self.task_type == "multiclass":
            return float((pred.argmax(1) == self.Y.argmax(1)).mean())
        return _r2(self.Y[:, 0], pred[:, 0])

    @classmethod
    def _binned(cls, x: np.ndarray, Y: np.ndarray, x_new: np.ndarray) -> np.ndarray:
        """A lookup table over 64 equal-frequency bins of the fitting rows (missing values are a bin of their own)."""
        finite = x[np.isfinite(x)]
        edges = np.unique(np.quantile(finite, np.linspace(0, 1, 65)[1:-1])) if finite.size else np.zeros(0)

        def codes(v: np.ndarray) -> np.ndarray:
            return np.where(np.isnan(v), 0, np.searchsorted(edges, v, side="right") + 1)

        return cls._lookup(codes(x), Y, codes(x_new))

    @staticmethod
    def _tree(x: np.ndarray, Y: np.ndarray, x_new: np.ndarray) -> np.ndarray:
        finite = x[np.isfinite(x)]
        low, high = (finite.min(), finite.max()) if finite.size else (0.0, 0.0)
        span = high - low + 1  # missing below the range, infinities just outside it

        def clean(v: np.ndarray) -> np.ndarray:
            return np.nan_to_num(v, nan=low - span, neginf=low - 2 * span, posinf=high + span)[:, None]

        tree = DecisionTreeRegressor(max_depth=6, min_samples_leaf=5, random_state=0).fit(clean(x), Y)
        return tree.predict(clean(x_new)).reshape(len(x_new), -1)

    @staticmethod
    def _lookup(codes: np.ndarray, Y: np.ndarray, codes_new: np.ndarray) -> np.ndarray:
        size = max(codes.max(initial=0), codes_new.max(initial=0)) + 1
        counts = np.bincount(codes, minlength=size).astype(float)[:, None]
        sums = np.stack([np.bincount(codes, weights=Y[:, k], minlength=size) for k in range(Y.shape[1])], axis=1)
        means = np.where(counts > 0, sums / np.maximum(counts, 1), Y.mean(axis=0))
        return means[codes_new]


def _auc(positive: np.ndarray, score: np.ndarray) -> float:
    """ROC AUC from ranks (ties averaged), as sklearn's but without its input checks (they dominate here)."""
    n_pos = positive.sum()
    n_neg = len(positive) - n_pos
    ranks = rankdata(score)
    return float((ranks[positive == 1].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def _r2(y: np.ndarray, pred: np.ndarray) -> float:
    total = ((y - y.mean()) ** 2).sum()
    return float(1 - ((y - pred) ** 2).sum() / total) if total > 0 else 0.0


FORMULAS = (("+", np.add, True), ("-", np.subtract, False), ("*", np.multiply, True), ("/", np.divide, False))


def _formula_leaks(rows: pd.DataFrame, numeric: list[str], target: str) -> list[tuple[tuple[str, str], str, float]]:
    """Pairs of numeric columns whose sum, difference, product or ratio reproduces the target on 99% of rows
    (casual + registered, price * quantity): ((a, b), why, share). Every pair is screened at once on a few
    rows; the survivors are checked on all of them."""
    numeric = numeric[:MAX_FORMULA_COLUMNS]
    if len(numeric) < 2:
        return []
    X = rows[numeric].to_numpy(dtype=float, na_value=np.nan)
    y = rows[target].to_numpy(dtype=float)
    tol = _tolerance(y)
    spread = min(10, len(np.unique(y)))
    screen = np.random.default_rng(0).permutation(len(y))[:SCREEN_ROWS]
    Xs, ys = X[screen], y[screen]
    found, seen = [], set()
    with np.errstate(all="ignore"):
        for symbol, op, symmetric in FORMULAS:
            combined = op(Xs[:, :, None], Xs[:, None, :])  # [row, i, j] = X_i op X_j
            finite = np.isfinite(combined)
            close = (np.abs(combined - ys[:, None, None]) <= tol).sum(axis=0)
            hits = (close >= 0.9 * np.maximum(finite.sum(axis=0), 1)) & (finite.mean(axis=0) >= 0.5)
            np.fill_diagonal(hits, False)
            for i, j in zip(*np.nonzero(np.triu(hits) if symmetric else hits)):
                pair = frozenset((i, j))
                if pair in seen:
                    continue
                full = op(X[:, i], X[:, j])
                present = np.isfinite(full)
                match = np.abs(full - y) <= tol
                share = match.sum() / max(present.sum(), 1)
                if share >= 0.99 and present.mean() >= 0.5 and len(np.unique(y[match])) >= spread:
                    seen.add(pair)
                    a, b = numeric[i], numeric[j]
                    found.append(((a, b), f"{a} {symbol} {b} equals the target on {_percent(share)} of rows",
                                  round(float(share), 4)))
    return found


def _tolerance(y: np.ndarray) -> float:
    """Half the target's last recorded decimal (0.5 for whole numbers, 0.005 for cents), else a relative 1e-6:
    a formula "equals" the target when it rounds to it."""
    finite = y[np.isfinite(y)]
    for decimals in range(7):
        scaled = finite * 10.0**decimals
        if np.all(np.abs(scaled - np.round(scaled)) <= 1e-6 * np.maximum(np.abs(scaled), 1)):
            return 0.5 * 10.0**-decimals
    return 1e-6 * (np.abs(finite).max(initial=0) + 1)
