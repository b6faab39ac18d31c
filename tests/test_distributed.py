"""A study shared on a real PostgreSQL server: a coordinating `mlpilot run` and two `mlpilot worker` processes in
their own working directories; one worker is killed with SIGKILL in the middle of a trial."""

from __future__ import annotations

import datetime
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from glob import glob
from pathlib import Path
from typing import NamedTuple

import optuna
import pandas as pd
import pytest
from optuna.storages import RetryHeartbeatStaleTrialCallback
from optuna.trial import TrialState

from mlpilot.errors import MlpilotError
from mlpilot.tools.storage import storage_for

pytestmark = pytest.mark.slow
MLPILOT = str(Path(sys.executable).with_name("mlpilot"))


def _pg_bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if found is None:
        pytest.skip(f"PostgreSQL's {name} is not installed (apt-get install postgresql)")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server(NamedTuple):
    url: str
    ctl: list[str]  # pg_ctl with its data directory: + ["restart"] restarts the server

    def restart(self) -> None:
        subprocess.run(self.ctl + ["-m", "fast", "restart"], check=True, capture_output=True)


@pytest.fixture(scope="module")
def postgres():
    """A PostgreSQL server of its own on a temporary directory and a free loopback port (initdb refuses root:
    as root, the server runs as the postgres user)."""
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    home = Path(tempfile.mkdtemp(prefix="mlpilot-pg-"))
    if as_user:
        shutil.chown(home, "postgres")
    data, port = home / "data", _free_port()
    subprocess.run(as_user + [_pg_bin("initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "--no-sync"],
                   check=True, capture_output=True)
    ctl = as_user + [_pg_bin("pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w",
                     "-o", f"-p {port} -k {home} -c listen_addresses=127.0.0.1 -c fsync=off"]
    subprocess.run(ctl + ["start"], check=True, capture_output=True)
    try:
        yield Server(f"postgresql://postgres@127.0.0.1:{port}/postgres", ctl)
    finally:
        subprocess.run(ctl + ["-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres) -> str:
    return postgres.url


def test_a_plain_postgresql_url_opens_and_a_wrong_one_is_one_line(postgres_url):
    storage = storage_for(postgres_url)  # psycopg 3, as SQLAlchemy 2 maps postgresql:// to it
    assert storage.get_heartbeat_interval() is not None
    with pytest.raises(MlpilotError, match=r"^cannot open the study storage postgresql://postgres:\*\*\*@"):
        storage_for(f"postgresql://postgres:secret@127.0.0.1:{_free_port()}/postgres")


def _worker_trial(storage, study: str, worker: str) -> int | None:
    """The number of a trial ``worker`` is running, once it runs one."""
    try:
        trials = optuna.load_study(study_name=study, storage=storage).get_trials(deepcopy=False)
    except KeyError:
        return None
    return next((t.number for t in trials if t.state == TrialState.RUNNING and t.user_attrs.get("worker") == worker
                 and t.user_attrs.get("config", {}).get("family") != "constant"), None)


def test_workers_share_the_study_and_a_killed_workers_trial_is_retried(postgres_url, tmp_path, churn):
    data = tmp_path / "churn.csv"
    churn.to_csv(data, index=False)
    places = {name: tmp_path / name for name in ("coordinator", "worker-a", "worker-b")}
    for place in places.values():
        place.mkdir()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    workers = {name: subprocess.Popen([MLPILOT, "worker", "--storage", postgres_url, "--study", "shared",
                                       "--wait", "2m"], cwd=places[name], env=env, start_new_session=True,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for name in ("worker-a", "worker-b")}
    run = subprocess.Popen([MLPILOT, "run", "predict churn; ROC AUC", "--data", str(data), "--time-budget", "70s",
                            "--storage", postgres_url, "--study", "shared", "--out", "runs", "--quiet"],
                           cwd=places["coordinator"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
    storage = storage_for(postgres_url)
    victim = f"{socket.gethostname()}:{workers['worker-a'].pid}"
    killed, until = None, time.monotonic() + 60
    while killed is None and time.monotonic() < until and run.poll() is None:
        killed = _worker_trial(storage, "shared-0", victim)
        time.sleep(0.2)
    assert killed is not None, "worker-a never ran a trial"
    time.sleep(1.0)  # well inside its trial
    os.killpg(workers["worker-a"].pid, signal.SIGKILL)  # the worker and its sandbox, as a machine dies

    out, _ = run.communicate(timeout=120)
    assert run.returncode == 0, out
    survivor, _ = workers["worker-b"].communicate(timeout=60)
    assert workers["worker-b"].returncode == 0 and "worker done:" in survivor, survivor

    trials = optuna.load_study(study_name="shared-0", storage=storage).get_trials(deepcopy=False)
    assert not [t.number for t in trials if t.state in (TrialState.RUNNING, TrialState.WAITING)]
    assert next(t for t in trials if t.number == killed).state == TrialState.FAIL
    retried = [t for t in trials if RetryHeartbeatStaleTrialCallback.retried_trial_number(t) == killed]
    assert len(retried) == 1 and retried[0].state.is_finished()  # queued once, run by someone else
    assert retried[0].user_attrs["worker"] != victim
    ran_by = {t.user_attrs.get("worker") for t in trials if t.state == TrialState.COMPLETE}
    assert f"{socket.gethostname()}:{workers['worker-b'].pid}" in ran_by and len(ran_by) >= 2

    run_dir = next((places["coordinator"] / "runs").glob("run-*"))
    board = pd.read_csv(run_dir / "leaderboard.csv")
    assert board["trial"].is_unique  # each trial counted once, wherever it ran
    assert (run_dir / "model.skops").is_file() and (run_dir / "report.html").is_file()  # delivered


def test_a_server_restart_mid_run_fails_no_run_and_the_workers_reconnect(postgres, tmp_path, churn):
    """PostgreSQL restarted (every connection dropped) while the coordinator and a worker run trials: both go on
    with new connections, nothing stays RUNNING, and the run delivers."""
    data = tmp_path / "churn.csv"
    churn.to_csv(data, index=False)
    (tmp_path / "worker").mkdir()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    worker = subprocess.Popen([MLPILOT, "worker", "--storage", postgres.url, "--study", "restarted", "--wait", "2m"],
                              cwd=tmp_path / "worker", env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    run = subprocess.Popen([MLPILOT, "run", "predict churn; ROC AUC", "--data", str(data), "--time-budget", "45s",
                            "--storage", postgres.url, "--study", "restarted", "--out", "runs", "--quiet"],
                           cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    storage = storage_for(postgres.url)

    def finished() -> list:
        try:
            trials = optuna.load_study(study_name="restarted-0", storage=storage).get_trials(deepcopy=False)
        except KeyError:
            return []
        return [t for t in trials if t.state == TrialState.COMPLETE]

    until = time.monotonic() + 60
    while len(finished()) < 3 and time.monotonic() < until and run.poll() is None:
        time.sleep(0.2)
    assert len(finished()) >= 3, "no three trials finished before the restart"
    restarted = datetime.datetime.now()
    postgres.restart()

    out, _ = run.communicate(timeout=120)
    assert run.returncode == 0 and "Traceback" not in out, out
    log, _ = worker.communicate(timeout=60)
    assert worker.returncode == 0 and "worker done:" in log, log
    trials = optuna.load_study(study_name="restarted-0", storage=storage).get_trials(deepcopy=False)
    assert not [t.number for t in trials if t.state in (TrialState.RUNNING, TrialState.WAITING)]
    after = {t.user_attrs["worker"] for t in trials if t.state == TrialState.COMPLETE and t.datetime_complete > restarted}
    assert {f"{socket.gethostname()}:{worker.pid}", f"{socket.gethostname()}:{run.pid}"} <= after
    run_dir = next((tmp_path / "runs").glob("run-*"))
    assert (run_dir / "model.skops").is_file() and pd.read_csv(run_dir / "leaderboard.csv")["trial"].is_unique
