"""The trial worker: ``python -m mlpilot.sandboxes.worker --data-dir D --out-dir O``.

Runs inside a sandbox and speaks the JSON-lines protocol of ``mlpilot.sandboxes.base``. It scores with
mlpilot's own metric code, writes out-of-fold predictions and models only under the output directory, and
keeps stdout for the protocol (anything a library prints goes to stderr).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import time
import traceback
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from mlpilot.layout import MODEL_FILE
from mlpilot.sandboxes.base import TrialJob, TrialOutcome
from mlpilot.tools.importance import feature_importance
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.model import TabularModel
from mlpilot.tools.model_io import save_model, skops_io
from mlpilot.tools.pipeline import build_pipeline
from mlpilot.tools.space import FAMILIES
from mlpilot.tools.splits import TRAIN, VALID

ES_ROUNDS = 50
SMALL_ROWS = 300
FIT_SHARE = 0.85  # of a cv job's time limit spent fitting; the rest predicts, scores and saves
GROWN = {"random_forest": ("n_estimators", 25), "extra_trees": ("n_estimators", 25), "hist_gb": ("max_iter", 20)}


class Pruned(Exception):
    """Stopped after a fold: ``args`` are the fold scores so far and the seconds spent fitting and predicting."""


class Worker:
    def __init__(self, data_dir: Path, out_dir: Path, channel, commands):
        self.data_dir, self.out_dir = data_dir, out_dir
        self.channel, self.commands = channel, commands
        self._frames: dict[str, pd.DataFrame] = {}
        self._generated: dict[tuple[str, str], pd.DataFrame] = {}  # transformed tables by (file, code)

    def send(self, message: dict) -> None:
        self.channel.write(json.dumps(message) + "\n")
        self.channel.flush()

    def frame(self, name: str) -> pd.DataFrame:
        if name not in self._frames:
            self._frames[name] = pd.read_parquet(self.data_dir / name)
        return self._frames[name]

    def serve(self) -> None:
        for line in self.commands:
            message = json.loads(line)
            if message["op"] == "ping":
                self.send({"type": "pong"})
            elif message["op"] == "run":
                job = TrialJob(**message["job"])
                self.send({"type": "started"})
                self.send({"type": "result", "outcome": self.run(job).model_dump(mode="json")})

    def run(self, job: TrialJob) -> TrialOutcome:
        start = time.monotonic()
        out = self.out_dir / job.out_subdir
        out.mkdir(parents=True, exist_ok=True)
        try:
            with threadpool_limits(limits=job.threads):  # OpenMP and BLAS too: side-by-side workers never oversubscribe
                outcome = {"cv": self.cross_validate, "fit": self.fit, "transform": self.transform}[job.kind](job, out)
        except Pruned as stop:
            outcome = TrialOutcome(job_id=job.job_id, status="PRUNED", fold_scores=stop.args[0], info=stop.args[1],
                                   reason="pruned: running score behind the median of earlier trials")
        except MemoryError:
            outcome = TrialOutcome(job_id=job.job_id, status="FAIL", reason="out of memory (MemoryError)")
        except Exception as exc:  # the trial's own failure: report it, keep serving
            traceback.print_exc(file=sys.stderr)
            outcome = TrialOutcome(job_id=job.job_id, status="FAIL",
                                   reason=f"{type(exc).__name__}: {str(exc).strip()[:300]}")
        outcome.seconds = time.monotonic() - start
        return outcome

    def features(self, job: TrialJob) -> tuple[pd.DataFrame, np.ndarray]:
        frame = self.frame(job.data_file)
        return self.generated(job, job.data_file, frame.drop(columns=[job.target])), frame[job.target].to_numpy()

    def generated(self, job: TrialJob, name: str, X: pd.DataFrame) -> pd.DataFrame:
        """``X`` after the job's feature code, if any (the last few transformed tables are kept)."""
        if not job.feature_code:
            return X
        key = (name, job.feature_code)
        if key not in self._generated:
            if len(self._generated) >= 2:
                self._generated.pop(next(iter(self._generated)))  # free the oldest first
            self._generated[key] = generate(job.feature_code, X)
        return self._generated[key]

    def new_rows(self, job: TrialJob) -> pd.DataFrame | None:
        """The job's test table, through the same feature code as the training rows."""
        if not job.test_file:
            return None
        return self.generated(job, job.test_file, self.frame(job.test_file))

    def predictions(self, out: Path, job: TrialJob, **preds) -> dict[str, str]:
        """Save named prediction arrays next to the job's other outputs; their relative paths."""
        files = {}
        for name, pred in preds.items():
            if pred is not None:
                np.save(out / f"{name}.npy", pred)
                files[name] = f"{job.out_subdir}/{name}.npy"
        return files

    def transform(self, job: TrialJob, out: Path) -> TrialOutcome:
        if not job.feature_code:
            raise ValueError("a transform job needs feature_code")
        generated = generate(job.feature_code, pd.read_parquet(self.data_dir / job.data_file))
        generated.to_parquet(out / "features.parquet")
        return TrialOutcome(job_id=job.job_id, status="COMPLETE", frame_file=f"{job.out_subdir}/features.parquet")

    def cross_validate(self, job: TrialJob, out: Path) -> TrialOutcome:
        """Score ``configs[0]`` out of fold and keep the fold models: their average is a deliverable model."""
        start = time.monotonic()
        config = job.configs[0]
        metric = get_metric(job.metric)
        X, y = self.features(job)
        folds = np.load(self.data_dir / job.folds_file)
        n_classes = len(job.classes or [])
        oof = np.full((len(y), n_classes) if n_classes else len(y), np.nan)
        held = np.load(self.data_dir / job.holdout_file) if job.holdout_file else np.array([], dtype=int)
        new = self.new_rows(job)
        held_pred, new_pred = 0.0, 0.0  # fold models' average on the holdout and the new rows
        scores, rounds, members, fitting, predicting = [], [], [], 0.0, 0.0

        def seconds() -> dict:  # spent so far fitting and predicting (the rest of the trial is overhead)
            return {"fit_s": round(fitting, 3), "predict_s": round(predicting, 3)}

        for k, fold in enumerate(folds):
            train, valid = fold == TRAIN, fold == VALID
            if job.max_train_rows and train.sum() > job.max_train_rows:  # a cheap first look: fewer rows
                keep = np.random.default_rng(job.seed + k).choice(np.flatnonzero(train), job.max_train_rows, replace=False)
                train = np.isin(np.arange(len(fold)), keep)
            # each fold may use its share of the time limit plus whatever earlier folds left unused
            until = start + FIT_SHARE * job.time_limit_s * (k + 1) / len(folds) if job.time_limit_s else None
            pipe = build_pipeline(config, job.profile, seed=job.seed + k, threads=job.threads)
            fit_start = time.perf_counter()
            best = fit_model(pipe, config, X[train], y[train], X[valid], y[valid], until=until)
            fitting += time.perf_counter() - fit_start
            if best:
                rounds.append(best)
            predict_start = time.perf_counter()
            pred = predict_model(pipe, X[valid], n_classes)
            oof[valid] = pred
            share = float(k == len(folds) - 1) if job.last_fold_only else 1 / len(folds)
            if share:
                if len(held):
                    held_pred = held_pred + predict_model(pipe, X.iloc[held], n_classes) * share
                if new is not None:
                    new_pred = new_pred + predict_model(pipe, new, n_classes) * share
                members.append(pipe)
            predicting += time.perf_counter() - predict_start
            scores.append(metric.score(y[valid], pred))
            self.send({"type": "fold", "step": k, "value": float(np.mean(scores))})
            if json.loads(self.commands.readline())["op"] == "prune":
                raise Pruned(scores, seconds())
        used = (folds == VALID).any(axis=0)
        np.save(out / "oof.npy", oof)
        bag = self.model(job, members, [1.0] * len(members))
        value = metric.score(y[used], oof[used])
        candidate = job.keep_model_above is None or not metric.better(job.keep_model_above, value)
        saving = time.perf_counter()
        if candidate:  # a trial below the candidates' entry can never be chosen: its models are not saved
            save_model(bag, out / MODEL_FILE)
        info = {"importance": feature_importance(bag), "save_s": round(time.perf_counter() - saving, 3)} | seconds() | (
            {"best_rounds": int(np.mean(rounds) * 1.1) + 1} if rounds else {})
        files = self.predictions(out, job, holdout=held_pred if len(held) else None,
                                 test=new_pred if new is not None else None)
        return TrialOutcome(job_id=job.job_id, status="COMPLETE", value=value, fold_scores=scores,
                            oof_file=f"{job.out_subdir}/oof.npy", pred_files=files, info=info,
                            model_file=f"{job.out_subdir}/{MODEL_FILE}" if candidate else None)

    def fit(self, job: TrialJob, out: Path) -> TrialOutcome:
        X, y = self.features(job)
        members = []
        for i, config in enumerate(job.configs):
            pipe = build_pipeline(config, job.profile, seed=job.seed + i, threads=job.threads)
            fit_model(pipe, config, X, y)
            members.append(pipe)
        model = self.model(job, members, job.weights or [1.0] * len(members))
        save_model(model, out / MODEL_FILE)
        new = self.new_rows(job)
        k = len(job.classes or [])
        test = None if new is None else sum(w * predict_model(m, new, k) for w, m in zip(model.weights_, members))
        files = self.predictions(out, job, test=test)
        return TrialOutcome(job_id=job.job_id, status="COMPLETE", model_file=f"{job.out_subdir}/{MODEL_FILE}",
                            pred_files=files)

    def model(self, job: TrialJob, members: list, weights: list[float]) -> TabularModel:
        """The deliverable: fitted pipelines averaged with ``weights``, taking the raw training columns they use
        (integer ids only when a member uses them as numbers)."""
        unused = [] if any(c.get("ids_as_numbers") for c in job.configs) else job.profile.ordered_ids
        raw = [c for c in self.frame(job.data_file).columns if c != job.target and c not in unused]
        return TabularModel(members=members, weights=weights, classes=job.classes, task=job.profile.task_type,
                            features=raw, feature_code=job.feature_code, class_weights=job.class_weights)


