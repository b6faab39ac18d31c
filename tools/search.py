"""The search: one Optuna study per run, defaults first, then TPE and proposals, every trial in a sandbox
(several sandboxes run trials in parallel, sharing the study).

The study lives in a journal file in the run directory, so a crashed search resumes with every finished
trial; ``records`` rebuilds the run's trial history from the study alone.
"""

from __future__ import annotations

import os
import threading
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import optuna
from optuna.storages import BaseStorage, JournalStorage, fail_stale_trials
from optuna.storages._heartbeat import get_heartbeat_thread  # what Study.optimize uses; ask/tell has no public one
from optuna.storages.journal import JournalFileBackend
from optuna.trial import TrialState

from mlpilot.layout import RunLayout
from mlpilot.sandboxes.base import Sandbox, TrialJob, TrialOutcome
from mlpilot.schemas import DatasetProfile, Plan, TaskSpec, TrialRecord
from mlpilot.settings import Settings
from mlpilot.tools.ensemble import STEERED, candidate_pool
from mlpilot.tools.metrics import Metric, get_metric
from mlpilot.tools.pipeline import levels_choice
from mlpilot.tools.space import suggest, to_trial_params
from mlpilot.tools.storage import WORKER, storage_for


# ask/tell keeps the heartbeat itself (``run_trial``); heartbeats have been in optuna since 2.9
warnings.filterwarnings("ignore", message="Heartbeat of storage is supposed to be used with Study.optimize")
warnings.filterwarnings("ignore", message=r".*fail_stale_trials is experimental")
# module-wide, not catch_warnings (which threads running trials side by side can undo): group=True samples
# conditional spaces; these arguments are stable in practice
warnings.filterwarnings("ignore", message=r"Argument ``(multivariate|group|constant_liar)`` is an experimental")


@dataclass
class SearchData:
    """Where the search's inputs live, relative to the sandbox's data directory."""

    data_file: str
    folds_file: str
    classes: list | None
    feature_code: str | None = None  # generated transform(df) applied before every pipeline
    holdout_file: str | None = None  # rows every trial's fold models predict (none trains on them)
    test_file: str | None = None  # the new rows every trial's fold models predict
    last_fold_only: bool = False  # time-ordered folds: a trial delivers its last fold's model (see TrialJob)


def open_study(run_dir: Path, spec: TaskSpec, storage: str | BaseStorage | None = None, name: str | None = None,
               seed: int = 0) -> optuna.Study:
    """Create or resume a study of the run: a journal file in the run dir, or the database ``storage`` names (a
    URL, shared with workers: see ``tools.storage``). ``seed``: the sampler's (each process sharing a study its
    own, or their random start-up configurations would be the same)."""
    direction = "maximize" if get_metric(spec.metric).greater_is_better else "minimize"
    backend = storage_for(storage) if isinstance(storage, str) else \
        storage or journal_for(RunLayout(run_dir).study_journal)
    sampler = optuna.samplers.TPESampler(seed=seed, multivariate=True, group=True, n_startup_trials=8,
                                         constant_liar=True)  # parallel trials: running ones count as bad
    with quiet_optuna():
        return optuna.create_study(
            study_name=name or run_dir.name, storage=backend, direction=direction, load_if_exists=True,
            sampler=sampler, pruner=optuna.pruners.MedianPruner(n_startup_trials=6, n_warmup_steps=1),
        )


def journal_for(path: Path) -> JournalStorage:
    """The run's journal storage. A record half-written when the run died (killed, its disk full) is cut off
    first: optuna would otherwise fail on it, or append the next record to it."""
    if path.exists():
        logs = path.read_bytes()
        if logs and not logs.endswith(b"\n"):
            os.truncate(path, logs.rfind(b"\n") + 1)
    return JournalStorage(JournalFileBackend(str(path)))


