"""The expert plan takes fewer folds on tiny tables, matching what make_folds can split."""

import pytest
from plans import plan_for


@pytest.mark.parametrize("n_rows,task,counts,folds", [
    (5000, "binary", {"0": 4000, "1": 1000}, 5),
    (12, "regression", None, 4),
    (20, "binary", {"0": 17, "1": 3}, 2),
    (13, "binary", {"0": 9, "1": 4}, 3),
    (30, "multiclass", {"a": 20, "b": 8, "c": 2}, 2),
    (100_000, "binary", {"0": 99_998, "1": 2}, 3),  # large: the usual count, unstratified where needed
])
def test_fold_count_follows_the_table(n_rows, task, counts, folds):
    p = plan_for(n_rows, task, counts)
    assert p.cv.n_splits == folds
    assert any(f"{folds}-fold" in line for line in p.rationale)


def test_time_and_group_folds_shrink_too():
    assert plan_for(12, "regression", time_column="when").cv.n_splits == 4
    assert plan_for(100_000, "regression", group_column="store").cv.n_splits == 5
