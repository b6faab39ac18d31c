"""Generated feature code at prediction time: it runs in a sandbox, never in the calling process.

A model whose pipeline starts with LLM-written ``transform(df)`` source keeps that source as text. When it
predicts, the frame goes to a sandbox worker as a ``transform`` job and the result comes back as parquet:
during a run, the run's own sandbox (``feature_sandbox``); elsewhere, a local sandbox started on first use
and closed at exit.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import pandas as pd

from mlpilot.sandboxes import trial_output
from mlpilot.sandboxes.base import Sandbox, TrialJob
from mlpilot.sandboxes.local import LocalSandbox

TIMEOUT_S = 300.0
_current: ContextVar[Sandbox | None] = ContextVar("feature_sandbox", default=None)
_default: LocalSandbox | None = None


@contextmanager
def feature_sandbox(sandbox: Sandbox) -> Iterator[None]:
    """Within this block, generated feature code runs in ``sandbox``."""
    token = _current.set(sandbox)
    try:
        yield
    finally:
        _current.reset(token)


def apply_feature_code(code: str, frame: pd.DataFrame) -> pd.DataFrame:
    """``transform(frame)`` as defined by ``code``, computed in a sandbox worker."""
    box = _current.get() or _local()
    name = f"features-{uuid.uuid4().hex[:12]}"
    box.data_dir.mkdir(parents=True, exist_ok=True)
    source = box.data_dir / f"{name}.parquet"
    frame.to_parquet(source)
    try:
        outcome = box.run(TrialJob(job_id=name, kind="transform", data_file=source.name, feature_code=code,
                                   out_subdir=name), timeout_s=TIMEOUT_S)
    finally:
        source.unlink(missing_ok=True)
    if outcome.status != "COMPLETE":
        raise RuntimeError(f"the model's generated feature code failed in the sandbox: {outcome.reason}")
    path = trial_output(box.out_dir, outcome.frame_file)
    try:
        return pd.read_parquet(path)
    finally:
        shutil.rmtree(path.parent, ignore_errors=True)


def _local() -> LocalSandbox:
    global _default
    if _default is None:
        root = Path(tempfile.mkdtemp(prefix="mlpilot-features-"))
        _default = LocalSandbox(root / "data", root / "out")
        atexit.register(lambda: (_default.close(), shutil.rmtree(root, ignore_errors=True)))
    return _default
