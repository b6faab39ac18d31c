"""CatBoost with the scikit-learn estimator API mlpilot's pipelines expect.

CatBoost needs its categorical columns named when it is built; the pipeline only knows them once its
preprocessing has run (pandas ``category`` columns), so this estimator finds them at fit time and hands
CatBoost their integer codes (-1: missing or rare), which it encodes with ordered target statistics.
"""

from __future__ import annotations

import time

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.utils.metaestimators import available_if
from sklearn.utils.validation import check_is_fitted

from mlpilot.tools.model import classifies, task_tags


class CatBoostModel(BaseEstimator):
    """A classifier for binary and multiclass ``task``, a regressor (no ``predict_proba``) for regression."""

    def __init__(self, task: str = "binary", n_estimators: int = 1000, learning_rate: float = 0.05,
                 depth: int = 6, l2_leaf_reg: float = 3.0, random_strength: float = 1.0,
                 bagging_temperature: float = 1.0, l1_loss: bool = False, random_state: int = 0, threads: int = 1):
        self.task = task
        self.n_estimators = n_estimators
        self.learning_rate = learning_rate
        self.depth = depth
        self.l2_leaf_reg = l2_leaf_reg
        self.random_strength = random_strength
        self.bagging_temperature = bagging_temperature
        self.l1_loss = l1_loss
        self.random_state = random_state
        self.threads = threads

    def fit(self, X, y, eval_set=None, early_stopping_rounds: int | None = None, until: float | None = None):
        """Fit; with ``eval_set`` ([(X_val, y_val)]) stop once it has not improved for ``early_stopping_rounds``
        rounds (the best round is kept), and stop adding rounds once ``time.monotonic()`` passes ``until``."""
        from catboost import CatBoostClassifier, CatBoostRegressor

        frame = pd.DataFrame(X)
        self.categorical_ = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
        regression = self.task == "regression"
        if not regression:
            self.classes_ = np.unique(y)
        loss = ("MAE" if self.l1_loss else "RMSE") if regression else (
            "Logloss" if len(self.classes_) <= 2 else "MultiClass")
        cls = CatBoostRegressor if regression else CatBoostClassifier
        self.model_ = cls(
            iterations=self.n_estimators, learning_rate=self.learning_rate, depth=self.depth,
            l2_leaf_reg=self.l2_leaf_reg, random_strength=self.random_strength,
            bagging_temperature=self.bagging_temperature, loss_function=loss, random_seed=self.random_state,
            thread_count=max(1, self.threads), cat_features=self.categorical_, verbose=0, allow_writing_files=False,
        )
        evals = [(self._codes(Xv), yv) for Xv, yv in eval_set] if eval_set else None
        self.model_.fit(self._codes(frame), y, eval_set=evals, early_stopping_rounds=early_stopping_rounds if evals else None,
                        use_best_model=bool(evals), callbacks=[_Deadline(until)] if until else None)
        self.best_iteration_ = self.model_.get_best_iteration() if evals else None
        self.feature_importances_ = np.asarray(self.model_.get_feature_importance(), dtype=float)
        return self

    def _codes(self, X) -> pd.DataFrame:
        frame = pd.DataFrame(X)
        if not self.categorical_:
            return frame
        return frame.assign(**{c: frame[c].cat.codes.astype("int64") if isinstance(frame[c].dtype, pd.CategoricalDtype)
                               else frame[c].fillna(-1).astype("int64") for c in self.categorical_})

    def __sklearn_tags__(self):
        return task_tags(super().__sklearn_tags__(), self.task)

    @available_if(classifies)
    def predict_proba(self, X) -> np.ndarray:
        check_is_fitted(self)
        return self.model_.predict_proba(self._codes(X))

    def predict(self, X) -> np.ndarray:
        check_is_fitted(self)
        if self.task == "regression":
            return np.asarray(self.model_.predict(self._codes(X)), dtype=float)
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


class _Deadline:
    """CatBoost's callback protocol: returning False from ``after_iteration`` stops the fit."""

    def __init__(self, until: float):
        self.until = until

    def after_iteration(self, info) -> bool:
        return time.monotonic() < self.until
