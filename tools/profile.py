"""Profile training data: the task type, each column's role, target statistics and leakage suspects.

Roles follow ``schemas.ColumnRole`` and decide the preprocessing in ``tools.pipeline``. Statistics that are
cheap (missingness, distinct counts, duplicates) use every row; role guesses use a sample of
``sample_rows`` and the leakage probe a sample of ``LEAK_ROWS``, so profiling stays fast on big tables.
"""

from __future__ import annotations

import itertools
import re
import warnings
import numpy as np
import pandas as pd
from sklearn.metrics import r2_score, roc_auc_score
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.tree import DecisionTreeRegressor

from mlpilot.errors import MlpilotError
from mlpilot.schemas import ColumnProfile, ColumnRole, DatasetProfile, LeakSuspect, TaskType
from mlpilot.tools.features import FALSY, TRUTHY
from mlpilot.tools.load import close_matches, find_column

MAX_CLASS_LEVELS = 20  # an integer target with at most this many levels is a class label
LEAK_ROWS = 5000
LEAK_AUC, LEAK_ACCURACY, LEAK_DOMINANT, LEAK_R2 = 0.99, 0.99, 0.9, 0.98
MAX_SUM_COLUMNS = 30
ID_NAME = re.compile(r"(^|[_\s.-])(id|uuid|guid|key)$|^(id|index|rownames|unnamed: ?\d+)$", re.IGNORECASE)
CAMEL_ID = re.compile(r"[a-z](Id|ID)$")
DATE_LIKE = re.compile(r"\d{1,4}[-/.: ]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*\d",
                       re.IGNORECASE)
HASH_LIKE = re.compile(r"^[0-9A-Za-z_-]{8,}$")


def infer_task_type(y: pd.Series) -> TaskType:
    """binary for two classes; multiclass for labels (text, bool, category, few integer levels); else regression."""
    values = _check_target(y)
    n = values.nunique()
    if n == 2:
        return "binary"
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        return "multiclass"
    return "multiclass" if _integral(values) and n <= MAX_CLASS_LEVELS else "regression"


def profile_dataset(
    df: pd.DataFrame,
    target: str,
    task_type: TaskType,
    *,
    test: pd.DataFrame | None = None,
    id_column: str | None = None,
    sample_rows: int = 50_000,
) -> DatasetProfile:
    """Everything the planner needs to know about ``df`` (the target excluded from ``columns``)."""
    df = df.rename(columns=str)
    if target not in df.columns:
        near = close_matches(target, [str(c) for c in df.columns])
        hint = f"did you mean {' or '.join(map(repr, near))}?" if near else f"columns are {_preview(df.columns)}"
        raise MlpilotError(f"target column {target!r} not found in the data; {hint}")
    y = df[target]
    values = _check_target(y)
    numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
    if task_type == "regression" and not numeric:
        raise MlpilotError(
            f"target {target!r} is not numeric (e.g. {values.iloc[0]!r}), so it cannot be a regression target; "
            "ask for classification or convert the column to numbers"
        )
    if task_type == "binary" and values.nunique() != 2:
        raise MlpilotError(
            f"target {target!r} has {values.nunique()} classes, not the 2 of a binary task; ask for multiclass "
            "or map the classes to two"
        )
    sample = df.sample(sample_rows, random_state=0) if len(df) > sample_rows else df
    columns = [_column_profile(df[c], sample[c], str(c), id_column) for c in df.columns if c != target]
    profile = DatasetProfile(
        n_rows=len(df),
        n_cols=df.shape[1],
        target=target,
        task_type=task_type,
        columns=columns,
        duplicate_rows=int(pd.util.hash_pandas_object(df, index=False).duplicated().sum()),
        missing_frac=float(df.isna().to_numpy().mean()),
        memory_mb=float(df.memory_usage(deep=True).sum() / 1e6),
        test_rows=None if test is None else len(test),
    )
    if task_type == "regression":
        profile.target_skew = float(values.skew()) if len(values) > 2 else 0.0
        profile.target_min = float(values.min())
    else:
        profile.class_counts = {str(k): int(v) for k, v in values.value_counts().items() if v > 0}
    profile.leakage_suspects = _leak_suspects(df, profile, test)
    return profile


