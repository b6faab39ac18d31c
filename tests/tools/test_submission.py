import numpy as np
import pandas as pd

from mlpilot.schemas import TrialRecord
from mlpilot.tools.submission import leaderboard, make_submission


CLASSES = ["cat", "dog"]


def proba(n: int) -> np.ndarray:
    return np.tile([0.3, 0.7], (n, 1))


def test_without_a_sample_a_probability_metric_gives_labels_and_each_class_probability_with_ids():
    test = pd.DataFrame({"id": [7, 8], "x": [1, 2]})
    out = make_submission(proba(len(test)), test, classes=CLASSES, target="pet", task_type="binary", metric="roc_auc", id_column="id")
    assert list(out.columns) == ["id", "pet", "pet_proba_cat", "pet_proba_dog"]
    assert out["pet"].tolist() == ["dog", "dog"] and out["pet_proba_dog"].tolist() == [0.7, 0.7]
    three = make_submission(np.tile([0.2, 0.5, 0.3], (2, 1)), test, classes=[1, 2, 3], target="rating",
                            task_type="multiclass", metric="log_loss", id_column=None)
    assert list(three.columns) == ["rating", "rating_proba_1", "rating_proba_2", "rating_proba_3"]
    assert three["rating"].tolist() == [2, 2]


def test_sample_with_the_target_column_of_numbers_gets_the_positive_class_probability():
    test = pd.DataFrame({"id": [7, 8], "x": [1, 2]})
    sample = pd.DataFrame({"id": [7, 8], "pet": [0.5, 0.5]})
    out = make_submission(proba(len(test)), test, classes=CLASSES, target="pet", task_type="binary", metric="roc_auc",
                          id_column="id", sample=sample)
    assert list(out.columns) == ["id", "pet"] and out["pet"].tolist() == [0.7, 0.7]


def test_sample_with_labels_asks_for_labels():
    test = pd.DataFrame({"x": [1, 2]})
    sample = pd.DataFrame({"row": [0, 1], "pet": ["cat", "cat"]})
    out = make_submission(proba(len(test)), test, classes=CLASSES, target="pet", task_type="binary", metric="log_loss", id_column=None,
                          sample=sample)
    assert list(out.columns) == ["row", "pet"] and out["pet"].tolist() == ["dog", "dog"]


def test_sample_with_class_columns_gets_one_column_per_class():
    sample = pd.DataFrame({"id": [1], "cat": [0.5], "dog": [0.5]})
    out = make_submission(proba(1), pd.DataFrame({"id": [1], "x": [0]}), classes=CLASSES, target="pet", task_type="binary",
                          metric="log_loss", id_column="id", sample=sample)
    assert list(out.columns) == ["id", "cat", "dog"]
    with_a_rare_class = sample.assign(newt=[0.0])  # seen once in training: left out, so never predicted
    out = make_submission(proba(1), pd.DataFrame({"id": [1], "x": [0]}), classes=CLASSES, target="pet",
                          task_type="multiclass", metric="log_loss", id_column="id", sample=with_a_rare_class)
    assert list(out.columns) == ["id", "cat", "dog", "newt"] and out["newt"].tolist() == [0.0]


def test_leaderboard_puts_failures_last():
    trials = [TrialRecord(number=0, state="FAIL", config={"family": "mlp"}, reason="boom"),
              TrialRecord(number=1, state="COMPLETE", config={"family": "linear"}, value=0.7, fold_scores=[0.7]),
              TrialRecord(number=2, state="COMPLETE", config={"family": "lightgbm"}, value=0.8, fold_scores=[0.8])]
    board = leaderboard(trials, "roc_auc")
    assert board["trial"].tolist() == [2, 1, 0] and board.iloc[-1]["reason"] == "boom"