@contextmanager
def quiet_optuna() -> Iterator[None]:
    """Optuna's per-trial INFO lines off while mlpilot drives a study (the events report trials), restored after."""
    previous = optuna.logging.get_verbosity()
    optuna.logging.set_verbosity(max(previous, optuna.logging.WARNING))
    try:
        yield
    finally:
        optuna.logging.set_verbosity(previous)


def fail_stale(study: optuna.Study) -> None:
    """Trials left RUNNING by a process that is gone (a run killed and continued) are failed, never waited for."""
    for trial in study.get_trials(deepcopy=False, states=(TrialState.RUNNING,)):
        study.tell(trial.number, state=TrialState.FAIL)


def enqueue(study: optuna.Study, configs: list[dict], source: str) -> None:
    for config in configs:
        study.enqueue_trial(to_trial_params(config), user_attrs={"source": source, "preset": config})


def run_search(
    study: optuna.Study,
    *,
    spec: TaskSpec,
    profile: DatasetProfile,
    plan: Plan,
    data: SearchData,
    sandboxes: Sequence[Sandbox],
    deadline: Callable[[], float],
    settings: Settings = Settings(),
    threads: int = 2,
    propose: Callable[[list[TrialRecord]], list[dict]] | None = None,
    propose_every: int = 10,
    on_trial: Callable[[TrialRecord], None] | None = None,
    halt: threading.Event | None = None,
) -> list[TrialRecord]:
    """Run trials until ``deadline()`` (a ``time.monotonic`` value, re-read before each trial), one at a
    time in each of ``sandboxes`` (in parallel when there are several, the others joining in once the
    first trial has finished).

    Each trial gets a fair share of the time left as its limit (the first, before anything has finished, a
    larger one, on at most ``settings.first_rows`` rows per fold, so a first model comes fast and untruncated); the
    worker fits within it, and a worker far past it is killed.
    Proposals are asked for once the queued defaults are done, then every ``propose_every`` trials, in a
    thread of their own (a slow LLM never holds a worker idle): they are enqueued when they arrive.
    Once ``halt`` is set (a person asked to stop), trials under way end at their next fold, unless nothing has
    finished yet. Returns every finished trial of the study. Trial outputs go to ``<study name>/trial-<n>/`` in the
    sandboxes' output directory.
    """
    lock = threading.Lock()  # asking, telling and proposing happen one at a time
    since: int | None = None  # trials since the last proposal; None until the defaults are done
    stop = threading.Event()
    first = threading.Event()  # helpers join in once a trial has finished, so the first model comes fastest
    asking = threading.Event()  # a proposal is on its way
    errors: list[BaseException] = []  # from helper threads, re-raised in the calling thread at the end

    def ask_proposals(history: list[TrialRecord]) -> None:
        try:
            configs = propose(history)[:2]
            with lock:
                enqueue(study, configs, "proposer")
        except Exception as exc:
            errors.append(exc)
            stop.set()
        finally:
            asking.clear()

    def left() -> float:
        return deadline() - time.monotonic()

    def start_trial(room: float) -> tuple[optuna.trial.Trial, TrialJob]:
        nonlocal since
        waiting = any(t.state == TrialState.WAITING for t in study.get_trials(deepcopy=False))
        roomy = left() > settings.propose_min_s  # proposals arriving in the last seconds would not run
        if propose and roomy and not waiting and not asking.is_set() and (since is None or since >= propose_every):
            asking.set()
            threading.Thread(target=ask_proposals, args=(records(study),), daemon=True).start()
            since = 0
        fail_stale_trials(study)  # a shared study: trials of a worker that died are failed and queued again
        trial = study.ask()
        later = first.is_set()
        limit = max(settings.min_trial_s, (settings.trial_share if later else settings.first_share) * room)
        return trial, trial_job(study, trial, spec=spec, profile=profile, plan=plan, data=data, threads=threads,
                                time_limit_s=limit, max_train_rows=None if later else settings.first_rows)

    def finish_trial(trial: optuna.trial.Trial, outcome: TrialOutcome) -> None:
        nonlocal since
        tell(study, trial, outcome)
        since = None if since is None else since + 1
        first.set()
        if on_trial:
            on_trial(trial_record(study.get_trials(deepcopy=False)[trial.number]))  # study.trials copies them all

    def loop(sandbox: Sandbox) -> None:
        while not stop.is_set() and (room := left()) > settings.min_trial_s:  # another thread's trial may move the deadline
            with lock:
                later = first.is_set()  # not the first trial: its grace ends shortly after the deadline
                trial, job = start_trial(room)

            outcome = run_trial(study, trial, job, sandbox, timeout_s=trial_timeout(job, room, later, settings),
                                startup_s=max(0.0, room - job.time_limit_s), lock=lock,  # a cold worker: until the deadline
                                halted=lambda: halt is not None and halt.is_set() and first.is_set())
            with lock:
                finish_trial(trial, outcome)

    def helper(sandbox: Sandbox) -> None:
        try:
            sandbox.start()  # its imports overlap with the first trial, which has a core to itself
            first.wait()
            loop(sandbox)
        except BaseException as exc:  # re-raised in the calling thread below
            errors.append(exc)
            stop.set()

    helpers = [threading.Thread(target=helper, args=(box,), daemon=True) for box in sandboxes[1:]]
    with quiet_optuna():
        for thread in helpers:
            thread.start()
        try:
            loop(sandboxes[0])
        except BaseException:
            stop.set()  # on an error or Ctrl-C the helpers stop after their current trial; nobody waits for them
            raise
        finally:
            first.set()
        for thread in helpers:
            thread.join()  # their last trial ends by the deadline
    if errors:
        raise errors[0]
    return records(study)


