"""Continuing runs: a finished run searched again in its own study, a run killed mid-search resumed, and bad
run directories refused in one line. Real runs, real kills."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import optuna
import pytest

import mlpilot
from mlpilot.errors import MlpilotError

REQUEST = "predict which customers churn; ROC AUC"


def finished(board) -> dict[int, float]:
    done = board[board["state"] == "COMPLETE"]
    return dict(zip(done["trial"], done["roc_auc"]))


@pytest.mark.slow
def test_more_time_searches_the_same_study_again(tmp_path, churn, within_budget):
    first = mlpilot.solve(REQUEST, data=churn, time_budget=12, out=tmp_path)
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
    # the clock goes on from the time already spent: a second resume counts both runs before it
    assert again.summary["time_budget_s"] == pytest.approx(first.summary["elapsed_s"] + 15, abs=2.0)
    third = mlpilot.resume(first.run_dir, time_budget=10)
    assert third.summary["time_budget_s"] == pytest.approx(again.summary["elapsed_s"] + 10, abs=2.0)
    assert third.summary["elapsed_s"] > again.summary["elapsed_s"] > first.summary["elapsed_s"]


@pytest.mark.slow
def test_a_run_killed_mid_search_resumes_without_losing_a_trial(tmp_path, churn):
    data = tmp_path / "churn.csv"
    churn.to_csv(data, index=False)
    run = subprocess.Popen([str(Path(sys.executable).with_name("mlpilot")), "run", REQUEST, "--data", str(data),
                            "--time-budget", "40s", "--out", str(tmp_path / "runs"), "--quiet"],
                           start_new_session=True)
    events = None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = list((tmp_path / "runs").glob("run-*/events.jsonl"))
        if found and sum('"kind": "trial"' in line for line in found[0].read_text().splitlines()) >= 3:
            events = found[0]
            break
        time.sleep(0.2)
    assert events is not None, "the run never finished three trials"
    with pytest.raises(MlpilotError, match=r"is in use by process \d+ on .*: wait for that run to end"):
        mlpilot.resume(events.parent)  # the run is alive: nothing of it may be touched
    os.killpg(run.pid, signal.SIGKILL)  # the run and its sandbox workers, mid-search
    run.wait()
    run_dir = events.parent
    assert not (run_dir / "summary.json").exists()
    study_name = f"{run_dir.name}-0"
    storage = optuna.storages.JournalStorage(optuna.storages.journal.JournalFileBackend(str(run_dir / "study.journal")))
    done_before = {t.number: t.value for t in optuna.load_study(study_name=study_name, storage=storage).trials
                   if t.state == optuna.trial.TrialState.COMPLETE}

    result = mlpilot.resume(run_dir)
    study = optuna.load_study(study_name=study_name, storage=storage)
    assert not [t for t in study.trials if t.state == optuna.trial.TrialState.RUNNING]
    done_after = {t.number: t.value for t in study.trials if t.state == optuna.trial.TrialState.COMPLETE}
    assert all(done_after[n] == v for n, v in done_before.items()) and len(done_after) >= len(done_before)
    assert result.summary["n_trials"] >= len(done_before) and (run_dir / "model.skops").is_file()
    assert json.loads((run_dir / "summary.json").read_text())["time_budget_s"] <= 40


def test_a_run_directory_that_cannot_be_continued_is_one_clear_line(tmp_path):
    with pytest.raises(MlpilotError, match="not a run directory mlpilot can continue"):
        mlpilot.resume(tmp_path)
    (tmp_path / "checkpoints.sqlite").write_text("this is no database")
    with pytest.raises(MlpilotError, match="unreadable"):
        mlpilot.resume(tmp_path)
    result = subprocess.run([str(Path(sys.executable).with_name("mlpilot")), "resume", str(tmp_path / "nowhere")],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "not a run directory" in result.stderr and "Traceback" not in result.stderr
