"""Node: refit on all rows when time allows, save the model, predictions, leaderboard, summary, report."""

from __future__ import annotations

import json
import shutil

from langgraph.runtime import Runtime

from mlpilot.agent.backends.experience import ExperienceStore
from mlpilot.agent.data import sample_submission, table
from mlpilot.agent.fitting import fit_in_sandbox
from mlpilot.agent.state import Deps, RunState
from mlpilot.events import Delivered, StageStarted
from mlpilot.sandboxes import trial_output
from mlpilot.tools.model_io import load_model
from mlpilot.tools.report import write_report
from mlpilot.tools.submission import leaderboard, make_submission

REPORT_S = 3.0
MIN_FIT_S = 10.0  # a fallback fit gets at least this long: the budget rule allows max(10%, 10 s) over


def deliver(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    spec = state.spec
    ctx.emit(StageStarted(stage="deliver", detail="final model, predictions, report"))
    run_dir = ctx.run_dir
    verified = run_dir / "trials" / f"verify-{state.attempt}" / "model.skops"
    warnings = list(state.warnings)
    model, fallback = None, "no time to refit on all rows: delivering the model fitted without the holdout"
    if ctx.remaining() > 1.4 * state.refit_s + REPORT_S or not verified.exists():
        timeout = ctx.remaining() - REPORT_S if verified.exists() else max(ctx.remaining(), MIN_FIT_S)
        model, outcome = fit_in_sandbox(state, ctx, "final", None, timeout)
        if model is not None:
            shutil.copyfile(trial_output(run_dir / "trials", outcome.model_file), run_dir / "model.skops")
        fallback = f"refit on all rows failed ({outcome.reason}); delivering the verified model"
    if model is None and verified.exists():
        warnings.append(fallback)
        shutil.copyfile(trial_output(run_dir / "trials", f"verify-{state.attempt}/model.skops"), run_dir / "model.skops")
    if not (run_dir / "model.skops").exists():
        raise RuntimeError("no model could be fitted; see the worker logs in trials/")
    model = load_model(run_dir / "model.skops")
    for message in warnings[len(state.warnings):]:
        ctx.warn(message)
    files = {"model": "model.skops", "leaderboard": "leaderboard.csv", "events": "events.jsonl",
             "verification": "verification.json", "summary": "summary.json", "report": "report.html"}
    if state.feature_code:
        files["feature_code"] = "feature_code.py"
    test = table(ctx, state.test_path, "test")
    if test is not None:
        submission = make_submission(model, test, target=spec.target, task_type=spec.task_type, metric=spec.metric,
                                     id_column=spec.id_column, sample=sample_submission(state.test_path))
        submission.to_csv(run_dir / "predictions.csv", index=False)
        files["predictions"] = "predictions.csv"
    board = leaderboard(state.trials, spec.metric)
    usage = ctx.backend.usage.model_dump() if hasattr(ctx.backend, "usage") else {}
    if state.verdict and state.verdict.decision == "pass":
        ExperienceStore().record(spec, state.profile, state.trials)
    board.to_csv(run_dir / "leaderboard.csv", index=False)
    summary = {
        "request": state.request, "spec": spec.model_dump(), "metric": spec.metric, "cv_score": state.cv_score,
        "holdout_score": state.holdout_score, "ensemble": state.ensemble, "n_trials": len(state.trials),
        "verdict": state.verdict.decision if state.verdict else None, "warnings": warnings,
        "elapsed_s": round(ctx.elapsed(), 2), "time_budget_s": ctx.budget_s, "sandbox": ctx.sandbox.name,
        "backend": ctx.backend.name, "files": files, "llm_usage": usage,
        "llm_cost": usage.get("cost_usd", 0.0), "features": state.features.model_dump() if state.features else None,
    }
    (run_dir / "summary.json").write_text(json.dumps(summary, indent=2, default=str))
    write_report(run_dir, summary=summary, board=board, trials=state.trials, verdict=state.verdict,
                 classes=state.classes, verify_dir=run_dir / "trials" / f"verify-{state.attempt}")
    ctx.emit(Delivered(run_dir=str(run_dir), score=state.cv_score, metric=spec.metric, files=files))
    return {"files": files, "warnings": warnings}

