"""The delivered model: a weighted ensemble of fitted pipelines that takes raw frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.utils.validation import check_is_fitted

from mlpilot.tools.decision import decide


class TabularModel(BaseEstimator):
    """Averages its members' class probabilities (or values) with ``weights``.

    ``members`` are fitted ``Pipeline`` objects; classification members were fitted on integer codes
    0..k-1 of ``classes``, and ``predict`` maps back to the original labels. ``features`` are the raw input
    columns; ``feature_code`` (generated ``transform(df)`` source, if any) is applied to them in a sandbox
    process before the members see them. ``class_weights`` (if any) is the decision rule ``predict`` applies
    to the probabilities (see ``tools.decision``).
    """

    def __init__(self, members=(), weights=(), classes=None, task: str = "regression", features=(),
                 feature_code: str | None = None, class_weights=None):
        self.members = members
        self.weights = weights
        self.classes = classes
        self.task = task
        self.features = features
        self.feature_code = feature_code
        self.class_weights = class_weights

    def fit(self, X=None, y=None):
        """Members arrive fitted; fitting only records what ``predict`` needs."""
        self.classes_ = None if self.classes is None else np.asarray(self.classes)
        self.weights_ = np.asarray(self.weights, dtype=float) / np.sum(self.weights)
        return self

    def _frame(self, X) -> pd.DataFrame:
        frame = X if isinstance(X, pd.DataFrame) else pd.DataFrame(X, columns=list(self.features))
        missing = [c for c in self.features if c not in frame.columns]
        if missing:
            raise ValueError(f"input lacks training columns: {', '.join(missing[:10])}")
        if self.feature_code:
            from mlpilot.sandboxes.feature_code import apply_feature_code

            return apply_feature_code(self.feature_code, frame[list(self.features)])
        return frame

    def predict_proba(self, X) -> np.ndarray:
        check_is_fitted(self)
        if self.task == "regression":
            raise AttributeError("a regression model has no predict_proba")
        frame = self._frame(X)
        return sum(w * m.predict_proba(frame) for w, m in zip(self.weights_, self.members))

    def predict(self, X) -> np.ndarray:
        check_is_fitted(self)
        if self.task == "regression":
            frame = self._frame(X)
            return sum(w * m.predict(frame) for w, m in zip(self.weights_, self.members))
        return self.classes_[decide(self.predict_proba(X), self.class_weights)]
