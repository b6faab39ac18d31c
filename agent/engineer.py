"""Node: an LLM writes a feature-engineering step; the sandbox runs it; cross-validation decides if it stays.

The generated source defines ``transform(df) -> df`` and is only ever executed by a sandbox worker (the
host merely parses it). A failing step's error goes back to the model for a bounded number of repairs,
and a step that does not beat the plan's first default configuration without it is dropped. A kept step
runs before every trial's pipeline and inside the delivered model (in a sandbox there too).
"""

from __future__ import annotations

import ast
import time

from langgraph.runtime import Runtime

from mlpilot.agent.backends.base import Backend
from mlpilot.agent.data import write_search_data
from mlpilot.agent.roles import CodeInput
from mlpilot.agent.state import Deps, RunState
from mlpilot.events import Note, StageStarted
from mlpilot.layout import FEATURE_CODE
from mlpilot.sandboxes.base import Sandbox, TrialJob
from mlpilot.schemas import (
    CodeAttempt,
    ColumnProfile,
    DatasetProfile,
    FeatureStep,
    TaskSpec,
)
from mlpilot.tools.metrics import get_metric



def engineer(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    if state.features is not None or not ctx.backend.writes_code or ctx.remaining() < ctx.settings.code_min_left_s:
        return {}
    ctx.emit(StageStarted(stage="engineer", detail="LLM-written features, kept only if CV improves"))
    data, _, _ = write_search_data(state, ctx)
    first = (state.plan.warm_start() or [{"family": state.plan.candidates[0].family}])[0]  # library defaults
    job = TrialJob(job_id="engineer-baseline", kind="cv", data_file=data.data_file, target=state.spec.target,
                   metric=state.spec.metric, profile=state.profile, configs=[state.plan.trial_config(first)],
                   folds_file=data.folds_file, out_subdir="engineer/baseline", classes=data.classes,
                   threads=ctx.threads)
    baseline = ctx.sandbox.run(job, timeout_s=ctx.settings.code_share * ctx.remaining() / 2)
    if baseline.status != "COMPLETE":
        ctx.warn(f"no feature code: the baseline trial did not finish ({baseline.reason})")
        return {}
    # the code's share counts from here: the worker's start-up, which the first trial would wait for, is not its
    deadline = time.monotonic() + ctx.settings.code_share * ctx.remaining()
    step = write_feature_code(ctx.backend, state.spec, state.profile, ctx.sandbox, job, baseline.value,
                              deadline=deadline, max_attempts=ctx.settings.code_attempts)
    metric = get_metric(state.spec.metric)
    if step.code is None:
        ctx.emit(Note(message=f"feature code: {len(step.attempts)} attempt(s), none beat CV {metric.name} "
                              f"{baseline.value:.4f}; the search goes on without it"))
        return {"features": step}
    (ctx.run_dir / FEATURE_CODE).write_text(step.code)
    ctx.emit(Note(message=f"feature code kept ({step.idea or ', '.join(step.new_columns)}): CV {metric.name} "
                          f"{baseline.value:.4f} -> {step.value:.4f}"))
    return {"features": step, "profile": with_columns(state.profile, step.new_columns)}


def static_problem(code: str) -> str | None:
    """Why ``code`` cannot work, found by parsing it (never running it) on the host."""
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        return f"SyntaxError: {exc.msg} (line {exc.lineno})"
    if not any(isinstance(n, ast.FunctionDef) and n.name == "transform" for n in tree.body):
        return "the source does not define a top-level function transform(df)"
    return None


def with_columns(profile: DatasetProfile, columns: dict[str, str]) -> DatasetProfile:
    added = [ColumnProfile(name=name, dtype="float64" if role != "categorical" else "object", role=role,
                           n_unique=0, missing_frac=0.0) for name, role in columns.items()
             if name not in {c.name for c in profile.columns}]
    return profile.model_copy(update={"columns": profile.columns + added, "n_cols": profile.n_cols + len(added)})


def write_feature_code(backend: Backend, spec: TaskSpec, profile: DatasetProfile, sandbox: Sandbox,
                       job: TrialJob, baseline: float, *, deadline: float,
                       max_attempts: int) -> FeatureStep:
    """Ask for a feature step up to ``max_attempts`` times (until ``deadline``); keep the first that beats
    ``baseline``, the CV score of ``job`` without it."""
    step = FeatureStep(baseline=baseline)
    metric = get_metric(spec.metric)
    direction = "higher" if metric.greater_is_better else "lower"
    for attempt in range(max_attempts if backend.writes_code else 0):
        if deadline - time.monotonic() < 1.0:
            break
        payload = CodeInput(spec=spec, columns=profile.features(), previous=step.attempts,
                            baseline=f"{metric.name} {baseline:.6g} ({direction} is better)")
        answer = backend.try_complete("code", payload, deadline=deadline)
        if answer is None:
            break
        if problem := static_problem(answer.code):
            step.attempts.append(CodeAttempt(code=answer.code, result=f"failed before running: {problem}"))
            continue
        trial = job.model_copy(update={"job_id": f"{job.job_id}-code{attempt}", "feature_code": answer.code,
                                       "profile": with_columns(profile, answer.new_columns),
                                       "out_subdir": f"{job.out_subdir}-code{attempt}"})
        outcome = sandbox.run(trial, timeout_s=max(1.0, deadline - time.monotonic()))
        if outcome.status != "COMPLETE":
            step.attempts.append(CodeAttempt(code=answer.code, result=f"failed in the sandbox: {outcome.reason}"))
        elif not metric.better(outcome.value, baseline):
            step.attempts.append(CodeAttempt(
                code=answer.code, result=f"ran, but CV {outcome.value:.6g} does not beat {baseline:.6g}"))
        else:
            step.attempts.append(CodeAttempt(code=answer.code, result=f"kept: CV {outcome.value:.6g}"))
            return step.model_copy(update={"code": answer.code, "new_columns": answer.new_columns,
                                           "idea": answer.idea, "value": outcome.value})
    return step
