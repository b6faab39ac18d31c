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


def test_target_not_feature_names_every_suspect_and_fails_only_on_dropped_ones():
    """On a real profile: a dropped copy of the target fails the check as an input; a kept strong column does not."""
    import pandas as pd

    from mlpilot.tools.profile import profile_dataset

    rng = np.random.default_rng(0)
    n = 1000
    x = rng.normal(size=n)
    y = 3 * x + rng.normal(scale=0.3, size=n)
    df = pd.DataFrame({"sqft": x, "noise": rng.normal(size=n), "cents": y * 100, "zone": rng.choice(list("ab"), n),
                       "y": y})
    profile = profile_dataset(df, "y", "regression", exclude=["zone"])
    assert {s.column: s.action for s in profile.leakage_suspects} == {"zone": "dropped", "cents": "dropped",
                                                                      "sqft": "kept"}
    spec = TaskSpec(task_type="regression", target="y", metric="rmse")
    inputs = [c.name for c in profile.features()]
    assert inputs == ["sqft", "noise"]
    check = checks.target_not_feature(spec, inputs, profile)
    assert check.passed
    assert check.evidence.startswith("2 input columns, the target not among them; leakage suspects: "
                                     "'zone' dropped: excluded by the user; 'cents' dropped: a fixed linear map of the "
                                     "target (cents = 100 * y on 1000 rows, R2 1.00000); 'sqft' kept: alone predicts")
    assert "pass --exclude sqft to drop it" in check.evidence
    failed = checks.target_not_feature(spec, [*inputs, "cents"], profile)
    assert not failed.passed
    assert failed.evidence.startswith("model inputs include 'cents' (dropped: a fixed linear map of the target")
    failed = checks.target_not_feature(spec, [*inputs, "y"], profile)
    assert not failed.passed and failed.evidence.startswith("model inputs include 'y' (the target); leakage suspects:")
    clean = DatasetProfile(n_rows=10, n_cols=2, target="y", task_type="regression", columns=[])
    assert checks.target_not_feature(spec, ["a"], clean).evidence == (
        "1 input column, the target not among them; no leakage suspects")


def test_request_met_catches_a_different_metric():
    spec = TaskSpec(task_type="binary", target="y", metric="log_loss")
    assert not checks.request_met(spec, "optimise ROC AUC", "binary", None, ["x", "y"]).passed
    assert checks.request_met(spec, "minimise log loss", "binary", None, ["x", "y"]).passed
    named = TaskSpec(task_type="binary", target="r2", metric="roc_auc")
    assert checks.request_met(named, "predict r2", "binary", None, ["x", "r2"]).passed  # a column, not a metric


def test_baseline_too_good_and_holdout():
    assert checks.beats_dummy(0.8, 0.5, AUC).passed and not checks.beats_dummy(0.49, 0.5, AUC).passed
    within_noise = checks.beats_dummy(0.52, 0.5, AUC, gain_se=0.02)
    assert not within_noise.passed and within_noise.severity == "warning" and "learned little" in within_noise.evidence
    assert checks.beats_dummy(0.6, 0.5, AUC, gain_se=0.02).passed
    many = checks.beats_dummy(0.56, 0.5, AUC, gain_se=0.02, n_trials=100)  # 3 SE: the best of 100 noise draws
    assert checks.beats_dummy(0.56, 0.5, AUC, gain_se=0.02).passed and not many.passed and "100 trial" in many.evidence
    assert checks.beats_dummy(0.49, 0.5, AUC, gain_se=0.02).severity == "error"
    flagged = checks.not_too_good(0.999, 0.5, AUC, ["casual", "registered"])
    assert not flagged.passed and flagged.severity == "warning" and "casual" in flagged.evidence
    assert "no column's importance was measured" in checks.not_too_good(0.999, 0.5, AUC, []).evidence
    assert checks.holdout_reproduces(0.85, 0.84, [0.84, 0.86, 0.85], AUC).passed
    assert not checks.holdout_reproduces(0.85, 0.70, [0.84, 0.86, 0.85], AUC).passed


def test_holdout_gap_within_its_sampling_error_is_not_an_alarm():
    rng = np.random.default_rng(0)
    y = rng.normal(size=300)
    pred = y + rng.normal(scale=0.4, size=300)  # holdout RMSE ~0.40 +- 0.017
    rmse = get_metric("rmse")
    se = checks.bootstrap_se(y, pred, rmse)
    assert 0.01 < se < 0.03
    holdout = rmse.score(y, pred)
    assert checks.holdout_reproduces(holdout - 0.04, holdout, [holdout - 0.04] * 5, rmse, se).passed
    assert not checks.holdout_reproduces(holdout - 0.15, holdout, [holdout - 0.15] * 5, rmse, se).passed


