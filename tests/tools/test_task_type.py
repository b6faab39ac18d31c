"""The one task-type inference, on target columns, data summaries, named metrics and the request's words."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from mlpilot.errors import MlpilotError
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.profile import profile_dataset
from mlpilot.tools.task_type import TargetValues, infer_task_type


@pytest.mark.parametrize(
    "values,expected",
    [
        (["yes", "no", "yes", None], "binary"),
        ([0, 1, 1, 0], "binary"),
        ([True, False, True], "binary"),
        ([2.5, 7.5, 2.5], "binary"),
        (["a", "b", "c", "a"], "multiclass"),
        ([1, 2, 3, 4, 5] * 10, "multiclass"),
        ([1.0, 2.0, 3.0, np.nan] * 2, "multiclass"),
        ([1, 2, 3, 4, 5] * 10 + [9], "regression"),  # a level seen once: a score, not a class
        (list(range(100)), "regression"),
        ([0.5, 1.5, 2.25, 3.0], "regression"),
    ],
)
def test_infer_task_type(values, expected):
    assert infer_task_type(TargetValues.of(pd.Series(values, name="t")))[0] == expected


@pytest.mark.parametrize(
    "values,expected",
    [([np.nan, np.nan], "no values (all missing)"), (["a", "a", None], "single value ('a')"), ([3, 3], "single value (3)")],
)
def test_unusable_targets(values, expected):
    y = pd.Series(values, name="label")
    with pytest.raises(MlpilotError, match=r"target 'label' has .*") as info:
        TargetValues.of(y)
    assert expected in str(info.value)
    with pytest.raises(MlpilotError, match="target 'label'"):
        profile_dataset(pd.DataFrame({"x": range(len(values)), "label": values}), "label", "binary")


@pytest.mark.parametrize(
    "levels,metric,words,expected",
    [
        (12, None, "predict the grade", "multiclass"),  # few integer levels
        (12, None, "how many bikes will be rented", "regression"),  # ... unless the words ask for a quantity
        (12, "rmse", "predict the grade", "regression"),  # the metric decides
        (40, None, "predict the grade", "regression"),
        (40, None, "classify each row by its grade", "multiclass"),  # the words make up to 50 classes
        (40, "accuracy", "predict the grade", "multiclass"),
        (2, None, "how much", "binary"),
    ],
)
def test_the_metric_and_the_words_decide_for_integer_targets(levels, metric, words, expected):
    y = pd.Series(np.arange(200) % levels, name="grade")
    for values in (TargetValues.of(y), TargetValues.described(str(y.dtype), levels)):  # the column or its summary
        assert infer_task_type(values, get_metric(metric) if metric else None, words)[0] == expected