def check_test_columns(train: pd.DataFrame, test: pd.DataFrame, target: str, id_column: str | None) -> None:
    """Refuse a test file that does not match the training data: one sharing under half of its feature columns,
    or one whose missing columns are there under another spelling. A few missing columns are legitimate
    (outcome columns absent at prediction time): ``profile_dataset`` flags them as leakage suspects."""
    features = [str(c) for c in train.columns if c not in (target, id_column)]
    tested = {str(c) for c in test.columns}
    missing = [c for c in features if c not in tested]
    if not missing:
        return
    renamed = {c: t for c in missing if (t := find_column(c, sorted(tested)))}
    if renamed:
        pairs = ", ".join(f"{t!r} -> {c!r}" for c, t in renamed.items())
        raise MlpilotError(f"the test file names columns differently from the training data; rename {pairs}")
    if len(missing) * 2 > len(features):
        raise MlpilotError(
            f"the test file lacks {len(missing)} of the {len(features)} training feature columns "
            f"({_preview(missing)}); give the test file that matches this training data"
        )


def _check_target(y: pd.Series) -> pd.Series:
    """The target's non-missing values; an error if there are none or only one distinct value."""
    values = y.dropna()
    if values.empty:
        raise MlpilotError(f"target {y.name!r} has no values (all missing); pick a target column that is filled in")
    if values.nunique() < 2:
        raise MlpilotError(
            f"target {y.name!r} has a single value ({values.iloc[0]!r}) in every row, so there is nothing to "
            "predict; pick another target or add rows with other values"
        )
    return values


def _column_profile(full: pd.Series, sample: pd.Series, name: str, id_column: str | None) -> ColumnProfile:
    present = full.dropna()
    n_unique = int(present.nunique())
    examples = [str(v)[:60] for v in present.head(1000).drop_duplicates().head(3)]
    return ColumnProfile(
        name=name,
        dtype=str(full.dtype),
        role=_role(full, sample.dropna(), name, n_unique, id_column),
        n_unique=n_unique,
        missing_frac=float(1 - len(present) / len(full)),
        examples=examples,
    )


def _role(full: pd.Series, sample: pd.Series, name: str, n_unique: int, id_column: str | None) -> ColumnRole:
    n_present = int(full.notna().sum())
    unique_ratio = n_unique / max(n_present, 1)
    id_named = bool(ID_NAME.search(name) or CAMEL_ID.search(name)) and unique_ratio >= 0.95
    if name == id_column:
        return "id"
    if n_unique <= 1:
        return "constant"
    if pd.api.types.is_datetime64_any_dtype(full):
        return "datetime"
    if pd.api.types.is_bool_dtype(full) or (n_unique == 2 and _is_boolean(full)):
        return "boolean"
    if pd.api.types.is_numeric_dtype(full):
        integral = pd.api.types.is_integer_dtype(full) or _integral(sample)
        monotone = full.is_monotonic_increasing or full.is_monotonic_decreasing
        if integral and (id_named or (unique_ratio == 1 and n_present >= 20 and monotone)):
            return "id"
        return "numeric"
    text = sample.astype(str)
    if id_named:
        return "id"
    if _parses_as_dates(text):
        return "datetime"
    if unique_ratio >= 0.95 and text.head(2000).str.fullmatch(HASH_LIKE).mean() >= 0.99:
        return "id"
    if _is_free_text(text):
        return "text"
    if unique_ratio >= 0.99 and n_present >= 20:
        return "id"
    if n_unique <= max(50, min(250, 0.05 * n_present)):
        return "categorical"
    return "high_card_categorical"


def _integral(values: pd.Series) -> bool:
    """All finite values are whole numbers."""
    x = values.to_numpy(dtype=float, na_value=np.nan)
    x = x[np.isfinite(x)]
    return bool(np.all(x == np.round(x)))


def _is_boolean(full: pd.Series) -> bool:
    """Two values that ``features.BooleanMap`` maps to 1/0: yes/no, true/false, y/n, t/f, 1/0 (any case)."""
    levels = set(full.dropna().astype("string").str.strip().str.lower().unique())
    return len(levels & TRUTHY) == 1 and len(levels & FALSY) == 1


def _parses_as_dates(text: pd.Series) -> bool:
    """At least 90% of a sample looks like and parses as dates (numbers alone are not dates)."""
    head = text.head(200)
    if head.str.contains(DATE_LIKE).mean() < 0.9 or pd.to_numeric(head, errors="coerce").notna().mean() > 0.5:
        return False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return bool(pd.to_datetime(head, errors="coerce", format="mixed").notna().mean() >= 0.9)