def generate(code: str, X: pd.DataFrame) -> pd.DataFrame:
    """Run generated ``transform(df)`` on a copy of ``X``; it must keep one row per input row."""
    namespace: dict = {}
    exec(compile(code, "<feature_code>", "exec"), namespace)
    out = namespace["transform"](X.copy())
    if not isinstance(out, pd.DataFrame) or len(out) != len(X):
        raise ValueError("transform(df) must return a DataFrame with one row per input row")
    return out


def fit_model(pipe, config: dict, X, y, X_val=None, y_val=None, until: float | None = None) -> int | None:
    """Fit ``pipe``; boosting families stop early on the validation fold. Returns the rounds used.

    ``until`` (a ``time.monotonic`` value) makes the fit anytime: boosting stops adding rounds, forests trees
    and the MLP epochs once it has passed, so a trial ends with a usable model instead of a timeout.
    """
    family = FAMILIES[config["family"]]
    prep, model = pipe[:-1], pipe[-1]
    estimator = getattr(model, "regressor", model)
    if family.name == "hist_gb" and len(X) < SMALL_ROWS:
        # its own validation split needs more rows than this: no early stopping, LightGBM's 100 rounds instead
        estimator.set_params(early_stopping=False, max_iter=min(100, estimator.get_params()["max_iter"]))
    if family.name in GROWN and until is not None and estimator is model:
        Xt = prep.fit_transform(X, y)
        param = GROWN[family.name][0]
        total = model.get_params()[param]
        grown = _grow(model, GROWN[family.name], Xt, y, until)
        # a forest cut short by the deadline: its tree count is what a refit should grow (as boosting's rounds are)
        return grown if param == "n_estimators" and grown < total else None
    if until is not None and "time_limit" in estimator.get_params():  # epochs stop once the deadline is past
        estimator.set_params(time_limit=max(0.0, until - time.monotonic()))
    stop_early = family.early_stopping and X_val is not None and "n_estimators" not in config
    if not (family.name in ("lightgbm", "xgboost", "catboost") and (stop_early or until is not None)):
        pipe.fit(X, y)
        return None
    # boosting: early stopping on the validation fold unless the rounds are fixed; the deadline either way
    Xt = prep.fit_transform(X, y)
    eval_set = [(prep.transform(X_val), np.log1p(y_val) if estimator is not model else y_val)] if stop_early else None
    if family.name == "lightgbm":
        import lightgbm as lgb

        callbacks = ([lgb.early_stopping(ES_ROUNDS, verbose=False)] if stop_early else []) + (
            [_lgb_deadline(until)] if until else [])
        model.fit(Xt, y, eval_set=eval_set, callbacks=callbacks)
        fitted = getattr(model, "regressor_", model)
        return int(fitted.best_iteration_ or fitted.n_estimators) if stop_early else None
    if family.name == "catboost":
        model.fit(Xt, y, eval_set=eval_set, early_stopping_rounds=ES_ROUNDS if stop_early else None, until=until)
        fitted = getattr(model, "regressor_", model)
        return int(fitted.best_iteration_) + 1 if stop_early and fitted.best_iteration_ is not None else None
    estimator.set_params(early_stopping_rounds=ES_ROUNDS if stop_early else None,
                         callbacks=[_xgb_deadline(until)] if until else None)
    model.fit(Xt, y, eval_set=eval_set, verbose=False)
    fitted = getattr(model, "regressor_", model)
    for part in {id(estimator): estimator, id(fitted): fitted}.values():
        part.set_params(callbacks=None)  # the deadline is not part of the model
    if not stop_early:
        return None
    booster = fitted.get_booster()  # a deadline in the first round stops it before early stopping keeps a best
    return int(booster.attributes().get("best_iteration", booster.num_boosted_rounds() - 1)) + 1


