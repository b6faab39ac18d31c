import numpy as np
import pytest

from mlpilot.errors import MlpilotError
from mlpilot.tools.metrics import METRICS, check_metric_fits, get_metric, metric_named_in, unsupported_metric_in


@pytest.mark.parametrize("text,name", [
    ("optimise ROC AUC", "roc_auc"), ("use macro F1", "f1_macro"), ("score by RMSLE", "rmsle"),
    ("minimise the log-loss", "log_loss"), ("r2 please", "r2"), ("mean absolute error", "mae"),
    ("MAPE", "mape"), ("accuracy", "accuracy"), ("predict the price", None),
    ("we want to be off by as few euros as possible on average", "mae"), ("keep the average error small", "mae"),
    ("Optimise PR AUC.", "average_precision"), ("AUPRC", "average_precision"), ("area under the curve", "roc_auc"),
    ("area under the precision-recall curve", "average_precision"), ("median absolute error", None),
])
def test_metric_named_in_plain_words(text, name):
    assert metric_named_in(text) == name


def test_a_column_named_like_a_metric_is_no_metric():
    assert metric_named_in("predict r2 from the rest", ["r2", "Anger"]) is None
    assert metric_named_in("predict r2; AUC", ["r2", "Anger"]) == "roc_auc"
    assert metric_named_in("Cars (hp, weight, acc, year). Predict mpg.", ["mpg", "hp", "acceleration"]) is None


def test_scores_match_known_values():
    y = np.array([0, 1, 1, 0])
    proba = np.array([[0.9, 0.1], [0.2, 0.8], [0.4, 0.6], [0.7, 0.3]])
    assert get_metric("auc").score(y, proba) == 1.0
    assert get_metric("accuracy").score(y, proba) == 1.0
    assert get_metric("rmse").score([1.0, 3.0], [1.0, 1.0]) == pytest.approx(np.sqrt(2))
    assert get_metric("rmsle").score([0.0, np.e - 1], [0.0, 0.0]) == pytest.approx(np.sqrt(0.5))


def test_direction():
    assert get_metric("rmse").better(1.0, 2.0) and get_metric("auc").better(0.9, 0.8)
    assert all(m.worst() in (np.inf, -np.inf) for m in METRICS.values())


def test_unknown_metric_names_the_choices():
    with pytest.raises(MlpilotError, match="unknown metric 'recall'.*roc_auc"):
        get_metric("recall")


def test_metric_must_fit_the_task():
    with pytest.raises(MlpilotError, match="rmse does not fit a binary task"):
        check_metric_fits(get_metric("rmse"), "binary")


@pytest.mark.parametrize("labels", ["codes", "strings"])
def test_label_metrics_match_scikit_learn(labels):
    """Our numpy label metrics agree with scikit-learn's, labels absent from one side included."""
    import warnings

    from sklearn import metrics as skm

    rng = np.random.default_rng(0)
    warnings.simplefilter("ignore")  # scikit-learn warns about labels missing from one side
    for _ in range(200):
        k = int(rng.integers(2, 6))
        y, p = rng.integers(0, k, 30), rng.integers(0, k, 30)
        if labels == "strings":
            y, p = np.array([f"c{v}" for v in y], dtype=object), np.array([f"c{v}" for v in p], dtype=object)
        assert get_metric("balanced_accuracy").score(y, p) == pytest.approx(skm.balanced_accuracy_score(y, p))
        assert get_metric("f1_macro").score(y, p) == pytest.approx(skm.f1_score(y, p, average="macro"))
        assert get_metric("accuracy").score(y, p) == pytest.approx(skm.accuracy_score(y, p))
    y, p = rng.integers(0, 2, 50), rng.integers(0, 2, 50)
    assert get_metric("f1").score(y, p) == pytest.approx(skm.f1_score(y, p))


@pytest.mark.parametrize("text,named", [
    ("maximise recall", "recall"), ("score by MSE", "mse"), ("median absolute error", "median absolute error"),
    ("optimise recall and ROC AUC", None), ("predict the price", None),
])
def test_a_score_mlpilot_does_not_optimise_is_named_not_replaced(text, named):
    assert unsupported_metric_in(text) == named


def test_average_precision_matches_scikit_learn():
    from sklearn.metrics import average_precision_score

    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200)
    p = np.clip(y * 0.3 + rng.random(200) * 0.7, 0, 1)
    assert get_metric("pr auc").score(y, np.column_stack([1 - p, p])) == pytest.approx(average_precision_score(y, p))
    y3 = rng.integers(0, 3, 200)
    p3 = rng.dirichlet(np.ones(3), 200)
    expected = average_precision_score(np.eye(3)[y3], p3, average="macro")
    assert get_metric("average_precision").score(y3, p3) == pytest.approx(expected)
