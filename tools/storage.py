"""A study shared with workers (``mlpilot run --storage URL`` and ``mlpilot worker``): the database storage and
the job the coordinating run posts for its workers.

The storage is Optuna's RDB storage with heartbeats: a trial whose process stopped beating for ``GRACE_S`` is
failed by the next process that asks for a trial, and queued again once (``RetryHeartbeatStaleTrialCallback``). Its
connection pool is one connection and one spare per process, so fifty workers stay within PostgreSQL's default
100 connections; connections are checked before use (``pool_pre_ping``), and a call that finds the server gone (a
restart, a network blip) is retried with new connections for ``RECONNECT_S``.

The coordinator posts a ``WorkerJob`` in the user attributes of its *home* study (``--study NAME``, holding no
trials): which study the trials are pulled from, what a trial needs, where its data are read and its outputs
written (paths every worker sees the same: shared storage), and until when trials may run.
"""

from __future__ import annotations

import os
import socket
import time
import warnings
from pathlib import Path

import optuna
import tenacity
from optuna.storages import RDBStorage, RetryHeartbeatStaleTrialCallback
from pydantic import BaseModel
from sqlalchemy import exc as sql_errors

from mlpilot.errors import MlpilotError
from mlpilot.schemas import DatasetProfile, Plan, TaskSpec
from mlpilot.settings import Settings

WORKER = f"{socket.gethostname()}:{os.getpid()}"  # recorded on every trial this process runs
HEARTBEAT_S, GRACE_S = 2, 10  # a trial silent this long is its worker's death
JOB_ATTR = "worker_job"
# heartbeats (stable since optuna 2.9), module-wide: catch_warnings is undone by threads running side by side
warnings.filterwarnings("ignore", message=r"(Argument ``(heartbeat_interval|grace_period|heartbeat_stale_trial_"
                                          r"callback)`` is an experimental|.*RetryHeartbeatStaleTrialCallback)")
RECONNECT_S = 60.0  # how long a database call waits for a server that went away to come back


def _connection_lost(exc: BaseException | None) -> bool:
    """A call that failed because the server went away: anywhere in the chain (optuna wraps errors on commit,
    and its fallback queries on a broken session raise PendingRollbackError)."""
    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, sql_errors.OperationalError | sql_errors.InterfaceError | sql_errors.PendingRollbackError):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


_reconnecting = tenacity.retry(retry=tenacity.retry_if_exception(_connection_lost), reraise=True,
                               stop=tenacity.stop_after_delay(RECONNECT_S),
                               wait=tenacity.wait_exponential(multiplier=0.2, max=2.0))


class ReconnectingStorage(RDBStorage):
    """Optuna's RDB storage whose database calls wait out a restarted server. A write whose commit reached the
    server just before the connection broke is sent again: harmless for attributes, values and heartbeats."""


for _name in ("create_new_study", "delete_study", "set_study_user_attr", "set_study_system_attr",
              "get_study_id_from_name", "get_study_name_from_id", "get_study_directions", "get_study_user_attrs",
              "get_study_system_attrs", "get_trial_user_attrs", "get_trial_system_attrs", "get_all_studies",
              "create_new_trial", "set_trial_param", "get_trial_param", "set_trial_state_values",
              "set_trial_intermediate_value", "set_trial_user_attr", "set_trial_system_attr",
              "get_trial_id_from_study_id_trial_number", "get_trial", "get_all_trials", "get_best_trial",
              "record_heartbeat", "_get_stale_trial_ids",
              # what optuna's _CachedStorage (which wraps every RDB storage a study opens) calls directly
              "_create_new_trial", "_get_best_trial_id", "_get_trials", "_set_trial_param"):
    setattr(ReconnectingStorage, _name, _reconnecting(getattr(RDBStorage, _name)))


