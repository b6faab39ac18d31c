"""Node: the final model (the search's bagged fold models, refit on all rows when time allows), then the
predictions, leaderboard, summary and report."""

from __future__ import annotations

import json

import numpy as np
from langgraph.runtime import Runtime

from mlpilot.agent.data import sample_submission, training_frame
from mlpilot.agent.fitting import (
    bagged_model,
    blend,
    constant_model,
    fit_in_sandbox,
    publish,
    save_deliverable,
)
from mlpilot.agent.state import Deps, RunState
from mlpilot.events import Delivered, StageStarted
from mlpilot.layout import DELIVERED, FEATURE_CODE
from mlpilot.sandboxes import trial_output
from mlpilot.tools.model_io import load_model
from mlpilot.tools.report import write_report
from mlpilot.tools.submission import (
    leaderboard,
    make_submission,
    predict_for_submission,
)


def time_spent(timing: dict[str, float], elapsed: float) -> dict[str, float]:
    """Where the run's wall clock went: before the search (start-up, reading, profiling, planning), in it,
    after it (verify, refit, report), and the share of the search's sandbox time spent fitting and predicting
    models; the rest of it is the search's overhead."""
    if not timing:
        return {"elapsed_s": round(elapsed, 2)}
    lane_s = timing["search_s"] * max(timing["lanes"], 1)
    models = min(1.0, timing["model_s"] / lane_s) if lane_s > 0 else 0.0
    return {"elapsed_s": round(elapsed, 2), "before_search_s": round(timing["began_s"], 2),
            "search_s": round(timing["search_s"], 2),
            "after_search_s": round(elapsed - timing["began_s"] - timing["search_s"], 2),
            "lanes": int(timing["lanes"]), "search_model_share": round(models, 3),
            "search_overhead_share": round(1 - models, 3)}


