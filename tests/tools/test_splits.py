import numpy as np
import pandas as pd

from mlpilot.schemas import CVSpec
from mlpilot.tools.splits import TRAIN, VALID, make_folds


def test_stratified_folds_with_disjoint_holdout():
    y = np.array([0] * 80 + [1] * 20)
    folds, holdout = make_folds(pd.DataFrame({"a": range(100)}), y, CVSpec(kind="stratified"), 0.2, classify=True)
    assert folds.shape == (5, 100) and len(holdout) == 20
    assert (folds[:, holdout] == 0).all()
    valid_once = (folds == VALID).sum(axis=0)
    assert (np.delete(valid_once, holdout) == 1).all()
    assert y[holdout].mean() == 0.2


def test_time_folds_train_only_on_the_past():
    frame = pd.DataFrame({"when": pd.date_range("2020-01-01", periods=120, freq="D").astype(str)[::-1]})
    y = np.arange(120.0)
    folds, holdout = make_folds(frame, y, CVSpec(kind="time", n_splits=3, time_column="when"), 0.1, classify=False)
    times = pd.to_datetime(frame["when"])
    assert times[holdout].min() > times.drop(holdout).max()
    for fold in folds:
        assert times[fold == TRAIN].max() < times[fold == VALID].min()


def test_group_folds_keep_groups_together():
    frame = pd.DataFrame({"store": np.repeat(np.arange(20), 10)})
    folds, holdout = make_folds(frame, np.zeros(200), CVSpec(kind="group", group_column="store"), 0.2, classify=False)
    held = set(frame["store"][holdout])
    assert held.isdisjoint(set(frame["store"].drop(holdout)))
    for fold in folds:
        assert set(frame["store"][fold == TRAIN]).isdisjoint(set(frame["store"][fold == VALID]))


def test_large_tables_cross_validate_a_subset():
    y = np.arange(1000) % 2
    folds, holdout = make_folds(pd.DataFrame({"a": range(1000)}), y, CVSpec(kind="stratified", n_splits=3), 0.1,
                                classify=True, max_rows=300)
    assert len(holdout) == 100 and (folds == VALID).any(axis=0).sum() == 300
    assert ((folds == TRAIN).sum(axis=1) == 200).all()


# --- tiny tables -----------------------------------------------------------------------------------------------

import pytest  # noqa: E402

from mlpilot.errors import MlpilotError  # noqa: E402


def assert_sound(folds, holdout, y=None):
    n = folds.shape[1]
    assert 2 <= len(folds) <= 5 and len(holdout) >= 1
    assert (folds[:, holdout] == 0).all()
    for fold in folds:
        assert (fold == TRAIN).sum() >= 1 and (fold == VALID).sum() >= 1
    if y is not None:  # every class keeps two rows to cross-validate
        rest = np.setdiff1d(np.arange(n), holdout)
        counts = np.bincount(y[rest], minlength=y.max() + 1)
        assert counts[np.bincount(y) > 0].min() >= 2


def test_twelve_rows_of_regression_take_at_most_half_the_rows_as_folds():
    folds, holdout = make_folds(pd.DataFrame({"a": range(12)}), np.arange(12.0), CVSpec(kind="kfold"), 0.2,
                                classify=False)
    assert_sound(folds, holdout)
    assert len(holdout) == 3 and len(folds) == 4  # 9 CV rows: at most 9 // 2 folds
    assert ((folds == VALID).sum(axis=0)[np.setdiff1d(np.arange(12), holdout)] == 1).all()


def test_a_rare_class_on_a_small_table_lowers_the_fold_count():
    y = np.array([0] * 17 + [1] * 3)
    folds, holdout = make_folds(pd.DataFrame({"a": range(20)}), y, CVSpec(kind="stratified"), 0.2, classify=True)
    assert_sound(folds, holdout, y)
    rest = np.setdiff1d(np.arange(20), holdout)
    assert len(folds) <= (y[rest] == 1).sum()
    for fold in folds:  # stratified: the rare class is validated in every fold
        assert (y[fold == VALID] == 1).any()


def test_too_few_rows_is_one_line_naming_the_fix():
    with pytest.raises(MlpilotError, match=r"only 6 labelled rows: at least 10 .* add labelled rows"):
        make_folds(pd.DataFrame({"a": range(6)}), np.array([0, 1, 0, 1, 1, 0]), CVSpec(kind="stratified"), 0.2,
                   classify=True)


def test_a_class_with_a_single_row_is_an_error():
    y = np.array([0] * 10 + [1] * 5 + [2])
    with pytest.raises(MlpilotError, match="single labelled row"):
        make_folds(pd.DataFrame({"a": range(16)}), y, CVSpec(kind="stratified"), 0.2, classify=True)


def test_two_rows_per_class_leave_nothing_to_hold_out():
    y = np.repeat(np.arange(5), 2)
    with pytest.raises(MlpilotError, match="too few rows per class"):
        make_folds(pd.DataFrame({"a": range(10)}), y, CVSpec(kind="stratified"), 0.2, classify=True)


def test_tiny_time_and_group_folds():
    frame = pd.DataFrame({"when": pd.date_range("2020-01-01", periods=10).astype(str), "store": [0, 1, 2, 3, 4] * 2})
    folds, holdout = make_folds(frame, np.arange(10.0), CVSpec(kind="time", time_column="when"), 0.2, classify=False)
    assert_sound(folds, holdout)
    folds, holdout = make_folds(frame, np.arange(10.0), CVSpec(kind="group", group_column="store"), 0.2,
                                classify=False)
    assert_sound(folds, holdout)
    with pytest.raises(MlpilotError, match="only 2 distinct value.*'store'.*at least 3"):
        make_folds(frame.assign(store=[0, 1] * 5), np.arange(10.0), CVSpec(kind="group", group_column="store"),
                   0.2, classify=False)


@pytest.mark.parametrize("n", [10, 11, 13, 17, 24, 31, 49])
@pytest.mark.parametrize("kind", ["stratified", "kfold", "time", "group"])
@pytest.mark.parametrize("frac", [0.1, 0.2, 0.5])
def test_small_tables_never_hit_sklearn_fold_errors(n, kind, frac):
    rng = np.random.default_rng(n)
    classify = kind == "stratified"
    y = np.tile(np.arange(3), n)[:n] if classify else rng.normal(size=n)
    frame = pd.DataFrame({"when": pd.date_range("2020-01-01", periods=n).astype(str), "g": np.arange(n) % 4})
    cv = CVSpec(kind=kind, n_splits=5, time_column="when", group_column="g")
    folds, holdout = make_folds(frame, y, cv, frac, classify=classify)
    assert_sound(folds, holdout, y if classify else None)


def test_planned_folds_match_the_table():
    from mlpilot.tools.splits import planned_folds

    assert planned_folds(5, 10_000, 0.15) == 5
    assert planned_folds(5, 12, 0.2) == 4
    assert planned_folds(5, 40, 0.2, {"a": 37, "b": 3}) == 2
    assert planned_folds(5, 40_000, 0.15, {"a": 39_997, "b": 3}) == 5  # large: unstratified folds instead
