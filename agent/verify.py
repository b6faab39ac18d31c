"""Node: the verifier. Reload the model the search left for delivery (bagged fold models, none of which saw
the holdout), score it on the holdout, run the deterministic checks, and let the backend decide pass /
replan / warn from them. The verifier never fits a model of its own, and never crashes the run: a check
that fails to run is a failed check with its reason."""

from __future__ import annotations

import json

import numpy as np
from langgraph.runtime import Runtime

from mlpilot.agent.data import table, training_frame
from mlpilot.agent.fitting import MODEL_FILE
from mlpilot.agent.roles import VerifyInput
from mlpilot.agent.state import Deps, RunState
from mlpilot.events import StageStarted, Verified
from mlpilot.schemas import Check, Verdict
from mlpilot.tools import checks
from mlpilot.tools.importance import feature_importance
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.model_io import load_model
from mlpilot.tools.profile import infer_task_type

REPLAN_MIN_FRACTION = 0.3  # replan only while this share of the budget is left


def verify(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    ctx.emit(StageStarted(stage="verify", detail="score the delivered model on the holdout, check"))
    holdout_score = None
    if not state.ensemble:
        found = [Check(name="model_fits", passed=False, evidence="no trial finished within the budget")]
    else:
        try:
            found, holdout_score = _checks(state, ctx)
        except Exception as exc:  # a broken check must not cost the user the model
            found = [Check(name="verifier_ran", passed=False, severity="warning",
                           evidence=f"the checks could not run ({type(exc).__name__}: {exc})")]
    payload = VerifyInput(spec=state.spec, checks=found, attempt=state.attempt + 1, max_attempts=ctx.max_attempts)
    verdict = ctx.backend.complete("verify", payload, Verdict)
    update: dict = {"holdout_score": holdout_score}
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


def _checks(state: RunState, ctx: Deps) -> tuple[list[Check], float]:
    """The checks of the model on disk, and its holdout score."""
    spec = state.spec
    metric = get_metric(spec.metric)
    frame, y, _ = training_frame(state, ctx)
    data_dir = ctx.run_dir / "data"
    holdout = np.load(data_dir / f"holdout-{state.attempt}.npy")
    folds = np.load(data_dir / f"folds-{state.attempt}.npy")
    out = ctx.run_dir / "trials" / f"verify-{state.attempt}"
    out.mkdir(parents=True, exist_ok=True)
    model = load_model(ctx.run_dir / MODEL_FILE)
    held = frame.iloc[holdout]
    cv = state.cv_score
    holdout_score = None
    if len(holdout):
        pred = model.predict(held) if spec.task_type == "regression" else model.predict_proba(held)
        holdout_score = metric.score(y[holdout], pred)
        np.savez(out / "holdout.npz", y=y[holdout], pred=pred)
    importance = feature_importance(model)
    (out / "importance.json").write_text(json.dumps(importance))
    dummy = checks.dummy_cv_score(y, folds, metric, len(state.classes or []))
    best_folds = next((t.fold_scores for t in state.trials if str(t.number) in state.ensemble), [])
    test = table(ctx, state.test_path, "test")
    found = [
        checks.target_not_feature(spec, list(model.features), state.profile),
        checks.request_met(spec, state.request, infer_task_type(frame[spec.target]), state.metric),
        checks.beats_dummy(cv, dummy, metric),
        checks.not_too_good(cv, dummy, metric, list(importance)),
        checks.predictions_wellformed(model, held if test is None else test, spec.task_type, state.classes),
    ]
    if holdout_score is not None:
        found.append(checks.holdout_reproduces(cv, holdout_score, best_folds, metric))
    return found, holdout_score


def route_after_verify(state: RunState) -> str:
    return "plan" if state.verdict and state.verdict.decision == "replan" else "deliver"
