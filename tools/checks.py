"""The verifier's deterministic checks. Each returns a ``Check`` with its evidence; numbers are ours."""

from __future__ import annotations

import math
import time

import numpy as np
import pandas as pd

from mlpilot.schemas import Check, DatasetProfile, TaskSpec
from mlpilot.tools.metrics import Metric, metric_named_in
from mlpilot.tools.splits import TRAIN, VALID

NEAR_PERFECT = {"roc_auc": 0.995, "average_precision": 0.995, "accuracy": 0.995, "balanced_accuracy": 0.995,
                "f1": 0.995, "f1_macro": 0.995, "r2": 0.995}


def dummy_cv_score(y: np.ndarray, folds: np.ndarray, metric: Metric, n_classes: int) -> float:
    """The score of predicting the training folds' class priors (or mean/median) on each validation fold."""
    return metric.score(*dummy_predictions(y, folds, metric, n_classes))


def dummy_predictions(y: np.ndarray, folds: np.ndarray, metric: Metric, n_classes: int,
                      holdout: np.ndarray = np.array([], dtype=int)) -> tuple[np.ndarray, np.ndarray]:
    """The targets of the rows no model trained on (out of fold, then the ``holdout``: the rows the search's
    choice and its CV score are on) and what the dummy predicts for them: the priors or the mean (median) of the
    rows it could train on."""

    def fitted(rows: np.ndarray):
        if n_classes:
            return np.bincount(y[rows].astype(int), minlength=n_classes) / rows.sum()
        return np.median(y[rows]) if metric.name in ("mae", "mape") else np.mean(y[rows])

    oof = np.zeros((len(y), n_classes)) if n_classes else np.zeros(len(y))
    for fold in folds:
        oof[fold == VALID] = fitted(fold == TRAIN)
    used = (folds == VALID).any(axis=0)
    if not len(holdout):
        return y[used], oof[used]
    held = np.repeat(np.atleast_2d(fitted((folds > 0).any(axis=0))), len(holdout), axis=0)
    return np.concatenate([y[used], y[holdout]]), np.concatenate([oof[used], held if n_classes else held[:, 0]])


def target_not_feature(spec: TaskSpec, features: list[str], profile: DatasetProfile) -> Check:
    """Fails when the target or a dropped leakage suspect is a model input; the evidence names every suspect,
    what was done with it and why (kept ones are strong but legitimate columns)."""
    inputs = set(features)
    dropped = [s for s in profile.leakage_suspects if s.action == "dropped"]
    bad = ([repr(spec.target) + " (the target)"] if spec.target in inputs else []) + [
        f"{s.column!r} ({s.reason})" for s in dropped if s.column in inputs]
    suspects = "; ".join(f"{s.column!r} {s.reason}" for s in profile.leakage_suspects)
    listed = f"leakage suspects: {suspects}" if suspects else "no leakage suspects"
    evidence = (f"model inputs include {', '.join(bad)}; {listed}" if bad else
                f"{len(features)} input column{'' if len(features) == 1 else 's'}, the target not among them; {listed}")
    return Check(name="target_not_feature", passed=not bad, evidence=evidence)


def request_met(spec: TaskSpec, request: str, inferred_task: str, metric_override: str | None,
                columns: list[str]) -> Check:
    asked = metric_override or metric_named_in(request, columns)
    problems = []
    if asked and asked != spec.metric:
        problems.append(f"request names {asked} but the run optimised {spec.metric}")
    if inferred_task != spec.task_type and "regression" in (inferred_task, spec.task_type):
        problems.append(f"target looks {inferred_task} but the run treated it as {spec.task_type}")
    return Check(name="request_met", passed=not problems,
                 evidence="; ".join(problems) or f"{spec.task_type} task, metric {spec.metric}, target {spec.target!r}")


def beats_dummy(cv: float, dummy: float, metric: Metric, gain_se: float = 0.0, n_trials: int = 1) -> Check:
    """The model scores better than predicting the priors or the mean (else an error), and by more than the noise
    of that gain over the rows (``gain_se``, from ``bootstrap_se`` with the dummy as baseline) allows for the best
    of ``n_trials`` compared on the same rows: twice it, or sqrt(2 ln n) times it (the largest of n draws of pure
    noise); within it, a warning: on few rows or with little signal the model may have learned nothing."""
    evidence = f"CV {metric.name} {cv:.4f} vs dummy baseline {dummy:.4f}"
    if not metric.better(cv, dummy):
        return Check(name="beats_dummy", passed=False,
                     evidence=f"{evidence}: no better than the average, so the inputs may not predict the target")
    z = max(2.0, math.sqrt(2 * math.log(max(n_trials, 1))))
    if abs(cv - dummy) <= z * gain_se:
        return Check(name="beats_dummy", passed=False, severity="warning",
                     evidence=f"{evidence}: better by less than {z:.1f} times its standard error over the rows "
                              f"({gain_se:.4f}; the best of {n_trials} trial(s)), so the model may have learned "
                              "little beyond the average")
    return Check(name="beats_dummy", passed=True, evidence=evidence)


def not_too_good(cv: float, dummy: float, metric: Metric, top_features: list[str]) -> Check:
    if metric.name in NEAR_PERFECT:
        perfect = cv >= NEAR_PERFECT[metric.name] and dummy < 0.95
    elif metric.greater_is_better:
        perfect = False
    else:
        perfect = cv <= 0.005 * abs(dummy)
    suspects = (f"suspect columns (most important): {', '.join(top_features[:3])}" if top_features else
                "no column's importance was measured: look for one that restates the target")
    return Check(name="not_too_good", passed=not perfect, severity="warning",
                 evidence=f"CV {metric.name} {cv:.4f} is near perfect; {suspects}" if perfect else
                 f"CV {metric.name} {cv:.4f} is plausible")


