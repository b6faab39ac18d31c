"""Cells and column names as people write them, read one way wherever a table comes in: when a run loads its tables
and when a delivered model meets new rows (in the sandbox too: this module needs only numpy and pandas).

Text is text without its surrounding spaces ("yes " is "yes"), a cell holding only a placeholder ("-", "?", ".",
"n/a") is missing, a target's labels differing only in case are one
label (``one_spelling``), and a column mixing value types (Excel: 12 and "12a") is text. Numbers written as text,
such as ``$1,234.50``, ``12 %``, ``(1,200.00)`` or ``7``, are the numbers they write (a currency sign, thousands
separators in groups of three, a trailing percent sign and spaces are dropped; ``12 %`` is 12, an accountant's
parentheses make a negative), unless written with leading zeros (codes: "00501"). Infinities and magnitudes beyond
float32's range (what the tree learners store) are missing values: no learner can use them, and some refuse the
whole table. Durations are seconds, periods the timestamps they start at, intervals text.
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd

FLOAT32_MAX = float(np.finfo(np.float32).max)
NUMERIC_SHARE = 0.95  # of a text column's distinct values that must read as numbers for it to be numeric
WRITTEN = re.compile(r"[-+]?[$€£¥]?\s*[-+]?(?:\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(?:\.\d+)?(?:[eE][-+]?\d+)?\s*%?")
DECORATION = re.compile(r"[$€£¥,%\s]")
NEGATIVE = re.compile(r"^\(\s*([^()]*\d[^()]*?)\s*\)$")  # an accountant's negative: (1,200.00)
SLASHED_DATE = r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}\b"  # 05/02/2021: day or month first
PLACEHOLDER = re.compile(r"[-–—?.]+|n/a", re.I)  # a cell saying "no value": -, --, ?, ., n/a
SPELLED_LEVELS = 100  # text targets with at most this many labels read labels differing only in case as one
TEXT_KINDS = {"string", "mixed", "mixed-integer"}  # pandas' infer_dtype of a column that is, or must become, text


def column_names(columns) -> list[str]:
    """Column names as mlpilot knows them: text, stripped (a DataFrame's 0, 1, ... are "0", "1", ...)."""
    return [str(c).strip() for c in columns]


def tidy_cells(df: pd.DataFrame) -> pd.DataFrame:
    """Text stripped as ``tidy_text`` does, text columns of numbers as numbers, and numbers no learner can hold as
    missing; in place, returns ``df``."""
    for col in df.columns:
        values = _plain(df[col])
        if values is not df[col]:
            df[col] = values
        if pd.api.types.is_float_dtype(values):
            if (values.abs() > FLOAT32_MAX).any():
                df[col] = as_numbers(values)
        elif _is_text(values):
            text = _stripped(values)
            df[col] = as_numbers(text) if holds_numbers(text) else text
    return df


def tidy_text(df: pd.DataFrame) -> pd.DataFrame:
    """Text and mixed columns as text without surrounding spaces, missing values kept; in place, returns ``df``. A
    delivered model does this to new rows: its categories were learned on text read this way."""
    for col in df.columns:
        if (plain := _plain(df[col])) is not df[col]:
            df[col] = plain
        if _is_text(df[col]):
            df[col] = _stripped(df[col])
    return df


def as_numbers(values: pd.Series) -> pd.Series:
    """``values`` as float64: numbers written as text read as above; anything else, infinities and magnitudes beyond
    float32 are NaN."""
    if not pd.api.types.is_numeric_dtype(values):  # booleans are numbers: 1.0 and 0.0
        text = values.astype("string").str.strip().str.replace(NEGATIVE, r"-\1", regex=True)  # (1,200.00): -1200
        written = text.str.fullmatch(WRITTEN).fillna(False).astype(bool)
        values = pd.to_numeric(text.where(written).str.replace(DECORATION, "", regex=True), errors="coerce")
    numbers = values.astype("float64")
    return numbers.where(numbers.abs() <= FLOAT32_MAX)


def as_datetimes(values: pd.Series, dayfirst: bool | None = None) -> pd.Series:
    """``values`` as naive UTC timestamps: text in any format, zoned or not, with offsets that change along the
    column (a local time across a daylight-saving change); what does not read as a date is NaT. Dates such as
    05/02/2021 read day first when ``dayfirst`` says so, else when the column itself does (``day_first``)."""
    dayfirst = day_first(values) if dayfirst is None else dayfirst
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pd.to_datetime(values, errors="coerce", format="mixed", utc=True, dayfirst=dayfirst).dt.tz_convert(None)


def day_first(values: pd.Series) -> bool:
    """Whether a column's dates are written day first (31/12/2021): some first number is over 12, no second is."""
    if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values):
        return False
    parts = values.dropna().astype(str).str.extract(SLASHED_DATE).dropna().astype(int)
    return bool(len(parts)) and bool((parts[0] > 12).any()) and not bool((parts[1] > 12).any())


def holds_numbers(values: pd.Series) -> bool:
    """Whether a text column is numbers written as text: ``NUMERIC_SHARE`` of its distinct values read as numbers
    (the rest, words such as "unknown", become missing), unless some are written with leading zeros (codes such as
    ids and zip codes "00501" a source kept as text on purpose)."""
    distinct = pd.Series(values.dropna().unique()[:1000], dtype=object)
    coded = distinct.astype(str).str.match(r"[-+]?0\d").any()
    return bool(len(distinct)) and as_numbers(distinct).notna().mean() >= NUMERIC_SHARE and not coded


def one_spelling(labels: pd.Series) -> pd.Series:
    """A target's labels that differ only in case ("Yes", "yes", "YES") as their most frequent spelling (text
    targets of at most ``SPELLED_LEVELS`` labels). Only the target: it is in no test file or new row, where a
    feature's spelling would have to match its training rows'."""
    if not _is_text(labels):
        return labels
    text = _stripped(labels)
    counts = text.value_counts()
    if len(counts) > SPELLED_LEVELS:
        return labels
    folded = counts.index.str.casefold()
    if folded.nunique() == len(counts):
        return text
    first = pd.Series(counts.index, index=folded).groupby(level=0).first()  # counts are sorted: the most frequent
    return text.map(dict(zip(counts.index, first[folded]))).where(text.notna())


def _plain(values: pd.Series) -> pd.Series:
    """Durations as seconds, periods as the timestamps they start at, intervals as text: kinds no learner or model
    file takes."""
    if pd.api.types.is_timedelta64_dtype(values):
        return values.dt.total_seconds()
    if isinstance(values.dtype, pd.PeriodDtype):
        return values.dt.to_timestamp()
    if isinstance(values.dtype, pd.IntervalDtype):
        return values.astype(str).where(values.notna())
    return values


def _stripped(values: pd.Series) -> pd.Series:
    text = values.astype(str).str.strip()
    return text.where(values.notna() & ~text.str.fullmatch(PLACEHOLDER))


def _is_text(values: pd.Series) -> bool:
    return (values.dtype == object or isinstance(values.dtype, pd.StringDtype)) and \
        pd.api.types.infer_dtype(values, skipna=True) in TEXT_KINDS
