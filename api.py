"""The Python entry points: ``solve`` a request into a ``Result``, ``load`` a delivered model, ``predict`` with it."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from mlpilot.agent.backends import Backend, get_backend
from mlpilot.agent.data import sample_submission
from mlpilot.agent.state import Clock, Deps, RunState
from mlpilot.errors import MlpilotError
from mlpilot.events import Event, Note
from mlpilot.inputs import read_inputs
from mlpilot.layout import RunLayout, writable_folder
from mlpilot.run_lock import run_lock
from mlpilot.sandboxes import Sandbox, get_sandbox, resolve_kind
from mlpilot.sandboxes.feature_code import feature_sandbox
from mlpilot.schemas import FAMILIES, TaskSpec, Verdict
from mlpilot.settings import Settings
from mlpilot.tools.durations import parse_duration
from mlpilot.tools.load import load_table
from mlpilot.tools.model_io import load_model, preload
from mlpilot.tools.submission import make_submission, predict_for_submission

@dataclass
class Result:
    """What a run delivered. ``model`` (loaded on first use) takes raw frames with the training columns."""

    score: float | None
    metric: str
    leaderboard: pd.DataFrame
    verification: Verdict | None
    spec: TaskSpec
    run_dir: Path
    warnings: list[str]
    summary: dict

    @property
    def model(self):
        if not hasattr(self, "_model"):
            self._model = load_model(RunLayout(self.run_dir).model)
        return self._model

    @property
    def predictions(self) -> pd.DataFrame | None:
        path = RunLayout(self.run_dir).predictions
        return pd.read_csv(path) if path.exists() else None

    @property
    def submission_path(self) -> Path | None:
        path = RunLayout(self.run_dir).predictions
        return path if path.exists() else None


def new_run_dir(out: str | Path) -> Path:
    """A fresh directory under ``out``; a clear error if ``out`` cannot be written."""
    out = writable_folder(out)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    try:
        for i in range(1000):
            run_dir = out / (f"run-{stamp}" + (f"-{i}" if i else ""))
            try:
                run_dir.mkdir()
                return run_dir
            except FileExistsError:
                continue
    except OSError as exc:
        raise MlpilotError(f"output directory {out} is not writable ({exc.strerror}): pass --out to a writable folder") from None
    raise MlpilotError(f"too many runs started this second in {out}: retry")


def solve(
    request: str,
    data: str | Path | pd.DataFrame,
    *,
    test: str | Path | pd.DataFrame | None = None,
    target: str | None = None,
    metric: str | None = None,
    exclude: str | list[str] | None = None,
    families: list[str] | None = None,
    time_budget: float | str | None = None,
    out: str | Path = "runs",
    sandbox: str | Sandbox = "local",
    llm: str | Backend | None = None,
    base_url: str | None = None,
    max_llm_cost: float | None = None,
    threads: int = 2,
    storage: str | None = None,
    study: str | None = None,
    submission: str | Path | None = None,
    on_event: Callable[[Event], None] | None = None,
    ask: Callable[[str], str] | None = None,
    review: bool = False,
    started: float | None = None,
    settings: Settings | None = None,
    finish: threading.Event | None = None,
) -> Result:
    """Plan, tune, verify and deliver a model for ``request`` on ``data`` within ``time_budget``.

    ``time_budget`` (seconds or text like "2m") covers the whole run, except time spent waiting for
    ``ask``; without it the request's own words decide ("... in 5 minutes"), else 120 s. ``ask(question)``
    answers the planner's clarifying questions; without it the planner goes on with its best reading.
    ``exclude`` names columns no model may use (as ``--exclude`` does). ``submission`` is a path to copy the
    predictions for ``test`` to as well (where a harness expects them, e.g. ``submission/submission.csv``).
    ``families`` are the only model families to search (``mlpilot.schemas.FAMILIES``); ``review=True`` shows
    the plan through ``ask`` before the search and takes the answer as approval or a change.
    ``started``: the ``time.monotonic()`` value the budget counts from, if earlier than this call (the command
    line passes its own start, so importing the stack is on the clock). ``settings``: the constants that tune
    how the run spends its time (``mlpilot.settings.Settings``), to experiment with. ``storage``: a database
    URL (``postgresql://USER@HOST/DB``) holding the study, so ``mlpilot worker --storage URL --study NAME``
    processes run trials too; ``study`` is that NAME (default: the run directory's name). ``finish``: an event
    another thread sets to end the search early; the run then delivers the best model found so far.
    """
    started = time.monotonic() if started is None else started
    if submission is not None and test is None:
        raise MlpilotError("a submission file needs rows to predict: pass test= (--test) with submission=")
    budget = None if time_budget is None else parse_duration(time_budget)
    unknown = [f for f in families or [] if f not in FAMILIES]
    if unknown:
        raise MlpilotError(f"unknown model families {', '.join(unknown)}: choose from {', '.join(FAMILIES)}")
    if review and ask is None:
        raise MlpilotError("review=True shows the plan to a person: pass ask= to answer it")
    train, rows = read_inputs(data, test, target=target, metric=metric)
    if storage:
        from mlpilot.tools.storage import storage_for

        storage_for(storage)  # a wrong URL or a missing driver fails here, before anything is written
    run_dir = new_run_dir(out)
    data_path = _stage(data, train, run_dir, "input")
    test_path = None if test is None else _stage(test, rows, run_dir, "test")
    state = RunState(request=request, data_path=data_path, test_path=test_path, run_dir=str(run_dir),
                     time_budget_s=budget, target=target, metric=metric,
                     exclude=[exclude] if isinstance(exclude, str) else list(exclude or []),
                     families=list(families or []), review_plan=review)
    with run_lock(run_dir):
        final = _run(state, train, rows, Clock(budget or 120.0, started, finish), resume=False, sandbox=sandbox, llm=llm,
                     base_url=base_url, max_llm_cost=max_llm_cost, threads=threads, storage=storage,
                     study=study, on_event=on_event, ask=ask, settings=settings)
    if submission is not None:
        Path(submission).expanduser().parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(RunLayout(run_dir).predictions, Path(submission).expanduser())
    return _result(final, run_dir)


def resume(
    run_dir: str | Path,
    *,
    time_budget: float | str | None = None,
    sandbox: str | Sandbox = "local",
    llm: str | Backend | None = None,
    base_url: str | None = None,
    on_event: Callable[[Event], None] | None = None,
    ask: Callable[[str], str] | None = None,
    storage: str | None = None,
    study: str | None = None,
    started: float | None = None,
    finish: threading.Event | None = None,
) -> Result:
    """Continue a run from its checkpoint and its study: no finished trial is lost or run again.

    A run that stopped part-way goes on from the node it was in, with the time it had left (``time_budget``
    gives it that much instead); a finished run searches its same study again for ``time_budget`` more,
    then verifies and delivers anew in the same run directory. The clock goes on from the seconds already
    spent, so a run resumed twice still counts them all. A run whose study was shared (``storage``) is resumed
    with the same ``storage`` and ``study``. ``finish`` ends it early, as in ``solve``.
    """
    from mlpilot.agent.run import checkpointed

    started = time.monotonic() if started is None else started
    run_dir = Path(run_dir).expanduser()
    state, finished, spent = checkpointed(run_dir)
    more = None if time_budget is None else parse_duration(time_budget)
    if finished and more is None:
        raise MlpilotError(f"{run_dir} has finished: give it more time to search again (time_budget=, "
                           f"e.g. --time-budget 2m)")
    given = state.spec.time_budget_s if state.spec else state.time_budget_s or 120.0
    budget = spent + more if more is not None else max(given, spent + 10.0)
    train, rows = read_inputs(state.data_path, state.test_path, target=None, metric=None)
    with run_lock(run_dir):  # held by the run itself while it is alive
        final = _run(state, train, rows, Clock(budget, started - spent, finish), resume=True, sandbox=sandbox, llm=llm,
                     base_url=base_url, on_event=on_event, ask=ask, storage=storage, study=study)
    return _result(final, run_dir)


def _run(state: RunState, train: pd.DataFrame, rows: pd.DataFrame | None, clock: Clock, *, resume: bool,
         sandbox: str | Sandbox, llm, base_url: str | None, on_event, ask, max_llm_cost: float | None = None,
         threads: int = 2, storage: str | None = None, study: str | None = None,
         settings: Settings | None = None) -> RunState:
    """Run (or continue) the graph on checked inputs in ``state.run_dir``, inside a sandbox."""
    from mlpilot.agent.run import run_graph  # the modelling stack (~4 s of imports) loads once the inputs pass

    preload()
    run_dir = Path(state.run_dir)
    backend = get_backend(llm, base_url=base_url, max_cost=max_llm_cost, log_dir=run_dir)
    layout = RunLayout(run_dir)
    layout.data.mkdir(exist_ok=True)
    kind, why = resolve_kind(sandbox)
    with get_sandbox(kind, layout.data, layout.trials) as box:  # its worker starts once the inputs are checked
        deps = Deps(backend=backend, sandbox=box, run_dir=run_dir, clock=clock, train=train, test=rows,
                    settings=settings or Settings(), threads=threads, storage=storage, study=study, on_event=on_event,
                    interactive=ask is not None)
        deps.emit(Note(message=f"trials run in the {box.name} sandbox ({why})"))
        # LLM backends report fallbacks and warnings as they happen
        backend.on_event = lambda e: e["kind"] in ("fallback", "warning") and deps.warn(f"LLM: {e['message']}")
        try:
            with feature_sandbox(box):
                return run_graph(state, deps, ask, resume=resume)
        finally:
            if storage:  # the workers of a shared study exit
                from mlpilot.tools.storage import close_job, storage_for

                close_job(storage_for(storage, wait=True), deps.home_study)


def _result(final: RunState, run_dir: Path) -> Result:
    layout = RunLayout(run_dir)
    return Result(
        score=final.cv_score, metric=final.spec.metric,
        leaderboard=pd.read_csv(layout.file("leaderboard")), verification=final.verdict, spec=final.spec,
        run_dir=run_dir, warnings=final.warnings, summary=json.loads(layout.file("summary").read_text()),
    )


def _stage(source, table: pd.DataFrame, run_dir: Path, name: str) -> str:
    """A path the run can read again: files stay where they are, a DataFrame is written to the run dir as ``table``
    (what ``load_table`` made of it: mixed value types as text, which Parquet can store)."""
    if isinstance(source, pd.DataFrame):
        data = RunLayout(run_dir).data
        data.mkdir(exist_ok=True)
        path = data / f"{name}.parquet"
        table.to_parquet(path)
        return str(path)
    return str(Path(source).expanduser().resolve())


def load(run_dir: str | Path):
    """The model a run delivered (``run_dir/model.skops``), loaded without unpickling anything."""
    path = Path(run_dir)
    return load_model(RunLayout(path).model if path.is_dir() else path)


def predict(run_dir: str | Path, data: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Predictions of a run's delivered model for ``data`` (a table or file with the training columns), in the
    form its predictions.csv has: id column, then labels, values or class probabilities; for a file with a sample
    submission beside it, in the sample's form, columns and row order (as a run's test file)."""
    layout = RunLayout(run_dir)
    summary_path = layout.file("summary")
    if not summary_path.is_file() or not layout.model.is_file():
        raise MlpilotError(f"{run_dir} is not a finished run directory (no {summary_path.name} or "
                           f"{layout.model.name}): pass the folder a run printed")
    spec = TaskSpec.model_validate(json.loads(summary_path.read_text())["spec"])
    frame = load_table(data, what="data to predict")
    model = load(run_dir)
    missing = [c for c in model.features if c not in frame.columns]
    if missing:
        raise MlpilotError(f"the data to predict lacks training columns {', '.join(missing[:8])}: add them and retry")
    sample = None if isinstance(data, pd.DataFrame) else sample_submission(str(data))
    return make_submission(predict_for_submission(model, frame), frame, classes=model.classes, target=spec.target,
                           task_type=spec.task_type, metric=spec.metric, id_column=spec.id_column, sample=sample,
                           class_weights=model.class_weights, metric_asked=spec.metric_asked)
