"""Node: the verifier. Scores the model the search left for delivery (bagged fold models, none of which saw
the holdout) on the holdout, from the predictions its trials made in the sandbox, runs the deterministic
checks, and lets the backend decide pass / replan (back to plan, or back to understand when the target is
wrong) / warn. The verifier never fits or loads a model, and never crashes the run: a check that fails to
run is a failed check with its reason."""

from __future__ import annotations

import json

import numpy as np
from langgraph.runtime import Runtime

from mlpilot.agent.data import training_frame
from mlpilot.agent.fitting import blend
from mlpilot.agent.search import unseen_predictions
from mlpilot.agent.roles import VerifyInput
from mlpilot.agent.state import Deps, RunState
from mlpilot.settings import Settings
from mlpilot.events import StageStarted, Verified
from mlpilot.layout import IMPORTANCE
from mlpilot.schemas import Check
from mlpilot.tools import checks
from mlpilot.tools.decision import decide
from mlpilot.tools.metrics import get_metric
from mlpilot.tools.task_type import TargetValues, infer_task_type



def verify(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    ctx.emit(StageStarted(stage="verify", detail="score the delivered model on the holdout, check"))
    holdout_score = None
    target = None if state.target else checks.target_fits_data(
        state.spec, [str(c) for c in ctx.train.columns],
        ctx.test, state.request)
    if not state.profile.features():  # a replan cannot help: the profile said what to add
        found = [Check(name="model_fits", passed=False, severity="warning",
                       evidence="no input column to learn from: the constant baseline is delivered")]
    elif not state.ensemble:
        found = [Check(name="model_fits", passed=False, evidence="no trial finished within the budget")]
    else:
        try:
            found, holdout_score = _checks(state, ctx)
        except Exception as exc:  # a broken check must not cost the user the model
            found = [Check(name="verifier_ran", passed=False, severity="warning",
                           evidence=f"the checks could not run ({type(exc).__name__}: {exc})")]
    found = ([target] if target else []) + found
    wrong_target = target is not None and not target.passed and target.severity == "error"
    searches = max(state.attempt, len(state.feedback)) + 1  # a replan whose search finished nothing counts too
    payload = VerifyInput(spec=state.spec, checks=found, attempt=searches, max_attempts=ctx.settings.replan_attempts)
    verdict = ctx.backend.complete("verify", payload, deadline=ctx.llm_deadline("verify"))
    update: dict = {"holdout_score": holdout_score}
    if verdict.decision == "replan" and not wrong_target and \
            replan_search_s(ctx.remaining(), ctx.budget_s, ctx.settings) < ctx.settings.replan_min_fraction * ctx.budget_s:
        verdict = verdict.model_copy(update={"decision": "warn",
                                             "explanation": verdict.explanation + " (no time left to replan)"})
    if verdict.decision == "replan":  # a wrong target is worth the time left, however short
        update |= {"attempt": state.attempt + 1, "feedback": state.feedback + [verdict.explanation]}
        if wrong_target:
            update["rejected_targets"] = state.rejected_targets + [state.spec.target]
    elif verdict.decision == "warn":
        warning = f"verification failed: {verdict.explanation}"
        ctx.warn(warning)
        update["warnings"] = state.warnings + [warning]
    ctx.layout.file("verification").write_text(verdict.model_dump_json(indent=2))
    ctx.emit(Verified(verdict=verdict))
    return update | {"verdict": verdict}


def replan_search_s(remaining: float, budget: float, settings: Settings) -> float:
    """The search time a second attempt would get: the time left after the plan's reserve and the end's margins."""
    return (remaining * (1 - settings.reserve_fraction) - settings.end_margin * budget - settings.verify_s
            - settings.report_s)


def _checks(state: RunState, ctx: Deps) -> tuple[list[Check], float | None]:
    """The checks of the delivered ensemble, and its holdout score."""
    spec = state.spec
    metric = get_metric(spec.metric)
    frame, y, _ = training_frame(state, ctx)
    layout = ctx.layout
    holdout = np.load(layout.data / layout.holdout_name(state.attempt))
    folds = np.load(layout.data / layout.folds_name(state.attempt))
    out = layout.verify_dir(state.attempt)
    out.mkdir(parents=True, exist_ok=True)
    members = {t.number: t for t in state.trials if str(t.number) in state.ensemble}
    weights = {n: state.ensemble[str(n)] for n in members}
    cv, holdout_score = state.cv_score, None
    if len(holdout):
        pred = blend(ctx.run_dir, state.trials, weights, "holdout")
        delivered = pred if spec.task_type == "regression" else decide(pred, state.class_weights)  # values or codes
        scored = pred if state.class_weights is None else delivered  # probabilities where the metric wants them
        holdout_score = metric.score(y[holdout], scored)
        np.savez(out / "holdout.npz", y=y[holdout], pred=delivered)  # for the report
    importance = _importance(members, weights)
    (out / IMPORTANCE).write_text(json.dumps(importance))
    # the dummy on the rows the CV score is on (out of fold, then the holdout), paired with the ensemble's
    oofs, y_unseen = unseen_predictions(layout.trials, list(members.values()), folds, holdout, y)
    _, dummy_pred = checks.dummy_predictions(y, folds, metric, len(state.classes or []), holdout)  # blended above
    dummy = metric.score(y_unseen, dummy_pred)
    unseen = sum(w * oofs[n] for n, w in weights.items())
    gain_se = checks.bootstrap_se(y_unseen, unseen, metric, baseline=dummy_pred)
    best_folds = next((t.fold_scores for t in members.values()), [])
    if state.test_path:
        new = blend(ctx.run_dir, state.trials, weights, "test")
        n_new = len(ctx.test)
    else:
        new, n_new = (pred, len(holdout)) if len(holdout) else (None, 0)
    found = [
        checks.target_not_feature(spec, [c.name for c in state.profile.features()], state.profile),
        checks.request_met(spec, state.request, infer_task_type(TargetValues.of(frame[spec.target]))[0], state.metric,
                           [str(c) for c in frame.columns]),
        checks.beats_dummy(cv, dummy, metric, gain_se, n_trials=sum(t.state == "COMPLETE" for t in state.trials)),
        checks.not_too_good(cv, dummy, metric,
                            list(importance) or [s.column for s in state.profile.leakage_suspects]),
    ]
    if new is not None:
        found.append(checks.predictions_wellformed(new, n_new, spec.task_type, state.classes))
    if holdout_score is not None:
        found.append(checks.holdout_reproduces(cv, holdout_score, best_folds, metric,
                                               checks.bootstrap_se(y[holdout], scored, metric)))
    return found, holdout_score


def _importance(members: dict, weights: dict[int, float]) -> dict[str, float]:
    """Feature importance of the ensemble: its trials' importances (measured in the sandbox), weighted."""
    total: dict[str, float] = {}
    for n, w in weights.items():
        for column, share in members[n].info.get("importance", {}).items():
            total[column] = total.get(column, 0.0) + w * share
    return dict(sorted(total.items(), key=lambda kv: -kv[1]))


def route_after_verify(state: RunState) -> str:
    if not (state.verdict and state.verdict.decision == "replan"):
        return "deliver"
    return "understand" if state.spec and state.spec.target in state.rejected_targets else "plan"
