"""Where trial code runs: ``get_sandbox("local" | "docker" | "auto" | Sandbox, ...)``."""

from __future__ import annotations

from pathlib import Path

from mlpilot.errors import MlpilotError
from mlpilot.sandboxes.base import Limits, Sandbox, TrialJob, TrialOutcome, WorkerSandbox
from mlpilot.sandboxes.local import LocalSandbox

__all__ = [
    "Limits", "LocalSandbox", "Sandbox", "TrialJob", "TrialOutcome", "WorkerSandbox", "get_sandbox", "resolve_kind",
    "trial_output",
]


def resolve_kind(kind: str | Sandbox) -> tuple[str | Sandbox, str]:
    """``(kind, why)``: "auto" becomes "docker" when an engine and the current image are ready, else "local";
    a sandbox instance stays itself."""
    if isinstance(kind, Sandbox):
        return kind, "given"
    if kind in ("local", "docker"):
        return kind, "requested"
    if kind != "auto":
        raise MlpilotError(f"unknown sandbox {kind!r}: use 'local', 'docker' or 'auto'")
    from mlpilot.sandboxes.image import image_status

    state = image_status()
    if state.ready:
        return "docker", f"Docker engine and image {state.tag} are ready"
    if not state.engine:
        return "local", state.engine_detail
    if state.cli is None:
        return "local", "the docker command is not installed"
    return "local", f"image {state.tag} is not built (run `mlpilot sandbox build`)"


def get_sandbox(kind: str | Sandbox, data_dir: str | Path, out_dir: str | Path, limits: Limits | None = None) -> Sandbox:
    """Build the sandbox named by ``kind``, or bind a given instance to these directories; ``.name`` says which."""
    if isinstance(kind, Sandbox):
        return kind.bind(data_dir, out_dir)
    kind, _ = resolve_kind(kind)
    if kind == "docker":
        from mlpilot.sandboxes.docker import DockerSandbox

        return DockerSandbox(data_dir, out_dir, limits)
    return LocalSandbox(data_dir, out_dir, limits)


def trial_output(out_dir: str | Path, relative: str) -> Path:
    """The host path of a file a trial wrote, refusing anything but a regular file inside ``out_dir``.

    Trial code can write anything under the output directory, including symlinks to host files (the
    link is followed on the host) and device nodes; read trial outputs through this.
    """
    root = Path(out_dir).resolve()
    path = root.joinpath(*Path(relative).parts)
    if path.resolve() != path or not path.is_relative_to(root) or not path.is_file():
        raise MlpilotError(f"trial output {relative!r} is not a regular file inside {root}: refusing to read it")
    return path
