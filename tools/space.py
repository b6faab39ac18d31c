"""Model families: their search spaces, strong default configurations, and estimator factories.

A *config* is a plain dict ``{"family": name, **params}``; ``suggest`` draws one from an Optuna trial,
``FAMILIES[name].make(config, ...)`` builds the estimator. Spaces are plain data so they can be shown to
an LLM proposer and logged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files

import optuna

Param = tuple  # ("float"|"int", low, high, "log"|"linear") or ("cat", [choices])
MAX_ROUNDS = 3000
BASELINE = {"family": "constant"}  # class priors or the mean (median for MAE): a model must beat it to count
FLAGS = ("l1_loss", "log_target", "ids_as_numbers", "levels_as_categories")  # pipeline choices the search may make
PIPELINE_KEYS = ("family", "without", *FLAGS)  # config keys for the pipeline, not the estimator


@dataclass(frozen=True)
class FamilySpec:
    name: str
    encoding: str  # "native" (pandas categories), "codes" (float codes) or "dense" (scaled, one-hot)
    space: dict[str, Param]
    defaults: list[dict]
    make: Callable[[dict, str, int, int], object]  # (config, task_type, seed, threads) -> estimator
    early_stopping: bool = False
    fixed: dict = field(default_factory=dict)
    max_levels: int | None = None  # category levels the learner takes natively (None: every repeated level)
    few_rows_per_level: dict = field(default_factory=dict)  # settings that let it split on levels of a few rows


def _params(config: dict) -> dict:
    return {k: v for k, v in config.items() if k not in PIPELINE_KEYS}


def _lightgbm(config, task, seed, threads):
    import lightgbm as lgb

    cls = lgb.LGBMRegressor if task == "regression" else lgb.LGBMClassifier
    params = {"n_estimators": MAX_ROUNDS, "subsample_freq": 1, "verbose": -1, **_params(config)}
    if config.get("l1_loss"):
        params["objective"] = "l1"
    return cls(random_state=seed, n_jobs=threads, **params)


def _xgboost(config, task, seed, threads):
    import xgboost as xgb

    cls = xgb.XGBRegressor if task == "regression" else xgb.XGBClassifier
    params = {"n_estimators": MAX_ROUNDS, **_params(config)}
    if config.get("l1_loss"):
        params["objective"] = "reg:absoluteerror"
    return cls(random_state=seed, n_jobs=threads, tree_method="hist", enable_categorical=True,
               max_cat_to_onehot=1, **params)


def _catboost(config, task, seed, threads):
    from mlpilot.tools.catboost_model import CatBoostModel

    return CatBoostModel(task=task, random_state=seed, threads=threads, l1_loss=bool(config.get("l1_loss")),
                         **{"n_estimators": MAX_ROUNDS, **_params(config)})


def _hist_gb(config, task, seed, threads):
    from sklearn.ensemble import (
        HistGradientBoostingClassifier,
        HistGradientBoostingRegressor,
    )

    cls = HistGradientBoostingRegressor if task == "regression" else HistGradientBoostingClassifier
    loss = {"loss": "absolute_error"} if config.get("l1_loss") else {}
    return cls(random_state=seed, max_iter=1000, early_stopping=True, n_iter_no_change=20,
               categorical_features="from_dtype", **loss, **_params(config))


def _forest(kind: str):
    def make(config, task, seed, threads):
        from sklearn import ensemble

        name = {"rf": "RandomForest", "et": "ExtraTrees"}[kind]
        cls = getattr(ensemble, name + ("Regressor" if task == "regression" else "Classifier"))
        return cls(random_state=seed, n_jobs=threads, **{"n_estimators": 200, **_params(config)})  # a refit: as grown

    return make


def _constant(config, task, seed, threads):
    from sklearn.dummy import DummyClassifier, DummyRegressor

    if task == "regression":
        return DummyRegressor(strategy="median" if config.get("l1_loss") else "mean")
    return DummyClassifier(strategy="prior")


def _linear(config, task, seed, threads):
    from sklearn.linear_model import LogisticRegression, Ridge

    if task == "regression":
        return Ridge(alpha=config.get("alpha", 1.0))
    return LogisticRegression(C=config.get("C", 1.0), max_iter=3000)


def _mlp(config, task, seed, threads):
    from mlpilot.tools.mlp import TorchMLP

    return TorchMLP(task=task, random_state=seed, threads=threads, **_params(config))


FAMILIES: dict[str, FamilySpec] = {f.name: f for f in [
    FamilySpec(
        "lightgbm", "native",
        {"learning_rate": ("float", 0.01, 0.2, "log"), "num_leaves": ("int", 8, 256, "log"),
         "min_child_samples": ("int", 3, 100, "log"), "subsample": ("float", 0.5, 1.0, "linear"),
         "colsample_bytree": ("float", 0.3, 1.0, "linear"), "reg_lambda": ("float", 1e-3, 10.0, "log"),
         "reg_alpha": ("float", 1e-3, 10.0, "log"), "min_split_gain": ("float", 1e-4, 0.5, "log"),
         "cat_smooth": ("float", 1.0, 50.0, "log"), "min_data_per_group": ("int", 2, 200, "log"),
         "cat_l2": ("float", 1.0, 50.0, "log")},
        [{"learning_rate": 0.1, "num_leaves": 31, "min_child_samples": 20, "subsample": 1.0,
          "colsample_bytree": 1.0},  # LightGBM's own defaults: converges in few rounds, so the first trial is cheap
         {"learning_rate": 0.03, "num_leaves": 128, "min_child_samples": 5, "subsample": 0.8,
          "colsample_bytree": 0.7, "reg_lambda": 1.0},
         {"learning_rate": 0.05, "num_leaves": 15, "min_child_samples": 30, "subsample": 0.7,
          "colsample_bytree": 0.5, "reg_lambda": 5.0}],
        _lightgbm, early_stopping=True,
        few_rows_per_level={"cat_smooth": 1.0, "min_data_per_group": 2, "cat_l2": 1.0},
    ),
    FamilySpec(
        "xgboost", "native",
        {"learning_rate": ("float", 0.01, 0.2, "log"), "max_depth": ("int", 3, 10, "linear"),
         "min_child_weight": ("float", 0.5, 20.0, "log"), "subsample": ("float", 0.5, 1.0, "linear"),
         "colsample_bytree": ("float", 0.3, 1.0, "linear"), "reg_lambda": ("float", 1e-3, 10.0, "log"),
         "reg_alpha": ("float", 1e-3, 10.0, "log")},
        [{"learning_rate": 0.05, "max_depth": 6, "min_child_weight": 1.0, "subsample": 0.8,
          "colsample_bytree": 0.8}],
        _xgboost, early_stopping=True,
    ),
    FamilySpec(  # ordered boosting and target statistics for categories: strong defaults on small tables
        "catboost", "native",
        {"learning_rate": ("float", 0.02, 0.2, "log"), "depth": ("int", 4, 10, "linear"),
         "l2_leaf_reg": ("float", 1.0, 30.0, "log"), "random_strength": ("float", 0.1, 10.0, "log"),
         "bagging_temperature": ("float", 0.0, 1.0, "linear")},
        [{"learning_rate": 0.05, "depth": 6, "l2_leaf_reg": 3.0}],
        _catboost, early_stopping=True,
    ),
    FamilySpec(
        "hist_gb", "native",
        {"learning_rate": ("float", 0.02, 0.3, "log"), "max_leaf_nodes": ("int", 8, 128, "log"),
         "min_samples_leaf": ("int", 5, 100, "log"), "l2_regularization": ("float", 1e-4, 10.0, "log"),
         "max_features": ("float", 0.4, 1.0, "linear")},
        [{"learning_rate": 0.1, "max_leaf_nodes": 31, "min_samples_leaf": 20}],
        _hist_gb, max_levels=250,  # a category may have at most max_bins (255) levels
    ),
    FamilySpec(
        "random_forest", "codes",
        {"max_features": ("float", 0.1, 1.0, "linear"), "min_samples_leaf": ("int", 1, 20, "log")},
        [{"max_features": 0.5, "min_samples_leaf": 1}],
        _forest("rf"),
    ),
    FamilySpec(
        "extra_trees", "codes",
        {"max_features": ("float", 0.1, 1.0, "linear"), "min_samples_leaf": ("int", 1, 20, "log")},
        [{"max_features": 0.7, "min_samples_leaf": 1}],
        _forest("et"),
    ),
    FamilySpec(
        "linear", "dense",
        {"C": ("float", 1e-3, 100.0, "log"), "alpha": ("float", 1e-3, 1000.0, "log")},
        [{"C": 1.0, "alpha": 1.0}],
        _linear,
    ),
    FamilySpec(  # not searched: the baseline every search scores, so the ensemble can shrink toward it
        "constant", "codes", {}, [{}], _constant,
    ),
    FamilySpec(
        "mlp", "dense",
        {"hidden": ("int", 32, 512, "log"), "layers": ("int", 1, 3, "linear"), "dropout": ("float", 0.0, 0.5, "linear"),
         "lr": ("float", 1e-4, 1e-2, "log"), "weight_decay": ("float", 1e-6, 1e-2, "log")},
        [{"hidden": 256, "layers": 2, "dropout": 0.1, "lr": 1e-3, "weight_decay": 1e-5}],
        _mlp,
    ),
]}


def portfolio(families: list[str]) -> list[dict]:
    """The learned configurations every search starts with (``portfolio.json``, written by bench/portfolio.py),
    in order, those of ``families`` only."""
    configs = json.loads(files("mlpilot.tools").joinpath("portfolio.json").read_text())["portfolio"]
    return [c for c in configs if c["family"] in families]


def space_for(families: list[str], task_type: str) -> dict[str, dict]:
    """The searchable parameters of each family, as plain data (for logs and LLM proposers)."""
    out = {}
    for name in families:
        space = dict(FAMILIES[name].space)
        if name == "linear":
            space.pop("alpha" if task_type != "regression" else "C")
        out[name] = space
    return out


def suggest(trial: optuna.Trial, families: list[str], task_type: str) -> dict:
    """Draw a config from the joint conditional space (family first, then its parameters)."""
    family = trial.suggest_categorical("family", families)
    config: dict = {"family": family}
    for name, (kind, *args) in space_for([family], task_type)[family].items():
        key = f"{family}.{name}"
        if kind == "cat":
            config[name] = trial.suggest_categorical(key, args[0])
        else:
            low, high, scale = args
            draw = trial.suggest_float if kind == "float" else trial.suggest_int
            config[name] = draw(key, low, high, log=scale == "log")
    return config


def to_trial_params(config: dict) -> dict:
    """The Optuna parameter names of a config (for ``study.enqueue_trial``)."""
    family = config["family"]
    flags = {flag: bool(config.get(flag)) for flag in FLAGS}
    return {"family": family, **flags, **{f"{family}.{k}": v for k, v in config.items() if k in FAMILIES[family].space}}


def as_ints(config: dict, space: dict[str, dict]) -> dict:
    """``config`` with the integer parameters of its family's ``space`` as ints."""
    params = space[config["family"]]
    return {k: int(v) if k != "family" and bounds(params[k])[3] == "int" else v for k, v in config.items()}


