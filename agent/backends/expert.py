"""The built-in expert backend: deterministic AutoML policy behind every role, no LLM needed."""

from __future__ import annotations

from pydantic import BaseModel

from mlpilot.agent.backends.base import Backend
from mlpilot.agent.backends.experience import ExperienceStore
from mlpilot.agent.backends.registry import ROLES


class ExpertBackend(Backend):
    name = "expert"

    def __init__(self, experience: ExperienceStore | None = None):
        self.experience = experience

    def complete(self, role: str, payload: BaseModel, *, deadline: float | None = None) -> BaseModel:
        return ROLES[role].expert_answer(payload)
