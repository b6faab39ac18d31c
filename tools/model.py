"""The delivered model: a weighted ensemble of fitted pipelines that takes raw frames."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.metrics import accuracy_score, r2_score
from sklearn.utils import ClassifierTags, RegressorTags
from sklearn.utils.metaestimators import available_if

from mlpilot.tools.cells import column_names, tidy_text
from mlpilot.tools.decision import decide


def classifies(model) -> bool:
    """Whether ``model`` (with a ``task``) predicts classes: ``available_if`` for ``predict_proba``."""
    return model.task != "regression"


def task_tags(tags, task: str):
    """scikit-learn tags saying ``task``'s kind of estimator (a classifier for binary and multiclass)."""
    if task == "regression":
        tags.estimator_type, tags.regressor_tags, tags.classifier_tags = "regressor", RegressorTags(), None
    else:
        tags.estimator_type, tags.classifier_tags, tags.regressor_tags = "classifier", ClassifierTags(), None
    return tags


class TabularModel(BaseEstimator):
    """Averages its members' class probabilities (or values) with ``weights``.

    Built already fitted, so it has no ``fit``: refitting goes through mlpilot (``AutoClassifier`` /
    ``AutoRegressor``, or ``mlpilot.solve``). ``members`` are fitted ``Pipeline`` objects; classification
    members were fitted on integer codes 0..k-1 of ``classes``, and ``predict`` maps back to the original
    labels. ``features`` are the raw input columns; ``feature_code`` (generated ``transform(df)`` source, if
    any) is applied to them in a sandbox process before the members see them. ``class_weights`` (if any) is
    the decision rule ``predict`` applies to the probabilities (see ``tools.decision``). A regressor has no
    ``predict_proba``; scikit-learn's tags say which of the two it is.
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

    def __sklearn_is_fitted__(self) -> bool:
        return len(self.members) > 0

    def __sklearn_tags__(self):
        return task_tags(super().__sklearn_tags__(), self.task)

    @property
    def classes_(self) -> np.ndarray | None:
        return None if self.classes is None else np.asarray(self.classes)

    @property
    def weights_(self) -> np.ndarray:
        """``weights`` normalized to sum to one."""
        return np.asarray(self.weights, dtype=float) / np.sum(self.weights)

    @property
    def feature_names_in_(self) -> np.ndarray:
        return np.asarray(self.features, dtype=object)

    def _frame(self, X) -> pd.DataFrame:
        frame = X if isinstance(X, pd.DataFrame) else pd.DataFrame(X, columns=list(self.features))
        names = column_names(frame.columns)
        if names != list(frame.columns):  # named as the training table was (0 is "0", " age" is "age")
            frame = frame.set_axis(names, axis=1)
        missing = [c for c in self.features if c not in frame.columns]
        if missing:
            raise ValueError(f"input lacks training columns: {', '.join(missing[:10])}")
        frame = tidy_text(frame[list(self.features)].copy())  # text read as the training rows' was
        if self.feature_code:
            from mlpilot.sandboxes.feature_code import apply_feature_code

            return apply_feature_code(self.feature_code, frame)
        return frame

    @available_if(classifies)
    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, one column per entry of ``classes_``."""
        frame = self._frame(X)
        return sum(w * m.predict_proba(frame) for w, m in zip(self.weights_, self.members))

    def predict(self, X) -> np.ndarray:
        if self.task == "regression":
            frame = self._frame(X)
            return sum(w * m.predict(frame) for w, m in zip(self.weights_, self.members))
        return self.classes_[decide(self.predict_proba(X), self.class_weights)]

    def score(self, X, y, sample_weight=None) -> float:
        """Accuracy for a classifier, R² for a regressor (scikit-learn's convention)."""
        score = r2_score if self.task == "regression" else accuracy_score
        return float(score(y, self.predict(X), sample_weight=sample_weight))
