"""The decision rule: which label to predict from class probabilities.

Predicting the most probable class maximises accuracy, but not balanced accuracy or F1, which reward the rare
classes more. For those metrics a weight per class (label = argmax of weight x probability; for two classes,
a threshold) is fitted on the ensemble's out-of-fold probabilities, and kept only when it also helps on rows
it was not fitted on.
"""

from __future__ import annotations

import time

import numpy as np

from mlpilot.tools.metrics import Metric

TUNED_METRICS = ("balanced_accuracy", "f1", "f1_macro")  # where argmax is not the best rule
GRID = np.exp(np.linspace(-3, 3, 25))  # a class's weight; two classes: thresholds 0.05 .. 0.95
MAX_CLASSES = 30
MAX_SECONDS = 0.75  # the whole fit, at most (30 classes, 50k rows)


def decide(proba: np.ndarray, class_weights=None) -> np.ndarray:
    """Class codes from probabilities ``(n, k)``: the most probable, or the best after weighting."""
    proba = np.asarray(proba, dtype=float)
    return (proba if class_weights is None else proba * np.asarray(class_weights, dtype=float)).argmax(axis=1)


def fit_class_weights(proba: np.ndarray, y: np.ndarray, metric: Metric, seed: int = 0) -> tuple[list[float] | None, float]:
    """Per-class weights that improve ``metric`` over argmax, or None; and their honest gain.

    The gain is cross-fitted: weights fitted on one half of the rows are scored on the other, both ways round;
    only a positive mean gain keeps the weights, which are then fitted on all rows.
    """
    k = proba.shape[1]
    if metric.name not in TUNED_METRICS or k > MAX_CLASSES or len(y) < 40:
        return None, 0.0
    step = MAX_SECONDS / 3  # each half, then all rows
    until = time.monotonic() + step
    halves = np.random.default_rng(seed).permutation(len(y)) % 2 == 0
    gains = []
    for pick in (halves, ~halves):
        weights = _coordinate_ascent(proba[pick], y[pick], metric, until)
        rest = ~pick
        gains.append(metric.score(y[rest], decide(proba[rest], weights)) - metric.score(y[rest], decide(proba[rest])))
        until = time.monotonic() + step
    gain = float(np.mean(gains))
    if not gain > 0:
        return None, gain
    return [float(w) for w in _coordinate_ascent(proba, y, metric, until)], gain


def _coordinate_ascent(proba: np.ndarray, y: np.ndarray, metric: Metric, until: float, passes: int = 2) -> np.ndarray:
    """Weights from 1 (argmax), one class at a time over ``GRID``, class 0 fixed; stops at ``until``."""
    weights = np.ones(proba.shape[1])
    best = metric.score(y, decide(proba, weights))
    for _ in range(passes):
        moved = False
        for c in range(1, proba.shape[1]):
            for value in GRID:
                trial = weights.copy()
                trial[c] = value
                score = metric.score(y, decide(proba, trial))
                if metric.better(score, best):
                    best, weights, moved = score, trial, True
            if time.monotonic() > until:
                return weights
        if not moved:
            break
    return weights
