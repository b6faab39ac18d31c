"""The metric registry: every score mlpilot reports is computed here, by our code.

Predictions follow one convention: regression -> values (n,); classification -> class probabilities
(n, k) over the sorted classes, or labels when the caller has only labels and the metric needs none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import import_module

import numpy as np

from mlpilot.errors import MlpilotError


@dataclass(frozen=True)
class Metric:
    name: str
    greater_is_better: bool
    needs_proba: bool
    tasks: tuple[str, ...]
    fn: Callable[[np.ndarray, np.ndarray], float]
    aliases: tuple[str, ...] = ()

    def score(self, y_true, y_pred) -> float:
        """Score predictions; class probabilities are reduced to labels when the metric wants labels."""
        y_true = np.asarray(y_true)
        y_pred = np.asarray(y_pred)
        if "regression" not in self.tasks and not self.needs_proba and y_pred.ndim == 2:
            y_pred = y_pred.argmax(axis=1)
        return float(self.fn(y_true, y_pred))

    @property
    def scores_values(self) -> bool:
        """It scores the predicted values themselves (regression, log loss), not their ranks (ROC AUC) or the
        labels they pick, so shrinking predictions toward a constant can genuinely improve it."""
        return "regression" in self.tasks or self.name == "log_loss"

    @property
    def chooses_by(self) -> Metric:
        """The metric the choice among trials is made on. A label metric (accuracy, F1) chooses by the log loss
        of the same probabilities: counting right labels moves in steps of one row, so on small data it picks
        the luckiest trial; a proper score ranks the probabilities the labels are then decided from."""
        return self if self.needs_proba or "regression" in self.tasks else METRICS["log_loss"]

    def better(self, a: float, b: float) -> bool:
        """True when score ``a`` is strictly better than ``b``."""
        return a > b if self.greater_is_better else a < b

    def best_first(self, trials) -> list:
        """The finished trials (``TrialRecord``-like) with a finite score, best first: the one ranking of trials."""
        done = [t for t in trials if t.state == "COMPLETE" and t.value is not None and np.isfinite(t.value)]
        return sorted(done, key=lambda t: t.value, reverse=self.greater_is_better)

    def worst(self) -> float:
        return -np.inf if self.greater_is_better else np.inf


def _sklearn(name: str) -> Callable:
    """A scikit-learn metric, imported when first scored: the registry is read to check a metric's name before
    the run's stack loads, and importing scikit-learn takes over a second."""
    return lambda *args, **kwargs: getattr(import_module("sklearn.metrics"), name)(*args, **kwargs)


def _auc(y, p):
    roc_auc = _sklearn("roc_auc_score")
    if p.ndim == 2 and p.shape[1] == 2:
        p = p[:, 1]
    if p.ndim == 2:
        return roc_auc(y, p, multi_class="ovr", labels=np.arange(p.shape[1]))
    return roc_auc(y, p)


def _average_precision(y, p):
    """Area under the precision-recall curve (scikit-learn's average precision), of the positive class; macro over
    classes one against the rest with more than two."""
    average_precision = _sklearn("average_precision_score")
    if p.ndim == 2 and p.shape[1] == 2:
        p = p[:, 1]
    if p.ndim == 2:
        y = np.asarray(y).astype(int)
        seen = np.isin(np.arange(p.shape[1]), y)
        return average_precision(np.eye(p.shape[1])[y][:, seen], p[:, seen], average="macro")
    return average_precision(y, p)


def _log_loss(y, p):
    """Mean negative log probability of the true class code (rows renormalised, as scikit-learn does); in numpy,
    as the bootstrap and the ensemble selection call it hundreds of times."""
    p = np.asarray(p, dtype=float)
    if p.ndim == 1:
        p = np.column_stack([1 - p, p])
    p = np.clip(p, 1e-15, 1 - 1e-15)
    p = p / p.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(p)), np.asarray(y).astype(int)])))


def _rmsle(y, p):
    return float(np.sqrt(np.mean((np.log1p(np.clip(p, 0, None)) - np.log1p(np.clip(y, 0, None))) ** 2)))


def _confusion(y, p) -> tuple[np.ndarray, np.ndarray]:
    """Labels and the confusion matrix over them (rows: true; a label may be absent from both ``y`` and ``p``);
    in numpy, as the decision rule's search scores label metrics hundreds of times."""
    y, p = np.asarray(y), np.asarray(p)
    if y.dtype.kind in "iu" and p.dtype.kind in "iu" and min(y.min(initial=0), p.min(initial=0)) >= 0:
        k = int(max(y.max(initial=0), p.max(initial=0))) + 1  # class codes: no sorting needed
        labels, codes = np.arange(k), np.concatenate([y, p])
    else:
        labels, codes = np.unique(np.concatenate([y, p]), return_inverse=True)
        k = len(labels)
    return labels, np.bincount(codes[:len(y)] * k + codes[len(y):], minlength=k * k).reshape(k, k)


def _per_class_f1(matrix: np.ndarray) -> np.ndarray:
    """F1 of each label seen in the true or predicted labels."""
    tp, seen = np.diag(matrix), matrix.sum(axis=0) + matrix.sum(axis=1)
    return (2 * tp / np.maximum(seen, 1))[seen > 0]


def _balanced_accuracy(y, p):
    """Mean recall over the classes present in ``y`` (scikit-learn's definition)."""
    _, matrix = _confusion(y, p)
    support = matrix.sum(axis=1)
    return float(np.mean(np.diag(matrix)[support > 0] / support[support > 0]))


