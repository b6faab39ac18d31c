"""Column transformers for raw frames: dates, booleans, free text, categories. All sklearn-compatible."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import KFold, StratifiedKFold
from sklearn.preprocessing import TargetEncoder
from sklearn.utils.validation import check_is_fitted

from mlpilot.tools.cells import as_datetimes, as_numbers, day_first

TRUTHY = {"1", "true", "t", "yes", "y"}  # what makes a column boolean (a float column stays numeric)
FALSY = {"0", "false", "f", "no", "n"}
READ_TRUE, READ_FALSE = TRUTHY | {"1.0"}, FALSY | {"0.0"}  # new rows read as floats (a value missing there)


def _frame(X) -> pd.DataFrame:
    return X if isinstance(X, pd.DataFrame) else pd.DataFrame(X)


def _level_codes(values: pd.Series, levels: np.ndarray) -> np.ndarray:
    """Each value's position in ``levels``, compared as strings (-1: missing or not a level)."""
    return pd.Categorical(values.astype("string"), categories=levels).codes


class DateParts(TransformerMixin, BaseEstimator):
    """Expands each datetime column into year, month, day, weekday, day of year, hour and epoch days."""

    PARTS = ("year", "month", "day", "weekday", "dayofyear", "hour", "days")

    def fit(self, X, y=None):
        self.columns_ = list(_frame(X).columns)
        self.day_first_ = [day_first(_frame(X)[col]) for col in self.columns_]  # new rows read the same way
        return self

    def transform(self, X):
        check_is_fitted(self)
        out = {}
        for col, dayfirst in zip(self.columns_, self.day_first_):
            t = as_datetimes(_frame(X)[col], dayfirst)
            parts = (t.dt.year, t.dt.month, t.dt.day, t.dt.day_of_week, t.dt.day_of_year, t.dt.hour,
                     (t - pd.Timestamp("1970-01-01")).dt.total_seconds() / 86400)
            for name, values in zip(self.PARTS, parts):
                out[f"{col}__{name}"] = values.astype("float64").to_numpy()
        return pd.DataFrame(out, index=_frame(X).index)

    def get_feature_names_out(self, input_features=None):
        return np.array([f"{c}__{p}" for c in self.columns_ for p in self.PARTS], dtype=object)


class _Columnwise(TransformerMixin, BaseEstimator):
    """A transformer that maps each input column to one output column of the same name."""

    def fit(self, X, y=None):
        self.columns_ = list(_frame(X).columns)
        return self

    def get_feature_names_out(self, input_features=None):
        return np.array(self.columns_, dtype=object)


class InformativeColumns(TransformerMixin, BaseEstimator):
    """Keeps the columns that vary on the rows it is fitted on. A column constant or empty there (a category
    code with no repeated level in a small fold, a date part that never changes) has nothing to teach, and some
    learners fail on it (HistGradientBoosting on a column with no value at all)."""

    def fit(self, X, y=None):
        frame = _frame(X)
        numbers = frame.select_dtypes("number")
        varying = set(numbers.columns[(numbers.max() > numbers.min()).to_numpy()])  # all-NaN compares False
        varying |= {c for c in frame.columns if c not in numbers.columns and frame[c].nunique() > 1}
        self.columns_ = [c for c in frame.columns if c in varying] or list(frame.columns[:1])  # a model needs one
        return self

    def transform(self, X):
        check_is_fitted(self)
        return _frame(X)[self.columns_]

    def get_feature_names_out(self, input_features=None):
        return np.array(self.columns_, dtype=object)


class ToNumeric(_Columnwise):
    """Numeric columns as float64, read as ``tools.cells`` reads them ("$1,234" is 1234 in a new file's numeric
    column too); anything else that is not a number is NaN."""

    def transform(self, X):
        check_is_fitted(self)
        frame = _frame(X)
        return pd.DataFrame({c: as_numbers(frame[c]) for c in self.columns_}, index=frame.index)


class BooleanMap(_Columnwise):
    """Maps yes/no, true/false, 1/0 (any case) to 1.0/0.0; anything else to NaN."""

    def transform(self, X):
        check_is_fitted(self)
        frame = _frame(X)
        out = {}
        for col in self.columns_:
            s = frame[col].astype("string").str.strip().str.lower()
            out[col] = np.where(s.isin(READ_TRUE), 1.0, np.where(s.isin(READ_FALSE), 0.0, np.nan))
        return pd.DataFrame(out, index=frame.index)


