"""Grading: every metric against sklearn computed independently, and every validity rule."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import yaml
from sklearn import metrics as skm
from sklearn.preprocessing import label_binarize

from mlpilot.errors import MlpilotError
from mlpilot.evals.grade import grade
from mlpilot.evals.task import load_task
from mlpilot.tools.metrics import METRICS

CLASSIFICATION = [m.name for m in METRICS.values() if "binary" in m.tasks]
REGRESSION = [m.name for m in METRICS.values() if "regression" in m.tasks]
CASES = [(t, m) for m in CLASSIFICATION for t in ("binary", "multiclass")] + [("regression", m) for m in REGRESSION]


def _submission(task, rng) -> pd.DataFrame:
    """A plausible submission in the sample's format, rows shuffled so grading must align by id."""
    answers = task.read("answers")
    sub = pd.read_csv(task.path("sample_submission"))
    cfg = task.config
    if cfg.task_type == "regression":
        sub[cfg.target] = answers[cfg.target].to_numpy() * rng.uniform(0.8, 1.2, len(sub))
    elif task.metric.needs_proba and cfg.task_type == "binary":
        sub[cfg.target] = rng.uniform(0, 1, len(sub))
    elif task.metric.needs_proba:
        p = rng.dirichlet(np.ones(len(task.classes())), len(sub))
        sub[task.classes()] = p
    else:
        sub[cfg.target] = rng.choice(task.classes(), len(sub))
    return sub.sample(frac=1, random_state=1).reset_index(drop=True)


def _expected(task, sub: pd.DataFrame) -> float:
    cfg = task.config
    answers = task.read("answers").rename(columns={cfg.target: "truth"})
    aligned = answers.merge(sub, on=cfg.id_column)
    y = aligned["truth"].astype(str)
    name = task.metric.name
    if cfg.task_type == "regression":
        fn = {"rmse": skm.root_mean_squared_error, "rmsle": skm.root_mean_squared_log_error,
              "mae": skm.mean_absolute_error, "r2": skm.r2_score, "mape": skm.mean_absolute_percentage_error}[name]
        return fn(aligned["truth"], aligned[cfg.target])
    if task.metric.needs_proba and cfg.task_type == "binary":
        positive = y == task.positive_class()
        fn = {"roc_auc": skm.roc_auc_score, "average_precision": skm.average_precision_score}.get(name, skm.log_loss)
        return fn(positive, aligned[cfg.target])
    if task.metric.needs_proba:
        p = aligned[task.classes()].to_numpy()
        if name == "roc_auc":
            return skm.roc_auc_score(y, p, multi_class="ovr", labels=task.classes())
        if name == "average_precision":  # macro over the classes, each against the rest
            return skm.average_precision_score(label_binarize(y, classes=task.classes()), p, average="macro")
        return skm.log_loss(y, p, labels=task.classes())
    pred = aligned[cfg.target].astype(str)
    if name == "f1":
        return skm.f1_score(y, pred, pos_label="yes") if cfg.task_type == "binary" else skm.f1_score(
            y, pred, average="macro")
    return {"accuracy": skm.accuracy_score, "balanced_accuracy": skm.balanced_accuracy_score,
            "f1_macro": lambda a, b: skm.f1_score(a, b, average="macro")}[name](y, pred)


@pytest.mark.parametrize(("task_type", "metric"), CASES)
def test_every_metric_matches_sklearn(make_task, task_type, metric):
    task = load_task(make_task(task_type, metric))
    sub = _submission(task, np.random.default_rng(0))
    graded = grade(task, sub)
    assert graded.valid, graded.reason
    assert graded.score == pytest.approx(_expected(task, sub), rel=1e-9)


def test_sample_submission_is_valid_and_a_file_grades_like_a_frame(make_task, tmp_path):
    task = load_task(make_task("multiclass", "log_loss"))
    sub = _submission(task, np.random.default_rng(3))
    sub.to_csv(tmp_path / "sub.csv", index=False)
    assert grade(task, tmp_path / "sub.csv").score == pytest.approx(grade(task, sub).score)
    assert grade(task, task.path("sample_submission")).valid


def test_positive_class_orients_binary_probabilities(make_task):
    root = make_task("binary", "roc_auc")
    task = load_task(root)
    sub = _submission(task, np.random.default_rng(0))
    config = yaml.safe_load((root / "task.yaml").read_text())
    (root / "task.yaml").write_text(yaml.safe_dump({**config, "positive_class": "no"}))
    flipped = load_task(root)
    assert grade(flipped, sub).score == pytest.approx(1 - grade(task, sub).score)
    assert grade(flipped, sub).score == pytest.approx(_expected(flipped, sub))


