"""Baseline systems, run in the same harness as mlpilot: same task files, same budget, same submission format.

``dummy`` (class priors / mean) anchors normalized score 0; ``lgbm`` and ``hgb`` are library defaults on
minimally prepared features; ``flaml`` and ``autogluon`` (when installed) are AutoML systems given the
time budget and the task's metric from our registry.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from mlpilot.errors import MlpilotError
from mlpilot.evals.task import Task, label_strings

MAX_CATEGORIES = 255  # HistGradientBoosting's limit; wider string columns become ordinal codes


class Prepared:
    """Features shared by train and test (minus the id), strings as categoricals, the target encoded."""

    def __init__(self, task: Task, train: pd.DataFrame, test: pd.DataFrame):
        cfg = task.config
        columns = [c for c in test.columns if c in train.columns and c not in (cfg.id_column, cfg.target)]
        self.X, self.X_test = train[columns].copy(), test[columns].copy()
        for column in columns:
            if not pd.api.types.is_numeric_dtype(train[column]) or pd.api.types.is_bool_dtype(train[column]):
                self._encode(column)
        self.test_ids = test[cfg.id_column]
        if cfg.task_type == "regression":
            self.classes: list[str] = []
            self.y = pd.to_numeric(train[cfg.target]).to_numpy(float)
        else:
            labels = label_strings(train[cfg.target])
            self.classes = sorted(labels.unique())
            self.y = pd.Index(self.classes).get_indexer(labels)

    def _encode(self, column: str) -> None:
        levels = pd.Index(self.X[column].dropna().astype(str).unique()).sort_values()
        for frame in (self.X, self.X_test):
            codes = pd.Categorical(frame[column].astype(str).where(frame[column].notna()), categories=levels)
            if len(levels) > MAX_CATEGORIES:
                codes = np.where(codes.codes < 0, np.nan, codes.codes)
            frame[column] = codes


def submission_frame(task: Task, prepared: Prepared, prediction: np.ndarray) -> pd.DataFrame:
    """Turn values (regression) or class probabilities over ``prepared.classes`` into the submission format."""
    cfg = task.config
    frame = pd.DataFrame({cfg.id_column: prepared.test_ids.to_numpy()})
    if cfg.task_type == "regression":
        frame[cfg.target] = prediction
        return frame
    classes = task.classes()
    proba = np.zeros((len(frame), len(classes)))
    for j, label in enumerate(prepared.classes):
        if label in classes:
            proba[:, classes.index(label)] = prediction[:, j]
    if not task.metric.needs_proba:
        frame[cfg.target] = np.asarray(classes, dtype=object)[proba.argmax(axis=1)]
    elif cfg.task_type == "binary":
        frame[cfg.target] = proba[:, classes.index(task.positive_class())]
    else:
        for j, label in enumerate(classes):
            frame[label] = proba[:, j]
    return frame


def _predict(model, prepared: Prepared) -> np.ndarray:
    if prepared.classes:
        return model.predict_proba(prepared.X_test)
    return model.predict(prepared.X_test)


def fit_dummy(task: Task, data: Prepared, budget: float, threads: int, out: Path) -> np.ndarray:
    n = len(data.X_test)
    if data.classes:
        prior = np.bincount(data.y, minlength=len(data.classes)) / len(data.y)
        return np.tile(prior, (n, 1))
    name = task.metric.name
    if name == "rmsle":
        return np.full(n, np.expm1(np.log1p(np.clip(data.y, 0, None)).mean()))
    return np.full(n, np.median(data.y) if name in ("mae", "mape") else data.y.mean())


def fit_lgbm(task: Task, data: Prepared, budget: float, threads: int, out: Path) -> np.ndarray:
    import lightgbm as lgb

    model = (lgb.LGBMClassifier if data.classes else lgb.LGBMRegressor)(n_jobs=threads, verbose=-1, random_state=0)
    return _predict(model.fit(data.X, data.y), data)


def fit_hgb(task: Task, data: Prepared, budget: float, threads: int, out: Path) -> np.ndarray:
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor

    model = (HistGradientBoostingClassifier if data.classes else HistGradientBoostingRegressor)(
        categorical_features="from_dtype", random_state=0)
    return _predict(model.fit(data.X, data.y), data)


def fit_flaml(task: Task, data: Prepared, budget: float, threads: int, out: Path) -> np.ndarray:
    from flaml import AutoML

    metric = task.metric

    def loss(X_val, y_val, estimator, labels, *args, **kwargs):
        if not data.classes:
            pred = estimator.predict(X_val)
        elif metric.needs_proba:
            pred = _full_proba(estimator.predict_proba(X_val), labels, len(data.classes))
        else:
            pred = _full_proba(estimator.predict_proba(X_val), labels, len(data.classes)).argmax(axis=1)
        value = metric.score(y_val, pred)
        return (-value if metric.greater_is_better else value), {metric.name: value}

    automl = AutoML()
    automl.fit(data.X, data.y, task="classification" if data.classes else "regression", metric=loss,
               time_budget=budget, n_jobs=threads, seed=0, verbose=0, log_file_name=str(out / "flaml.log"))
    if data.classes:
        return _full_proba(automl.predict_proba(data.X_test), automl.classes_, len(data.classes))
    return automl.predict(data.X_test)


def _full_proba(proba: np.ndarray, labels, k: int) -> np.ndarray:
    """Probabilities over all k classes when a model saw only some of them (``labels`` None: all of them)."""
    proba = np.asarray(proba)
    full = np.zeros((len(proba), k))
    full[:, np.arange(proba.shape[1]) if labels is None else np.asarray(labels, dtype=int)] = proba
    return full


AUTOGLUON_METRICS = {"rmse": "root_mean_squared_error", "mae": "mean_absolute_error",
                     "mape": "mean_absolute_percentage_error", "rmsle": "root_mean_squared_error"}


def fit_autogluon(task: Task, data: Prepared, budget: float, threads: int, out: Path) -> np.ndarray:
    from autogluon.tabular import TabularPredictor

    frame = data.X.assign(__target__=data.y)
    problem = "regression" if not data.classes else ("binary" if len(data.classes) == 2 else "multiclass")
    predictor = TabularPredictor(label="__target__", problem_type=problem, path=str(out / "autogluon"),
                                 eval_metric=AUTOGLUON_METRICS.get(task.metric.name, task.metric.name), verbosity=0)
    predictor.fit(frame, time_limit=budget, presets="medium_quality", num_cpus=threads)
    if data.classes:
        proba = predictor.predict_proba(data.X_test)
        return _full_proba(proba.to_numpy(), proba.columns, len(data.classes))
    return predictor.predict(data.X_test).to_numpy()


Fit = Callable[[Task, Prepared, float, int, Path], np.ndarray]
BASELINES: dict[str, Fit] = {"dummy": fit_dummy, "lgbm": fit_lgbm, "hgb": fit_hgb, "flaml": fit_flaml,
                             "autogluon": fit_autogluon}
OPTIONAL = {"flaml": "flaml", "autogluon": "autogluon.tabular"}


def available(name: str) -> bool:
    module = OPTIONAL.get(name)
    return name in BASELINES and (module is None or importlib.util.find_spec(module.split(".")[0]) is not None)


def check_baselines(names: list[str]) -> None:
    for name in names:
        if name not in BASELINES:
            raise MlpilotError(f"unknown baseline {name!r}: use any of {', '.join(BASELINES)}")
        if not available(name):
            raise MlpilotError(f"baseline {name} needs {OPTIONAL[name]}: pip install 'mlpilot[eval]' or drop it")


def run_baseline(name: str, task: Task, budget: float, threads: int, out: Path) -> Path:
    """Fit baseline ``name`` on the task's public train file and write ``out/submission.csv``."""
    data = Prepared(task, task.read("train"), task.read("test"))
    prediction = BASELINES[name](task, data, budget, threads, out)
    path = out / "submission.csv"
    submission_frame(task, data, np.asarray(prediction)).to_csv(path, index=False)
    return path
