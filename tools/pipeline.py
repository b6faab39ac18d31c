"""One factory for every model mlpilot fits: raw frame in, prediction out, all preprocessing inside."""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.compose import ColumnTransformer, TransformedTargetRegressor
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from sklearn.utils.validation import check_is_fitted

from mlpilot.schemas import ColumnProfile, DatasetProfile
from mlpilot.tools.features import (
    BooleanMap,
    CategoryCodes,
    DateParts,
    InformativeColumns,
    TargetMeans,
    TextEmbedding,
    ToNumeric,
)
from mlpilot.tools.space import FAMILIES

MIN_LEVEL_ROWS = 5  # target means need levels that repeat: rows per level below this give noise, not rates
STRICT_NAMES = ("lightgbm", "xgboost")  # families whose learners refuse some column names: see ``LearnerNames``


def build_preprocessor(profile: DatasetProfile, encoding: str, *, levels: bool = False,
                       max_levels: int | None = None) -> ColumnTransformer:
    """Column-role preprocessing. ``encoding``: "native", "codes" or "dense" (see ``FamilySpec``). Repeated
    high-cardinality levels (``repeated_levels``) become target means, or with ``levels`` (always under a multiclass
    target, whose per-class rates of rare classes overfit) levels of their own: native categories of at most
    ``max_levels`` levels, codes, or one-hot columns. Which is better depends on the data (a restaurant's score is
    an interaction of its name with the rest, a film's rating mostly its mean), so the search decides."""
    numeric = profile.by_role("numeric")
    low = profile.by_role("categorical")
    high = profile.by_role("high_card_categorical")
    repeated = repeated_levels(profile)
    as_levels, target_means = (repeated, []) if levels or profile.task_type == "multiclass" else ([], repeated)
    parts = []
    if encoding == "dense":
        scale = lambda *steps: make_pipeline(*steps, SimpleImputer(strategy="median", keep_empty_features=True),
                                             StandardScaler())  # noqa: E731
        if numeric:
            parts.append(("num", scale(ToNumeric()), numeric))
        if low or high:
            parts.append(("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=5,
                                               max_categories=30, sparse_output=False), low + high))
        if high:
            parts.append(("freq", scale(CategoryCodes(as_category=False)), high))
        if target_means:
            parts.append(("target", scale(TargetMeans(profile.task_type)), target_means))
        if profile.by_role("boolean"):
            parts.append(("bool", scale(BooleanMap()), profile.by_role("boolean")))
        if profile.by_role("datetime"):
            parts.append(("date", scale(DateParts()), profile.by_role("datetime")))
        texts = [(f"text_{i}", scale(TextEmbedding()), [c]) for i, c in enumerate(profile.by_role("text"))]
    else:
        if numeric:
            parts.append(("num", ToNumeric(), numeric))
        if low or as_levels:
            parts.append(("cat", CategoryCodes(as_category=encoding == "native", max_levels=max_levels),
                          low + as_levels))
        if codes := [c for c in high if c not in as_levels]:
            parts.append(("high", CategoryCodes(as_category=False), codes))
        if target_means:
            parts.append(("target", TargetMeans(profile.task_type), target_means))
        if profile.by_role("boolean"):
            parts.append(("bool", BooleanMap(), profile.by_role("boolean")))
        if profile.by_role("datetime"):
            parts.append(("date", DateParts(), profile.by_role("datetime")))
        texts = [(f"text_{i}", TextEmbedding(), [c]) for i, c in enumerate(profile.by_role("text"))]
    parts += texts
    return ColumnTransformer(parts, remainder="drop", verbose_feature_names_out=False).set_output(transform="pandas")


class LearnerNames(TransformerMixin, BaseEstimator, auto_wrap_output_keys=None):
    """Names the columns ``f0``, ``f1``, ... for a learner that may refuse the user's (LightGBM and XGBoost refuse
    ``[ ] < , : " { }``). ``get_feature_names_out`` gives the names it was fitted on, so importances name the
    user's columns; no output wrapping (``set_output``) puts those back on the frame the learner gets."""

    def fit(self, X, y=None):
        self.columns_ = list(X.columns)
        return self

    def transform(self, X):
        check_is_fitted(self)
        return X.set_axis([f"f{i}" for i in range(X.shape[1])], axis=1)

    def get_feature_names_out(self, input_features=None):
        return np.asarray(self.columns_, dtype=object)


def repeated_levels(profile: DatasetProfile) -> list[str]:
    """The high-cardinality columns whose levels repeat enough to learn from (``MIN_LEVEL_ROWS``)."""
    return [c.name for c in profile.features()
            if c.role == "high_card_categorical" and rows_per_level(c, profile.n_rows) >= MIN_LEVEL_ROWS]


def levels_choice(profile: DatasetProfile) -> bool:
    """Whether a search chooses how repeated levels are encoded (``build_preprocessor``'s ``levels``)."""
    return bool(repeated_levels(profile)) and profile.task_type != "multiclass"


def rows_per_level(column: ColumnProfile, n_rows: int) -> float:
    """How often a level of ``column`` repeats on average. Mostly-unique levels (names, case ids) have no rate
    to learn: cross-fitted, nearly every training row gets the overall mean while new rows get a shrunk
    single-row mean, so a model learns the encoding on one distribution and meets another."""
    return n_rows * (1 - column.missing_frac) / max(column.n_unique, 1)


def build_pipeline(config: dict, profile: DatasetProfile, *, seed: int = 0, threads: int = 1) -> Pipeline:
    """The full pipeline for ``config``; regression with ``log_target`` fits on log1p(y); columns listed in
    ``without`` are left out; with ``ids_as_numbers`` integer ids are numeric features; ``levels_as_categories``:
    see ``build_preprocessor``."""
    family = FAMILIES[config["family"]]
    profile = profile.without(config.get("without", []))
    if config.get("ids_as_numbers"):
        profile = profile.with_ids_as_numbers()
    model = family.make(config, profile.task_type, seed, threads)
    if config.get("log_target"):
        model = TransformedTargetRegressor(regressor=model, func=np.log1p, inverse_func=np.expm1,
                                           check_inverse=False)
    names = [("names", LearnerNames())] if family.name in STRICT_NAMES else []
    prep = build_preprocessor(profile, family.encoding, levels=bool(config.get("levels_as_categories")),
                              max_levels=family.max_levels)
    return Pipeline([("prep", prep), ("informative", InformativeColumns()),
                     *names, ("model", model)])
