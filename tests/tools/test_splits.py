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
