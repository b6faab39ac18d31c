"""The code writer: an LLM writes a feature-engineering step, the sandbox runs it, CV decides if it stays.

The generated source defines ``transform(df) -> df`` and is only ever executed by the sandbox worker
(``config["feature_code"]``); the host merely parses it. A failing step's error goes back to the model for a
bounded number of repairs, and a step that does not beat the baseline CV score is dropped.
"""

from __future__ import annotations

import ast
from typing import Literal

from pydantic import BaseModel, Field

from mlpilot.agent.backends.base import Backend
from mlpilot.sandboxes.base import Sandbox, TrialJob
from mlpilot.schemas import ColumnProfile, DatasetProfile, TaskSpec
from mlpilot.tools.metrics import get_metric


class FeatureCode(BaseModel):
    """The code role's answer."""

    code: str = Field(description="Python source defining transform(df: pandas.DataFrame) -> pandas.DataFrame")
    new_columns: dict[str, Literal["numeric", "categorical", "boolean"]] = Field(
        description="every column transform adds, with its role; undeclared columns never reach the model"
    )
    idea: str = Field("", description="one line: what the new columns capture")


class CodeAttempt(BaseModel):
    code: str
    result: str


class CodeInput(BaseModel):
    """role "code" -> FeatureCode"""

    spec: TaskSpec
    columns: list[ColumnProfile]
    baseline: str = Field(description="the CV score the step must beat")
    previous: list[CodeAttempt] = Field(default_factory=list)


class FeatureResult(BaseModel):
    code: str | None = Field(None, description="the kept step, or None when none beat the baseline")
    profile: DatasetProfile | None = Field(None, description="the profile with the new columns, when kept")
    value: float | None = None
    baseline: float
    attempts: list[CodeAttempt] = Field(default_factory=list)


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
                       job: TrialJob, baseline: float, *, max_attempts: int = 3,
                       timeout_s: float = 300.0) -> FeatureResult:
    """Ask for a feature step up to ``max_attempts`` times; keep the first that beats ``baseline``.

    ``job`` is a CV job of the configuration to improve (usually the best so far) and ``baseline`` its
    score. Only backends with ``try_complete`` (LLM backends) write code; any other returns no step.
    """
    result = FeatureResult(baseline=baseline)
    ask = getattr(backend, "try_complete", None)
    metric = get_metric(spec.metric)
    direction = "higher" if metric.greater_is_better else "lower"
    for attempt in range(max_attempts if ask else 0):
        payload = CodeInput(spec=spec, columns=profile.features(), previous=result.attempts,
                            baseline=f"{metric.name} {baseline:.6g} ({direction} is better)")
        answer = ask("code", payload, FeatureCode)
        if answer is None:
            break
        if problem := static_problem(answer.code):
            result.attempts.append(CodeAttempt(code=answer.code, result=f"failed before running: {problem}"))
            continue
        extended = with_columns(profile, answer.new_columns)
        config = {**job.configs[0], "feature_code": answer.code}
        trial = job.model_copy(update={"job_id": f"{job.job_id}-code{attempt}", "profile": extended,
                                       "configs": [config], "out_subdir": f"{job.out_subdir}-code{attempt}"})
        outcome = sandbox.run(trial, timeout_s=timeout_s)
        if outcome.status != "COMPLETE":
            result.attempts.append(CodeAttempt(code=answer.code, result=f"failed in the sandbox: {outcome.reason}"))
        elif not metric.better(outcome.value, baseline):
            result.attempts.append(CodeAttempt(
                code=answer.code, result=f"ran, but CV {outcome.value:.6g} does not beat {baseline:.6g}"))
        else:
            result.attempts.append(CodeAttempt(code=answer.code, result=f"kept: CV {outcome.value:.6g}"))
            return result.model_copy(update={"code": answer.code, "profile": extended, "value": outcome.value})
    return result
