"""The decision rule, on out-of-fold probabilities of real models fitted on real data."""

import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict

from mlpilot.tools.decision import decide, fit_class_weights
from mlpilot.tools.metrics import get_metric


@pytest.fixture(scope="module")
def churn_probabilities(churn):
    """Out-of-fold and held-out probabilities of a real logistic regression on the churn table (26% churn)."""
    X = churn.select_dtypes("number").fillna(0).to_numpy()
    y = (churn["churn"] == "Yes").to_numpy().astype(int)
    model = LogisticRegression(max_iter=2000)
    fit, held = slice(0, 1000), slice(1000, None)
    oof = cross_val_predict(model, X[fit], y[fit], cv=5, method="predict_proba")
    return oof, y[fit], model.fit(X[fit], y[fit]).predict_proba(X[held]), y[held]


@pytest.mark.parametrize("name", ["balanced_accuracy", "f1"])
def test_weights_fitted_out_of_fold_help_on_new_rows(churn_probabilities, name):
    oof, y, held, y_held = churn_probabilities
    metric = get_metric(name)
    weights, gain = fit_class_weights(oof, y, metric)
    assert weights is not None and gain > 0
    assert weights[1] > 1  # the rarer class needs less than half the probability
    assert metric.score(y_held, decide(held, weights)) > metric.score(y_held, decide(held))


def test_accuracy_keeps_the_most_probable_class(churn_probabilities):
    oof, y, _, _ = churn_probabilities
    assert fit_class_weights(oof, y, get_metric("accuracy")) == (None, 0.0)