def _grow(model, step: tuple[str, int], X, y, until: float) -> int:
    """Fit ``step[1]`` more trees (or iterations) at a time with warm starts until done or past ``until``;
    returns how many were grown."""
    param, size = step
    total = model.get_params()[param]
    grown = min(size, total)
    model.set_params(warm_start=True, **{param: grown})
    while True:
        model.fit(X, y)
        stopped = param == "max_iter" and model.n_iter_ < grown  # its own early stopping ended it
        if grown >= total or stopped or time.monotonic() >= until:
            return grown
        grown = min(grown + size, total)
        model.set_params(**{param: grown})


def _lgb_deadline(until: float):
    import lightgbm as lgb

    def stop(env) -> None:
        if time.monotonic() >= until:
            raise lgb.callback.EarlyStopException(env.iteration, env.evaluation_result_list)

    stop.order = 40  # after early stopping's own check
    return stop


def _xgb_deadline(until: float):
    import xgboost as xgb

    class Deadline(xgb.callback.TrainingCallback):
        def after_iteration(self, model, epoch, evals_log) -> bool:
            return time.monotonic() >= until

    return Deadline()


def predict_model(pipe, X, n_classes: int) -> np.ndarray:
    """Values for regression (``n_classes`` 0), else probabilities with a column for each of ``n_classes``."""
    if not n_classes:
        return pipe.predict(X)
    proba = pipe.predict_proba(X)
    if proba.shape[1] < n_classes:  # a class absent from this fold's training rows
        full = np.zeros((len(X), n_classes))
        full[:, pipe.classes_.astype(int)] = proba
        proba = full
    return proba


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--out-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    channel = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)  # library prints land in the log, not in the protocol
    sys.stdout = sys.stderr
    warnings.filterwarnings("ignore", message=".*eval_set.*deprecated")  # LightGBM >= 4.6 renames it
    skops_io()  # every cv job saves its fold models: import before the first job, not during it
    importlib.import_module("lightgbm")  # the first trial of every plan is default LightGBM: likewise
    Worker(args.data_dir, args.out_dir, channel, sys.stdin).serve()


if __name__ == "__main__":
    main()
