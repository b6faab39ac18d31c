"""Node: from the spec and profile, the families to search, validation scheme and budget split."""

from __future__ import annotations

from langgraph.runtime import Runtime

from mlpilot.agent.roles import PlanInput
from mlpilot.agent.state import Deps, RunState
from mlpilot.events import Note, StageStarted
from mlpilot.schemas import Plan

RESERVE_FRACTION = 0.15  # of what is left, kept for verification and delivery


def plan(state: RunState, runtime: Runtime[Deps]) -> dict:
    ctx = runtime.context
    ctx.emit(StageStarted(stage="plan", detail=f"attempt {state.attempt + 1}"))
    left = ctx.remaining()
    payload = PlanInput(spec=state.spec, profile=state.profile, search_budget_s=max(0.0, left * (1 - RESERVE_FRACTION)),
                        feedback=state.feedback)
    result = ctx.backend.complete("plan", payload, Plan)
    for line in result.rationale:
        ctx.emit(Note(message=line))
    return {"plan": result}
