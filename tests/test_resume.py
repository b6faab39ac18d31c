"""Continuing runs: a finished run searched again in its own study, a run killed mid-search resumed, and bad
run directories refused in one line. Real runs, real kills."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import optuna
import pytest
from langgraph.checkpoint.sqlite import SqliteSaver

import mlpilot
from mlpilot.agent.graph import build_graph
from mlpilot.agent.run import SERDE
from mlpilot.errors import MlpilotError

REQUEST = "predict which customers churn; ROC AUC"


def finished(board) -> dict[int, float]:
    done = board[board["state"] == "COMPLETE"]
    return dict(zip(done["trial"], done["roc_auc"]))


@pytest.mark.slow
def test_more_time_searches_the_same_study_again(tmp_path, churn, within_budget):
    stop = threading.Event()  # stopped after its first trials, as the chat's Stop does
    first = mlpilot.solve(REQUEST, data=churn, time_budget=12, out=tmp_path, finish=stop,
                          on_event=lambda e: e.kind == "trial" and stop.set())
    assert any(w.startswith("stopped early when asked") for w in first.warnings)
    before = finished(first.leaderboard)
    with pytest.raises(MlpilotError, match="has finished: give it more time"):
        mlpilot.resume(first.run_dir)
    started = time.monotonic()
    again = mlpilot.resume(first.run_dir, time_budget=15)
    assert within_budget(time.monotonic() - started, 15)
    after = finished(again.leaderboard)
    assert again.run_dir == first.run_dir and len(after) > len(before)
    assert all(after[n] == value for n, value in before.items())  # no finished trial lost or run again
    assert again.summary["n_trials"] > first.summary["n_trials"] and again.verification.decision == "pass"
    assert (again.run_dir / "model.skops").is_file()
    assert not any(w.startswith("stopped early") for w in again.warnings + again.summary["warnings"])  # not again
    # the clock goes on from the time already spent: a second resume counts both runs before it
    assert again.summary["time_budget_s"] == pytest.approx(first.summary["elapsed_s"] + 15, abs=2.0)
    third = mlpilot.resume(first.run_dir, time_budget=10)
    assert third.summary["time_budget_s"] == pytest.approx(again.summary["elapsed_s"] + 10, abs=2.0)
    assert third.summary["elapsed_s"] > again.summary["elapsed_s"] > first.summary["elapsed_s"]


def start_run(tmp_path, churn, budget: str) -> subprocess.Popen:
    """``mlpilot run`` in its own process group, with SIGINT as a terminal delivers it."""
    data = tmp_path / "churn.csv"
    churn.to_csv(data, index=False)
    return subprocess.Popen([str(Path(sys.executable).with_name("mlpilot")), "run", REQUEST, "--data", str(data),
                             "--time-budget", budget, "--out", str(tmp_path / "runs"), "--quiet"],
                            start_new_session=True, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def wait_until(tmp_path, reached, timeout_s: float = 60) -> Path:
    """The run directory, once ``reached(run_dir)``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = list((tmp_path / "runs").glob("run-*/events.jsonl"))
        if found and reached(found[0].parent):
            return found[0].parent
        time.sleep(0.01)
    raise AssertionError("the run never reached the stage")


def events(run_dir: Path) -> list[dict]:
    """Every event line that is whole: the last one may be cut by a write under way or a kill, or be whole too."""
    out = []
    for line in (run_dir / "events.jsonl").read_text().splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out


def first_study(run_dir: Path) -> list[optuna.trial.FrozenTrial]:
    """The trials of the run's first study (none before the search started)."""
    if not (run_dir / "study.journal").exists():
        return []
    storage = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(str(run_dir / "study.journal")))
    try:
        return optuna.load_study(study_name=f"{run_dir.name}-0", storage=storage).trials
    except KeyError:
        return []


def completed(run_dir: Path) -> dict[int, float]:
    return {t.number: t.value for t in first_study(run_dir) if t.state == optuna.trial.TrialState.COMPLETE}


STAGE = {  # when a run counts as being in a stage: the events it wrote, or the files
    "profile": lambda run_dir: any(e["kind"] == "stage" and e["stage"] == "profile" for e in events(run_dir)),
    "search": lambda run_dir: sum(e["kind"] == "trial" for e in events(run_dir)) >= 3,
    "verify": lambda run_dir: any(e["kind"] == "stage" and e["stage"] == "verify" for e in events(run_dir)),
    "report": lambda run_dir: (run_dir / "summary.json").exists(),  # written just before the report
}


