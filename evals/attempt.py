"""One system on one task, in a child process: ``python -m mlpilot.evals.attempt TASK_DIR SYSTEM OUT``.

mlpilot is run as a user would run it (the description is the request, public/ is the data); baselines
fit on the same files. The child writes ``OUT/submission.csv`` and ``OUT/attempt.json``; the runner
grades, so nothing here reads private/.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()  # the child's start: its imports are part of the attempt, as they are for a user

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import traceback  # noqa: E402
from pathlib import Path  # noqa: E402

from pydantic import BaseModel  # noqa: E402

from mlpilot.evals.baselines import run_baseline  # noqa: E402
from mlpilot.evals.task import Task, load_task  # noqa: E402

ATTEMPT_FILE = "attempt.json"


class Attempt(BaseModel):
    """What the child reports: whether it produced a submission, and what it cost."""

    ok: bool
    seconds: float
    llm_cost: float | None = None
    cv_score: float | None = None
    cv_metric: str | None = None
    error: str | None = None


def run_mlpilot(task: Task, budget: float, threads: int, out: Path, metric: str | None, started: float) -> dict:
    import mlpilot

    # the backend comes from MLPILOT_LLM (set by `mlpilot eval --llm`), else the expert
    result = mlpilot.solve(task.description(), data=task.path("train"), test=task.path("test"), metric=metric,
                           time_budget=budget, out=out / "run", sandbox="local", threads=threads, started=started)
    if result.submission_path is None:
        raise RuntimeError("mlpilot delivered no submission")
    shutil.copyfile(result.submission_path, out / "submission.csv")
    return {"llm_cost": result.summary.get("llm_cost"), "cv_score": result.score, "cv_metric": result.metric}


def attempt(task_dir: Path, system: str, out: Path, budget: float, threads: int, metric: str | None = None,
            started: float | None = None) -> Attempt:
    """Run ``system`` on the task; any exception becomes a failed Attempt with its last line as the reason.
    ``started``: the ``time.monotonic()`` value its seconds (and mlpilot's budget) count from, default now."""
    out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic() if started is None else started
    try:
        task = load_task(task_dir, metric)
        if system == "mlpilot":
            extra = run_mlpilot(task, budget, threads, out, metric, started=start)
        else:
            run_baseline(system, task, budget, threads, out)
            extra = {}
        report = Attempt(ok=True, seconds=time.monotonic() - start, **extra)
    except Exception as exc:  # noqa: BLE001 - a system's crash is a result to record, not to raise
        (out / "traceback.txt").write_text(traceback.format_exc())
        reason = f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"
        report = Attempt(ok=False, seconds=time.monotonic() - start, error=reason[:300])
    (out / ATTEMPT_FILE).write_text(report.model_dump_json(indent=1))
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("task_dir", type=Path)
    parser.add_argument("system")
    parser.add_argument("out", type=Path)
    parser.add_argument("--budget", type=float, required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--metric")
    args = parser.parse_args()
    print(json.dumps(attempt(args.task_dir, args.system, args.out, args.budget, args.threads, args.metric,
                             started=STARTED).model_dump()))


if __name__ == "__main__":
    main()