def _broken(kind: str, task) -> pd.DataFrame:
    sub = _submission(task, np.random.default_rng(0))
    target, ids = task.config.target, task.config.id_column
    if kind == "too few rows":
        return sub.iloc[1:]
    if kind == "missing ids":
        return sub.assign(**{ids: sub[ids].where(sub.index != 0, -12345)})
    if kind == "duplicated ids":
        return sub.assign(**{ids: sub[ids].where(sub.index != 0, sub[ids].iloc[1])})
    if kind == "missing column":
        return sub.rename(columns={target: "prediction"})
    if kind == "extra column":
        return sub.assign(extra=1)
    if kind == "NaN":
        return sub.assign(**{target: sub[target].where(sub.index != 3)})
    if kind == "probability above 1":
        return sub.assign(**{target: sub[target].where(sub.index != 2, 1.5)})
    raise AssertionError(kind)


@pytest.mark.parametrize(("kind", "message"), [
    ("too few rows", "rows, expected"), ("missing ids", "missing from the submission"),
    ("duplicated ids", "duplicated ids"), ("missing column", "missing ['y']"),
    ("extra column", "unexpected ['extra']"), ("NaN", "missing predictions"),
    ("probability above 1", "in [0, 1]"),
])
def test_invalid_submissions_are_rejected_with_reason(make_task, kind, message):
    task = load_task(make_task("binary", "roc_auc"))
    graded = grade(task, _broken(kind, task))
    assert not graded.valid and graded.score is None
    assert message in graded.reason


def test_invalid_multiclass_and_regression_values(make_task, tmp_path):
    proba = load_task(make_task("multiclass", "log_loss"))
    sub = _submission(proba, np.random.default_rng(0))
    sub[proba.config.classes] *= 0.5
    assert "do not sum to 1" in grade(proba, sub).reason
    labels = load_task(make_task("multiclass", "accuracy"))
    sub = _submission(labels, np.random.default_rng(0))
    assert "outside the classes" in grade(labels, sub.assign(y="dog")).reason
    reg = load_task(make_task("regression", "rmse"))
    sub = _submission(reg, np.random.default_rng(0))
    assert "non-numeric" in grade(reg, sub.assign(y="ten")).reason
    assert "infinite" in grade(reg, sub.assign(y=np.inf)).reason
    assert "no submission file" in grade(reg, tmp_path / "absent.csv").reason
    (tmp_path / "bad.csv").write_bytes(b"")
    assert "not a readable CSV" in grade(reg, tmp_path / "bad.csv").reason


def test_medals_follow_thresholds_in_the_metric_direction(make_task):
    root = make_task("regression", "rmse")
    task = load_task(root)
    sub = _submission(task, np.random.default_rng(0))
    score = grade(task, sub).score
    config = yaml.safe_load((root / "task.yaml").read_text())
    config["thresholds"] = {"gold": score * 0.5, "silver": score * 0.9, "bronze": score * 1.1, "median": score * 2}
    (root / "task.yaml").write_text(yaml.safe_dump(config))
    assert grade(load_task(root), sub).medal == "bronze"


@pytest.mark.parametrize(("change", "message"), [
    ({"greater_is_better": True}, "lower-is-better"),
    ({"metric": "accuracy"}, "does not fit a regression task"),
    ({"metric": "nope"}, "unknown metric"),
    ({"files": {"answers": "private/missing.csv"}}, "has no private/missing.csv"),
])
def test_bad_task_files_name_the_problem(make_task, change, message):
    root = make_task("regression", "rmse")
    config = yaml.safe_load((root / "task.yaml").read_text())
    (root / "task.yaml").write_text(yaml.safe_dump({**config, **change}))
    with pytest.raises(MlpilotError, match=message):
        load_task(root)


def test_a_directory_without_task_file_is_refused(tmp_path):
    with pytest.raises(MlpilotError, match="is not an eval task"):
        load_task(tmp_path)


def test_mle_bench_file_names_drop_in(make_task):
    root = make_task("binary", "accuracy")
    (root / "private" / "answers.csv").rename(root / "private" / "test.csv")
    config = yaml.safe_load((root / "task.yaml").read_text())
    del config["classes"]  # MLE-bench tasks name none: they come from the public train file
    (root / "task.yaml").write_text(yaml.safe_dump({**config, "files": {"answers": "private/test.csv"}}))
    task = load_task(root)
    assert task.classes() == ["no", "yes"]
    sub = _submission(task, np.random.default_rng(0))
    assert grade(task, sub).score == pytest.approx(_expected(task, sub))
