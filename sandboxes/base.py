"""The Sandbox interface: run one trial job in isolation and report how it went.

A sandbox owns a long-lived *worker* (``python -m mlpilot.sandboxes.worker``) that reads jobs as JSON
lines on stdin and answers on stdout. ``WorkerSandbox`` drives that protocol; a concrete sandbox only says
how to start the worker (a local subprocess, a Docker container) and how to kill it.

Protocol (one JSON object per line):
    host -> worker  {"op": "run", "job": TrialJob}
    worker -> host  {"type": "ready"}                          once, after start-up
    worker -> host  {"type": "started"}                        when it begins a job (the timeout runs from here)
    worker -> host  {"type": "fold", "step": k, "value": v}    after each CV fold; the host answers
    host -> worker  {"op": "continue"} | {"op": "prune"}
    worker -> host  {"type": "result", "outcome": TrialOutcome}

Job paths are relative: data files to the read-only data directory, outputs to the writable output
directory. Each sandbox maps the two directories to wherever its worker sees them.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from mlpilot.schemas import DatasetProfile

TrialStatus = Literal["COMPLETE", "FAIL", "TIMEOUT", "PRUNED"]


class TrialJob(BaseModel):
    """One unit of work for a worker.

    ``kind="cv"`` scores ``configs[0]`` by cross-validation over ``folds_file`` (an int8 array, one row per
    fold: 1 = train, 2 = validate, 0 = unused), writes out-of-fold predictions, keeps the fold models as one
    bagged model and saves their average predictions on ``holdout_file``'s rows and ``test_file``; it fits
    within ``time_limit_s`` (boosting stops adding rounds, forests trees, once the fold's share is spent).
    ``kind="fit"`` fits the weighted ensemble of ``configs`` on all rows of ``data_file``, saves it in skops
    format and predicts ``test_file``; ``kind="transform"`` only applies ``feature_code`` to ``data_file``.
    """

    job_id: str
    kind: Literal["cv", "fit", "transform"]
    data_file: str
    target: str = ""
    metric: str = ""
    profile: DatasetProfile | None = None
    configs: list[dict] = Field(default_factory=list)
    feature_code: str | None = Field(None, description="generated source defining transform(df), run before the models")
    weights: list[float] | None = None
    class_weights: list[float] | None = Field(None, description="fit: the delivered model's decision rule")
    folds_file: str | None = None
    out_subdir: str
    classes: list | None = Field(None, description="original labels of the target codes 0..k-1")
    seed: int = 0
    threads: int = 1
    time_limit_s: float | None = Field(None, description="cv: seconds the whole job should take")
    max_train_rows: int | None = Field(None, description="cv: fit each fold on at most this many of its rows")
    holdout_file: str | None = Field(None, description="cv: rows of data_file no fold trains on, predicted by each")
    keep_model_above: float | None = Field(None, description="cv: save the fold models only for a score at least "
                                           "this good (the entry to the ensemble's candidates when the job was made)")
    test_file: str | None = Field(None, description="cv and fit: a table of new rows to predict")
    last_fold_only: bool = Field(False, description="cv: time-ordered folds; the model kept (and its holdout and "
                                 "test predictions) is the last fold's, fitted on the most recent rows, not "
                                 "the average with models of earlier periods")


class TrialOutcome(BaseModel):
    job_id: str
    status: TrialStatus
    value: float | None = None
    fold_scores: list[float] = Field(default_factory=list)
    seconds: float = 0.0
    reason: str | None = None
    oof_file: str | None = None
    model_file: str | None = None
    frame_file: str | None = None
    pred_files: dict[str, str] = Field(default_factory=dict, description="holdout/test: the model's predictions")
    info: dict = Field(default_factory=dict)


class Limits(BaseModel):
    memory_mb: int = 8192
    cpus: int = 2
    pids: int = 512
    tmpfs_mb: int = 512


STARTUP_S = 30.0  # how long a worker may take to start (imports) before its first job's timeout runs
FoldCallback = Callable[[int, float], bool]
"""Called with (fold index, running score); returns False to prune the trial."""


class Sandbox(ABC):
    """Runs trial jobs in isolation. Use as a context manager; ``close`` releases the worker.

    A sandbox reads job inputs from ``data_dir`` and lets trials write only under ``out_dir``. It may be
    made before a run exists (``LocalSandbox(limits=...)``): ``bind`` points it at the run's directories.
    """

    name: str = "sandbox"

    def __init__(self, data_dir: str | Path | None = None, out_dir: str | Path | None = None,
                 limits: Limits | None = None, *, label: str = "worker"):
        self.data_dir = Path(data_dir).resolve() if data_dir is not None else None
        self.out_dir = Path(out_dir).resolve() if out_dir is not None else None
        self.limits = limits or Limits()
        self.label = label

    def bind(self, data_dir: str | Path, out_dir: str | Path) -> Sandbox:
        """Point this sandbox at a run's directories (a running worker is closed first); returns ``self``."""
        data_dir, out_dir = Path(data_dir).resolve(), Path(out_dir).resolve()
        if (data_dir, out_dir) != (self.data_dir, self.out_dir):
            self.close()
            self.data_dir, self.out_dir = data_dir, out_dir
        return self

    @abstractmethod
    def sibling(self, label: str) -> Sandbox:
        """A sandbox like this one (same kind, directories and limits) with its own worker, for parallel trials."""

    @abstractmethod
    def run(self, job: TrialJob, *, timeout_s: float, on_fold: FoldCallback | None = None,
            startup_s: float = STARTUP_S) -> TrialOutcome:
        """Run ``job``; never raises for a job's own failure (crash, timeout, OOM) but reports it.

        ``timeout_s`` counts from when the worker begins the job; a worker still starting up (imports, after a
        restart) is waited for at most ``startup_s`` more (0: the whole job must fit in ``timeout_s``)."""

    def start(self) -> None:
        """Optionally get ready ahead of the first job."""

    @abstractmethod
    def close(self) -> None:
        """Release the worker; the sandbox may be used again afterwards (a new worker starts)."""

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class WorkerSandbox(Sandbox):
    """Drives a worker process over the JSON-lines protocol; subclasses start and kill it."""

    def __init__(self, data_dir: str | Path | None = None, out_dir: str | Path | None = None,
                 limits: Limits | None = None, *, label: str = "worker"):
        super().__init__(data_dir, out_dir, limits, label=label)
        self._proc: subprocess.Popen | None = None
        self._buffer = b""
        self._log_mark = 0

    @abstractmethod
    def _spawn(self, log) -> subprocess.Popen:
        """Start a worker whose stdin/stdout are pipes and whose stderr goes to ``log``."""

    def _kill(self, proc: subprocess.Popen) -> None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        for pipe in (proc.stdin, proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()

    @property
    def log_path(self) -> Path:
        return self.out_dir / f"{self.name}-{self.label}.log"

    def sibling(self, label: str) -> WorkerSandbox:
        return type(self)(self.data_dir, self.out_dir, self.limits, label=label)

    def _worker(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            if self.out_dir is None:
                raise RuntimeError(f"the {self.name} sandbox has no directories yet: call bind(data_dir, out_dir)")
            self.out_dir.mkdir(parents=True, exist_ok=True)
            with open(self.log_path, "ab") as log:
                self._proc = self._spawn(log)
            self._buffer = b""
        return self._proc

    def _send(self, proc: subprocess.Popen, message: dict) -> None:
        proc.stdin.write((json.dumps(message) + "\n").encode())
        proc.stdin.flush()

    def _readline(self, proc: subprocess.Popen, deadline: float) -> bytes | None:
        """Next protocol line, or None at EOF or when the deadline passes."""
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            with selectors.DefaultSelector() as sel:
                sel.register(proc.stdout, selectors.EVENT_READ)
                if not sel.select(timeout=left):
                    return None
            chunk = os.read(proc.stdout.fileno(), 1 << 16)
            if not chunk:
                return None
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line

    def start(self) -> None:
        """Start the worker now, so its imports overlap with the host's work."""
        self._worker()

    def warm_up(self, timeout_s: float = 60.0) -> float:
        """Start the worker now and wait until it is ready; returns the seconds it took."""
        start = time.monotonic()
        proc = self._worker()
        self._send(proc, {"op": "ping"})
        while (line := self._readline(proc, start + timeout_s)) is not None:
            if json.loads(line).get("type") == "pong":
                return time.monotonic() - start
        raise RuntimeError(f"{self.name} worker did not start: {self._stderr_tail()}")

    def run(self, job: TrialJob, *, timeout_s: float, on_fold: FoldCallback | None = None,
            startup_s: float = STARTUP_S) -> TrialOutcome:
        start = time.monotonic()
        deadline = start + timeout_s + startup_s
        latest = deadline  # the timeout restarts when the job begins, but never past start + timeout + startup
        proc = self._worker()
        self._log_mark = self.log_path.stat().st_size
        try:
            self._send(proc, {"op": "run", "job": job.model_dump(mode="json")})
        except BrokenPipeError:
            return self._lost(job, proc, start)
        while True:
            line = self._readline(proc, deadline)
            if line is None:
                if proc.poll() is None and time.monotonic() >= deadline:
                    self._kill(proc)
                    self.start()  # the replacement warms up while the host moves on
                    return TrialOutcome(
                        job_id=job.job_id, status="TIMEOUT", seconds=time.monotonic() - start,
                        reason=f"timed out after {timeout_s:.0f}s; worker killed",
                    )
                return self._lost(job, proc, start)
            message = json.loads(line)
            if message.get("type") == "started":
                deadline = min(time.monotonic() + timeout_s, latest)
            elif message.get("type") == "fold":
                keep = on_fold(message["step"], message["value"]) if on_fold else True
                self._send(proc, {"op": "continue" if keep else "prune"})
            elif message.get("type") == "result":
                return TrialOutcome(**message["outcome"])

    def _lost(self, job: TrialJob, proc: subprocess.Popen, start: float) -> TrialOutcome:
        """The worker died mid-job: say why as well as we can tell."""
        code = proc.wait()
        if code in (-9, 137):
            why = "worker was killed (SIGKILL): most likely it ran out of memory"
        elif code < 0:
            why = f"worker died from signal {-code}"
        else:
            why = f"worker exited with code {code}"
        tail = self._stderr_tail()
        return TrialOutcome(
            job_id=job.job_id, status="FAIL", seconds=time.monotonic() - start,
            reason=why + (f": {tail}" if tail else ""),
        )

    def _stderr_tail(self) -> str:
        try:
            with open(self.log_path, "rb") as log:
                log.seek(self._log_mark)
                lines = log.read().decode(errors="replace").strip().splitlines()
        except OSError:
            return ""
        return lines[-1][:300] if lines else ""

    def close(self) -> None:
        if self._proc is not None:  # the worker keeps no state: killing it is the fast exit (its interpreter's
            self._kill(self._proc)  # own teardown took a second, on the run's critical path)
            self._proc = None