def holdout_reproduces(cv: float, holdout: float, fold_scores: list[float], metric: Metric,
                       holdout_se: float = 0.0) -> Check:
    """The holdout score is no worse than CV beyond what chance explains: the folds' spread, the holdout's own
    sampling error (``holdout_se``, e.g. from ``bootstrap_se``), or 5%."""
    spread = float(np.std(fold_scores)) if len(fold_scores) > 1 else 0.0
    tolerance = max(3 * spread, 2.5 * holdout_se, 0.05 * abs(cv), 0.01)
    gap = holdout - cv if metric.greater_is_better else cv - holdout
    return Check(name="holdout_reproduces", passed=gap >= -tolerance,
                 evidence=f"holdout {metric.name} {holdout:.4f} vs CV {cv:.4f} (tolerance {tolerance:.4f})")


def bootstrap_se(y: np.ndarray, pred: np.ndarray, metric: Metric, rounds: int = 200, seed: int = 0,
                 max_seconds: float = 0.5, baseline: np.ndarray | None = None) -> float:
    """The standard error of ``metric`` on these rows, by resampling them (at least 20 resamples, then as many
    of ``rounds`` as ``max_seconds`` allows: some metrics take tens of milliseconds a call); with ``baseline``
    predictions, of the difference between the two scores on the same resamples."""
    rng = np.random.default_rng(seed)
    scores = []
    until = time.monotonic() + max_seconds
    classes = len(np.unique(y)) if np.ndim(pred) == 2 else 0  # probabilities: a resample needs every class
    for i in range(rounds):
        if i >= 20 and time.monotonic() > until:
            break
        rows = rng.integers(0, len(y), len(y))
        if classes and len(np.unique(y[rows])) < classes:  # AUC is undefined there (a warning, not an error)
            continue
        try:
            scores.append(metric.score(y[rows], pred[rows])
                          - (0.0 if baseline is None else metric.score(y[rows], baseline[rows])))
        except ValueError:  # a metric undefined on this resample
            continue
    finite = np.asarray(scores)[np.isfinite(scores)] if scores else np.array([])
    return float(np.std(finite)) if len(finite) > 1 else 0.0


def predictions_wellformed(pred: np.ndarray, n_rows: int, task_type: str, classes: list | None) -> Check:
    """``pred``: the delivered model's values (regression) or class probabilities for ``n_rows`` new rows."""
    pred = np.asarray(pred, dtype=float)
    problems = []
    if len(pred) != n_rows:
        problems.append(f"{len(pred)} predictions for {n_rows} rows")
    if not np.all(np.isfinite(pred)):
        problems.append("non-finite predictions")
    if task_type != "regression":
        if pred.ndim != 2 or pred.shape[1] != len(classes):
            problems.append(f"probabilities of shape {pred.shape} for {len(classes)} classes")
        elif not (np.all(pred >= -1e-9) and np.allclose(pred.sum(axis=1), 1, atol=1e-4)):
            problems.append("probabilities outside [0, 1] or not summing to 1")
    return Check(name="predictions_wellformed", passed=not problems,
                 evidence="; ".join(problems) or f"{len(pred)} well-formed predictions on {n_rows} rows")


def target_fits_data(spec: TaskSpec, train_columns: list[str], test_frame: pd.DataFrame | None,
                     request: str) -> Check:
    """The target is what the data and the words ask for: not filled in on the test rows (then the test file
    can't be asking for it), and not another column than the one the request's words name exactly. The evidence
    names the likely target (the columns the test file lacks, the column the words name)."""
    from mlpilot.agent.backends.expert_target import read_request  # the same reading as understand's

    columns = [str(c) for c in train_columns]
    problems, notes = [], []
    severity = "error"
    filled = set()
    if test_frame is not None:
        filled = {str(c) for c in test_frame.columns if test_frame[c].notna().any()}
        missing = [c for c in columns if c not in filled]
        if spec.target in filled:
            rows = int(test_frame[spec.target].notna().sum())
            if missing:
                likely = f"likely target {missing[0]!r}" if len(missing) == 1 else \
                    f"likely target one of {', '.join(map(repr, missing[:5]))}"
                problems.append(f"target {spec.target!r} has values in {rows} of {len(test_frame)} test rows, so the "
                                f"test file is not asking for it; missing from the test file: {likely}")
            else:
                severity = "warning"  # a labelled test file: nothing better to choose
                problems.append(f"target {spec.target!r} has values in {rows} of {len(test_frame)} test rows and no "
                                "training column is missing from the test file (is the test file labelled?)")
    named = read_request(request, columns).pick
    if named and named.exact and named.column != spec.target:
        if named.column in filled:
            notes.append(f"the request's words name {named.column!r}, but the test file fills it in")
        else:
            severity = "error"
            problems.append(f"the request's words name {named.column!r} ({named.why}) but the run predicts "
                            f"{spec.target!r}: likely target {named.column!r}")
    evidence = "; ".join(problems + notes) or (
        f"target {spec.target!r} is " + ("missing from the test file" if test_frame is not None else
                                           "what the request names" if named else "not contradicted by the request"))
    return Check(name="target_fits_data", passed=not problems, severity=severity if problems else "error",
                 evidence=evidence)
