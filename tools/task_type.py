"""The one task-type inference: which kind of task a target's values, the metric named and the request's words make.

The expert reads it from the data summary its role gets (``TargetValues.described``), the understand node and the
verifier from the column itself (``TargetValues.of``); both go through ``infer_task_type``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from mlpilot.errors import MlpilotError
from mlpilot.tools.metrics import Metric

MAX_CLASS_LEVELS = 20  # integer targets with at most this many levels read as classes unless the words say otherwise
MAX_NAMED_CLASSES = 50  # integer levels a request that speaks of classes (or a class metric) can still make classes
CLASSIFY_WORDS = re.compile(r"\b(classify|classification|whether|which|category|class|label|churn|yes or no)\b", re.I)
REGRESS_WORDS = re.compile(r"\b(how much|how many|price|amount|regression|estimate the|value of|number of)\b", re.I)


@dataclass(frozen=True)
class TargetValues:
    """What the inference reads from a target: numbers or labels, whole numbers or not, how many levels."""

    numeric: bool
    integral: bool
    levels: int
    dtype: str
    rarest: int | None = None  # rows of the rarest value, when the column itself is at hand

    @classmethod
    def of(cls, y: pd.Series) -> TargetValues:
        """From the column itself; an error if it has no values or a single one (nothing to predict)."""
        values = y.dropna()
        if values.empty:
            raise MlpilotError(f"target {y.name!r} has no values (all missing); pick a target column that is filled in")
        if values.nunique() < 2:
            raise MlpilotError(f"target {y.name!r} has a single value ({values.iloc[:1].tolist()[0]!r}) in every row, so there is "
                               "nothing to predict; pick another target or add rows with other values")
        numeric = pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values)
        x = values.to_numpy(dtype=float, na_value=np.nan) if numeric else np.array([])
        integral = numeric and bool(np.all(x[np.isfinite(x)] == np.round(x[np.isfinite(x)])))
        return cls(numeric, integral, int(values.nunique()), str(values.dtype), int(values.value_counts().min()))

    @classmethod
    def described(cls, dtype: str, levels: int) -> TargetValues:
        """From a data summary's dtype name and distinct count (whole numbers only when the dtype is integer)."""
        kind = dtype.lower()  # nullable "Int64", "Float64" too
        numeric = any(k in kind for k in ("int", "float")) and "bool" not in kind
        return cls(numeric, numeric and "int" in kind, levels, dtype)


def countable(values: TargetValues) -> bool:
    """Few enough whole-number levels to be classes when a class metric or the words say so."""
    return values.levels == 2 or (values.integral and values.levels <= MAX_NAMED_CLASSES)


def infer_task_type(values: TargetValues, metric: Metric | None = None, request: str = "") -> tuple[str, str]:
    """The task type and why: labels are classes; then the metric named decides; then two values are binary,
    few integer levels classes (unless the words ask for a quantity or a level is seen once), and the words may make
    up to 50 classes."""
    what = f"{values.levels} distinct values ({values.dtype})"
    classes = "binary" if values.levels == 2 else "multiclass"
    if not values.numeric:
        return classes, f"the target holds labels, {what}"
    if metric is not None and metric.tasks == ("regression",):
        return "regression", f"metric {metric.name} scores a quantity and the target is numeric, {what}"
    if metric is not None and "regression" not in metric.tasks:
        return classes, f"metric {metric.name} scores classes, {what}"
    if values.levels == 2:
        return "binary", f"the target has two values ({values.dtype})"
    if values.integral and values.levels <= MAX_CLASS_LEVELS and not REGRESS_WORDS.search(request):
        if values.rarest is not None and values.rarest < 2:  # a level seen once is a count or score, not a class
            return "regression", f"integer levels, some seen only once, {what}"
        return "multiclass", f"few integer levels, {what}"
    if CLASSIFY_WORDS.search(request) and countable(values):
        return "multiclass", f"the request speaks of classes, {what}"
    return "regression", f"a numeric target, {what}"
