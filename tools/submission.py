"""Predictions in submission format: id column plus labels, values or class probabilities."""

from __future__ import annotations

import numpy as np
import pandas as pd

from mlpilot.tools.decision import decide
from mlpilot.tools.metrics import get_metric

PREDICT_CHUNK_ROWS = 100_000  # rows transformed and predicted at once: memory stays flat on a million-row file


def make_submission(pred: np.ndarray, test: pd.DataFrame, *, classes: list | None, target: str, task_type: str,
                    metric: str, id_column: str | None, sample: pd.DataFrame | None = None,
                    class_weights: list[float] | None = None, metric_asked: bool = True) -> pd.DataFrame:
    """The deliverable for ``test`` from the model's ``pred`` on it (values for regression, else class
    probabilities in the order of ``classes``). A ``sample`` (sample submission) sets the form, columns and row
    order: under a probability metric, one probability column per class, or (two classes) the positive class's
    probability in the target column unless it holds labels (text naming classes, or class values when the metric
    is only a default: ``metric_asked`` False); else labels (by the decision rule
    ``class_weights``). Without one, a label metric gives the labels; a probability metric gives the labels and,
    beside them, each class's probability (``<target>_proba_<class>``): the answer and how sure it is."""
    out = pd.DataFrame(index=test.index)
    if id_column and id_column in test.columns:
        out[id_column] = test[id_column].to_numpy()
    elif sample is not None and len(sample) == len(test):
        out[sample.columns[0]] = sample.iloc[:, 0].to_numpy()
    labels = [str(c) for c in classes or []]
    proba = get_metric(metric).needs_proba
    if task_type == "regression":
        out[target] = pred
    elif sample is not None and proba and set(labels) <= {str(c) for c in sample.columns}:
        for i, label in enumerate(labels):
            out[label] = pred[:, i]
        for column in sample.columns[1:]:
            if column not in out:  # a class left out of training (a single row): never predicted
                out[column] = 0.0
    elif sample is not None and proba and task_type == "binary" and not _wants_labels(sample, target, classes,
                                                                                            metric_asked):
        out[target] = pred[:, 1]
    else:
        out[target] = np.asarray(classes, dtype=object)[decide(pred, class_weights)]
        if sample is None and proba:
            for i, label in enumerate(labels):
                out[f"{target}_proba_{label}"] = pred[:, i]
    out = out.reset_index(drop=True)
    return out if sample is None else _in_sample_order(out, sample)


def predict_for_submission(model, frame: pd.DataFrame, chunk_rows: int = PREDICT_CHUNK_ROWS) -> np.ndarray:
    """A delivered model's ``pred`` for ``make_submission``, computed ``chunk_rows`` rows at a time."""
    predict = model.predict if model.task == "regression" else model.predict_proba
    return np.concatenate([predict(frame.iloc[start:start + chunk_rows])
                           for start in range(0, len(frame), chunk_rows)])


def _wants_labels(sample: pd.DataFrame, target: str, classes: list, metric_asked: bool) -> bool:
    """Whether the sample's ``target`` column holds class labels: text that names classes, or numbers that are
    classes when nobody asked for the probability metric. Under a probability metric the user named, numbers
    (Kaggle's ``0`` in every row, or made-up 0s and 1s) are placeholders a probability fills as well, and score far
    better; a metric mlpilot chose by default says nothing, and the sample's form wins."""
    if target not in sample.columns or (metric_asked and pd.api.types.is_numeric_dtype(sample[target])):
        return False
    shown = {_label(v) for v in sample[target].dropna().unique()}
    return bool(shown) and shown <= {_label(c) for c in classes}


def _label(value) -> str:
    """A class value as text, a whole float as its integer (``1.0`` is class ``1``)."""
    return str(int(value)) if isinstance(value, (float, np.floating)) and float(value).is_integer() else str(value)


def _in_sample_order(out: pd.DataFrame, sample: pd.DataFrame) -> pd.DataFrame:
    """``out`` with its rows in the sample's order when both hold the same ids in the sample's first column, and
    its columns in the sample's order when both have the same columns."""
    key = sample.columns[0]
    if key in out.columns:
        ids, wanted = pd.Index(out[key].astype(str)), pd.Index(sample[key].astype(str))
        if ids.is_unique and wanted.is_unique and set(ids) == set(wanted):
            out = out.iloc[ids.get_indexer(wanted)].reset_index(drop=True)
    return out[list(sample.columns)] if set(out.columns) == set(sample.columns) else out


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