def _f1_macro(y, p):
    return float(np.mean(_per_class_f1(_confusion(y, p)[1])))


def _f1(y, p):
    """F1 of class 1 with at most two classes in ``y`` (scikit-learn's binary F1), else macro F1."""
    if len(np.unique(y)) > 2:
        return _f1_macro(y, p)
    labels, matrix = _confusion(y, p)
    tp, seen = matrix[labels == 1, labels == 1].sum(), matrix[labels == 1].sum() + matrix[:, labels == 1].sum()
    return float(2 * tp / seen) if seen else 0.0


CLS = ("binary", "multiclass")
REG = ("regression",)
METRICS: dict[str, Metric] = {m.name: m for m in [
    Metric("roc_auc", True, True, CLS, _auc, ("auc", "roc auc", "auroc", "roc", "area under the curve")),
    Metric("average_precision", True, True, CLS, _average_precision,
           ("pr auc", "auc pr", "auprc", "prauc", "average precision", "precision recall auc",
            "area under the precision recall curve")),
    Metric("log_loss", False, True, CLS, _log_loss, ("logloss", "log loss", "cross entropy", "cross-entropy")),
    Metric("accuracy", True, False, CLS, lambda y, p: float(np.mean(np.asarray(y) == np.asarray(p))),
           ("acc", "as many right", "most correct", "how often it is right", "how often it's right", "error rate")),
    Metric("balanced_accuracy", True, False, CLS, _balanced_accuracy, ("balanced accuracy",)),
    Metric("f1", True, False, CLS, _f1, ("f1 score", "f-score", "f1-score")),
    Metric("f1_macro", True, False, CLS, _f1_macro,
           ("macro f1", "f1 macro", "macro-f1", "macro-averaged f1")),
    Metric("rmse", False, False, REG, _sklearn("root_mean_squared_error"),
           ("root mean squared error", "root mean square error")),
    Metric("rmsle", False, False, REG, _rmsle, ("root mean squared log error", "root mean squared logarithmic error")),
    Metric("mae", False, False, REG, _sklearn("mean_absolute_error"),
           ("mean absolute error", "absolute error", "average error", "off by")),  # "off by as little as we can"
    Metric("r2", True, False, REG, _sklearn("r2_score"), ("r^2", "r squared", "r-squared", "coefficient of determination")),
    Metric("mape", False, False, REG, _sklearn("mean_absolute_percentage_error"),
           ("mean absolute percentage error", "percentage error")),
]}


def get_metric(name: str) -> Metric:
    key = name.strip().lower().replace("-", "_")
    for metric in METRICS.values():
        if key == metric.name or key in metric.aliases or key.replace("_", " ") in metric.aliases:
            return metric
    raise MlpilotError(f"unknown metric {name!r}: use one of {', '.join(METRICS)}")


def default_metric(task_type: str) -> str:
    return {"binary": "roc_auc", "multiclass": "log_loss", "regression": "rmse"}[task_type]


def check_metric_fits(metric: Metric, task_type: str) -> None:
    if task_type not in metric.tasks:
        fits = [m.name for m in METRICS.values() if task_type in m.tasks]
        raise MlpilotError(
            f"metric {metric.name} does not fit a {task_type} task: use one of {', '.join(fits)}"
        )


# Scores people ask for that mlpilot does not optimise: named, they are warned about, never read as a near alias
# ("median absolute error" is not mae, "PR AUC" not roc_auc)
UNSUPPORTED = ("recall", "precision", "sensitivity", "specificity", "brier", "brier score", "mcc", "matthews",
               "matthews correlation", "kappa", "cohen's kappa", "quadratic weighted kappa", "mse",
               "mean squared error", "median absolute error", "gini", "pinball", "quantile loss", "top 3 accuracy",
               "top 5 accuracy")


def metric_named_in(text: str, columns: Iterable[str] = ()) -> str | None:
    """The metric a plain-words text names ("optimise ROC AUC" -> roc_auc), longest alias first; a name that is
    one of the table's ``columns`` ("predict r2") names the column, not a metric, and so does a name in a
    parenthesised list of three or more ("(hp, weight, acc)": acc is acceleration there)."""
    named = _named(text, columns)
    return named[1] if named else None


def unsupported_metric_in(text: str, columns: Iterable[str] = ()) -> str | None:
    """The score a text names that mlpilot does not optimise ("optimise recall"), when it names no metric it does."""
    named = _named(text, columns)
    return named[0] if named and named[1] is None else None


def _named(text: str, columns: Iterable[str]) -> tuple[str, str | None] | None:
    """The longest metric name in ``text`` (outside column names and lists) and its metric (None: unsupported)."""
    text = re.sub(r"\([^()]*,[^()]*,[^()]*\)", " ", text)
    words = " " + re.sub(r"[\W_]+", " ", text.lower()).strip() + " "
    taken = {str(c).strip().lower() for c in columns}
    known = [(a, m.name) for m in METRICS.values() for a in (m.name, *m.aliases)] + [(a, None) for a in UNSUPPORTED]
    for alias, name in sorted(((a, n) for a, n in known if a.lower() not in taken), key=lambda a: -len(a[0])):
        if " " + re.sub(r"[\W_]+", " ", alias).strip() + " " in words:
            return alias, name
    return None