# --- the target fits the data and the words -------------------------------------------------------------------

def test_bootstrap_of_a_rare_class_skips_resamples_without_it_quietly():
    import warnings

    rng = np.random.default_rng(3)
    y = np.zeros(129, dtype=int)
    y[:3] = 1  # a holdout with 3 positives: some resamples draw none
    p1 = np.clip(0.2 + 0.5 * y + rng.normal(scale=0.2, size=129), 0, 1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        se = checks.bootstrap_se(y, np.column_stack([1 - p1, p1]), AUC)
    assert se > 0 and not caught  # AUC's "only one class" warning never reaches the user


import pandas as pd  # noqa: E402

CPS = ["wage", "education", "experience", "ethnicity", "region"]
CPS_TEST = pd.DataFrame({"education": [12, 16], "experience": [3, 20], "ethnicity": ["a", "b"], "region": ["N", "S"]})
CENSUS = "Census survey of workers (education, experience, ethnicity, region...). Estimate each person's weekly wage"


def spec(target, task="regression"):
    return TaskSpec(task_type=task, target=target, metric="rmse")


def test_target_fits_data_passes_on_the_column_the_test_file_lacks():
    check = checks.target_fits_data(spec("wage"), CPS, CPS_TEST, CENSUS)
    assert check.passed and check.name == "target_fits_data"


def test_a_target_filled_in_on_the_test_rows_fails_naming_the_missing_column():
    check = checks.target_fits_data(spec("education", "multiclass"), CPS, CPS_TEST, CENSUS)
    assert not check.passed and check.severity == "error"
    assert "'education' has values in 2 of 2 test rows" in check.evidence and "likely target 'wage'" in check.evidence


def test_a_target_left_empty_in_the_test_file_is_fine():
    test = CPS_TEST.assign(wage=None)
    assert checks.target_fits_data(spec("wage"), CPS, test, CENSUS).passed
    assert not checks.target_fits_data(spec("region", "multiclass"), CPS, test, CENSUS).passed


def test_several_missing_columns_are_all_named():
    test = CPS_TEST.drop(columns="experience")
    check = checks.target_fits_data(spec("region", "multiclass"), CPS, test, "fit something")
    assert not check.passed and "one of 'wage', 'experience'" in check.evidence


def test_a_labelled_test_file_only_warns():
    test = CPS_TEST.assign(wage=[500.0, 700.0])
    check = checks.target_fits_data(spec("wage"), CPS, test, CENSUS)
    assert not check.passed and check.severity == "warning" and "labelled" in check.evidence


def test_the_words_naming_another_column_fail_with_the_candidate():
    check = checks.target_fits_data(spec("experience"), CPS, None, "predict the wage of each worker")
    assert not check.passed and check.severity == "error" and "likely target 'wage'" in check.evidence
    assert checks.target_fits_data(spec("wage"), CPS, None, "predict the wage of each worker").passed
    assert checks.target_fits_data(spec("wage"), CPS, None, "build a good model").passed


def test_words_naming_a_column_the_test_file_fills_in_do_not_fail():
    check = checks.target_fits_data(spec("wage"), CPS, CPS_TEST, "predict the region's wages; region matters")
    assert check.passed
    check = checks.target_fits_data(spec("wage"), CPS, CPS_TEST, "predict the education level")
    assert check.passed and "fills it in" in check.evidence


def test_predictions_wellformed_on_values_and_probabilities():
    from mlpilot.tools.checks import predictions_wellformed

    assert predictions_wellformed(np.array([1.0, 2.5]), 2, "regression", None).passed
    assert not predictions_wellformed(np.array([1.0, np.nan]), 2, "regression", None).passed
    assert predictions_wellformed(np.array([[0.2, 0.8], [1.0, 0.0]]), 2, "binary", ["a", "b"]).passed
    bad = predictions_wellformed(np.array([[0.2, 0.9]]), 1, "binary", ["a", "b"])
    assert not bad.passed and "summing to 1" in bad.evidence
    assert not predictions_wellformed(np.array([[0.5, 0.5]]), 1, "multiclass", ["a", "b", "c"]).passed


def test_a_paired_bootstrap_measures_the_gain_over_a_baseline():
    rng = np.random.default_rng(0)
    y = rng.normal(size=400)
    rmse = get_metric("rmse")
    mean = np.full(400, y.mean())
    noise = mean + rng.normal(scale=0.05, size=400)  # no better than the mean
    signal = 0.9 * y  # far better
    assert checks.bootstrap_se(y, noise, rmse, baseline=mean) < 0.01
    gain = rmse.score(y, mean) - rmse.score(y, signal)
    assert gain > 4 * checks.bootstrap_se(y, signal, rmse, baseline=mean)
