"""Profile training data: the task type, each column's role, target statistics and leakage suspects.

Roles follow ``schemas.ColumnRole`` and decide the preprocessing in ``tools.pipeline``. Statistics that are
cheap (missingness, distinct counts, duplicates) use every row; role guesses use a sample of
``sample_rows``; the leakage probe is ``tools.leakage``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
import pandas as pd

from mlpilot.errors import MlpilotError
from mlpilot.schemas import ColumnProfile, ColumnRole, DatasetProfile, TaskType
from mlpilot.tools.cells import as_datetimes, one_spelling
from mlpilot.tools.splits import MIN_CLASS_ROWS
from mlpilot.tools.task_type import TargetValues
from mlpilot.tools.features import FALSY, TRUTHY
from mlpilot.tools.leakage import leak_suspects, ordered_ids
from mlpilot.tools.load import close_matches, find_column

ID_NAME = re.compile(r"(^|[_\s.-])(id|uuid|guid|key)$|^(id|index|rownames|unnamed: ?\d+)$", re.IGNORECASE)
CAMEL_ID = re.compile(r"[a-z](Id|ID)$")
DATE_LIKE = re.compile(r"\d{1,4}[-/.: ]\d{1,2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b.*\d",
                       re.IGNORECASE)
HASH_LIKE = re.compile(r"^[0-9A-Za-z_-]{8,}$")


def profile_dataset(
    df: pd.DataFrame,
    target: str,
    task_type: TaskType,
    *,
    test: pd.DataFrame | None = None,
    id_column: str | None = None,
    exclude: Sequence[str] = (),
    sample_rows: int = 50_000,
) -> DatasetProfile:
    """Everything the planner needs to know about ``df`` (the target excluded from ``columns``).

    ``exclude`` names columns the user said not to use: they become dropped leakage suspects, so no model sees
    them (names are matched like ``load.find_column``; unknown ones are ignored, the caller reports them)."""
    df = df.rename(columns=str)
    if target not in df.columns:
        near = close_matches(target, [str(c) for c in df.columns])
        hint = f"did you mean {' or '.join(map(repr, near))}?" if near else f"columns are {_preview(df.columns)}"
        raise MlpilotError(f"target column {target!r} not found in the data; {hint}")
    y = df[target] = one_spelling(df[target])
    TargetValues.of(y)  # an error for a target with no values or one
    values = y.dropna()
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
        profile.class_counts = {str(k): int(v) for k, v in values.value_counts().items()
                                if v >= MIN_CLASS_ROWS}  # single rows are left out of training
    profile.ordered_ids = ordered_ids(df, profile)
    profile.leakage_suspects = leak_suspects(df, profile, test, exclude)
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
        numbered = monotone and full.max() - full.min() <= 2 * n_present  # 1, 2, 3, ...: not a growing quantity
        if integral and (id_named or (unique_ratio == 1 and n_present >= 20 and numbered)):
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
    return bool(as_datetimes(head).notna().mean() >= 0.9)


def _is_free_text(text: pd.Series) -> bool:
    """Long, multi-word and mostly distinct strings."""
    head = text.head(2000)
    words = head.str.split().str.len()
    return head.str.len().mean() >= 20 and words.mean() >= 3 and head.nunique() >= 0.5 * len(head)


def _preview(names) -> str:
    names = [str(n) for n in names]
    return ", ".join(map(repr, names[:8])) + (f" and {len(names) - 8} more" if len(names) > 8 else "")