def trial_job(study: optuna.Study, trial: optuna.trial.Trial, *, spec: TaskSpec, profile: DatasetProfile, plan: Plan,
              data: SearchData, threads: int, time_limit_s: float, max_train_rows: int | None = None) -> TrialJob:
    """The sandbox job of an asked trial: its queued preset or the sampler's configuration, recorded on the trial
    with the process that runs it (user attribute ``worker``)."""
    families = [c.family for c in plan.candidates]
    config = plan.trial_config(trial.user_attrs.get("preset") or suggest(trial, families, spec.task_type))
    for flag, chosen in (("l1_loss", plan.l1_loss), ("log_target", plan.try_log_target),
                         ("ids_as_numbers", bool(profile.ordered_ids)),
                         ("levels_as_categories", levels_choice(profile))):
        if chosen:  # the search decides, trial by trial (fixed for enqueued trials)
            config.pop(flag, None)
            if trial.suggest_categorical(flag, [False, True]):
                config[flag] = True
    trial.set_user_attr("config", config)
    source = trial.user_attrs.get("source", "tpe")
    trial.set_user_attr("source", source)
    trial.set_user_attr("worker", WORKER)
    return TrialJob(
        job_id=f"trial-{trial.number}", kind="cv", data_file=data.data_file, target=spec.target,
        metric=spec.metric, profile=profile, configs=[config], folds_file=data.folds_file,
        out_subdir=f"{study.study_name}/trial-{trial.number}", classes=data.classes, seed=trial.number,
        threads=threads, feature_code=data.feature_code, time_limit_s=time_limit_s, max_train_rows=max_train_rows,
        holdout_file=data.holdout_file, test_file=data.test_file, last_fold_only=data.last_fold_only,
        keep_model_above=candidates_entry(study, get_metric(spec.metric), plan.candidate_trials, config, source),
    )


