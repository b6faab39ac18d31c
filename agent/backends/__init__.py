"""Backends answer the graph's roles: the built-in expert policy (default) or an LLM provider."""

from __future__ import annotations

from pathlib import Path

from mlpilot.agent.backends.base import Backend

__all__ = ["Backend", "get_backend"]


def get_backend(
    spec: str | Backend | None = None,
    *,
    base_url: str | None = None,
    max_cost: float | None = None,
    log_dir: Path | None = None,
) -> Backend:
    """Resolve ``"expert"`` (default) or a provider spec such as ``"openai:gpt-4.1-mini"``."""
    if isinstance(spec, Backend):
        return spec
    from mlpilot.agent.backends.expert import ExpertBackend

    if spec in (None, "", "expert"):
        return ExpertBackend()
    from mlpilot.errors import MlpilotError

    raise MlpilotError(f"unknown LLM backend {spec!r}: use 'expert'")
