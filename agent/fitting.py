"""The deliverable model: bagged fold models from the search, an optional refit on all rows in the sandbox,
and a last-resort model; every one saved in skops format and loaded back with trusted types only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.pipeline import Pipeline

from mlpilot.agent.state import Deps, RunState
from mlpilot.layout import RunLayout
from mlpilot.sandboxes import trial_output
from mlpilot.sandboxes.base import TrialJob, TrialOutcome
from mlpilot.schemas import TrialRecord
from mlpilot.tools.model import TabularModel
from mlpilot.tools.model_io import load_model, save_model

FALLBACK = {"family": "lightgbm", "n_estimators": 100}


def member_configs(state: RunState, ensemble: dict[str, float] | None = None) -> tuple[list[dict], list[float]]:
    """The configs of ``ensemble`` (by default the run's) with their refit settings (boosting rounds found by
    early stopping)."""
    ensemble = state.ensemble if ensemble is None else ensemble
    if not ensemble:
        return [dict(FALLBACK)], [1.0]
    by_number: dict[int, TrialRecord] = {t.number: t for t in state.trials}
    configs, weights = [], []
    for number, weight in ensemble.items():
        trial = by_number[int(number)]
        config = dict(trial.config)
        if "best_rounds" in trial.info:
            config["n_estimators"] = trial.info["best_rounds"]
        configs.append(config)
        weights.append(weight)
    return configs, weights


def fit_in_sandbox(state: RunState, ctx: Deps, name: str, timeout_s: float,
                   ensemble: dict[str, float] | None = None) -> TrialOutcome:
    """Fit the configs of ``ensemble`` (by default the run's) on all rows in the sandbox (model file and test
    predictions in the outcome), killed after ``timeout_s``. It runs on as many threads as each trial did (one when
    trials ran side by side): its cost was estimated from theirs, and a second thread on a busy machine can make
    a boosting fit several times slower, not faster."""
    configs, weights = member_configs(state, ensemble)
    threads = 1 if state.timing.get("lanes", 1) > 1 else ctx.threads
    job = TrialJob(job_id=name, kind="fit", data_file=RunLayout.table_name(state.attempt), target=state.spec.target,
                   metric=state.spec.metric, profile=state.profile, configs=configs, weights=weights,
                   out_subdir=name, classes=state.classes, threads=threads,
                   feature_code=state.feature_code, class_weights=state.class_weights,
                   test_file=RunLayout.table_name(state.attempt, test=True) if state.test_path else None)
    return ctx.sandbox.run(job, timeout_s=timeout_s, startup_s=0)  # a cold worker counts against it


def bagged_model(trials_dir: Path, trials: list[TrialRecord], weights: dict[int, float],
                 class_weights: list[float] | None = None) -> TabularModel:
    """One model averaging the chosen trials' fold models, each trial's folds sharing its weight."""
    by_number = {t.number: t for t in trials}
    members, member_weights, features, first = [], [], [], None
    for number, weight in weights.items():
        bag = load_model(trial_output(trials_dir, by_number[number].model_file))
        first = first or bag
        members += list(bag.members)
        member_weights += [weight * w for w in bag.weights_]
        features += [c for c in bag.features if c not in features]  # a member may use the ids, another not
    return TabularModel(members=members, weights=member_weights, classes=first.classes, task=first.task,
                        features=features, feature_code=first.feature_code, class_weights=class_weights)


def blend(run_dir: Path, trials: list[TrialRecord], weights: dict[int, float], name: str) -> np.ndarray:
    """The ensemble's predictions on the holdout or the test rows: the average its trials' fold models made in
    the sandbox, weighted; no model is loaded."""
    by_number = {t.number: t for t in trials}
    return sum(w * np.load(trial_output(RunLayout(run_dir).trials, by_number[n].pred_files[name]), allow_pickle=False)
               for n, w in weights.items())


def publish(run_dir: Path, source: Path) -> None:
    """Make ``source`` the run's deliverable model, atomically (a reader never sees half a file)."""
    target = RunLayout(run_dir).model
    partial = target.with_name(f".{target.name}.partial")
    shutil.copyfile(source, partial)
    os.replace(partial, target)


def constant_model(state: RunState, frame, y: np.ndarray) -> TabularModel:
    """The last resort when nothing could be fitted in the sandbox: class priors or the mean, fitted here
    (no trial code runs), so a run always delivers predictions of the right form."""
    dummy = DummyRegressor() if state.spec.task_type == "regression" else DummyClassifier(strategy="prior")
    features = [c for c in frame.columns if c != state.spec.target]
    pipe = Pipeline([("model", dummy)]).fit(frame[features], y)
    return TabularModel(members=[pipe], weights=[1.0], classes=state.classes, task=state.spec.task_type,
                        features=features)


def save_deliverable(run_dir: Path, model, name: str) -> Path:
    """Save ``model`` under ``trials/<name>/`` and publish it."""
    path = RunLayout(run_dir).deliverable(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_model(model, path)
    publish(run_dir, path)
    return path
