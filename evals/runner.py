"""Run a suite: every system on every task, in parallel child processes, graded and recorded as each ends.

Layout of a run directory (``out/<suite>-<budget>s`` unless ``run_id`` is given)::

    run.json                     the suite, budget and systems
    results.jsonl                one graded row per (task, system), appended as each attempt finishes
    results.csv, report.html     rebuilt from results.jsonl (``mlpilot eval-report`` rebuilds them too)
    tasks/<task>/<system>/       the attempt's own directory: submission, logs, mlpilot's run dir

Rerunning the same command resumes: attempts with a row in results.jsonl are kept, the rest run again
(``retry_failed`` also reruns those without a valid score).
A crash, an invalid submission or a timeout (twice the budget plus a minute) is a row with its reason.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

import pandas as pd
from pydantic import BaseModel, Field

from mlpilot.errors import MlpilotError
from mlpilot.evals.attempt import ATTEMPT_FILE, Attempt
from mlpilot.evals.baselines import check_baselines
from mlpilot.evals.grade import grade
from mlpilot.evals.suite import resolve_suite
from mlpilot.evals.summary import DUMMY, per_task
from mlpilot.evals.task import load_task
from mlpilot.tools.durations import parse_duration

DEFAULT_BASELINES = ("lgbm", "hgb", "flaml")
RESULTS_FILE = "results.jsonl"


class Row(BaseModel):
    """One graded attempt."""

    task: str
    system: str
    status: Literal["ok", "invalid", "failed", "timeout"]
    score: float | None = None
    medal: str | None = None
    metric: str
    greater_is_better: bool
    seconds: float
    llm_cost: float | None = None
    cv_score: float | None = None
    cv_metric: str | None = Field(None, description="the metric cv_score is in: the system's own choice")
    reason: str | None = None
    finished_at: str


def time_limit(budget: float) -> float:
    """Wall-clock seconds an attempt may take before it is killed."""
    return 2 * budget + 60


def evaluate(
    suite: str | Path,
    time_budget: float | str = 120.0,
    jobs: int = 1,
    baselines: Sequence[str] = DEFAULT_BASELINES,
    out: str | Path = "eval-runs",
    run_id: str | None = None,
    mlpilot: bool = True,
    retry_failed: bool = False,
    quiet: bool = True,
    metric: str | None = None,
) -> pd.DataFrame:
    """Evaluate mlpilot (and ``baselines``, plus the dummy anchor) on a suite; returns the graded rows.

    ``time_budget`` (seconds or text like "2m") is per task and system, as given to mlpilot.solve and FLAML.
    ``retry_failed`` drops recorded rows without a valid score (failed, timed out, invalid) so they run again.
    ``metric`` overrides every task's metric (it is also given to mlpilot, as ``--metric`` would be).
    The frame's ``attrs["run_dir"]`` names the run directory holding results.csv and report.html.
    """
    time_budget = parse_duration(time_budget)
    if jobs < 1:
        raise MlpilotError(f"jobs must be at least 1, got {jobs}: pass --jobs 1 or more")
    baselines = [b for b in dict.fromkeys(baselines) if b != DUMMY]
    check_baselines(baselines)
    systems = [DUMMY, *(["mlpilot"] if mlpilot else []), *baselines]
    name, task_dirs = resolve_suite(suite)
    tasks = [load_task(d, metric) for d in task_dirs]
    run_dir = Path(out) / (run_id or f"{name}-{int(time_budget)}s")
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / "run.json").write_text(json.dumps(
        {"suite": str(suite), "tasks": [str(d) for d in task_dirs], "time_budget": time_budget,
         "systems": systems}, indent=1))
    if retry_failed:
        kept = [r for r in read_rows(run_dir) if r.status == "ok"]
        (run_dir / RESULTS_FILE).write_text("".join(r.model_dump_json() + "\n" for r in kept))
    done = {(r.task, r.system) for r in read_rows(run_dir)}
    todo = [(t, s) for t in tasks for s in systems if (t.id, s) not in done]
    _Pool(run_dir, time_budget, threads=max(1, (os.cpu_count() or 1) // jobs), quiet=quiet, metric=metric).run(todo, jobs)
    from mlpilot.evals.report import write_report

    write_report(run_dir)
    scored = per_task(rows_frame(read_rows(run_dir)))
    scored.attrs["run_dir"] = str(run_dir)
    return scored


def read_rows(run_dir: str | Path) -> list[Row]:
    path = Path(run_dir) / RESULTS_FILE
    if not path.is_file():
        return []
    return [Row.model_validate_json(line) for line in path.read_text().splitlines() if line.strip()]


def rows_frame(rows: list[Row]) -> pd.DataFrame:
    return pd.DataFrame([r.model_dump() for r in rows], columns=list(Row.model_fields))


class _Pool:
    """Runs attempts as child processes, ``jobs`` at a time; kills them all if the run is interrupted."""

    def __init__(self, run_dir: Path, budget: float, threads: int, quiet: bool, metric: str | None):
        self.run_dir, self.budget, self.threads, self.quiet, self.metric = run_dir, budget, threads, quiet, metric
        self.lock = threading.Lock()
        self.children: set[subprocess.Popen] = set()
        self.stopping = False

    def run(self, todo: list, jobs: int) -> None:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(self._attempt, task, system) for task, system in todo]
            try:
                for future in as_completed(futures):
                    future.result()
            except BaseException:  # Ctrl-C (or SIGTERM, which the CLI turns into one): kill the children
                self.stopping = True
                for future in futures:
                    future.cancel()
                self._kill_all()
                raise

    def _attempt(self, task, system: str) -> None:
        out = self.run_dir / "tasks" / task.id / system
        shutil.rmtree(out, ignore_errors=True)  # leftovers of an interrupted attempt
        out.mkdir(parents=True)
        command = [sys.executable, "-m", "mlpilot.evals.attempt", str(task.root.resolve()), system, str(out.resolve()),
                   "--budget", str(self.budget), "--threads", str(self.threads),
                   *(["--metric", self.metric] if self.metric else [])]
        threads = str(self.threads)
        env = {**os.environ, "OMP_NUM_THREADS": threads, "OPENBLAS_NUM_THREADS": threads, "MKL_NUM_THREADS": threads}
        start = time.monotonic()
        with open(out / "stdout.log", "wb") as stdout, open(out / "stderr.log", "wb") as stderr:
            # run in its own folder: what a system writes to its working directory (FLAML's CatBoost leaves a
            # catboost_<time> folder when it is cut off) stays with the attempt
            child = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env, start_new_session=True, cwd=out)
            with self.lock:
                self.children.add(child)
            try:
                child.wait(timeout=time_limit(self.budget))
                timed_out = False
            except subprocess.TimeoutExpired:
                _kill(child)
                timed_out = True
            finally:
                with self.lock:
                    self.children.discard(child)
        if self.stopping:  # killed by an interruption: leave no row, so a rerun runs it again
            return
        row = self._grade(task, system, out, time.monotonic() - start, timed_out, child.returncode)
        with self.lock:
            with open(self.run_dir / RESULTS_FILE, "a") as f:
                f.write(row.model_dump_json() + "\n")
                f.flush()
                os.fsync(f.fileno())
            rows = rows_frame(read_rows(self.run_dir))
            per_task(rows).to_csv(self.run_dir / "results.csv", index=False)
        if not self.quiet:
            score = f"{row.score:.4g}" if row.score is not None else row.reason
            print(f"[{row.task}] {row.system}: {row.status} {score} ({row.seconds:.0f}s)", flush=True)

    def _grade(self, task, system: str, out: Path, seconds: float, timed_out: bool, code: int | None) -> Row:
        base = {"task": task.id, "system": system, "metric": task.metric.name,
                "greater_is_better": task.metric.greater_is_better, "seconds": round(seconds, 2),
                "finished_at": datetime.now(UTC).isoformat(timespec="seconds")}
        if timed_out:
            return Row(**base, status="timeout", reason=f"killed after {time_limit(self.budget):.0f}s")
        report_path = out / ATTEMPT_FILE
        if not report_path.is_file():
            tail = (out / "stderr.log").read_text(errors="replace").strip().splitlines()[-1:] or [""]
            return Row(**base, status="failed", reason=f"attempt exited with code {code}: {tail[0][:300]}")
        report = Attempt.model_validate_json(report_path.read_text())
        base.update(llm_cost=report.llm_cost, cv_score=report.cv_score, cv_metric=report.cv_metric)
        if not report.ok:
            return Row(**base, status="failed", reason=report.error)
        graded = grade(task, out / "submission.csv")
        if not graded.valid:
            return Row(**base, status="invalid", reason=graded.reason)
        return Row(**base, status="ok", score=graded.score, medal=graded.medal)

    def _kill_all(self) -> None:
        with self.lock:
            children = list(self.children)
        for child in children:
            _kill(child)


def _kill(child: subprocess.Popen) -> None:
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    child.wait()

