import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import roc_auc_score

import mlpilot
from mlpilot.agent.data import sample_submission
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


def test_an_integer_placeholder_under_a_probability_metric_gets_probabilities_not_labels(tmp_path):
    """Kaggle's AUC layout: ``Id,default`` with 0 in every row is a placeholder, no request for labels."""
    test = pd.DataFrame({"Id": [11, 12, 13], "x": [0.1, 0.9, 0.4]})
    pd.DataFrame({"Id": [11, 12, 13], "default": 0}).to_csv(tmp_path / "sample_submission.csv", index=False)
    sample = pd.read_csv(tmp_path / "sample_submission.csv")
    pred = np.array([[0.8, 0.2], [0.1, 0.9], [0.6, 0.4]])
    for metric in ("roc_auc", "log_loss", "average_precision"):
        out = make_submission(pred, test, classes=[0, 1], target="default", task_type="binary", metric=metric,
                              id_column="Id", sample=sample)
        assert list(out.columns) == ["Id", "default"] and out["default"].tolist() == [0.2, 0.9, 0.4], metric
    made_up = sample.assign(default=[0, 1, 0])  # numbers, even several: still placeholders for a probability
    out = make_submission(pred, test, classes=[0, 1], target="default", task_type="binary", metric="roc_auc",
                          id_column="Id", sample=made_up)
    assert out["default"].tolist() == [0.2, 0.9, 0.4]


def test_a_multiclass_sample_with_one_placeholder_column_gets_labels():
    """k probabilities do not fit one column: the label does."""
    test = pd.DataFrame({"id": [1, 2], "x": [0, 1]})
    out = make_submission(np.array([[0.2, 0.5, 0.3], [0.6, 0.1, 0.3]]), test, classes=[3, 5, 7], target="grade",
                          task_type="multiclass", metric="log_loss", id_column="id",
                          sample=pd.DataFrame({"id": [1, 2], "grade": [0, 0]}))
    assert list(out.columns) == ["id", "grade"] and out["grade"].tolist() == [5, 3]


def test_predictions_follow_the_samples_row_and_column_order(tmp_path):
    """Otto's layout: ids shuffled against test.csv, class columns Class_1 .. Class_11 (not sorted as text)."""
    names = [f"Class_{k}" for k in range(1, 12)]
    test = pd.DataFrame({"x": [5.0, 6.0, 7.0], "id": [30, 10, 20]})
    pd.DataFrame({"id": [10, 20, 30], **{c: 1 / 11 for c in names}}).to_csv(tmp_path / "sampleSubmission.csv",
                                                                           index=False)
    sample = pd.read_csv(tmp_path / "sampleSubmission.csv")
    pred = np.eye(11)[[2, 0, 1]]  # row i of test (id 30, 10, 20) is sure of one class
    out = make_submission(pred, test, classes=sorted(names), target="target", task_type="multiclass",
                          metric="log_loss", id_column="id", sample=sample)
    assert list(out.columns) == list(sample.columns) and out["id"].tolist() == [10, 20, 30]
    assert out[sorted(names)].to_numpy().argmax(axis=1).tolist() == [0, 1, 2]  # each id kept its own row
    other_ids = sample.assign(id=[1, 2, 3])  # not the test's ids: test.csv's order stays
    out = make_submission(pred, test, classes=sorted(names), target="target", task_type="multiclass",
                          metric="log_loss", id_column="id", sample=other_ids)
    assert out["id"].tolist() == [30, 10, 20]
    value = make_submission(np.array([1.5, 2.5, 3.5]), test, classes=None, target="price", task_type="regression",
                            metric="rmse", id_column="id", sample=pd.DataFrame({"id": [20, 30, 10], "price": 0}))
    assert list(value.columns) == ["id", "price"] and value["id"].tolist() == [20, 30, 10]
    assert value["price"].tolist() == [3.5, 1.5, 2.5]


@pytest.mark.parametrize("name", ["sample_submission.csv", "sampleSubmission.csv", "SampleSubmission.csv",
                                  "submission_format.csv", "Sample-Submission.CSV", "sample_submission_v2.csv"])
def test_the_sample_submission_is_found_whatever_its_casing_and_separators(tmp_path, name):
    pd.DataFrame({"id": [1], "x": [0]}).to_csv(tmp_path / "test.csv", index=False)
    pd.DataFrame({"id": [1], "y": [0.5]}).to_csv(tmp_path / name, index=False)
    assert list(sample_submission(str(tmp_path / "test.csv")).columns) == ["id", "y"]


