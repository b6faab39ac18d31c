"""Node: from the spec and profile, the families to search, validation scheme and budget split.

The expert's plan is the run's at once; an LLM's is asked in the background (the first trials run meanwhile)
and its families and configurations join the search when it answers (``late_plan``).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future

from langgraph.runtime import Runtime

from mlpilot.agent.backends.expert import ExpertBackend
from mlpilot.agent.roles import PlanInput
from mlpilot.agent.state import Deps, RunState
from mlpilot.events import Note, StageStarted
from mlpilot.schemas import Plan, TaskSpec



def plan(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    ctx.emit(StageStarted(stage="plan", detail=f"attempt {state.attempt + 1}"))
    left = ctx.remaining()
    payload = PlanInput(spec=state.spec, profile=state.profile, search_budget_s=max(0.0, left * (1 - ctx.settings.reserve_fraction)),
                        feedback=state.feedback)
    expert = ExpertBackend().complete("plan", payload)
    if not isinstance(ctx.backend, ExpertBackend):
        ctx.background["plan"] = _in_background(ctx.backend.try_complete, "plan", payload,
                                                deadline=ctx.llm_deadline("plan"))
    for line in expert.rationale:
        ctx.emit(Note(message=line))
    return {"plan": expert}


def late_plan(ctx: Deps, plan: Plan, spec: TaskSpec) -> Plan | None:
    """``plan`` merged with the LLM's, once the LLM has answered with something new (None before, and after)."""
    asked = ctx.background.get("plan")
    if asked is None or not asked.done():
        return None
    del ctx.background["plan"]
    try:
        answer = asked.result()
    except Exception as exc:  # the backend broke: the expert's plan goes on alone
        ctx.warn(f"the LLM's plan could not be used ({type(exc).__name__}: {exc})")
        return None
    if answer is None or answer == plan:
        return None
    result = merged(plan, answer, spec)
    for line in result.rationale[len(plan.rationale):]:
        ctx.emit(Note(message=line))
    return result


def _in_background(call, *args, **kwargs) -> Future:
    """``call(*args, **kwargs)`` in a daemon thread (its deadline bounds it), as a future."""
    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(call(*args, **kwargs))
        except BaseException as exc:  # handed to whoever reads the future
            future.set_exception(exc)

    threading.Thread(target=run, daemon=True, name="llm-plan").start()
    return future


def merged(base: Plan, extra: Plan, spec: TaskSpec) -> Plan:
    """``base`` (the expert's plan: its validation scheme and its defaults first, so the first trials are
    cheap and strong whatever the LLM said) with ``extra``'s families and configurations added after them."""
    allowed = set(spec.constraints.include_families) or None
    candidates = [c.model_copy(deep=True) for c in base.candidates]
    by_family = {c.family: c for c in candidates}
    for candidate in extra.candidates:
        if candidate.family in by_family:
            mine = by_family[candidate.family]
            mine.defaults += [d for d in candidate.defaults if d not in mine.defaults]
        elif (allowed is None or candidate.family in allowed) and \
                candidate.family not in spec.constraints.exclude_families:
            candidates.append(candidate)
            by_family[candidate.family] = candidate
    return base.model_copy(update={"candidates": candidates,
                                   "rationale": base.rationale + [f"LLM: {line}" for line in extra.rationale]})