def candidates_entry(study: optuna.Study, metric: Metric, k: int, config: dict, source: str) -> float | None:
    """The score a trial of ``config`` from ``source`` must reach to join the pool the ensemble is chosen among
    (``candidate_pool`` of the ``k`` best with saved models; None while the pool has room): the pool's last, and
    for a searched trial its family's searched member too. A trial below it is not a candidate now, so its fold
    models need not be saved; the pool at the end is chosen among the trials whose models were."""
    kept = [trial_record(t) for t in study.get_trials(deepcopy=False, states=(TrialState.COMPLETE,))
            if t.value is not None and np.isfinite(t.value) and t.user_attrs.get("model_file")]
    pool = candidate_pool(metric.best_first(kept), k)
    bars = [pool[-1].value] if len(pool) >= k else []
    if source in STEERED:
        bars += [t.value for t in pool if t.source in STEERED and t.config.get("family") == config.get("family")]
    return float(max(bars) if metric.greater_is_better else min(bars)) if bars else None


def trial_timeout(job: TrialJob, room: float, later: bool, settings: Settings) -> float:
    """Seconds after which a trial's worker is killed: its limit with a grace; a trial after the first is killed
    at most ``settings.late_s`` past the deadline ``room`` seconds away."""
    timeout = job.time_limit_s * settings.grace[0] + settings.grace[1]
    return min(timeout, max(job.time_limit_s * settings.grace[0], room + settings.late_s)) if later else timeout


def run_trial(study: optuna.Study, trial: optuna.trial.Trial, job: TrialJob, sandbox: Sandbox, *, timeout_s: float,
              startup_s: float = 0.0, lock=None, halted: Callable[[], bool] = lambda: False) -> TrialOutcome:
    """Run the trial's job in ``sandbox``, reporting each fold to the pruner (under ``lock`` when threads share the
    study; pruned after a fold once ``halted()``), with the storage's heartbeat kept while it runs where the storage
    has one."""
    lock = lock or nullcontext()

    def on_fold(step: int, value: float) -> bool:
        with lock:
            trial.report(value, step)
            return not (halted() or trial.should_prune())

    with get_heartbeat_thread(trial._trial_id, study._storage):  # optuna's own, as in Study.optimize
        return sandbox.run(job, timeout_s=timeout_s, on_fold=on_fold, startup_s=startup_s)


def tell(study: optuna.Study, trial: optuna.trial.Trial, outcome: TrialOutcome) -> None:
    """Record the outcome on the trial (its files, scores and timings as user attributes) and finish it."""
    trial.set_user_attr("seconds", outcome.seconds)
    trial.set_user_attr("fold_scores", outcome.fold_scores)
    trial.set_user_attr("info", outcome.info)
    if outcome.status == "COMPLETE":
        trial.set_user_attr("oof_file", outcome.oof_file)
        trial.set_user_attr("model_file", outcome.model_file)
        trial.set_user_attr("pred_files", outcome.pred_files)
        study.tell(trial, outcome.value)
    else:
        trial.set_user_attr("status", outcome.status)  # the outcome as mlpilot reports it (FAIL, TIMEOUT, PRUNED)
        trial.set_user_attr("reason", outcome.reason)
        # Optuna's TPE ignores FAIL trials, so it would keep drawing a configuration that fails or times out
        # (a family that breaks on this table, every few hundred milliseconds); PRUNED counts as a bad result
        study.tell(trial, state=TrialState.PRUNED)


def records(study: optuna.Study) -> list[TrialRecord]:
    return [trial_record(t) for t in study.get_trials(deepcopy=False) if t.state.is_finished()]


def trial_record(t: optuna.trial.FrozenTrial) -> TrialRecord:
    attrs = t.user_attrs
    state = attrs.get("status") or ("COMPLETE" if t.state == TrialState.COMPLETE else t.state.name)
    return TrialRecord(
        number=t.number, state=state, config=attrs.get("config", {}), value=t.value,
        fold_scores=attrs.get("fold_scores", []), seconds=attrs.get("seconds", 0.0), reason=attrs.get("reason"),
        source=attrs.get("source", "tpe"), info=attrs.get("info", {}), oof_file=attrs.get("oof_file"),
        model_file=attrs.get("model_file"), pred_files=attrs.get("pred_files", {}),
    )
