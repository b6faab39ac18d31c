"""Where trial code runs: ``get_sandbox("local" | "docker" | "auto" | Sandbox, ...)``."""

from __future__ import annotations

from pathlib import Path

from mlpilot.sandboxes.base import Limits, Sandbox, TrialJob, TrialOutcome, WorkerSandbox
from mlpilot.sandboxes.local import LocalSandbox

__all__ = ["Limits", "LocalSandbox", "Sandbox", "TrialJob", "TrialOutcome", "WorkerSandbox", "get_sandbox"]


def get_sandbox(kind: str | Sandbox, data_dir: str | Path, out_dir: str | Path, limits: Limits | None = None) -> Sandbox:
    """Build the sandbox named by ``kind`` (an instance is returned as is)."""
    if isinstance(kind, Sandbox):
        return kind
    if kind == "local":
        return LocalSandbox(data_dir, out_dir, limits)
    from mlpilot.errors import MlpilotError

    raise MlpilotError(f"unknown sandbox {kind!r}: use 'local'")