class WorkerJob(BaseModel):
    """What a worker needs to run trials of a coordinator's study."""

    study: str  # the study trials are pulled from (the coordinator's current search)
    spec: TaskSpec
    profile: DatasetProfile
    plan: Plan
    data: dict  # tools.search.SearchData's fields
    data_dir: str  # the run's data folder and trial-output folder: the same paths on every worker
    out_dir: str
    threads: int = 1
    settings: Settings = Settings()
    deadline: float = 0.0  # time.time() after which no trial starts
    closed: bool = False  # the run is over: workers exit

    def room(self) -> float:
        return self.deadline - time.time()


def storage_for(url: str, *, wait: bool = False) -> RDBStorage:
    """Optuna's RDB storage for ``url`` (``postgresql://USER@HOST/DB``, ``sqlite:///FILE``...), with heartbeats
    and one retry of a trial whose worker died; a one-line error when the driver or the server is missing, at once
    or, with ``wait`` (a run already using the server), after ``RECONNECT_S`` of trying."""
    pool = {} if url.startswith("sqlite") else {"pool_size": 1, "max_overflow": 1, "pool_pre_ping": True,
                                                   "pool_recycle": 300}
    try:
        open_ = _reconnecting(ReconnectingStorage) if wait else ReconnectingStorage
        return open_(url, engine_kwargs=pool, heartbeat_interval=HEARTBEAT_S, grace_period=GRACE_S,
                     heartbeat_stale_trial_callback=RetryHeartbeatStaleTrialCallback(max_retry=1))
    except ImportError as exc:
        raise MlpilotError(f"the storage {safe_url(url)} needs a database driver ({exc}): for PostgreSQL, "
                           "pip install 'mlpilot[postgres]'") from None
    except Exception as exc:  # sqlalchemy's OperationalError and kin: the server, the database or the URL
        if "Failed to import DB access module" in str(exc) or isinstance(exc.__cause__, ImportError):
            raise MlpilotError(f"the storage {safe_url(url)} needs a database driver: for PostgreSQL, "
                               "pip install 'mlpilot[postgres]'") from None
        raise MlpilotError(f"cannot open the study storage {safe_url(url)} ({type(exc).__name__}: "
                           f"{str(exc).splitlines()[0][:200]}): check that the server runs and the URL") from None


def safe_url(url: str) -> str:
    """The URL without its password."""
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, user = head.partition("//")
    return f"{scheme}//{user.split(':', 1)[0]}:***@{tail}"


def _home(storage: RDBStorage, name: str, create: bool) -> optuna.Study | None:
    previous = optuna.logging.get_verbosity()
    optuna.logging.set_verbosity(max(previous, optuna.logging.WARNING))  # not a line per poll
    try:
        if create:
            return optuna.create_study(study_name=name, storage=storage, load_if_exists=True)
        return optuna.load_study(study_name=name, storage=storage)
    except KeyError:  # not created yet
        return None
    finally:
        optuna.logging.set_verbosity(previous)


def post_job(storage: RDBStorage, home: str, job: WorkerJob) -> None:
    """Post (or update) the coordinator's job in its home study."""
    _home(storage, home, create=True).set_user_attr(JOB_ATTR, job.model_dump(mode="json"))


def read_job(storage: RDBStorage, home: str) -> WorkerJob | None:
    """The job posted in ``home``, or None while there is none."""
    study = _home(storage, home, create=False)
    posted = study.user_attrs.get(JOB_ATTR) if study else None
    return WorkerJob.model_validate(posted) if posted else None


def close_job(storage: RDBStorage, home: str) -> None:
    """Tell the workers the run is over."""
    job = read_job(storage, home)
    if job is not None:
        post_job(storage, home, job.model_copy(update={"closed": True, "deadline": time.time()}))


def run_paths(job: WorkerJob) -> tuple[Path, Path]:
    """The run's data and output folders, or a one-line error when this machine does not see them."""
    data_dir, out_dir = Path(job.data_dir), Path(job.out_dir)
    if not data_dir.is_dir():
        raise MlpilotError(f"the run's data folder {data_dir} is not visible here: workers read the run's folders "
                           "at the same paths (shared storage); mount it there, then start the worker again")
    return data_dir, out_dir