def deliver(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    spec = state.spec
    ctx.emit(StageStarted(stage="deliver", detail="final model, predictions, report"))
    run_dir, layout = ctx.run_dir, ctx.layout
    warnings = list(dict.fromkeys(state.warnings + ctx.warned))  # kept in the state, or only told on the way
    told = len(warnings)
    if ctx.clock.finished_s is not None:
        warnings.append(f"stopped early when asked, {ctx.clock.finished_s:.0f} s into a {ctx.budget_s:.0f} s budget: "
                        "this is the best model found by then")
    model_kind, new = _final_model(state, ctx, warnings)
    for message in warnings[told:]:
        ctx.warn(message)
    files = dict(DELIVERED)
    if state.feature_code:
        files["feature_code"] = FEATURE_CODE
    test = ctx.test
    if test is not None:
        if new is None:  # predictions the sandbox did not make: the model on disk makes them
            new = predict_for_submission(load_model(layout.model), test)
        submission = make_submission(new, test, classes=state.classes, target=spec.target, task_type=spec.task_type,
                                     metric=spec.metric, id_column=spec.id_column,
                                     sample=sample_submission(state.test_path), class_weights=state.class_weights,
                                     metric_asked=spec.metric_asked)
        submission.to_csv(layout.predictions, index=False)
        files["predictions"] = layout.predictions.name
    board = leaderboard(state.trials, spec.metric)
    usage = ctx.backend.usage.model_dump() if ctx.backend.usage else {}
    if state.verdict and state.verdict.decision == "pass" and ctx.backend.experience is not None:
        ctx.backend.experience.record(spec, state.profile, state.trials)
    board.to_csv(layout.file("leaderboard"), index=False)
    summary = {
        "request": state.request, "spec": spec.model_dump(), "metric": spec.metric, "cv_score": state.cv_score,
        "holdout_score": state.holdout_score, "ensemble": state.ensemble, "n_trials": len(state.trials),
        "class_weights": state.class_weights,
        "verdict": state.verdict.decision if state.verdict else None, "warnings": warnings,
        "elapsed_s": round(ctx.elapsed(), 2), "time_budget_s": ctx.budget_s, "sandbox": ctx.sandbox.name,
        "backend": ctx.backend.name, "model": model_kind, "files": files, "llm_usage": usage,
        "llm_cost": usage.get("cost_usd", 0.0), "features": state.features.model_dump() if state.features else None,
        "leakage_suspects": [s.model_dump() for s in state.profile.leakage_suspects],
        "time": time_spent(state.timing, ctx.elapsed()),
    }
    layout.file("summary").write_text(json.dumps(summary, indent=2, default=str))
    try:
        write_report(run_dir, summary=summary, board=board, trials=state.trials, verdict=state.verdict,
                     classes=state.classes, verify_dir=layout.verify_dir(state.attempt))
    except Exception as exc:  # the report is for reading; the model and predictions are already saved
        ctx.warn(f"the report could not be written ({type(exc).__name__}: {exc})")
        files.pop("report")
    ctx.emit(Delivered(run_dir=str(run_dir), score=state.cv_score, metric=spec.metric, files=files))
    return {"files": files, "warnings": warnings}


def _final_model(state: RunState, ctx: Deps, warnings: list[str]) -> tuple[str, np.ndarray | None]:
    """Leave the model to deliver in ``run_dir/model.skops``; returns what it is and, when the sandbox made
    them, its predictions on the test rows.

    The search's ensemble of bagged fold models is the deliverable; a refit on all rows replaces it when its
    estimated cost fits the time left. With no trial finished, a fast default is fitted on all rows, and if
    even that fails, a constant model: a run always delivers.
    """
    run_dir, trials = ctx.run_dir, ctx.layout.trials
    if ctx.layout.model.exists():  # the best trial's fold models, published during the search
        if not state.ensemble:
            return "the best finished trial's bagged fold models", None
        weights = {int(n): w for n, w in state.ensemble.items()}
        new = blend(run_dir, state.trials, weights, "test") if state.test_path else None

        def fits(seconds: float) -> bool:  # a refit estimated at ``seconds``, with its margin and the report
            return ctx.remaining() > ctx.settings.refit_margin * seconds + ctx.settings.report_s

        # a regression's lead member refit on all rows beat the bag of the whole ensemble on 5 of 6 tasks where
        # only the bag fitted; a classification's bag won on all 5 (the tuning part at 30 s, bench/generalization.md)
        lead_only = (len(weights) > 1 and state.spec.task_type == "regression" and not fits(state.refit_s)
                     and state.lead_member is not None and fits(state.lead_refit_s))
        if fits(state.refit_s) or lead_only:
            # a refit killed at the deadline leaves the bundling of the fold models past it, by the seconds the
            # budget rule allows; keeping those seconds back cost the refit on tables where it fits (doctor_visits)
            outcome = fit_in_sandbox(state, ctx, "final", ctx.remaining() - ctx.settings.report_s,
                                     {str(state.lead_member): 1.0} if lead_only else None)
            if outcome.status == "COMPLETE":
                publish(run_dir, trial_output(trials, outcome.model_file))
                what = f"trial {state.lead_member} (the ensemble's lead) refit on all rows" if lead_only \
                    else "ensemble refit on all rows"
                return what, _test_predictions(trials, outcome.pred_files)
            warnings.append(f"refit on all rows failed ({outcome.reason}); delivering the bagged fold models")
        if len(weights) > 1 or state.class_weights:
            save_deliverable(run_dir, bagged_model(trials, state.trials, weights, state.class_weights),
                             f"bag-{state.attempt}")
        else:
            only = next(t for t in state.trials if t.number in weights)
            publish(run_dir, trial_output(trials, only.model_file))
        return "bagged fold models", new
    if not state.profile.features():  # no input column (the profile warned): the constant is the model
        outcome = None
    else:
        outcome = fit_in_sandbox(state, ctx, "final", max(ctx.remaining(), ctx.settings.min_fit_s))
        if outcome.status == "COMPLETE":
            publish(run_dir, trial_output(trials, outcome.model_file))
            return "default LightGBM fitted on all rows (no trial finished)", _test_predictions(trials,
                                                                                               outcome.pred_files)
        warnings.append(f"no model could be fitted ({outcome.reason}); delivering a constant prediction")
    frame, y, _ = training_frame(state, ctx)
    save_deliverable(run_dir, constant_model(state, frame, y), "constant")
    return f"constant prediction ({'nothing could be fitted' if outcome else 'no input column'})", None


def _test_predictions(trials_dir, pred_files: dict[str, str]) -> np.ndarray | None:
    return np.load(trial_output(trials_dir, pred_files["test"])) if "test" in pred_files else None
