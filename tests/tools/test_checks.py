"""The verifier's checks pass on sound evidence and fail, with the evidence, on unsound."""

import numpy as np

from mlpilot.schemas import DatasetProfile, LeakSuspect, TaskSpec
from mlpilot.tools import checks
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.splits import TRAIN, VALID

AUC = get_metric("roc_auc")


def test_dummy_score_is_chance_for_classification_and_mean_for_regression():
    y = np.array([0, 1] * 50)
    folds = np.array([[TRAIN] * 50 + [VALID] * 50, [VALID] * 50 + [TRAIN] * 50], dtype=np.int8)
    assert checks.dummy_cv_score(y, folds, AUC, 2) == 0.5
    yr = np.arange(100.0)
    assert checks.dummy_cv_score(yr, folds, get_metric("rmse"), 0) > 40


def test_target_and_leaks_must_not_be_features():
    spec = TaskSpec(task_type="binary", target="y", metric="roc_auc")
    profile = DatasetProfile(n_rows=10, n_cols=3, target="y", task_type="binary", columns=[],
                             leakage_suspects=[LeakSuspect(column="leak", reason="alone predicts y")])
    assert checks.target_not_feature(spec, ["a"], profile).passed
    failed = checks.target_not_feature(spec, ["a", "y", "leak"], profile)
    assert not failed.passed and "leak" in failed.evidence


def test_request_met_catches_a_different_metric():
    spec = TaskSpec(task_type="binary", target="y", metric="log_loss")
    assert not checks.request_met(spec, "optimise ROC AUC", "binary", None).passed
    assert checks.request_met(spec, "minimise log loss", "binary", None).passed


def test_baseline_too_good_and_holdout():
    assert checks.beats_dummy(0.8, 0.5, AUC).passed and not checks.beats_dummy(0.49, 0.5, AUC).passed
    flagged = checks.not_too_good(0.999, 0.5, AUC, ["casual", "registered"])
    assert not flagged.passed and flagged.severity == "warning" and "casual" in flagged.evidence
    assert checks.holdout_reproduces(0.85, 0.84, [0.84, 0.86, 0.85], AUC).passed
    assert not checks.holdout_reproduces(0.85, 0.70, [0.84, 0.86, 0.85], AUC).passed
