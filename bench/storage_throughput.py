"""Trials per second a shared study's storage sustains: N worker processes running trivially cheap trials with
the storage round trips of mlpilot's own loop (stale check, ask with the run's TPE sampler, the config and worker
attributes, the heartbeat thread, a fold report, tell).

    python bench/storage_throughput.py postgresql://postgres@127.0.0.1:PORT/postgres --workers 8 --seconds 30

Prints trials finished, trials per second in all and per worker, and the study's size at the end.
"""

import argparse
import multiprocessing
import time
import uuid

import optuna
from optuna.storages import fail_stale_trials
from optuna.storages._heartbeat import get_heartbeat_thread

from mlpilot.schemas import TaskSpec
from mlpilot.tools.search import open_study, quiet_optuna
from mlpilot.tools.storage import WORKER, storage_for

SPEC = TaskSpec(target="y", task_type="regression", metric="rmse")


def worker(url: str, name: str, seconds: float, seed: int, done) -> None:
    storage = storage_for(url)
    with quiet_optuna():
        study = open_study(None, SPEC, storage, name=name, seed=seed)
        until, count = time.monotonic() + seconds, 0
        while time.monotonic() < until:
            fail_stale_trials(study)
            trial = study.ask()
            x = trial.suggest_float("x", -1.0, 1.0)
            trial.set_user_attr("config", {"family": "bench", "x": x})
            trial.set_user_attr("worker", WORKER)
            with get_heartbeat_thread(trial._trial_id, storage):
                trial.report(x * x, 0)
                trial.should_prune()
            study.tell(trial, x * x)
            count += 1
    done.put(count)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    name = f"throughput-{uuid.uuid4().hex[:8]}"
    open_study(None, SPEC, storage_for(args.url), name=name)
    done = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=worker, args=(args.url, name, args.seconds, i, done))
             for i in range(args.workers)]
    for p in procs:
        p.start()
    counts = [done.get() for _ in procs]
    for p in procs:
        p.join()
    total = sum(counts)
    size = len(optuna.load_study(study_name=name, storage=storage_for(args.url)).trials)
    print(f"{args.workers} workers, {args.seconds:g} s: {total} trials, {total / args.seconds:.1f} trials/s "
          f"({total / args.seconds / args.workers:.2f} per worker); study size {size}")


if __name__ == "__main__":
    main()
