"""The Python face: AutoClassifier / AutoRegressor are scikit-learn estimators that run mlpilot, and the
delivered model is an honest, already-fitted estimator. Real searches on real data."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone, is_classifier, is_regressor
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils.estimator_checks import (
    check_estimator_cloneable, check_estimator_repr, check_estimators_unfitted, check_fit_check_is_fitted,
    check_fit_score_takes_y, check_get_params_invariance, check_mixin_order, check_n_features_in_after_fitting,
    check_no_attributes_set_in_init, check_parameters_default_constructible, check_set_params,
)

import mlpilot

pytestmark = pytest.mark.slow

# The applicable subset of check_estimator: every API check, and the fitting checks whose data a budgeted
# search can take (the rest feed 1-10 row or single-label tables, which mlpilot refuses by design with a
# one-line error, or would each cost a full search).
API_CHECKS = [check_estimator_cloneable, check_estimator_repr, check_no_attributes_set_in_init, check_mixin_order,
              check_parameters_default_constructible, check_get_params_invariance, check_set_params,
              check_estimators_unfitted]
FIT_CHECKS = [check_fit_score_takes_y, check_n_features_in_after_fitting, check_fit_check_is_fitted]


@pytest.mark.parametrize("estimator", [mlpilot.AutoClassifier(time_budget=5), mlpilot.AutoRegressor(time_budget=5)],
                         ids=["classifier", "regressor"])
def test_scikit_learn_estimator_checks(estimator):
    for check in API_CHECKS + FIT_CHECKS:
        check(type(estimator).__name__, clone(estimator))


def test_cross_val_score_runs_a_search_per_fold(tmp_path):
    X, y = load_breast_cancer(return_X_y=True)
    scores = cross_val_score(mlpilot.AutoClassifier(time_budget=20, out=str(tmp_path)), X, y, cv=3)
    assert scores.shape == (3,) and scores.min() > 0.9  # default LightGBM gets about 0.96 here
    assert len(list(tmp_path.glob("run-*/model.skops"))) == 3


def test_in_a_pipeline_with_a_frame_and_an_honest_delivered_model(tmp_path, churn):
    X, y = churn.drop(columns="churn"), churn["churn"]
    model = mlpilot.AutoClassifier(time_budget=15, metric="roc_auc", out=str(tmp_path)).fit(X, y)
    assert set(model.classes_) == set(y.unique()) and model.predict_proba(X.head(4)).shape == (4, 2)
    assert model.score(X, y) > 0.75 and (model.run_dir_ / "report.html").exists()
    delivered = model.model_
    assert is_classifier(delivered) and not hasattr(delivered, "fit")  # built fitted: refit goes through mlpilot
    assert list(delivered.feature_names_in_) == list(X.columns)
    numeric = X.select_dtypes("number").columns
    on_numbers = mlpilot.AutoClassifier(time_budget=8, out=str(tmp_path)).fit(X[numeric], y)
    with pytest.warns(UserWarning, match="does not have valid feature names"):  # as scikit-learn's own estimators
        by_position = on_numbers.predict(X[numeric].head(20).to_numpy())
    assert (by_position == on_numbers.predict(X[numeric].head(20))).all()

    Xr, yr = load_diabetes(return_X_y=True)
    pipe = make_pipeline(StandardScaler(), mlpilot.AutoRegressor(time_budget=10, out=str(tmp_path))).fit(Xr, yr)
    regressor = pipe[-1].model_
    assert is_regressor(pipe) and is_regressor(regressor) and not hasattr(regressor, "predict_proba")
    assert pipe.score(Xr, yr) > 0.4 and np.isfinite(pipe.predict(Xr[:5])).all()