class TextEmbedding(TransformerMixin, BaseEstimator):
    """TF-IDF of one free-text column reduced by truncated SVD, plus its length and word count."""

    def __init__(self, max_features: int = 5000, n_components: int = 16):
        self.max_features = max_features
        self.n_components = n_components

    def _texts(self, X) -> pd.Series:
        frame = _frame(X)
        return frame.iloc[:, 0].fillna("").astype(str)

    def fit(self, X, y=None):
        texts = self._texts(X)
        self.column_ = str(_frame(X).columns[0])
        self.tfidf_ = TfidfVectorizer(max_features=self.max_features, sublinear_tf=True, min_df=2)
        tf = self.tfidf_.fit_transform(texts)
        k = max(1, min(self.n_components, tf.shape[1] - 1, tf.shape[0] - 1))
        self.svd_ = TruncatedSVD(n_components=k, random_state=0).fit(tf)
        return self

    def transform(self, X):
        check_is_fitted(self)
        texts = self._texts(X)
        dense = self.svd_.transform(self.tfidf_.transform(texts))
        stats = np.column_stack([texts.str.len(), texts.str.split().str.len()]).astype(float)
        return pd.DataFrame(np.hstack([dense, stats]), columns=self.get_feature_names_out(), index=_frame(X).index)

    def get_feature_names_out(self, input_features=None):
        k = self.svd_.n_components
        return np.array([f"{self.column_}__svd{i}" for i in range(k)] + [f"{self.column_}__len", f"{self.column_}__words"],
                        dtype=object)


class CategoryCodes(TransformerMixin, BaseEstimator):
    """Encodes string categories as integer codes (unseen, missing and rare -> NaN).

    Only the ``max_levels`` (None: all) most frequent levels seen at least ``min_count`` times get a code: a code
    for a level of one or two rows lets a tree memorise those rows (a car's model name, a case id).

    ``as_category=True`` returns pandas ``category`` columns, which LightGBM, XGBoost and
    HistGradientBoosting treat as native categoricals; otherwise float codes plus a frequency column.
    """

    def __init__(self, as_category: bool = True, max_levels: int | None = 250, min_count: int = 5):
        self.as_category = as_category
        self.max_levels = max_levels
        self.min_count = min_count

    def fit(self, X, y=None):
        frame = _frame(X)
        self.columns_ = list(frame.columns)
        self.levels_ = {}
        self.freq_ = {}  # (levels, shares): numpy arrays, which skops saves as binary (a dict is a node per key)
        for col in self.columns_:
            counts = frame[col].astype("string").value_counts()
            labels = np.array([str(v) for v in counts.index], dtype=str)
            self.levels_[col] = labels[: min(self.max_levels or len(labels), int((counts >= self.min_count).sum()))]
            self.freq_[col] = (labels, counts.to_numpy(dtype=float) / len(frame))
        return self

    def transform(self, X):
        check_is_fitted(self)
        frame = _frame(X)
        out = {}
        for col in self.columns_:
            s = frame[col].astype("string")
            codes = _level_codes(s, self.levels_[col]).astype(float)
            codes[codes < 0] = np.nan
            if self.as_category:
                out[col] = pd.Categorical.from_codes(np.nan_to_num(codes, nan=-1).astype(int),
                                                     categories=range(len(self.levels_[col])))
            else:
                out[col] = codes
                labels, shares = self.freq_[col]
                out[f"{col}__freq"] = s.map(pd.Series(shares, index=labels)).astype(float).fillna(0.0).to_numpy()
        return pd.DataFrame(out, index=frame.index)

    def get_feature_names_out(self, input_features=None):
        if self.as_category:
            return np.array(self.columns_, dtype=object)
        return np.array([n for c in self.columns_ for n in (c, f"{c}__freq")], dtype=object)


class TargetMeans(TransformerMixin, BaseEstimator):
    """High-cardinality categories as the target's smoothed mean per level (scikit-learn's ``TargetEncoder``),
    for regression and binary targets (one column each).

    Fitting is cross-fitted: each training row is encoded from the other folds, so a model cannot learn a row's
    own label through it; new rows use the encoding fitted on all rows (an unseen level gets the overall
    mean). Levels become integer codes first (hashing strings, not sorting them), and are kept as numpy
    string arrays, which skops saves as binary.
    """

    def __init__(self, task_type: str = "regression", random_state: int = 0):
        self.task_type = task_type
        self.random_state = random_state

    def _codes(self, X) -> np.ndarray:
        frame = _frame(X)
        out = np.empty((len(frame), len(self.columns_)), dtype=np.int64)
        for j, col in enumerate(self.columns_):
            out[:, j] = _level_codes(frame[col], self.levels_[col])  # unseen: -1
            out[frame[col].isna().to_numpy(), j] = len(self.levels_[col])  # missing: a level of its own
        return out

    def fit(self, X, y):
        self.fit_transform(X, y)
        return self

    def fit_transform(self, X, y=None, **params):
        frame = _frame(X)
        self.columns_ = list(frame.columns)
        self.levels_ = {col: np.array(frame[col].astype("string").dropna().unique(), dtype=str) for col in self.columns_}
        regression = self.task_type == "regression"
        folds = (KFold if regression else StratifiedKFold)(5, shuffle=True, random_state=self.random_state)
        self.encoder_ = TargetEncoder(target_type="continuous" if regression else "binary", cv=folds)
        return self._out(self.encoder_.fit_transform(self._codes(frame), y), frame.index)

    def transform(self, X):
        check_is_fitted(self)
        return self._out(self.encoder_.transform(self._codes(X)), _frame(X).index)

    def _out(self, values: np.ndarray, index) -> pd.DataFrame:
        return pd.DataFrame(values, columns=self.get_feature_names_out(), index=index)

    def get_feature_names_out(self, input_features=None):
        return np.array([f"{c}__target" for c in self.columns_], dtype=object)
