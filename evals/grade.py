"""Grade a submission against a task's private answers: validity first, then the metric.

Validity mirrors a competition's checks: the file reads as CSV with the sample submission's columns, one
row per test id and no other, no missing values, numbers where numbers are due, probabilities in [0, 1]
(summing to one across classes), labels among the task's classes. Scores come from the metric registry.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from pydantic import BaseModel

from mlpilot.evals.task import Task, label_strings

MEDALS = ("gold", "silver", "bronze", "median")


class Grade(BaseModel):
    valid: bool
    score: float | None = None
    reason: str | None = None
    medal: str | None = None


class InvalidSubmission(ValueError):
    """A submission breaks a validity rule; the message says which."""


def grade(task: Task, submission: str | Path | pd.DataFrame) -> Grade:
    """Grade ``submission`` (a CSV path or frame); an invalid submission is a Grade with a reason, not an error."""
    try:
        score = _score(task, _read(submission))
    except InvalidSubmission as exc:
        return Grade(valid=False, reason=str(exc))
    return Grade(valid=True, score=score, medal=medal(task, score))


def medal(task: Task, score: float) -> str | None:
    """The best leaderboard threshold the score reaches, when the task has thresholds."""
    if task.config.thresholds is None:
        return None
    for name in MEDALS:
        bar = getattr(task.config.thresholds, name)
        if bar is not None and (score == bar or task.metric.better(score, bar)):
            return name
    return None


def _read(submission: str | Path | pd.DataFrame) -> pd.DataFrame:
    if isinstance(submission, pd.DataFrame):
        return submission
    path = Path(submission)
    if not path.is_file():
        raise InvalidSubmission(f"no submission file at {path}")
    try:
        return pd.read_csv(path, low_memory=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as exc:
        raise InvalidSubmission(f"submission is not a readable CSV: {str(exc).splitlines()[0]}") from None


def _score(task: Task, sub: pd.DataFrame) -> float:
    cfg = task.config
    answers = task.read("answers")
    expected = list(pd.read_csv(task.path("sample_submission"), nrows=0).columns)
    missing = [c for c in expected if c not in sub.columns]
    extra = [c for c in sub.columns if c not in expected]
    if missing or extra:
        raise InvalidSubmission(f"columns differ from the sample submission: missing {missing}, unexpected {extra}")
    if len(sub) != len(answers):
        raise InvalidSubmission(f"submission has {len(sub)} rows, expected {len(answers)}")
    ids = sub[cfg.id_column].astype(str)
    if ids.duplicated().any():
        raise InvalidSubmission(f"{int(ids.duplicated().sum())} duplicated ids, e.g. {ids[ids.duplicated()].iloc[0]!r}")
    order = pd.Index(ids).get_indexer(answers[cfg.id_column].astype(str))
    if (order < 0).any():
        absent = answers[cfg.id_column].astype(str)[order < 0]
        raise InvalidSubmission(f"{len(absent)} test ids missing from the submission, e.g. {absent.iloc[0]!r}")
    predicted = [c for c in expected if c != cfg.id_column]
    sub = sub.iloc[order][predicted].reset_index(drop=True)
    if sub.isna().any().any():
        column = sub.columns[sub.isna().any()][0]
        raise InvalidSubmission(f"{int(sub[column].isna().sum())} missing predictions in column {column!r}")
    if cfg.task_type == "regression":
        y_pred = _numbers(sub[cfg.target], cfg.target)
        return task.metric.score(pd.to_numeric(answers[cfg.target]).to_numpy(float), y_pred)
    classes = task.classes()
    y_true = _label_index(label_strings(answers[cfg.target]), classes, "answers")
    if task.metric.needs_proba:
        return task.metric.score(y_true, _probabilities(task, sub, classes))
    return task.metric.score(y_true, _label_index(label_strings(sub[cfg.target]), classes, "submission"))


def _numbers(column: pd.Series, name: str) -> np.ndarray:
    values = pd.to_numeric(column, errors="coerce")
    if values.isna().any():
        raise InvalidSubmission(f"column {name!r} holds non-numeric values, e.g. {column[values.isna()].iloc[0]!r}")
    values = values.to_numpy(float)
    if not np.isfinite(values).all():
        raise InvalidSubmission(f"column {name!r} holds infinite values")
    return values


def _probabilities(task: Task, sub: pd.DataFrame, classes: list[str]) -> np.ndarray:
    """Binary: P(positive class) as (n,) oriented to the sorted classes; multiclass: (n, k) in sorted order."""
    if task.config.task_type == "binary":
        p = _numbers(sub[task.config.target], task.config.target)
        _check_unit_interval(p, task.config.target)
        return p if task.positive_class() == classes[-1] else 1 - p
    p = np.column_stack([_numbers(sub[c], c) for c in classes])
    _check_unit_interval(p, "probability")
    worst = float(np.abs(p.sum(axis=1) - 1).max())
    if worst > 1e-2:
        raise InvalidSubmission(f"class probabilities do not sum to 1 (off by up to {worst:.3g})")
    return p


def _check_unit_interval(p: np.ndarray, name: str) -> None:
    if (p < 0).any() or (p > 1).any():
        raise InvalidSubmission(f"{name} values must be probabilities in [0, 1]; found {p.min():.3g}..{p.max():.3g}")


def _label_index(labels: pd.Series, classes: list[str], where: str) -> np.ndarray:
    index = pd.Index(classes).get_indexer(labels)
    if (index < 0).any():
        raise InvalidSubmission(f"{where} holds labels outside the classes {classes}, e.g. {labels[index < 0].iloc[0]!r}")
    return index
