"""Node: the verifier. Refit on the non-holdout rows in the sandbox, reload through skops, run the
deterministic checks, and let the backend decide pass / replan / warn from them."""

from __future__ import annotations

import json

import numpy as np
from langgraph.runtime import Runtime

from mlpilot.agent.data import table, training_frame
from mlpilot.agent.roles import VerifyInput
from mlpilot.agent.state import Deps, RunState
from mlpilot.events import StageStarted, Verified
from mlpilot.agent.fitting import fit_in_sandbox
from mlpilot.schemas import Check, Verdict
from mlpilot.tools import checks
from mlpilot.tools.importance import feature_importance
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.profile import infer_task_type

REPLAN_MIN_FRACTION = 0.3  # replan only while this share of the budget is left


def verify(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    spec = state.spec
    metric = get_metric(spec.metric)
    ctx.emit(StageStarted(stage="verify", detail="refit without the holdout, reload, check"))
    frame, y, _ = training_frame(state, ctx)
    data_dir = ctx.run_dir / "data"
    holdout = np.load(data_dir / f"holdout-{state.attempt}.npy")
    folds = np.load(data_dir / f"folds-{state.attempt}.npy")
    name = f"verify-{state.attempt}"
    found: list[Check] = []
    holdout_score, model, refit_s = None, None, 0.0
    if not state.ensemble:
        found.append(Check(name="model_fits", passed=False, evidence="no trial finished within the budget"))
    else:
        model, outcome = fit_in_sandbox(state, ctx, name, f"fit-rows-{state.attempt}.npy", ctx.remaining())
        refit_s = outcome.seconds
        if model is None:
            found.append(Check(name="model_fits", passed=False, evidence=f"refit failed: {outcome.reason}"))
    if model is not None:
        held = frame.iloc[holdout]
        pred = model.predict(held) if spec.task_type == "regression" else model.predict_proba(held)
        holdout_score = metric.score(y[holdout], pred)
        np.savez(ctx.run_dir / "trials" / name / "holdout.npz", y=y[holdout], pred=pred)
        importance = feature_importance(model)
        (ctx.run_dir / "trials" / name / "importance.json").write_text(json.dumps(importance))
        dummy = checks.dummy_cv_score(y, folds, metric, len(state.classes or []))
        cv = state.cv_score if state.cv_score is not None else holdout_score
        best_folds = next((t.fold_scores for t in state.trials if str(t.number) in state.ensemble), [])
        test = table(ctx, state.test_path, "test")
        found += [
            checks.target_not_feature(spec, list(model.features), state.profile),
            checks.request_met(spec, state.request, infer_task_type(frame[spec.target]), state.metric),
            checks.beats_dummy(cv, dummy, metric),
            checks.not_too_good(cv, dummy, metric, list(importance)),
            checks.holdout_reproduces(cv, holdout_score, best_folds, metric),
            checks.predictions_wellformed(model, held if test is None else test, spec.task_type, state.classes),
        ]
    payload = VerifyInput(spec=spec, checks=found, attempt=state.attempt + 1, max_attempts=ctx.max_attempts)
    verdict = ctx.backend.complete("verify", payload, Verdict)
    update: dict = {"holdout_score": holdout_score, "refit_s": refit_s}
    if verdict.decision == "replan" and ctx.remaining() < REPLAN_MIN_FRACTION * ctx.budget_s:
        verdict = verdict.model_copy(update={"decision": "warn",
                                             "explanation": verdict.explanation + " (no time left to replan)"})
    if verdict.decision == "replan":
        update |= {"attempt": state.attempt + 1, "feedback": state.feedback + [verdict.explanation]}
    elif verdict.decision == "warn":
        ctx.warn(f"verification failed: {verdict.explanation}")
        update["warnings"] = state.warnings + [f"verification: {verdict.explanation}"]
    (ctx.run_dir / "verification.json").write_text(verdict.model_dump_json(indent=2))
    ctx.emit(Verified(verdict=verdict))
    return update | {"verdict": verdict}


def route_after_verify(state: RunState) -> str:
    return "plan" if state.verdict and state.verdict.decision == "replan" else "deliver"
