"""Feature importance per raw input column, from the fitted members' own importances."""

from __future__ import annotations

from collections import defaultdict

import numpy as np


def feature_importance(model) -> dict[str, float]:
    """Normalised importance of each raw column (tree gains or absolute linear weights), largest first."""
    totals: dict[str, float] = defaultdict(float)
    for weight, pipe in zip(model.weights_, model.members):
        estimator = pipe[-1]
        estimator = getattr(estimator, "regressor_", estimator)
        if hasattr(estimator, "feature_importances_"):
            values = np.asarray(estimator.feature_importances_, dtype=float)
        elif hasattr(estimator, "coef_"):
            values = np.abs(np.atleast_2d(estimator.coef_)).mean(axis=0)
        else:
            continue
        names = pipe[:-1].get_feature_names_out()
        if values.sum() <= 0 or len(values) != len(names):
            continue
        for name, value in zip(names, values / values.sum()):
            totals[_raw(str(name), model.features)] += weight * value
    total = sum(totals.values()) or 1.0
    return dict(sorted(((k, v / total) for k, v in totals.items()), key=lambda kv: -kv[1]))


def _raw(name: str, columns) -> str:
    """The input column a transformed feature came from (``col__year`` -> ``col``; one-hot ``col_x`` -> ``col``)."""
    base = name.split("__")[0]
    if base in columns:
        return base
    matches = [c for c in columns if name.startswith(str(c) + "_")]
    return max(matches, key=len) if matches else base
