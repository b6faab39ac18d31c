"""scikit-learn estimators that run mlpilot: ``AutoClassifier`` and ``AutoRegressor``.

    from mlpilot import AutoClassifier
    model = AutoClassifier(time_budget=60, metric="roc_auc").fit(X, y)
    model.predict_proba(X_new)

``fit`` runs a budgeted ``mlpilot.solve`` on ``X`` with ``y`` as the target (the expert backend unless
``llm`` says otherwise) and keeps the delivered model; they work in ``Pipeline``, ``cross_val_score`` and
``GridSearchCV`` like any estimator.
"""

from __future__ import annotations

import tempfile

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.utils.validation import check_is_fitted, validate_data


class _AutoEstimator(BaseEstimator):
    """What both estimators share; ``_task`` and ``_metric`` say which kind of target ``fit`` expects."""

    _metric = ""

    def __init__(self, time_budget: float | str = 60, metric: str | None = None, *, request: str | None = None,
                 exclude: list[str] | None = None, sandbox: str = "local", llm: str | None = None,
                 threads: int = 2, out: str | None = None):
        self.time_budget = time_budget
        self.metric = metric
        self.request = request
        self.exclude = exclude
        self.sandbox = sandbox
        self.llm = llm
        self.threads = threads
        self.out = out

    def __sklearn_tags__(self):
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        tags.input_tags.categorical = True
        tags.input_tags.string = True
        tags.non_deterministic = True  # a time budget: how far the search gets depends on the machine
        return tags

    def fit(self, X, y):
        """Search for and fit a model of ``y`` from ``X`` within ``time_budget``; the run's files stay in
        ``run_dir_`` (a temporary folder unless ``out`` is given)."""
        from mlpilot.api import solve

        frame = self._frame(X, reset=True)
        target = _unused_name(getattr(y, "name", None) or "target", frame.columns)
        frame[target] = np.asarray(y).ravel() if not isinstance(y, pd.Series) else y.to_numpy()
        result = solve(self.request or f"predict {target}", data=frame, target=target,
                       metric=self.metric or self._metric, exclude=self.exclude, time_budget=self.time_budget,
                       out=self.out or tempfile.mkdtemp(prefix="mlpilot-"), sandbox=self.sandbox, llm=self.llm,
                       threads=self.threads)
        self.model_, self.result_, self.run_dir_ = result.model, result, result.run_dir
        self.cv_score_ = result.score
        return self

    def _frame(self, X, *, reset: bool) -> pd.DataFrame:
        """``X`` as a frame with string column names, checked against ``fit``'s: an array's columns are ``fit``'s
        names by position (scikit-learn warns that it has none), or ``x0, x1, ...`` when ``fit`` had an array too."""
        if isinstance(X, pd.DataFrame):
            validate_data(self, X, reset=reset, skip_check_array=True)
            return X.rename(columns=str).reset_index(drop=True)
        array = validate_data(self, X, reset=reset, ensure_all_finite="allow-nan", dtype=None)
        names = getattr(self, "feature_names_in_", None) if not reset else None
        columns = [str(c) for c in names] if names is not None else [f"x{i}" for i in range(array.shape[1])]
        return pd.DataFrame(array, columns=columns).infer_objects()

    def predict(self, X) -> np.ndarray:
        check_is_fitted(self)
        return self.model_.predict(self._frame(X, reset=False))


class AutoClassifier(ClassifierMixin, _AutoEstimator):
    """Classes of ``y`` from ``X``; ``metric`` defaults to accuracy (``score``'s measure)."""

    _metric = "accuracy"

    def fit(self, X, y):
        super().fit(X, y)
        self.classes_ = self.model_.classes_
        return self

    def predict_proba(self, X) -> np.ndarray:
        check_is_fitted(self)
        return self.model_.predict_proba(self._frame(X, reset=False))


class AutoRegressor(RegressorMixin, _AutoEstimator):
    """Values of ``y`` from ``X``; ``metric`` defaults to RMSE (what ``score``'s R² ranks by)."""

    _metric = "rmse"


def _unused_name(name: str, columns) -> str:
    taken = {str(c) for c in columns}
    while name in taken:
        name = f"{name}_"
    return name
