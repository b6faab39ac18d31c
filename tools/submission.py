"""Predictions in submission format: id column plus labels, values or class probabilities."""

from __future__ import annotations

import numpy as np
import pandas as pd

from mlpilot.tools.decision import decide
from mlpilot.tools.metrics import get_metric

PREDICT_CHUNK_ROWS = 100_000  # rows transformed and predicted at once: memory stays flat on a million-row file


def make_submission(pred: np.ndarray, test: pd.DataFrame, *, classes: list | None, target: str, task_type: str,
                    metric: str, id_column: str | None, sample: pd.DataFrame | None = None,
                    class_weights: list[float] | None = None) -> pd.DataFrame:
    """The deliverable for ``test`` from the model's ``pred`` on it (values for regression, else class
    probabilities in the order of ``classes``). A ``sample`` (sample submission) sets the form: labels (by the
    decision rule ``class_weights``), one probability column per class, or the positive class's probability in the
    target column. Without one, a label metric gives the labels; a probability metric gives the labels and, beside
    them, each class's probability (``<target>_proba_<class>``): the answer to the question and how sure it is."""
    out = pd.DataFrame(index=test.index)
    if id_column and id_column in test.columns:
        out[id_column] = test[id_column].to_numpy()
    elif sample is not None and len(sample) == len(test):
        out[sample.columns[0]] = sample.iloc[:, 0].to_numpy()
    if task_type == "regression":
        out[target] = pred
        return out.reset_index(drop=True)
    labels = [str(c) for c in classes]
    proba = get_metric(metric).needs_proba
    if sample is None or not proba or _wants_labels(sample, target, classes):
        out[target] = np.asarray(classes, dtype=object)[decide(pred, class_weights)]
        if sample is None and proba:
            for i, label in enumerate(labels):
                out[f"{target}_proba_{label}"] = pred[:, i]
    elif task_type == "binary" and not set(labels) <= {str(c) for c in sample.columns}:
        out[target] = pred[:, 1]
    else:
        for i, label in enumerate(labels):
            out[label] = pred[:, i]
        for column in sample.columns[1:]:
            if column not in out:  # a class left out of training (a single row): never predicted
                out[column] = 0.0
    return out.reset_index(drop=True)


def predict_for_submission(model, frame: pd.DataFrame, chunk_rows: int = PREDICT_CHUNK_ROWS) -> np.ndarray:
    """A delivered model's ``pred`` for ``make_submission``, computed ``chunk_rows`` rows at a time."""
    predict = model.predict if model.task == "regression" else model.predict_proba
    return np.concatenate([predict(frame.iloc[start:start + chunk_rows])
                           for start in range(0, len(frame), chunk_rows)])


def _wants_labels(sample: pd.DataFrame | None, target: str, classes) -> bool:
    """A sample submission whose target column holds class labels asks for labels, not probabilities."""
    if sample is None or target not in sample.columns:
        return False
    values = sample[target].dropna()
    known = {str(c) for c in classes}
    return not pd.api.types.is_float_dtype(values) and {str(v) for v in values.unique()} <= known


def leaderboard(trials, metric_name: str) -> pd.DataFrame:
    """One row per trial, best first; failed trials last with their reason."""
    metric = get_metric(metric_name)
    rows = [{"trial": t.number, "family": t.config.get("family"), metric.name: t.value,
             "fold_std": float(np.std(t.fold_scores)) if t.fold_scores else None, "seconds": round(t.seconds, 2),
             "state": t.state, "source": t.source, "reason": t.reason,
             "params": {k: v for k, v in t.config.items() if k != "family"}} for t in trials]
    board = pd.DataFrame(rows, columns=["trial", "family", metric.name, "fold_std", "seconds", "state", "source",
                                        "reason", "params"])
    board["_done"] = board["state"] != "COMPLETE"
    board = board.sort_values(["_done", metric.name], ascending=[True, not metric.greater_is_better])
    return board.drop(columns="_done").reset_index(drop=True)
