"""Questions about the data answered from the data by pandas, never by a model: rows, columns, missing values,
statistics, distinct and most common values."""

from __future__ import annotations

import re

import pandas as pd

STATS = {"mean": "mean", "average": "mean", "median": "median", "max": "max", "maximum": "max", "highest": "max",
         "min": "min", "minimum": "min", "lowest": "min", "standard deviation": "std", "std": "std", "sum": "sum",
         "total": "sum"}


def answer(text: str, frame: pd.DataFrame, columns: list[str]) -> str:
    """The answer to ``text`` about ``frame``; ``columns`` are the ones the question names."""
    low = text.lower()
    if re.search(r"\bmissing|\bnulls?\b|\bnans?\b|\bempty\b", low):
        return _missing(frame, columns)
    if re.search(r"\b(what|which|list|show|describe)\b.*\b(columns|fields|features|types)\b", low) and not columns:
        return _columns(frame)
    for word, stat in STATS.items():
        if re.search(rf"\b{word}\b", low) and columns:
            return "; ".join(_stat(frame[c], c, stat) for c in columns)
    if columns and re.search(r"\b(distinct|unique|different|how many \w+s? are there|categories|levels)\b", low):
        return "; ".join(f"{c} has {frame[c].nunique()} distinct values ({_top(frame[c])})" for c in columns)
    if columns:  # "how many customers churned?", "distribution of contract", "most common values of x"
        return "; ".join(_distribution(frame[c], c) for c in columns)
    if re.search(r"\b(describe|summar)", low):
        return _columns(frame)
    return f"{len(frame):,} rows and {frame.shape[1]} columns"


def _missing(frame: pd.DataFrame, columns: list[str]) -> str:
    if columns:
        return "; ".join(f"{frame[c].isna().sum():,} of {len(frame):,} rows have a missing {c}" for c in columns)
    counts = frame.isna().sum()
    counts = counts[counts > 0].sort_values(ascending=False)
    if counts.empty:
        return f"no missing values in the {len(frame):,} rows"
    return (f"{int(frame.isna().any(axis=1).sum()):,} of {len(frame):,} rows have a missing value; by column: "
            + ", ".join(f"{c} {n:,}" for c, n in counts.head(12).items()))


def _columns(frame: pd.DataFrame) -> str:
    return f"{frame.shape[1]} columns, {len(frame):,} rows: " + ", ".join(f"{c} ({t})" for c, t in frame.dtypes.items())


def _stat(series: pd.Series, name: str, stat: str) -> str:
    values = pd.to_numeric(series, errors="coerce")
    if values.notna().sum() == 0:
        return f"{name} is not numeric ({_top(series)})"
    return f"the {stat} of {name} is {getattr(values, stat)():.6g} (over {values.notna().sum():,} rows with a value)"


def _top(series: pd.Series, k: int = 5) -> str:
    counts = series.value_counts(dropna=False).head(k)
    return "most common: " + ", ".join(f"{v} ({n:,})" for v, n in counts.items())


def _distribution(series: pd.Series, name: str) -> str:
    if pd.api.types.is_numeric_dtype(series) and series.nunique() > 10:
        q = series.quantile([0, 0.25, 0.5, 0.75, 1]).round(4).tolist()
        return f"{name}: min {q[0]:g}, quartiles {q[1]:g} / {q[2]:g} / {q[3]:g}, max {q[4]:g}"
    return f"{name}: " + ", ".join(f"{v} {n:,} ({n / len(series):.0%})"
                                   for v, n in series.value_counts(dropna=False).head(8).items())
