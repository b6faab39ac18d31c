"""The run directory: every path a run writes or reads, named once.

    <run>/model.skops          the best model so far, replaced atomically (the deliverable from trial 1 on)
    <run>/predictions.csv      predictions for the test file, in submission format
    <run>/summary.json, leaderboard.csv, verification.json, profile.json, report.html, feature_code.py
    <run>/events.jsonl         every event of the run, as it happened
    <run>/checkpoints.sqlite   the LangGraph checkpoints; <run>/study.journal the Optuna study
    <run>/error.log            the traceback of an unexpected failure, if any
    <run>/run.lock             held by the process working in the run (``mlpilot.run_lock``)
    <run>/data/                what trials read (read-only to them): tables, folds-N.npy, holdout-N.npy
    <run>/trials/              what trials write: <study>/trial-K/, final/; verify-N/importance.json

Trials name files relative to ``data/`` and ``trials/`` (a sandbox maps them to its own mounts).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mlpilot.errors import MlpilotError

MODEL_FILE = "model.skops"
DELIVERED = {"model": MODEL_FILE, "leaderboard": "leaderboard.csv", "events": "events.jsonl",
             "profile": "profile.json", "verification": "verification.json", "summary": "summary.json",
             "report": "report.html"}
FEATURE_CODE = "feature_code.py"  # the kept generated feature step, when there is one
IMPORTANCE = "importance.json"  # in a verify directory: permutation importances of the delivered model


def writable_folder(path: str | Path, option: str = "--out") -> Path:
    """``path`` made a folder (with its parents); a one-line error naming ``option`` when it cannot be (a file is
    there, no permission, a full disk)."""
    path = Path(path).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise MlpilotError(f"{path} cannot be a folder to write to ({exc.strerror}): pass {option} with a writable "
                           "folder") from None
    return path


@dataclass(frozen=True)
class RunLayout:
    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def trials(self) -> Path:
        return self.root / "trials"

    @property
    def model(self) -> Path:
        return self.root / MODEL_FILE

    @property
    def predictions(self) -> Path:
        return self.root / "predictions.csv"

    def file(self, name: str) -> Path:
        """One of the delivered files by its key in ``DELIVERED`` ("summary", "report", ...)."""
        return self.root / DELIVERED[name]

    @property
    def checkpoints(self) -> Path:
        return self.root / "checkpoints.sqlite"

    @property
    def study_journal(self) -> Path:
        return self.root / "study.journal"

    @property
    def error_log(self) -> Path:
        return self.root / "error.log"

    @staticmethod
    def table_name(attempt: int, test: bool = False) -> str:
        """The training (or test) table an attempt's trials read, relative to ``data``."""
        return f"{'test' if test else 'train'}-{attempt}.parquet"

    @staticmethod
    def folds_name(attempt: int) -> str:
        """The fold assignment of an attempt, relative to ``data`` (as trial jobs name it)."""
        return f"folds-{attempt}.npy"

    @staticmethod
    def holdout_name(attempt: int) -> str:
        """The verifier's holdout rows of an attempt, relative to ``data``."""
        return f"holdout-{attempt}.npy"

    def verify_dir(self, attempt: int) -> Path:
        return self.trials / f"verify-{attempt}"

    def deliverable(self, name: str) -> Path:
        """Where a model fitted here (not in a trial) is saved before it is published."""
        return self.trials / name / MODEL_FILE
