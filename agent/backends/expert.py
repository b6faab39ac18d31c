"""The built-in expert backend: deterministic AutoML policy behind every role, no LLM needed."""

from __future__ import annotations

from pydantic import BaseModel

from mlpilot.agent.backends.base import Backend, T
from mlpilot.agent.backends.expert_plan import plan, propose
from mlpilot.agent.backends.expert_request import understand
from mlpilot.agent.roles import VerifyInput
from mlpilot.schemas import Verdict


def verify(inp: VerifyInput) -> Verdict:
    """Replan while attempts remain and an error-level check failed; otherwise pass, or warn."""
    failed = [c for c in inp.checks if not c.passed]
    errors = [c for c in failed if c.severity == "error"]
    if not failed:
        return Verdict(decision="pass", checks=inp.checks, explanation="every check passed")
    explanation = "; ".join(f"{c.name}: {c.evidence}" for c in failed)
    if errors and inp.attempt < inp.max_attempts:
        return Verdict(decision="replan", checks=inp.checks, explanation=explanation)
    return Verdict(decision="warn", checks=inp.checks, explanation=explanation)


ROLES = {"understand": understand, "plan": plan, "propose": propose, "verify": verify}


class ExpertBackend(Backend):
    name = "expert"

    def complete(self, role: str, payload: BaseModel, schema: type[T], *, deadline: float | None = None) -> T:
        return schema.model_validate(ROLES[role](payload).model_dump())
