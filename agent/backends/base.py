"""The backend seam: every LLM-shaped decision in the graph goes through ``Backend.complete``.

A *role* names the decision ("understand", "plan", "propose", "verify", "code"); its input is a pydantic
model and its answer an instance of the role's output schema (``agent.backends.registry.ROLES``). The expert backend answers with deterministic code; LLM
backends render ``prompts/<role>.md`` with the input as JSON and parse the reply into ``schema``, within the
role's ``deadline`` (a ``time.monotonic()`` value): past it, the expert answers at once.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel

from mlpilot.agent.backends.experience import ExperienceStore


class Backend(ABC):
    """``writes_code``: it answers the "code" role (the expert writes no feature code). ``usage``: its LLM
    traffic (calls, tokens, cost, seconds), None without one. ``log_dir``: where it logs its calls.
    ``on_event``: called with each fallback or warning, as a dict with "kind" and "message". ``experience``: the
    store of past verified runs that plans may read and a verified run is recorded in (None: not recorded)."""

    name: str = "backend"
    writes_code: bool = False
    usage: BaseModel | None = None
    log_dir: Path | None = None
    on_event: Callable[[dict], None] | None = None
    experience: ExperienceStore | None = None

    def try_complete(self, role: str, payload: BaseModel, *, deadline: float | None = None) -> BaseModel | None:
        """This backend's own answer, or None when it has none (an LLM backend: instead of the expert's)."""
        return self.complete(role, payload, deadline=deadline)

    @abstractmethod
    def complete(self, role: str, payload: BaseModel, *, deadline: float | None = None) -> BaseModel:
        """Answer ``role`` for ``payload`` with a validated instance of its output schema, by ``deadline`` if given."""