def config_problems(i: int, config: dict, space: dict[str, dict], where: str) -> list[str]:
    """What is wrong with ``config`` (entry ``i`` of ``where``) in ``space``: unknown family or parameter, a value
    outside its range or choices, a fraction for an integer."""
    family = config.get("family")
    if family not in space:
        return [f"{where}[{i}].family {family!r} is not one of {sorted(space)}"]
    out = []
    for name, value in config.items():
        if name == "family":
            continue
        if name not in space[family]:
            out.append(f"{where}[{i}]: {family} has no parameter {name!r}; parameters: {sorted(space[family])}")
            continue
        low, high, choices, kind = bounds(space[family][name])
        if choices is not None and value not in choices:
            out.append(f"{where}[{i}].{name}={value!r} is not one of {choices}")
        elif choices is None and not (isinstance(value, (int, float)) and not isinstance(value, bool)
                                      and low <= value <= high):
            out.append(f"{where}[{i}].{name}={value!r} is outside [{low}, {high}]")
        elif kind == "int" and value != int(value):
            out.append(f"{where}[{i}].{name}={value!r} must be an integer")
    return out


def bounds(param: list) -> tuple[float | None, float | None, list | None, str]:
    """(low, high, choices, kind) of a space entry: ``[kind, low, high, scale]``, ``["cat", choices]``,
    ``[low, high]`` or a plain list of choices."""
    if param and param[0] in ("float", "int"):
        return param[1], param[2], None, param[0]
    if param and param[0] == "cat":
        return None, None, list(param[1]), "cat"
    numeric = len(param) == 2 and all(isinstance(b, (int, float)) and not isinstance(b, bool) for b in param)
    return (param[0], param[1], None, "float") if numeric else (None, None, list(param), "cat")