def _is_free_text(text: pd.Series) -> bool:
    """Long, multi-word and mostly distinct strings."""
    head = text.head(2000)
    words = head.str.split().str.len()
    return head.str.len().mean() >= 20 and words.mean() >= 3 and head.nunique() >= 0.5 * len(head)


def _leak_suspects(df: pd.DataFrame, profile: DatasetProfile, test: pd.DataFrame | None) -> list[LeakSuspect]:
    """Features that alone predict the target almost perfectly, pairs that add up to it, features the test lacks."""
    suspects: dict[str, LeakSuspect] = {}
    features = [c for c in profile.columns if c.role not in ("id", "constant")]
    candidates = [c for c in features if c.role != "text"]
    rows = df[df[profile.target].notna()]
    rows = rows.sample(LEAK_ROWS, random_state=0) if len(rows) > LEAK_ROWS else rows
    scorer = _Scorer(rows[profile.target], profile.task_type)
    for col in candidates:
        score = scorer.score(_encode(rows[col.name], col.role))
        if score is not None:
            suspects[col.name] = LeakSuspect(
                column=col.name, reason=f"alone predicts the target ({scorer.metric} {score:.3f} cross-validated)",
                score=round(score, 4),
            )
    if profile.task_type == "regression":
        numeric = [c.name for c in candidates if c.role == "numeric" and c.name not in suspects]
        for suspect in _sum_leaks(rows, numeric, profile.target):
            suspects.setdefault(suspect.column, suspect)
    if test is not None:
        for col in features:
            if col.name not in test.columns:
                suspects.setdefault(col.name, LeakSuspect(column=col.name, reason="not in the test file"))
    return list(suspects.values())


def _encode(values: pd.Series, role: ColumnRole) -> tuple[np.ndarray, bool]:
    """(one numeric column, is_categorical): numbers and dates as floats, categories as integer codes."""
    if role == "datetime":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stamps = pd.to_datetime(values, errors="coerce", format="mixed", utc=True)
        return (stamps - pd.Timestamp("1970-01-01", tz="UTC")).dt.total_seconds().to_numpy(dtype=float), False
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

    def score(self, encoded: tuple[np.ndarray, bool]) -> float | None:
        """The score if it crosses the leak threshold, else None."""
        x, categorical = encoded
        if self.task_type == "multiclass" and self.dominant >= LEAK_DOMINANT:
            return None
        pred = np.zeros_like(self.Y)
        for fit, held in self.folds:
            pred[held] = (self._lookup if categorical else self._tree)(x[fit], self.Y[fit], x[held])
        if self.task_type == "binary":
            value, threshold = roc_auc_score(self.Y[:, 1], pred[:, 1]), LEAK_AUC
        elif self.task_type == "multiclass":
            value, threshold = float((pred.argmax(1) == self.Y.argmax(1)).mean()), LEAK_ACCURACY
        else:
            value, threshold = r2_score(self.Y[:, 0], pred[:, 0]), LEAK_R2
        return float(value) if value >= threshold else None

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


def _sum_leaks(rows: pd.DataFrame, numeric: list[str], target: str) -> list[LeakSuspect]:
    """Pairs of numeric features whose sum or difference equals the target on 99% of rows (casual + registered)."""
    if not 2 <= len(numeric) <= MAX_SUM_COLUMNS:
        return []
    X = rows[numeric].to_numpy(dtype=float, na_value=np.nan)
    y = rows[target].to_numpy(dtype=float)
    tol = 1e-6 * (np.abs(y).max() + 1)
    spread = min(10, len(np.unique(y)))
    found = []
    for i, j in itertools.combinations(range(len(numeric)), 2):
        a, b = numeric[i], numeric[j]
        for formula, combined in ((f"{a} + {b}", X[:, i] + X[:, j]), (f"{a} - {b}", X[:, i] - X[:, j]),
                                  (f"{b} - {a}", X[:, j] - X[:, i])):
            match = np.abs(combined - y) <= tol
            share = match.sum() / max(np.isfinite(combined).sum(), 1)
            if share >= 0.99 and np.isfinite(combined).mean() >= 0.5 and len(np.unique(y[match])) >= spread:
                reason = f"{formula} equals the target on {share:.0%} of rows"
                found += [LeakSuspect(column=c, reason=reason, score=round(float(share), 4)) for c in (a, b)]
                break
    return found


def _preview(names) -> str:
    names = [str(n) for n in names]
    return ", ".join(map(repr, names[:8])) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