def test_of_several_sample_submissions_the_shortest_name_wins_and_others_are_not_samples(tmp_path):
    pd.DataFrame({"id": [1], "x": [0]}).to_csv(tmp_path / "test.csv", index=False)
    pd.DataFrame({"id": [1], "old": [0]}).to_csv(tmp_path / "sample_submission_old.csv", index=False)
    pd.DataFrame({"id": [1], "y": [0]}).to_csv(tmp_path / "submission.csv", index=False)  # a result, not a sample
    assert sample_submission(str(tmp_path / "test.csv")).columns[1] == "old"
    pd.DataFrame({"id": [1], "new": [0]}).to_csv(tmp_path / "sample_submission.csv", index=False)
    assert sample_submission(str(tmp_path / "test.csv")).columns[1] == "new"
    (tmp_path / "sample_submission.csv").unlink()
    (tmp_path / "sample_submission_old.csv").unlink()
    assert sample_submission(str(tmp_path / "test.csv")) is None


@pytest.mark.slow
def test_a_kaggle_layout_run_writes_probabilities_in_the_samples_form(tmp_path, churn):
    """train.csv + test.csv + sampleSubmission.csv (``Id,churn`` all 0, ids in another order) under ROC AUC."""
    data = churn.assign(churn=(churn["churn"] == "Yes").astype(int)).rename_axis("Id").reset_index()
    train, test = data.iloc[:1200], data.iloc[1200:]
    train.to_csv(tmp_path / "train.csv", index=False)
    test.drop(columns="churn").to_csv(tmp_path / "test.csv", index=False)
    sample = pd.DataFrame({"Id": test["Id"][::-1].to_numpy(), "churn": 0})
    sample.to_csv(tmp_path / "sampleSubmission.csv", index=False)
    result = mlpilot.solve("predict churn; optimise ROC AUC", data=tmp_path / "train.csv", test=tmp_path / "test.csv",
                           time_budget=20, out=tmp_path / "runs")
    predictions = pd.read_csv(result.run_dir / "predictions.csv")
    assert list(predictions.columns) == ["Id", "churn"] and predictions["Id"].tolist() == sample["Id"].tolist()
    assert predictions["churn"].nunique() > 2  # probabilities, not labels
    truth = test.set_index("Id").loc[predictions["Id"], "churn"]
    assert roc_auc_score(truth, predictions["churn"]) > 0.75
    again = mlpilot.predict(result.run_dir, tmp_path / "test.csv")  # predicting the file later: the same form
    pd.testing.assert_frame_equal(again, predictions, check_exact=False, check_dtype=False)


def test_leaderboard_puts_failures_last():
    trials = [TrialRecord(number=0, state="FAIL", config={"family": "mlp"}, reason="boom"),
              TrialRecord(number=1, state="COMPLETE", config={"family": "linear"}, value=0.7, fold_scores=[0.7]),
              TrialRecord(number=2, state="COMPLETE", config={"family": "lightgbm"}, value=0.8, fold_scores=[0.8])]
    board = leaderboard(trials, "roc_auc")
    assert board["trial"].tolist() == [2, 1, 0] and board.iloc[-1]["reason"] == "boom"


def test_class_values_in_the_sample_give_labels_when_the_probability_metric_is_only_a_default(tmp_path):
    """No metric named, ``0`` in every row of the sample: the sample's form (labels) wins over the default AUC."""
    test = pd.DataFrame({"uid": [5, 6, 7], "x": [0.1, 0.9, 0.4]})
    pd.DataFrame({"uid": [5, 6, 7], "voted": 0}).to_csv(tmp_path / "sample_submission.csv", index=False)
    sample = pd.read_csv(tmp_path / "sample_submission.csv")
    pred = np.array([[0.8, 0.2], [0.1, 0.9], [0.6, 0.4]])
    out = make_submission(pred, test, classes=[0, 1], target="voted", task_type="binary", metric="roc_auc",
                          id_column="uid", sample=sample, metric_asked=False)
    assert out["voted"].tolist() == [0, 1, 0]
    halves = sample.assign(voted=0.5)  # a fraction is no class: a probability still fills it
    out = make_submission(pred, test, classes=[0, 1], target="voted", task_type="binary", metric="roc_auc",
                          id_column="uid", sample=halves, metric_asked=False)
    assert out["voted"].tolist() == [0.2, 0.9, 0.4]