@pytest.mark.slow
@pytest.mark.parametrize("when", ["profile", "search", "verify", "report"])
def test_a_run_killed_at_any_stage_resumes_without_losing_a_trial(when, tmp_path, churn):
    """kill -9 of the run and its sandbox workers while profiling, mid-search, while the verifier refits, while
    the final model and report are written: ``resume`` continues the checkpoint and the study."""
    run = start_run(tmp_path, churn, "20s")
    run_dir = wait_until(tmp_path, STAGE[when])
    if when == "search":
        with pytest.raises(MlpilotError, match=r"is in use by process \d+ on .*: wait for that run to end"):
            mlpilot.resume(run_dir)  # the run is alive: nothing of it may be touched
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    spent = max(e["elapsed_s"] for e in events(run_dir))  # as resume reads it: the last whole line
    done_before = completed(run_dir)

    result = mlpilot.resume(run_dir)  # no "has finished": the kill came before the run's end
    done_after = completed(run_dir)
    assert not [t for t in first_study(run_dir) if t.state == optuna.trial.TrialState.RUNNING]
    assert all(done_after[n] == v for n, v in done_before.items()) and len(done_after) >= len(done_before)
    assert result.summary["n_trials"] >= max(len(done_before), 1) and (run_dir / "model.skops").is_file()
    assert (run_dir / "report.html").is_file() and result.verification.decision in ("pass", "warn")
    # the resumed run has what was left of 20 s, and at least 10 s to finish a stage it was killed in
    assert json.loads((run_dir / "summary.json").read_text())["time_budget_s"] <= max(20, spent + 10) + 1


@pytest.mark.slow
@pytest.mark.parametrize("node", ["profile", "verify"])
def test_a_run_killed_after_a_node_saved_its_writes_but_not_its_step_resumes(node, tmp_path, churn):
    """The narrow window the stage kills above can land in (short nodes hit it often): the node's writes are in
    the checkpoint database, the checkpoint of its step is not. Such a run is not finished; resume goes on."""
    run_dir = mlpilot.solve(REQUEST, data=churn, time_budget=8, out=tmp_path).run_dir
    with closing(sqlite3.connect(run_dir / "checkpoints.sqlite")) as conn:
        graph = build_graph(checkpointer=SqliteSaver(conn, serde=SERDE))
        config = {"configurable": {"thread_id": run_dir.name}}
        at = next(s.config["configurable"]["checkpoint_id"] for s in graph.get_state_history(config)
                  if s.next == (node,))
        with conn:  # the checkpoints after the node's step, and their writes, never reached the disk
            conn.execute("delete from checkpoints where checkpoint_id > ?", (at,))
            conn.execute("delete from writes where checkpoint_id > ?", (at,))
        cut = graph.get_state(config)
        assert cut.next == () and [t.name for t in cut.tasks] == [node] and cut.tasks[0].result is not None
    (run_dir / "model.skops").unlink()
    result = mlpilot.resume(run_dir)
    assert (run_dir / "model.skops").is_file() and result.verification.decision in ("pass", "warn")
    with pytest.raises(MlpilotError, match="has finished"):
        mlpilot.resume(run_dir)


@pytest.mark.slow
def test_ctrl_c_stops_the_run_and_its_workers_and_leaves_it_resumable(tmp_path, churn):
    run = start_run(tmp_path, churn, "30s")
    run_dir = wait_until(tmp_path, lambda run_dir: sum(e["kind"] == "trial" for e in events(run_dir)) >= 2)
    os.killpg(run.pid, signal.SIGINT)  # what a terminal sends its foreground process group
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 130 and "interrupted" in stderr and "mlpilot resume" in stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # sandbox workers gone, not orphaned
        try:
            os.killpg(run.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.2)
    else:
        raise AssertionError("processes of the run outlived its Ctrl-C")
    done_before = completed(run_dir)
    result = mlpilot.resume(run_dir)  # the lock was released
    assert all(completed(run_dir)[n] == v for n, v in done_before.items())
    assert (run_dir / "model.skops").is_file() and result.summary["n_trials"] >= len(done_before)


def test_a_run_directory_that_cannot_be_continued_is_one_clear_line(tmp_path):
    with pytest.raises(MlpilotError, match="not a run directory mlpilot can continue"):
        mlpilot.resume(tmp_path)
    (tmp_path / "checkpoints.sqlite").write_text("this is no database")
    with pytest.raises(MlpilotError, match="unreadable"):
        mlpilot.resume(tmp_path)
    result = subprocess.run([str(Path(sys.executable).with_name("mlpilot")), "resume", str(tmp_path / "nowhere")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "not a run directory" in result.stderr and "Traceback" not in result.stderr
