"""The real-provider arm shared by the bench scripts: run it when a provider is named and its key works."""

from __future__ import annotations

from mlpilot.agent.backends import get_backend
from mlpilot.errors import MlpilotError


def real_llm(spec: str | None, base_url: str | None) -> tuple[str | None, str]:
    """``(spec, "")`` when ``spec`` names a provider that can be set up, else ``(None, why not)``."""
    if not spec or spec == "expert":
        return None, "no --llm or MLPILOT_LLM given"
    try:
        get_backend(spec, base_url=base_url)
    except MlpilotError as exc:
        return None, str(exc)
    return spec, ""
