"""Fitting the chosen ensemble in the sandbox and loading it back safely (skops, trusted types only)."""

from __future__ import annotations

from mlpilot.agent.state import Deps, RunState
from mlpilot.sandboxes import trial_output
from mlpilot.sandboxes.base import TrialJob, TrialOutcome
from mlpilot.schemas import TrialRecord
from mlpilot.tools.model_io import load_model

FALLBACK = {"family": "lightgbm", "n_estimators": 100}


def member_configs(state: RunState) -> tuple[list[dict], list[float]]:
    """The ensemble's configs with their refit settings (boosting rounds found by early stopping)."""
    if not state.ensemble:
        return [dict(FALLBACK)], [1.0]
    by_number: dict[int, TrialRecord] = {t.number: t for t in state.trials}
    configs, weights = [], []
    for number, weight in state.ensemble.items():
        trial = by_number[int(number)]
        config = dict(trial.config)
        if "best_rounds" in trial.info:
            config["n_estimators"] = trial.info["best_rounds"]
        configs.append(config)
        weights.append(weight)
    return configs, weights


def fit_in_sandbox(state: RunState, ctx: Deps, name: str, rows_file: str | None, timeout_s: float):
    """Fit the ensemble on ``rows_file`` (all rows when None); returns (model or None, outcome)."""
    configs, weights = member_configs(state)
    job = TrialJob(job_id=name, kind="fit", data_file="train.parquet", target=state.spec.target,
                   metric=state.spec.metric, profile=state.profile, configs=configs, weights=weights,
                   rows_file=rows_file, out_subdir=name, classes=state.classes, threads=ctx.threads,
                   feature_code=state.feature_code)
    outcome: TrialOutcome = ctx.sandbox.run(job, timeout_s=max(timeout_s, 5.0))
    if outcome.status != "COMPLETE":
        return None, outcome
    return load_model(trial_output(ctx.run_dir / "trials", outcome.model_file)), outcome

