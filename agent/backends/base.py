"""The backend seam: every LLM-shaped decision in the graph goes through ``Backend.complete``.

A *role* names the decision ("understand", "plan", "propose", "verify"); its input is a pydantic model and
its answer is an instance of ``schema``. The expert backend answers with deterministic code; LLM backends
render ``prompts/<role>.md`` with the input as JSON and parse the reply into ``schema``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TypeVar

from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)


class Backend(ABC):
    name: str = "backend"

    @abstractmethod
    def complete(self, role: str, payload: BaseModel, schema: type[T]) -> T:
        """Answer ``role`` for ``payload`` with a validated ``schema`` instance."""
