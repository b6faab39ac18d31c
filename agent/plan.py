"""Node: from the spec and profile, the families to search, validation scheme and budget split."""

from __future__ import annotations

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
    result = ctx.backend.complete("plan", payload, deadline=ctx.llm_deadline("plan"))
    if result != expert:
        result = merged(expert, result, state.spec)
    for line in result.rationale:
        ctx.emit(Note(message=line))
    return {"plan": result}


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
        elif allowed is None or candidate.family in allowed:
            candidates.append(candidate)
            by_family[candidate.family] = candidate
    return base.model_copy(update={"candidates": candidates,
                                   "rationale": base.rationale + [f"LLM: {line}" for line in extra.rationale]})
