"""``mlpilot worker``: pull trials from a coordinator's shared study and run them in a sandbox of this machine."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from optuna.storages import fail_stale_trials

from mlpilot.sandboxes import get_sandbox
from mlpilot.schemas import TrialRecord
from mlpilot.tools.search import SearchData, open_study, quiet_optuna, run_trial, tell, trial_job, \
    trial_record, trial_timeout
from mlpilot.tools.storage import WORKER, read_job, run_paths, storage_for

POLL_S = 1.0


def work(url: str, home: str, *, sandbox: str = "local", wait_s: float = 600.0,
         on_trial: Callable[[TrialRecord], None] | None = None) -> int:
    """Run the trials of the job posted in study ``home`` until the coordinator closes it (or, before any job is
    posted, for at most ``wait_s`` seconds); returns how many trials this worker finished."""
    storage = storage_for(url)
    given_up = time.monotonic() + wait_s
    done, box, study = 0, None, None
    try:
        with quiet_optuna():
            while (job := read_job(storage, home)) is None or not job.closed:
                if job is None or job.room() <= job.settings.min_trial_s:  # none posted yet, or between searches
                    if job is None and time.monotonic() > given_up:
                        break
                    time.sleep(POLL_S)
                    continue
                if study is None or study.study_name != job.study:
                    data_dir, out_dir = run_paths(job)
                    study = open_study(out_dir, job.spec, storage, name=job.study, seed=os.getpid())
                    if box is None:
                        box = get_sandbox(sandbox, data_dir, out_dir).sibling(f"worker-{WORKER.replace(':', '-')}")
                fail_stale_trials(study)  # a worker that died: its trial is failed and queued again
                trial = study.ask()
                room = job.room()
                task = trial_job(study, trial, spec=job.spec, profile=job.profile, plan=job.plan,
                                 data=SearchData(**job.data), threads=job.threads,
                                 time_limit_s=max(job.settings.min_trial_s, job.settings.trial_share * room))
                outcome = run_trial(study, trial, task, box, timeout_s=trial_timeout(task, room, True, job.settings))
                tell(study, trial, outcome)
                done += 1
                if on_trial:
                    on_trial(trial_record(study.trials[trial.number]))
    finally:
        if box is not None:
            box.close()
    return done
