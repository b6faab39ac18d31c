"""Driving the graph through one run: its checkpoints, the questions it asks, and the salvage after a failure."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import traceback
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from types import SimpleNamespace

from langgraph.checkpoint.sqlite import SqliteSaver
from langgraph.types import Command

from mlpilot import schemas
from mlpilot.agent import state as run_state
from mlpilot.agent.checkpoint import serde
from mlpilot.agent.deliver import deliver
from mlpilot.agent.graph import build_graph
from mlpilot.agent.state import Deps, RunState
from mlpilot.errors import MlpilotError
from mlpilot.layout import RunLayout

SERDE = serde(schemas, run_state)  # the checkpointed run state's own types (and the run's input, RunState)


def run_graph(state: RunState, deps: Deps, ask: Callable[[str], str] | None, resume: bool = False) -> RunState:
    """Run the graph from ``state`` to a delivered result, checkpointing in the run directory; after an
    unexpected failure, deliver the best model found so far (or fail in one line).

    ``resume``: continue the run's own checkpoint instead: from the node it stopped in, or, if it had
    finished, from the search again (the same study: its trials count, none is repeated).
    """
    with sqlite3.connect(deps.layout.checkpoints, check_same_thread=False) as conn:
        graph = build_graph(checkpointer=SqliteSaver(conn, serde=SERDE))
        config = {"configurable": {"thread_id": deps.run_dir.name}}
        if resume and has_finished(graph.get_state(config)):  # next: search, told only what still holds
            graph.update_state(config, {"verdict": None, "warnings": warnings_before_search(graph, config)},
                               as_node="engineer")
        try:
            final = _drive(graph, None if resume else state, config, deps, ask)
        except Exception as exc:
            final = _salvage(graph, config, deps, exc)
    return RunState.model_validate(final)


def warnings_before_search(graph, config) -> list[str]:
    """The run's warnings as they stood when its last search began: what the search, the verifier and the
    delivery told ("no trial finished", "stopped early when asked") is about that search, not the next."""
    for snapshot in graph.get_state_history(config):  # newest first
        if snapshot.next == ("search",):
            return list(snapshot.values.get("warnings", []))
    return []


def has_finished(snapshot) -> bool:
    """Whether a checkpoint is a run's end: no task left in its step. Not ``snapshot.next``, which leaves out a
    task whose writes were saved when the run was killed before its step's checkpoint (invoking the graph again
    applies those writes and goes on)."""
    return not snapshot.tasks


def checkpointed(run_dir: Path) -> tuple[RunState, bool, float]:
    """A run directory's last checkpointed state, whether the run had finished, and the seconds it had spent."""
    layout = RunLayout(run_dir)
    if not layout.checkpoints.is_file():
        raise MlpilotError(f"{run_dir} is not a run directory mlpilot can continue (no {layout.checkpoints.name}): "
                           "pass a folder a run printed")
    try:
        with closing(sqlite3.connect(layout.checkpoints)) as conn:
            snapshot = build_graph(checkpointer=SqliteSaver(conn, serde=SERDE)).get_state(
                {"configurable": {"thread_id": run_dir.name}})
    except sqlite3.DatabaseError as exc:
        raise MlpilotError(f"{layout.checkpoints} is unreadable ({exc}): this run cannot be continued") from None
    if not snapshot.values:
        raise MlpilotError(f"{layout.checkpoints} holds no checkpoint of run {run_dir.name}: this run cannot be "
                           "continued (was the folder renamed?)")
    spent = 0.0
    events = layout.file("events")
    for line in reversed(events.read_text().splitlines() if events.is_file() else []):
        try:  # the last whole line: a kill can cut the very last one short
            spent = json.loads(line).get("elapsed_s", 0.0)
            break
        except json.JSONDecodeError:
            continue
    return RunState.model_validate(snapshot.values), has_finished(snapshot), spent


def _drive(graph, state: RunState | None, config: dict, deps: Deps, ask: Callable[[str], str] | None) -> dict:
    """Run the graph to the end (from ``state``, or on from its checkpoint when None), answering each interrupt's
    question with ``ask`` (off the budget clock)."""
    step = graph.invoke(state, config, context=deps, version="v2")
    while step.interrupts:
        if ask is None:  # a run stopped at a question, continued where no one can answer
            question = step.interrupts[0].value["question"].splitlines()[0]
            raise MlpilotError(f"the run is waiting for an answer to {question!r}: continue it in the chat that "
                               "asked, or run again with the answer in the request (e.g. --target COLUMN)")
        with deps.clock.paused():
            answer = ask(step.interrupts[0].value["question"])
        step = graph.invoke(Command(resume=answer), config, context=deps, version="v2")
    return step.value


def _storage_lost(layout: RunLayout, exc: Exception) -> str | None:
    """One line for a run whose directory failed it (removed, read-only, its disk full): nothing more can be
    written there, so nothing is delivered, but what was saved stays."""
    run_dir = layout.root
    if not run_dir.is_dir():
        return (f"the run directory {run_dir} was removed while the run worked: nothing of the run is left; run "
                f"again with --out on a folder that stays")
    saved = f"the best model so far is in {layout.model}; " if layout.model.exists() else ""
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return f"the disk of {run_dir} is full ({exc}): {saved}free some space, then `mlpilot resume {run_dir}`"
    if (isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM)) \
            or not os.access(run_dir, os.W_OK):
        return (f"the run directory {run_dir} can no longer be written ({exc}): {saved}make it writable, then "
                f"`mlpilot resume {run_dir}`")
    return None


def _salvage(graph, config: dict, deps: Deps, exc: Exception) -> dict:
    """After a failure mid-run: deliver the best model found so far with a warning, or fail in one line.

    The traceback goes to ``run_dir/error.log``; it never reaches the user.
    """
    layout = deps.layout
    if isinstance(exc, MlpilotError) and not layout.model.exists():
        raise exc  # the user's to fix, and nothing to deliver yet
    lost = _storage_lost(layout, exc)
    if lost:
        raise MlpilotError(lost) from None
    log = layout.error_log
    log.write_text("".join(traceback.format_exception(exc)))
    values = graph.get_state(config).values
    if not values.get("spec") or not layout.model.exists():
        raise MlpilotError(f"the run failed unexpectedly ({type(exc).__name__}: {str(exc)[:200]}); nothing was "
                           f"fitted yet; details in {log}") from None
    state = RunState.model_validate(values)
    warning = (f"the run failed unexpectedly ({type(exc).__name__}: {str(exc)[:200]}); delivered the best model "
               f"found so far; details in {log}")
    deps.warn(warning)
    state = state.model_copy(update={"warnings": state.warnings + [warning]})
    try:
        return state.model_dump() | deliver(state, SimpleNamespace(context=deps))
    except Exception as again:
        log.write_text(log.read_text() + "\nwhile delivering after it:\n" + "".join(traceback.format_exception(again)))
        raise MlpilotError(f"the run failed unexpectedly ({type(exc).__name__}: {str(exc)[:200]}) and the best "
                           f"model so far could not be delivered; it is in {layout.model}; details in "
                           f"{log}") from None
