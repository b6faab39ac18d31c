"""The roles, one object each: what a role takes and answers, the expert's answer, and what an LLM needs for it.

A role's prompt is ``prompts/<name>.md`` (filled with the input as JSON, the answer's JSON schema and the
role's ``context``); an LLM's answer must also pass the role's ``problems`` (sent back as a repair) and is
then ``tidy``-ed. Adding a role: one ``Role`` here, its prompt file, and the node that asks it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, create_model

from mlpilot.agent.backends.experience import ExperienceStore
from mlpilot.agent.backends.expert_plan import plan, propose, verify
from mlpilot.agent.backends.expert_request import understand
from mlpilot.agent.backends.provider import shorten
from mlpilot.agent.roles import (
    CodeInput,
    FeatureCode,
    PlanInput,
    Proposals,
    ProposeInput,
    TurnInput,
    UnderstandInput,
    UnderstandReply,
    VerifyInput,
)
from mlpilot.chat.intents import Intent, read_turn
from mlpilot.errors import MlpilotError
from mlpilot.schemas import Plan, Verdict
from mlpilot.tools.metrics import METRICS, check_metric_fits, get_metric
from mlpilot.tools.space import as_ints, config_problems, space_for

MAX_ENUM_COLUMNS = 300  # beyond, the target's schema lists no columns (the check after the reply still does)
SHOWN = {False: (15, 10), True: (5, 3)}  # (best, latest) history rows in a propose prompt, by compactness


@dataclass(frozen=True)
class Role:
    """``expert``: the deterministic answer (None: only an LLM answers, as for feature code). ``max_tokens``: most
    output tokens an answer may take, 2-3x what the expert's need. ``share``: of the run's budget, per call
    (None: the node sets the deadline). ``wire``: the answer schema narrowed to the input, for the LLM."""

    name: str
    input: type[BaseModel]
    output: type[BaseModel]
    expert: Callable[[BaseModel], BaseModel] | None
    max_tokens: int
    share: float | None = None
    context: Callable[[BaseModel, ExperienceStore | None, bool], dict[str, str]] = lambda payload, exp, compact: {}
    problems: Callable[[BaseModel, BaseModel], list[str]] = lambda payload, answer: []
    tidy: Callable[[BaseModel, BaseModel], BaseModel] = lambda payload, answer: answer
    wire: Callable[[BaseModel], type[BaseModel]] | None = None

    def schema_for(self, payload: BaseModel) -> type[BaseModel]:
        return self.wire(payload) if self.wire else self.output

    def expert_answer(self, payload: BaseModel) -> BaseModel:
        if self.expert is None:
            raise MlpilotError(f"the expert backend does not answer role {self.name!r}: configure an LLM with --llm")
        return self.output.model_validate(self.expert(payload).model_dump())


# ------------------------------------------------------------------------------------------- understand


def _understand_schema(payload: UnderstandInput) -> type[BaseModel]:
    """Column fields must name real columns and the metric a known one, so a server that enforces the schema
    with a grammar cannot produce a non-existent target."""
    if len(payload.columns) > MAX_ENUM_COLUMNS:
        return UnderstandReply
    column = Literal[tuple(payload.columns)]
    optional = (column | None, None)
    return create_model(UnderstandReply.__name__, __base__=UnderstandReply, target=(column, ...), id_column=optional,
                        group_column=optional, time_column=optional, metric=(Literal[tuple(METRICS)], ...))


def _understand_problems(payload: UnderstandInput, answer: UnderstandReply) -> list[str]:
    columns = set(payload.columns)
    out = [f"{field} {getattr(answer, field)!r} is not a column; columns are {sorted(columns)}"
           for field in ("target", "id_column", "group_column", "time_column")
           if getattr(answer, field) is not None and getattr(answer, field) not in columns]
    try:
        check_metric_fits(get_metric(answer.metric), answer.task_type)
    except MlpilotError as exc:
        out.append(str(exc))
    return out


# ------------------------------------------------------------------------------------------------- plan


def _plan_context(payload: PlanInput, experience: ExperienceStore | None, compact: bool) -> dict[str, str]:
    return {"experience": experience.prompt_text(payload.profile) if experience else "(none)"}


def _plan_problems(payload: PlanInput, answer: Plan) -> list[str]:
    excluded = set(payload.spec.constraints.exclude_families)
    out = [f"family {c.family} is excluded by the request" for c in answer.candidates if c.family in excluded]
    space = space_for([c.family for c in answer.candidates], payload.spec.task_type)
    defaults = [{**d, "family": c.family} for c in answer.candidates for d in c.defaults]
    out += [p for i, d in enumerate(defaults) for p in config_problems(i, d, space, "defaults")]
    return out + ([] if answer.candidates else ["candidates is empty: give at least one family"])


def _plan_tidy(payload: PlanInput, answer: Plan) -> Plan:
    """Each default configuration names its family, integer parameters as ints."""
    space = space_for([c.family for c in answer.candidates], payload.spec.task_type)
    for c in answer.candidates:
        c.defaults = [as_ints({**d, "family": c.family}, space) for d in c.defaults]
    return answer


# ---------------------------------------------------------------------------------------------- propose


def _propose_context(payload: ProposeInput, experience: ExperienceStore | None, compact: bool) -> dict[str, str]:
    """The search so far: the best and latest finished trials, recent failures, and the score to aim for."""
    metric = get_metric(payload.spec.metric)
    ranked = metric.best_first(payload.history)
    done = sorted(ranked, key=lambda t: t.number)
    best_shown, recent_shown = SHOWN[compact]
    shown = sorted({t.number: t for t in ranked[:best_shown] + done[-recent_shown:]}.values(), key=lambda t: t.number)
    rows = [json.dumps({"config": t.config, "score": round(t.value, 6), "source": t.source}, sort_keys=True)
            for t in shown]
    if len(done) > len(shown):
        rows.append(f"({len(done) - len(shown)} other finished trials not shown: the best {best_shown} and the "
                    f"latest {recent_shown} are above)")
    broken = [t for t in payload.history if t.state in ("FAIL", "TIMEOUT")]
    failed = [json.dumps({"config": t.config, "state": t.state, "reason": shorten(t.reason or "", 120)},
                         sort_keys=True) for t in broken[-recent_shown:]]
    if done:
        best = ranked[0].value
        step = 0.01 * (abs(ranked[0].value - ranked[-1].value) or abs(best) or 1.0)
        target = best + step if metric.greater_is_better else best - step
        goal = f"best so far {best:.6g}; propose configurations expected to reach about {target:.6g}"
    else:
        goal = "no finished trial yet; propose strong, diverse starting configurations"
    context = payload.model_dump(mode="json", include={"spec", "plan"}, exclude_none=True)
    profile = payload.profile
    roles: dict[str, int] = {}
    for column in profile.features():
        roles[column.role] = roles.get(column.role, 0) + 1
    context["data"] = {"n_rows": profile.n_rows, "n_features": len(profile.features()), "feature_roles": roles,
                       "task_type": profile.task_type, "class_counts": profile.class_counts,
                       "missing_frac": round(profile.missing_frac, 4), "target_skew": profile.target_skew}
    indent = None if compact else 1
    return {"context": json.dumps(context, indent=indent), "space": json.dumps(payload.space, indent=indent),
            "history": "\n".join(rows) or "(none)", "failed": "\n".join(failed) or "(none)",
            "direction": "higher" if metric.greater_is_better else "lower", "goal": goal, "n": str(payload.n)}


def _propose_problems(payload: ProposeInput, answer: Proposals) -> list[str]:
    return [p for i, c in enumerate(answer.configs) for p in config_problems(i, c, payload.space, "configs")]


def _propose_tidy(payload: ProposeInput, answer: Proposals) -> Proposals:
    """At most ``n`` proposals, integer parameters as ints."""
    answer.configs = [as_ints(c, payload.space) for c in answer.configs[: payload.n]]
    return answer


# ----------------------------------------------------------------------------------------------- verify


def _verify_problems(payload: VerifyInput, answer: Verdict) -> list[str]:
    failed = [c.name for c in payload.checks if not c.passed and c.severity == "error"]
    if answer.decision == "pass" and failed:
        return [f"decision cannot be 'pass' while error checks failed: {', '.join(failed)}"]
    return []


def _verify_tidy(payload: VerifyInput, answer: Verdict) -> Verdict:
    answer.checks = list(payload.checks)  # the checks and their numbers are ours, never the model's
    return answer


# ------------------------------------------------------------------------------------------------- chat


def _chat_schema(payload: TurnInput) -> type[BaseModel]:
    """Named columns must be real columns, so a grammar-constrained server cannot invent one."""
    if not payload.columns or len(payload.columns) > MAX_ENUM_COLUMNS:
        return Intent
    return create_model(Intent.__name__, __base__=Intent, columns=(list[Literal[tuple(payload.columns)]], []))


def _chat_problems(payload: TurnInput, answer: Intent) -> list[str]:
    out = [f"column {c!r} is not a column of the data; columns are {payload.columns}"
           for c in answer.columns if c not in payload.columns]
    if answer.kind == "predict" and not answer.path:
        out.append("kind 'predict' needs the path of the file to predict")
    if answer.kind in ("exclude",) and not answer.columns:
        out.append("kind 'exclude' needs the columns to leave out")
    if answer.kind == "families" and not (answer.families or answer.without_families):
        out.append("kind 'families' needs families or without_families")
    return out


def _chat_tidy(payload: TurnInput, answer: Intent) -> Intent:
    return answer.model_copy(update={"text": payload.text})  # the turn is the person's words, never the model's


ROLES: dict[str, Role] = {role.name: role for role in (
    Role("understand", UnderstandInput, UnderstandReply, understand, max_tokens=500, share=0.12,
         problems=_understand_problems, wire=_understand_schema),
    Role("plan", PlanInput, Plan, plan, max_tokens=1200, share=0.08, context=_plan_context,
         problems=_plan_problems, tidy=_plan_tidy),
    Role("propose", ProposeInput, Proposals, propose, max_tokens=600, share=0.04, context=_propose_context,
         problems=_propose_problems, tidy=_propose_tidy),
    Role("verify", VerifyInput, Verdict, verify, max_tokens=400, share=0.04, problems=_verify_problems,
         tidy=_verify_tidy),
    Role("code", CodeInput, FeatureCode, None, max_tokens=1500),
    Role("chat", TurnInput, Intent, lambda turn: read_turn(turn.text, turn.columns), max_tokens=200,
         problems=_chat_problems, tidy=_chat_tidy, wire=_chat_schema),
)}
