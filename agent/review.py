"""Node: show the plan to the person and let them approve or change it (a LangGraph interrupt), when asked to."""

from __future__ import annotations

import re

from langgraph.runtime import Runtime
from langgraph.types import interrupt

from mlpilot.agent.backends.expert_request import find_constraints
from mlpilot.agent.state import Deps, RunState
from mlpilot.errors import MlpilotError
from mlpilot.events import Note

APPROVAL = re.compile(r"^\W*(y|yes|yep|yeah|ok|okay|sure|fine|go|go ahead|approve[ds]?|run|run it|start|do it|"
                      r"looks good|lgtm|proceed|continue)\b", re.I)
REFUSAL = re.compile(r"^\W*(n|no|nope|nah|cancel|stop|abort|quit|exit|don'?t|do not|never ?mind|not now)\b", re.I)
ANSWERS = "(yes, no, or say what to change: \"only linear models\", \"don't use COLUMN\")"
ASKS = 3  # times an answer that is neither a yes, a no nor a change is asked again


def review(state: RunState, runtime: Runtime[Deps]) -> dict:
    """Approval goes on to the search; an answer that names families to use or columns to leave out changes the
    request's constraints and goes back to understand; a refusal ("no", "cancel") stops the run before the search;
    anything else is asked again (``ASKS`` times, then taken as approval, and said so).
    Re-runs from its start on resume, so nothing before the interrupts may cost anything."""
    ctx = runtime.context
    question = f"{plan_text(state)}\nGo ahead? {ANSWERS}"
    for _ in range(ASKS):
        answer = str(interrupt({"question": question, "about": "plan"}))
        change = find_constraints(answer, [str(c) for c in ctx.train.columns])
        families = [f for f in change.include_families if f not in state.families]
        exclude = [c for c in change.exclude_columns if c not in state.exclude]
        if not APPROVAL.match(answer) and (families or exclude or change.exclude_families):
            ctx.emit(Note(message=f"plan changed as asked: {answer}"))
            kept = [f for f in (state.families or families) if f not in change.exclude_families]
            return {"families": families or kept, "exclude": state.exclude + exclude, "spec": None, "plan": None,
                    "plan_approved": False, "clarifications": state.clarifications + [f"plan review: {answer}"]}
        if APPROVAL.match(answer):
            return {"plan_approved": True}
        if REFUSAL.match(answer):
            raise MlpilotError("the plan was declined at its review: nothing was searched; describe the task again "
                               "with what to change")
        question = f"I did not read {answer!r} as a yes, a no or a change. Go ahead with the plan? {ANSWERS}"
    ctx.warn(f"the answer {answer!r} names no change to the plan: going ahead with it")
    return {"plan_approved": True}


def plan_text(state: RunState) -> str:
    """The plan in a few lines: target and metric, families, validation, budget split, columns left out and why."""
    spec, profile, plan = state.spec, state.profile, state.plan
    cv = plan.cv
    lines = [f"Plan: predict {spec.target!r} ({spec.task_type}), scored by {spec.metric}.",
             f"Families, in trying order: {', '.join(c.family for c in plan.candidates)}.",
             f"Validation: {cv.n_splits}-fold {cv.kind} CV" + (f" by {cv.group_column or cv.time_column}"
                                                                if cv.group_column or cv.time_column else "")
             + (f", {plan.holdout_frac:.0%} of rows held out to check the delivered model" if plan.holdout_frac else "")
             + ".",
             f"Budget: {spec.time_budget_s:.0f} s in all, {plan.search_budget_s:.0f} s of it for the search."]
    dropped = [f"{c} (you asked)" for c in spec.constraints.exclude_columns]
    dropped += [f"{s.column} ({s.reason})" for s in profile.leakage_suspects if s.action == "dropped"]
    dropped += [f"{c.name} ({c.role})" for c in profile.columns if c.role in ("id", "constant")]
    if dropped:
        lines.append(f"Left out: {'; '.join(dropped)}.")
    strong = [f"{s.column} ({s.reason})" for s in profile.leakage_suspects if s.action == "kept"]
    if strong:
        lines.append(f"Kept, though very predictive (are they known when you predict?): {'; '.join(strong)}.")
    return "\n".join(lines)


def route_after_review(state: RunState) -> str:
    return "engineer" if state.plan_approved else "understand"


def route_after_plan(state: RunState) -> str:
    return "review" if state.review_plan and not state.plan_approved else "engineer"
